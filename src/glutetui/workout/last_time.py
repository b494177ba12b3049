"""Last time: what was done the previous time an exercise was logged, set by set and side.

The session step shows it next to the target ("Last time (21 Nov): 14 reps · green band"), so
the person can match or beat it. Pure: it reads the sessions it is given (newest first, as
:meth:`~glutetui.log.LogStore.history` returns them) and formats through :mod:`glutetui.figures`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from glutetui import figures
from glutetui.model import Session, SetResult, Side


@dataclass(frozen=True)
class LastTime:
    """The sets of one exercise in the last session that logged any, and that session's day."""

    day: date
    sets: tuple[SetResult, ...]

    def matching(self, set_number: int, side: Side | None, warmup: bool) -> SetResult | None:
        """The set done last time in the same place (number, side, warm-up or not), if any."""
        return next(
            (
                s
                for s in self.sets
                if s.set_number == set_number and s.side == side and s.warmup == warmup
            ),
            None,
        )

    def describe(self, set_number: int, side: Side | None, warmup: bool) -> str:
        """``Last time (21 Nov): 14 reps · green band`` for that set; the day alone when that
        set was not done then."""
        when = f"Last time ({self.day.day} {self.day:%b})"
        done = self.matching(set_number, side, warmup)
        if done is None:
            return f"{when}: this set was not done"
        effort = figures.format_effort(done.reps, done.seconds)
        reps = "" if done.seconds and not done.reps else " reps"
        return f"{when}: {effort}{reps} · {figures.format_load(done.load, done.unit)}"


def last_times(
    sessions: Iterable[Session], exercise_ids: Iterable[str], *, besides: str = ""
) -> dict[str, LastTime]:
    """For each of ``exercise_ids``, its sets in the newest of ``sessions`` (newest first) that
    logged one, leaving out the session ``besides`` (the one running now)."""
    wanted = set(exercise_ids)
    found: dict[str, LastTime] = {}
    for session in sessions:
        if not wanted:
            break
        if session.id == besides:
            continue
        for exercise_id in sorted(wanted):
            sets = tuple(s for s in session.sets if s.exercise_id == exercise_id)
            if sets:
                found[exercise_id] = LastTime(session.started_at.date(), sets)
                wanted.discard(exercise_id)
    return found
