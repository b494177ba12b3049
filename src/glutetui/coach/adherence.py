"""Adherence: programme sessions done against sessions planned, per week and overall.

A planned session counts as done on a **training day** (:func:`glutetui.stats.training_days`:
a day with a session that has at least one work set), at most one a day and never more than
the week planned, so adherence is never above 100 %. Weeks are programme weeks: seven active
days from the day the programme started, with paused days left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from glutetui.coach.programmes import DAYS_PER_WEEK, scheduled_days
from glutetui.coach.programmes_state import ProgrammeState


@dataclass(frozen=True)
class WeekAdherence:
    """One programme week: sessions planned (so far, for the current week) and done."""

    week: int
    """0 for the first week."""
    stage: int
    """Index of the stage that week belonged to."""
    planned: int
    done: int

    @property
    def share(self) -> float:
        """``done / planned`` (1.0 for a week with nothing planned yet)."""
        return self.done / self.planned if self.planned else 1.0


@dataclass(frozen=True)
class Adherence:
    """Every programme week so far, oldest first."""

    weeks: tuple[WeekAdherence, ...]

    @property
    def planned(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def done(self) -> int:
        return sum(w.done for w in self.weeks)

    @property
    def share(self) -> float:
        """Done over planned for the whole programme so far (1.0 before anything was planned)."""
        return self.done / self.planned if self.planned else 1.0


def week_days(state: ProgrammeState, days: Iterable[date], today: date) -> dict[int, set[int]]:
    """Training days as ``{programme week: {day of that week}}``, up to ``today``.

    Days before the start, after ``today`` or inside a pause belong to no week.
    """
    weeks: dict[int, set[int]] = {}
    for day in days:
        if day < state.started or day > today or state.is_paused_on(day):
            continue
        index = state.active_days_before(day)
        weeks.setdefault(index // DAYS_PER_WEEK, set()).add(index % DAYS_PER_WEEK)
    return weeks


def week_adherence(
    week: int, stage: int, sessions_per_week: int, trained: set[int], up_to: int | None
) -> WeekAdherence:
    """One week's figures; ``up_to`` is today's day of the week for the current week."""
    planned_days = [d for d in scheduled_days(sessions_per_week) if up_to is None or d <= up_to]
    seen = [d for d in trained if up_to is None or d <= up_to]
    return WeekAdherence(week, stage, len(planned_days), min(len(seen), len(planned_days)))


def summarise(weeks: Iterable[WeekAdherence]) -> Adherence:
    """The weeks, oldest first, as one :class:`Adherence`."""
    return Adherence(tuple(sorted(weeks, key=lambda w: w.week)))


class RowLike(Protocol):
    """What adherence needs of a log summary (:class:`glutetui.log.summaries.SessionRow`)."""

    @property
    def started_at(self) -> datetime: ...

    @property
    def sets(self) -> int: ...


def training_days_of_rows(rows: Iterable[RowLike]) -> set[date]:
    """Training days of log summaries (``SessionRow``: ``started_at`` and work ``sets``).

    The same rule as :func:`glutetui.stats.training_days`, for lists that were never built
    into whole sessions.
    """
    return {r.started_at.date() for r in rows if r.sets > 0}


__all__ = [
    "Adherence",
    "RowLike",
    "WeekAdherence",
    "summarise",
    "training_days_of_rows",
    "week_adherence",
    "week_days",
]
