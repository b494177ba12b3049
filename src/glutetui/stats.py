"""Figures from the training history: streaks, weekly sets, trends, personal bests.

Pure functions over :class:`~glutetui.model.Session` objects; nothing here reads files, looks at
the clock or imports textual. "Today" is always a parameter, so the figures are reproducible
and tests freeze time by passing a date.

Set, rep, load, volume and duration figures come from :mod:`glutetui.figures`, the one
definition every view shares. Definitions this module adds (the log screen shows them in these
words):

* **Training day** – a calendar day, in the time zone the session was recorded in, on which a
  session has at least one work set. A session opened and abandoned before its first set does
  not make a training day.
* **Streak** – consecutive ISO weeks (Monday to Sunday) with at least one training day. Weeks,
  not days, because rest days are part of strengthening work: a day-by-day streak would punish
  exactly the recovery that the exercises need. The current week never breaks a streak while it
  is still running: with no training yet this week, the current streak is the one that ended
  last week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from glutetui.figures import best_load, set_figures, volume, work_sets
from glutetui.model import Session, SetResult

# --------------------------------------------------------------------------- small helpers


def session_day(session: Session) -> date:
    """The calendar day a session belongs to: its start, in the zone it was recorded in."""
    return session.started_at.date()


def monday_of(day: date) -> date:
    """The Monday that starts ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def by_time(sessions: Iterable[Session]) -> list[Session]:
    """Oldest first, whatever order they came in (ties broken by id, so the order is stable)."""
    return sorted(sessions, key=lambda s: (s.started_at, s.id))


# --------------------------------------------------------------------------- consistency


def training_days(sessions: Iterable[Session]) -> set[date]:
    """Every day with at least one work set."""
    return {session_day(s) for s in sessions if any(not r.warmup for r in s.sets)}


@dataclass(frozen=True)
class Streak:
    """Consecutive ISO weeks with at least one training day."""

    current: int
    """Weeks in the streak that is still alive (this week, or last week if none yet this week)."""
    longest: int
    """The longest run of weeks ever, the current one included."""


def streak(sessions: Iterable[Session], today: date) -> Streak:
    """Current and longest week streak as of ``today`` (sessions after today are ignored)."""
    weeks = sorted({monday_of(d) for d in training_days(sessions) if d <= today})
    longest = run = 0
    previous: date | None = None
    for monday in weeks:
        run = run + 1 if previous is not None and monday - previous == timedelta(weeks=1) else 1
        longest = max(longest, run)
        previous = monday
    this_week = monday_of(today)
    alive = previous is not None and this_week - previous <= timedelta(weeks=1)
    return Streak(current=run if alive else 0, longest=longest)


@dataclass(frozen=True)
class Calendar:
    """Work sets per day over whole weeks, for a contributions-style heat map."""

    start: date
    """A Monday."""
    end: date
    """``today``: the last day shown."""
    sets: dict[date, int]
    """Every day from ``start`` to ``end``, zero on rest days."""

    @property
    def weeks(self) -> int:
        """Number of week columns."""
        return (self.end - self.start).days // 7 + 1

    @property
    def peak(self) -> int:
        """The most sets on any one day shown (0 when there are none)."""
        return max(self.sets.values(), default=0)

    @property
    def active_days(self) -> int:
        """Days shown with at least one work set."""
        return sum(1 for n in self.sets.values() if n)


def training_calendar(sessions: Iterable[Session], today: date, weeks: int = 16) -> Calendar:
    """Work sets per day for the last ``weeks`` ISO weeks, this (partial) week included."""
    weeks = max(1, weeks)
    start = monday_of(today) - timedelta(weeks=weeks - 1)
    days = {start + timedelta(days=i): 0 for i in range((today - start).days + 1)}
    for session in sessions:
        day = session_day(session)
        if day in days:
            days[day] += work_sets(session.sets)
    return Calendar(start=start, end=today, sets=days)


def heat_level(sets: int, peak: int, levels: int = 4) -> int:
    """``0`` for a rest day, else ``1..levels`` scaled to ``peak``."""
    if sets <= 0 or peak <= 0:
        return 0
    return max(1, min(levels, -(-sets * levels // peak)))


@dataclass(frozen=True)
class WeekSets:
    """Work sets in one ISO week against the weekly goal."""

    monday: date
    sets: int
    goal: int

    @property
    def iso_week(self) -> tuple[int, int]:
        """``(ISO year, ISO week number)``."""
        year, week, _ = self.monday.isocalendar()
        return year, week

    @property
    def fraction(self) -> float:
        """Share of the goal done, capped at 1."""
        return min(1.0, self.sets / self.goal) if self.goal > 0 else 1.0

    @property
    def met(self) -> bool:
        """The goal was reached."""
        return self.sets >= self.goal


def weekly_sets(
    sessions: Iterable[Session], today: date, goal: int, weeks: int = 12
) -> tuple[WeekSets, ...]:
    """Work sets per ISO week for the last ``weeks`` weeks, oldest first, this week last."""
    weeks = max(1, weeks)
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    totals: dict[date, int] = {first + timedelta(weeks=i): 0 for i in range(weeks)}
    for session in sessions:
        day = session_day(session)
        if first <= day <= today:
            totals[monday_of(day)] += work_sets(session.sets)
    return tuple(WeekSets(monday, n, goal) for monday, n in totals.items())


# --------------------------------------------------------------------------- per exercise


def exercises_in(sessions: Iterable[Session]) -> dict[str, str]:
    """Exercise id -> name (as most recently logged) for every exercise with a work set.

    Ordered by name. Exercises whose plugin is gone still appear under their saved name.
    """
    names: dict[str, tuple[datetime, str]] = {}
    for session in sessions:
        done = {s.exercise_id for s in session.sets if not s.warmup}
        for exercise_id in done:
            entry = session.exercise(exercise_id)
            name = entry.name if entry is not None and entry.name else exercise_id
            seen = names.get(exercise_id)
            if seen is None or session.started_at > seen[0]:
                names[exercise_id] = (session.started_at, name)
    return dict(sorted(((k, v[1]) for k, v in names.items()), key=lambda kv: kv[1].lower()))


@dataclass(frozen=True)
class TrendPoint:
    """One session's figures for one exercise."""

    session_id: str
    day: date
    reps: int
    """Reps over its work sets, both sides added up."""
    sets: int
    top_load: float | None
    """Heaviest numeric load of a work set, in the unit asked for."""
    volume: float
    """Reps × load over work sets with a numeric load (0 when none has one)."""
    seconds: int = 0
    """Seconds of its timed work sets (holds, planks), both sides added up."""


def _work_sets_of(session: Session, exercise_id: str) -> list[SetResult]:
    return [s for s in session.sets if s.exercise_id == exercise_id and not s.warmup]


def exercise_trend(
    sessions: Iterable[Session], exercise_id: str, unit: str = "kg"
) -> tuple[TrendPoint, ...]:
    """Per session that did ``exercise_id``: reps, sets, top load, volume and seconds (the
    figures of :func:`glutetui.figures.set_figures`), oldest first."""
    points = []
    for session in by_time(sessions):
        done = _work_sets_of(session, exercise_id)
        if not done:
            continue
        counted = set_figures(done, unit)
        points.append(
            TrendPoint(
                session_id=session.id,
                day=session_day(session),
                reps=counted.reps,
                sets=counted.work_sets,
                top_load=counted.best_load,
                volume=counted.volume,
                seconds=counted.seconds,
            )
        )
    return tuple(points)


@dataclass(frozen=True)
class Best:
    """A personal best and when it was first reached."""

    value: float
    session_id: str
    day: date


@dataclass(frozen=True)
class PersonalBests:
    """An exercise's records; ``None`` where nothing qualifies (no numeric load, say)."""

    max_reps: Best | None
    """Most reps in one work set (one side)."""
    max_load: Best | None
    """Heaviest numeric load of a work set."""
    max_volume: Best | None
    """Most reps × load in one session."""
    max_seconds: Best | None = None
    """Longest timed work set (one side), in seconds."""


def personal_bests(
    sessions: Iterable[Session], exercise_id: str, unit: str = "kg"
) -> PersonalBests:
    """Records for ``exercise_id``; a tie keeps the first session that reached it."""
    max_reps: Best | None = None
    max_load: Best | None = None
    max_volume: Best | None = None
    max_seconds: Best | None = None
    for session in by_time(sessions):
        done = _work_sets_of(session, exercise_id)
        if not done:
            continue
        day = session_day(session)
        top_reps = max(s.reps for s in done)
        if max_reps is None or top_reps > max_reps.value:
            max_reps = Best(top_reps, session.id, day)
        top_seconds = max(s.seconds or 0 for s in done)
        if top_seconds and (max_seconds is None or top_seconds > max_seconds.value):
            max_seconds = Best(top_seconds, session.id, day)
        top_load = best_load(done, unit)
        if top_load is not None and (max_load is None or top_load > max_load.value):
            max_load = Best(top_load, session.id, day)
        moved = volume(done, unit)
        if moved > 0 and (max_volume is None or moved > max_volume.value):
            max_volume = Best(moved, session.id, day)
    return PersonalBests(max_reps, max_load, max_volume, max_seconds)


@dataclass(frozen=True)
class PainPoint:
    """Pain (0–10) reported after an exercise in one session."""

    session_id: str
    day: date
    pain: int


def pain_trend(sessions: Iterable[Session], exercise_id: str) -> tuple[PainPoint, ...]:
    """Every pain report for ``exercise_id``, oldest first (sessions without one are left out)."""
    points = []
    for session in by_time(sessions):
        entry = session.exercise(exercise_id)
        if entry is not None and entry.pain is not None:
            points.append(PainPoint(session.id, session_day(session), entry.pain))
    return tuple(points)
