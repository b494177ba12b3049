"""One exercise's history, as the coach reads it: what each session did, per side.

Built from the log through :mod:`glutetui.figures` (work sets, best load, units): a per-side
exercise keeps each side's reps apart, set by set, so a lagging side is never averaged away.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from glutetui import figures
from glutetui.coach.checkins import CheckIn, CheckIns
from glutetui.coach.ladder import Rung
from glutetui.model import Range, Session, SetResult

MAX_OUTINGS = 8
"""How many past sessions of an exercise the policy sees: every rule looks at the last two."""


@dataclass(frozen=True)
class Outing:
    """One past session of one exercise."""

    session_id: str
    started_at: datetime
    rung: Rung
    """What was used: sets planned (or done), the heaviest load or the band."""
    target_reps: Range | None
    reps: Mapping[str, tuple[int, ...]]
    """``left`` / ``right`` / ``both`` -> reps of each work set, in order; sides never mixed."""
    pain: int | None
    morning: CheckIn | None = None
    """The next-morning answer about this session, if one was given."""
    target_seconds: Range | None = None
    """The seconds planned per set and side when the exercise was timed (``None``: reps, or a
    session logged before the target seconds were kept)."""
    seconds: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Like ``reps``, the seconds of each timed work set (one logged in seconds, not reps)."""


@dataclass(frozen=True)
class ExerciseHistory:
    """What the policy knows about one exercise: recent outings, newest first, and the time."""

    exercise_id: str
    now: datetime
    outings: tuple[Outing, ...] = field(default_factory=tuple)


def _band_or_weight_unit(work: list[SetResult], planned: str | None, unit: str) -> str | None:
    bands = [s.unit for s in work if figures.is_band(s.unit)]
    if bands:
        return bands[-1]
    if figures.is_band(planned):
        return planned
    return unit if figures.best_load(work, unit) is not None else None


def _by_side(done: Iterable[tuple[str | None, int, int]]) -> dict[str, tuple[int, ...]]:
    """``left`` / ``right`` / ``both`` -> the values of each set, in set order."""
    per_side: dict[str, list[tuple[int, int]]] = {}
    for side, number, value in done:
        per_side.setdefault(side or "both", []).append((number, value))
    return {side: tuple(v for _, v in sorted(rows)) for side, rows in per_side.items()}


def outing(session: Session, exercise_id: str, unit: str) -> Outing | None:
    """The exercise's outing in ``session``, or ``None`` if it did no work set there."""
    entry = session.exercise(exercise_id)
    if entry is not None and entry.skipped:
        return None
    mine = [s for s in session.sets if s.exercise_id == exercise_id]
    done = figures.set_figures(mine, unit)
    if done.work_sets == 0:
        return None
    # A work set is figures' one: anything not a warm-up.
    work = [s for s in mine if not s.warmup]
    reps = _by_side((s.side, s.set_number, s.reps) for s in work)
    held = _by_side((s.side, s.set_number, s.seconds) for s in work if s.seconds and not s.reps)
    best = done.best_load
    rung = Rung(
        sets=entry.target_sets if entry is not None and entry.target_sets else done.work_sets,
        load=None if best is None or best <= 0 else round(best, 2),
        unit=_band_or_weight_unit(work, entry.planned_unit if entry else None, unit),
    )
    return Outing(
        session_id=session.id,
        started_at=session.started_at,
        rung=rung,
        target_reps=entry.target_reps if entry is not None else None,
        target_seconds=entry.target_seconds if entry is not None else None,
        seconds=held,
        reps=reps,
        pain=entry.pain if entry is not None else None,
    )


def exercise_history(
    exercise_id: str,
    sessions: Iterable[Session],
    checkins: CheckIns,
    unit: str,
    now: datetime,
) -> ExerciseHistory:
    """The newest :data:`MAX_OUTINGS` finished outings of ``exercise_id`` before ``now``."""
    found: list[Outing] = []
    for session in sorted(sessions, key=lambda s: s.started_at, reverse=True):
        if session.status == "in-progress" or session.started_at > now:
            continue
        one = outing(session, exercise_id, unit)
        if one is None:
            continue
        morning = checkins.after(session.id)
        found.append(one if morning is None else replace(one, morning=morning))
        if len(found) == MAX_OUTINGS:
            break
    return ExerciseHistory(exercise_id=exercise_id, now=now, outings=tuple(found))
