"""What one session amounts to: the one definition of every figure glutetui shows.

The summary screen, the log screen, the session detail, ``glutetui log``, the exports, the
statistics, the weekly goal and the coach all ask this module, so a session reads the same
everywhere. Pure functions over :mod:`glutetui.model`; nothing here reads files or the clock.

Definitions:

* **Work set** – a set that is not a warm-up: a work, drop or failure set, and a timed set (a
  hold or a plank, logged in seconds) as much as one of reps. A per-side set is logged as one
  :class:`~glutetui.model.SetResult` per side but counts as **one** set, the way a coach says
  "3 sets of 12, each side": sets are counted as distinct ``(exercise, set number)`` pairs.
  Warm-up sets are counted the same way, separately.
* **Reps** – counted per side (``left``, ``right``, or ``both`` for an exercise that is not done
  on one side at a time) and in total, both sides added up.
* **Load** – numeric loads in ``kg`` or ``lb`` (or with no unit, taken to be in the unit asked
  for) are converted to the unit asked for. Band colours (``band:red``) are not numbers and are
  left out of load and volume figures.
* **Seconds** – the time of the work sets that record one, both sides added up.
* **Volume** – the sum of reps × load over the work sets that have a numeric load.
* **Duration** – end minus start; a session that was never finished ends at its last set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from glutetui.model import ExerciseLog, Session, SetKind, SetResult

KG_PER_LB: Final = 0.45359237
"""Kilograms in one pound (exact, by the international definition of the pound)."""
WEIGHT_UNITS: Final = ("kg", "lb")
"""The units a numeric load can be in."""
BAND_PREFIX: Final = "band:"
"""A unit that starts with this is a resistance band's colour, not a weight."""
MISSING: Final = "–"
"""What a figure that is not known reads as, everywhere."""


# --------------------------------------------------------------------------- units


def is_band(unit: str | None) -> bool:
    """``unit`` names a band colour (``band:red``) rather than a weight unit."""
    return unit is not None and unit.startswith(BAND_PREFIX)


def convert(load: float, unit: str | None, target: str) -> float | None:
    """``load`` given in ``unit`` expressed in ``target`` (``kg`` or ``lb``).

    A load with no unit is taken to be in ``target`` already; a band colour, or any unit other
    than kg and lb, gives ``None``: it cannot be compared with a weight.
    """
    given = unit or target
    if given == target and target in WEIGHT_UNITS:
        return float(load)
    if given == "lb" and target == "kg":
        return load * KG_PER_LB
    if given == "kg" and target == "lb":
        return load / KG_PER_LB
    return None


def load_in(result: SetResult, unit: str) -> float | None:
    """The set's load in ``unit``; ``None`` for bodyweight and bands."""
    return None if result.load is None else convert(result.load, result.unit, unit)


# --------------------------------------------------------------------------- sets and reps


def work_sets(sets: Iterable[SetResult]) -> int:
    """Work sets among ``sets``, a per-side set counting once."""
    return len({(s.exercise_id, s.set_number) for s in sets if not s.warmup})


def warmup_sets(sets: Iterable[SetResult]) -> int:
    """Warm-up sets among ``sets``, a per-side set counting once."""
    return len({(s.exercise_id, s.set_number) for s in sets if s.warmup})


def sets_of_kind(sets: Iterable[SetResult], kind: SetKind) -> int:
    """Sets of ``kind`` (``drop``, ``failure``, ...) among ``sets``, a per-side set counting once."""
    return len({(s.exercise_id, s.set_number) for s in sets if s.kind == kind})


def worked_exercises(sets: Iterable[SetResult]) -> int:
    """Exercises with at least one work set among ``sets``."""
    return len({s.exercise_id for s in sets if not s.warmup})


def max_pain(exercises: Iterable[ExerciseLog]) -> int | None:
    """The highest pain reported for any of ``exercises``; ``None`` when none was."""
    return max((e.pain for e in exercises if e.pain is not None), default=None)


def reps_by_side(sets: Iterable[SetResult]) -> dict[str, int]:
    """Work reps per side: ``left``, ``right``, and ``both`` for sets not done one side at a time."""
    by_side: dict[str, int] = {}
    for s in sets:
        if not s.warmup:
            key = s.side or "both"
            by_side[key] = by_side.get(key, 0) + s.reps
    return by_side


def total_reps(sets: Iterable[SetResult]) -> int:
    """Work reps, both sides added up."""
    return sum(s.reps for s in sets if not s.warmup)


def total_seconds(sets: Iterable[SetResult]) -> int:
    """Seconds of the work sets that record a time, both sides added up."""
    return sum(s.seconds for s in sets if s.seconds and not s.warmup)


def volume(sets: Iterable[SetResult], unit: str) -> float:
    """Reps × load over the work sets with a numeric load, in ``unit``."""
    total = 0.0
    for s in sets:
        if not s.warmup:
            load = load_in(s, unit)
            if load is not None:
                total += s.reps * load
    return total


def best_load(sets: Iterable[SetResult], unit: str) -> float | None:
    """The heaviest numeric work load in ``unit``; ``None`` when there is none."""
    loads = [load for s in sets if not s.warmup and (load := load_in(s, unit)) is not None]
    return max(loads) if loads else None


# --------------------------------------------------------------------------- time


def last_set_at(sets: Iterable[SetResult]) -> datetime | None:
    """When the last set with a finish time was finished."""
    return max((s.finished_at for s in sets if s.finished_at is not None), default=None)


def duration(
    started_at: datetime, ended_at: datetime | None, last_set: datetime | None
) -> timedelta | None:
    """End (or, unfinished, the last set) minus start; ``None`` when nothing marks an end."""
    end = ended_at if ended_at is not None else last_set
    if end is None or end < started_at:
        return None
    return end - started_at


def session_duration(session: Session) -> timedelta | None:
    """How long ``session`` took (see :func:`duration`)."""
    return duration(session.started_at, session.ended_at, last_set_at(session.sets))


# --------------------------------------------------------------------------- words


def format_when(moment: datetime) -> str:
    """``2026-11-23 18:04``: when a session started, in the zone it was recorded in (the
    clock the person saw then), not the zone of the machine that shows it now."""
    return f"{moment:%Y-%m-%d %H:%M}"


def format_duration(value: timedelta | None) -> str:
    """``42 min`` or ``1 h 05 min``; :data:`MISSING` when unknown."""
    if value is None:
        return MISSING
    minutes = round(value.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def format_number(value: float | None) -> str:
    """``40`` for a whole number, ``42.5`` otherwise, empty for ``None`` (exports, inputs).

    Never rounded: an export read back gives the very number that was logged.
    """
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(float(value))


def format_weight(value: float, unit: str, *, signed: bool = False) -> str:
    """A computed weight such as a volume or a best: ``1,240 kg``, ``42.5 kg``; ``signed``
    for a difference: ``+60 kg``."""
    return f"{value:{'+' if signed else ''},.1f}".removesuffix(".0") + f" {unit}"


def format_load(load: float | None, unit: str | None) -> str:
    """A logged or planned load in words: ``20 kg``, ``red band at the ankles``, or ``bodyweight``."""
    if is_band(unit):
        assert unit is not None
        # ``band:red@ankles``: the coach's ladders keep where the band goes after an ``@``.
        colour, _, position = unit.removeprefix(BAND_PREFIX).partition("@")
        band = f"{colour} band" + (f" at the {position}" if position else "")
        return band if load is None else f"{band} {format_number(load)}"
    if load is None:
        return "bodyweight"
    return f"{format_number(load)} {unit or ''}".rstrip()


def format_set_number(number: int, kind: SetKind) -> str:
    """A set's number with its kind, but for work sets: ``2``, ``warm-up 1``, ``3 drop``,
    ``4 failure``."""
    if kind == "warm-up":
        return f"warm-up {number}"
    return str(number) if kind == "work" else f"{number} {kind}"


def format_effort(reps: int, seconds: int | None) -> str:
    """What one set did: ``12``, ``45 s`` for a set timed only, ``12 in 40 s`` for both."""
    if not seconds:
        return str(reps)
    return f"{reps} in {seconds} s" if reps else f"{seconds} s"


def format_done(by_side: Mapping[str, int], seconds: int) -> str:
    """Work done: reps (:func:`format_reps_by_side`), the time of timed sets, or both:
    ``L 30 · R 28``, ``2 min 15 s``, ``24 · 45 s``."""
    if not seconds:
        return format_reps_by_side(by_side)
    if not any(by_side.values()):
        return format_seconds(seconds)
    return f"{format_reps_by_side(by_side)} · {format_seconds(seconds)}"


def format_work(reps: int, seconds: int) -> str:
    """Work done in total, as a list of sessions shows it: ``24``, ``1 min 25 s`` when only
    timed sets were done, ``24 · 1 min 25 s`` for both (:func:`format_done`)."""
    return format_done({"both": reps} if reps else {}, seconds)


def format_seconds(seconds: int) -> str:
    """A total of seconds: ``45 s``, ``3 min 05 s``."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def format_reps_by_side(by_side: Mapping[str, int]) -> str:
    """``L 30 · R 28``, ``45``, or ``0`` when nothing was done."""
    if not by_side:
        return "0"
    if set(by_side) <= {"left", "right"}:
        return f"L {by_side.get('left', 0)} · R {by_side.get('right', 0)}"
    return " · ".join(
        str(v) if k == "both" else f"{k[0].upper()} {v}" for k, v in sorted(by_side.items())
    )


# --------------------------------------------------------------------------- whole sessions


@dataclass(frozen=True)
class SetFigures:
    """What some sets amount to, in one unit."""

    work_sets: int
    warmup_sets: int
    reps: int
    """Work reps, both sides added up."""
    reps_by_side: Mapping[str, int]
    """``left`` / ``right`` / ``both`` -> work reps."""
    volume: float
    best_load: float | None
    seconds: int
    """Seconds of the work sets that record a time (holds, planks), both sides added up."""


def set_figures(sets: Sequence[SetResult], unit: str) -> SetFigures:
    """The figures of ``sets`` in ``unit``."""
    return SetFigures(
        work_sets=work_sets(sets),
        warmup_sets=warmup_sets(sets),
        reps=total_reps(sets),
        reps_by_side=reps_by_side(sets),
        volume=volume(sets, unit),
        best_load=best_load(sets, unit),
        seconds=total_seconds(sets),
    )


@dataclass(frozen=True)
class ExerciseFigures(SetFigures):
    """What was done of one exercise in one session."""

    exercise_id: str


@dataclass(frozen=True)
class SessionFigures(SetFigures):
    """What one session amounts to, in one unit."""

    unit: str
    exercises: int
    """Exercises with at least one work set."""
    duration: timedelta | None
    max_pain: int | None
    """Highest pain reported for any exercise, ``None`` when none was."""


def exercise_figures(session: Session, exercise_id: str, unit: str) -> ExerciseFigures:
    """The figures of ``exercise_id``'s sets in ``session``."""
    done = set_figures([s for s in session.sets if s.exercise_id == exercise_id], unit)
    return ExerciseFigures(**vars(done), exercise_id=exercise_id)


def session_figures(session: Session, unit: str = "kg") -> SessionFigures:
    """The figures of a whole session in ``unit``."""
    return SessionFigures(
        **vars(set_figures(session.sets, unit)),
        unit=unit,
        exercises=worked_exercises(session.sets),
        duration=session_duration(session),
        max_pain=max_pain(session.exercises),
    )
