"""The data glutetui works with: exercises, routines, and what a person logged.

Everything here is a frozen dataclass. Plugin authors build :class:`Exercise` and
:class:`Routine`; the runner and the store build :class:`SetResult` and :class:`Session`.
Constructors are lenient about *shape* (a list becomes a tuple, ``sets=3`` becomes ``(3, 3)``)
so that plugin code reads naturally; whether the values make sense is checked by
:func:`validate_exercise` when the exercise is registered, so one bad exercise is reported by
its plugin's name instead of crashing the import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from glutetui.equipment import normalise_word

Range = tuple[int, int]
"""An inclusive ``(min, max)`` range."""

Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")

# Used with fullmatch: ``$`` alone would accept a trailing newline ("clamshell\n").
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EQUIPMENT_WORD_RE = re.compile(r"[a-z0-9][a-z0-9 '-]{0,39}")

# Upper bounds that no real prescription reaches; they catch typos such as reps=(8, 120).
MAX_SETS = 20
MAX_REPS = 200
MAX_HOLD_SECONDS = 120
MAX_TIMED_SECONDS = 10 * 60
"""Longest target of a timed set (a plank held ten minutes is a typo, not a prescription)."""
MAX_REST_SECONDS = 15 * 60
MAX_ALIAS_LENGTH = 80
MAX_LOAD_STEP = 50
LADDER_WORD_RE = re.compile(r"[a-z][a-z -]{0,19}")


def as_range(value: int | Sequence[int]) -> Range:
    """Turn ``3`` into ``(3, 3)`` and ``[8, 12]`` into ``(8, 12)``; leave anything else alone.

    Odd values are passed through untouched (as far as typing allows) so that validation can
    report them with a useful message instead of failing here.
    """
    if isinstance(value, bool):
        return value  # type: ignore[return-value]
    if isinstance(value, int):
        return (value, value)
    if isinstance(value, list | tuple) and len(value) == 2:
        return (value[0], value[1])
    return value  # type: ignore[return-value]


def _as_tuple(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, Iterable):
        # A lone non-iterable (``equipment=5``) is kept so validation can name it; raising a
        # TypeError here would take the plugin's whole hook down instead of this exercise.
        return (value,)
    return tuple(value)


def format_range(r: Range, sep: str = "–") -> str:
    """``(8, 12)`` -> ``"8–12"``; ``(3, 3)`` -> ``"3"``."""
    lo, hi = r
    return str(lo) if lo == hi else f"{lo}{sep}{hi}"


@dataclass(frozen=True)
class Exercise:
    """One exercise, as a plugin declares it.

    Register it from a ``register_exercises`` hook::

        register(glutetui.Exercise(id="clamshell", name="Clamshell", ...))
    """

    id: str
    """Stable slug (``lowercase-with-hyphens``). The log refers to it forever: never rename."""
    name: str
    """The name people know it by."""
    summary: str = ""
    """One line on what it trains."""
    instructions: tuple[str, ...] = ()
    """Numbered steps, in order. At least one."""
    sets: Range = (3, 3)
    """Default number of sets: an int, or an inclusive ``(min, max)`` range."""
    reps: Range = (10, 10)
    """Default reps per set (per side when ``per_side``): an int or an inclusive range."""
    per_side: bool = False
    """Each set is done once on the left and once on the right."""
    hold_seconds: int | None = None
    """Optional pause at the top of each rep, in seconds."""
    equipment: tuple[str, ...] = ()
    """What you cannot do it without. Free words; known ones (``band``, ``dumbbell``, ...)
    get nice names and equipment filters."""
    optional_equipment: tuple[str, ...] = ()
    """What makes it harder but is not required (a band on a clamshell)."""
    cues: tuple[str, ...] = ()
    """Short form cues shown during a set ("knees over toes")."""
    tags: tuple[str, ...] = ()
    """Free search words (``rehab``, ``standing``, ``gym``)."""
    evidence: str | None = None
    """Optional published finding with its source, shown on the detail pane."""
    rest_seconds: int | None = None
    """Rest between sets for this exercise; ``None`` uses the user's default."""
    aliases: tuple[str, ...] = ()
    """Other names people log it under, in other apps or in their own words ("Hip Abductor
    (Machine)"): ``glutetui import`` files sets with these names under this exercise."""
    load_step_kg: float | None = None
    """Ladder: the weight added per step up when loads are in kilograms (``None``: not loaded)."""
    load_step_lb: float | None = None
    """Ladder: the same step in pounds; ``None`` converts ``load_step_kg``."""
    band_positions: tuple[str, ...] = ()
    """Ladder: where the band goes, easiest first (``("knees", "ankles", "feet")``)."""
    band_colours: tuple[str, ...] = ()
    """Ladder: band colours, lightest first; after the last position comes the next colour."""
    easier: str | None = None
    """Ladder: the id of an easier exercise to step down to from the bottom rung."""
    harder: str | None = None
    """Ladder: the id of a harder exercise to step up to from the top rung."""
    seconds: Range | None = None
    """Timed exercise: how long each set lasts (per side when ``per_side``), an int or an
    inclusive range of seconds. Sets are logged in seconds instead of reps, and ``reps`` is
    not used. ``None``: an exercise of reps."""

    def __post_init__(self) -> None:
        # Normalise shape only; validate_exercise() judges the values.
        object.__setattr__(self, "instructions", _as_tuple(self.instructions))
        object.__setattr__(self, "aliases", _as_tuple(self.aliases))
        object.__setattr__(self, "equipment", _as_tuple(self.equipment))
        object.__setattr__(self, "optional_equipment", _as_tuple(self.optional_equipment))
        object.__setattr__(self, "cues", _as_tuple(self.cues))
        object.__setattr__(self, "tags", _as_tuple(self.tags))
        object.__setattr__(self, "band_positions", _as_tuple(self.band_positions))
        object.__setattr__(self, "band_colours", _as_tuple(self.band_colours))
        object.__setattr__(self, "sets", as_range(self.sets))
        object.__setattr__(self, "reps", as_range(self.reps))
        if self.seconds is not None:
            object.__setattr__(self, "seconds", as_range(self.seconds))

    @property
    def timed(self) -> bool:
        """Sets are held for a time and logged in seconds, not counted in reps."""
        return self.seconds is not None

    @property
    def dose(self) -> Dose:
        """The default dose."""
        return Dose(
            sets=self.sets,
            reps=self.reps,
            per_side=self.per_side,
            hold_seconds=self.hold_seconds,
            seconds=self.seconds,
        )


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: sets, reps (or seconds, when timed), sides and hold."""

    sets: Range
    reps: Range
    per_side: bool = False
    hold_seconds: int | None = None
    seconds: Range | None = None
    """Seconds per set for a timed exercise (then ``reps`` is not used)."""

    def describe(self) -> str:
        """The dose the way a coach says it: ``3 sets of 12–15 reps, each side, hold 1 s at the
        top``; for a timed exercise ``3 × 30–45 s/side``."""
        if self.seconds is not None:
            side = "/side" if self.per_side else ""
            return f"{format_range(self.sets)} × {format_range(self.seconds)} s{side}"
        set_word = "set" if self.sets == (1, 1) else "sets"
        rep_word = "rep" if self.reps == (1, 1) else "reps"
        text = f"{format_range(self.sets)} {set_word} of {format_range(self.reps)} {rep_word}"
        if self.per_side:
            text += ", each side"
        if self.hold_seconds:
            text += f", hold {self.hold_seconds} s at the top"
        return text


@dataclass(frozen=True)
class RoutineItem:
    """One exercise in a routine, with optional overrides of its default dose."""

    exercise_id: str
    sets: Range | None = None
    reps: Range | None = None
    load: float | None = None

    def __post_init__(self) -> None:
        if self.sets is not None:
            object.__setattr__(self, "sets", as_range(self.sets))
        if self.reps is not None:
            object.__setattr__(self, "reps", as_range(self.reps))


@dataclass(frozen=True)
class Routine:
    """A named, ordered list of exercises. Items may be plain exercise ids."""

    id: str
    """Stable slug."""
    name: str
    summary: str = ""
    items: tuple[RoutineItem, ...] = ()

    def __post_init__(self) -> None:
        items = tuple(
            RoutineItem(item) if isinstance(item, str) else item
            for item in _as_tuple(self.items)  # type: ignore[arg-type]
        )
        object.__setattr__(self, "items", items)


# --------------------------------------------------------------------------- validation


class InvalidExerciseError(ValueError):
    """An exercise or routine whose values make no sense; the message lists every problem."""


def _range_problems(label: str, value: object, upper: int) -> list[str]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return [f"{label} must be a whole number or a (min, max) pair, not {value!r}"]
    lo, hi = value
    problems = []
    if lo < 1:
        problems.append(f"{label} must be at least 1, not {lo}")
    if lo > hi:
        problems.append(f"{label} range {lo}–{hi} has its minimum above its maximum")
    if hi > upper:
        problems.append(f"{label} of {hi} is beyond the sane limit of {upper}")
    return problems


def exercise_problems(ex: Exercise) -> list[str]:
    """Every reason ``ex`` cannot be registered; empty when it is fine."""
    problems: list[str] = []
    if not isinstance(ex.id, str) or not SLUG_RE.fullmatch(ex.id):
        problems.append(
            f"id {ex.id!r} must be a non-empty slug like 'side-plank' (a-z, 0-9, hyphens)"
        )
    if not isinstance(ex.name, str) or not ex.name.strip():
        problems.append("name must not be empty")
    if not isinstance(ex.summary, str):
        problems.append("summary must be text")
    if not ex.instructions:
        problems.append("needs at least one instruction")
    elif not all(isinstance(s, str) and s.strip() for s in ex.instructions):
        problems.append("every instruction must be non-empty text")
    problems += _range_problems("sets", ex.sets, MAX_SETS)
    problems += _range_problems("reps", ex.reps, MAX_REPS)
    if not isinstance(ex.per_side, bool):
        problems.append(f"per_side must be True or False, not {ex.per_side!r}")
    if ex.hold_seconds is not None and (
        not isinstance(ex.hold_seconds, int)
        or isinstance(ex.hold_seconds, bool)
        or not 1 <= ex.hold_seconds <= MAX_HOLD_SECONDS
    ):
        problems.append(
            f"hold_seconds must be a whole number from 1 to {MAX_HOLD_SECONDS}, not {ex.hold_seconds!r}"
        )
    if ex.seconds is not None:
        problems += _range_problems("seconds", ex.seconds, MAX_TIMED_SECONDS)
        if ex.hold_seconds is not None:
            problems.append(
                "a timed exercise (seconds) has no reps to hold at the top: drop hold_seconds"
            )
    if ex.rest_seconds is not None and (
        not isinstance(ex.rest_seconds, int)
        or isinstance(ex.rest_seconds, bool)
        or not 0 <= ex.rest_seconds <= MAX_REST_SECONDS
    ):
        problems.append(
            f"rest_seconds must be a whole number from 0 to {MAX_REST_SECONDS}, not {ex.rest_seconds!r}"
        )
    for label, words in (
        ("equipment", ex.equipment),
        ("optional_equipment", ex.optional_equipment),
    ):
        for word in words:
            if not isinstance(word, str) or not EQUIPMENT_WORD_RE.fullmatch(normalise_word(word)):
                problems.append(
                    f"{label} word {word!r} must be a short word or phrase (letters, digits, spaces, hyphens)"
                )
    for label, texts in (("cues", ex.cues), ("tags", ex.tags)):
        if not all(isinstance(t, str) and t.strip() for t in texts):
            problems.append(f"every entry in {label} must be non-empty text")
    if ex.evidence is not None and not isinstance(ex.evidence, str):
        problems.append("evidence must be text")
    for alias in ex.aliases:
        if not isinstance(alias, str) or not alias.strip():
            problems.append(f"every alias must be non-empty text, not {alias!r}")
        elif len(alias.strip()) > MAX_ALIAS_LENGTH:
            problems.append(f"alias {alias[:20]!r}... is longer than {MAX_ALIAS_LENGTH} characters")
    return problems + _ladder_problems(ex)


def _ladder_problems(ex: Exercise) -> list[str]:
    """What is wrong with the optional ladder fields (see docs/plugins.md, "Ladder fields")."""
    problems: list[str] = []
    for label, step in (("load_step_kg", ex.load_step_kg), ("load_step_lb", ex.load_step_lb)):
        if step is not None and (
            not isinstance(step, int | float)
            or isinstance(step, bool)
            or not 0 < step <= MAX_LOAD_STEP
        ):
            problems.append(f"{label} must be a number above 0 and at most {MAX_LOAD_STEP}")
    for label, words in (("band_positions", ex.band_positions), ("band_colours", ex.band_colours)):
        if not all(isinstance(w, str) and LADDER_WORD_RE.fullmatch(w) for w in words):
            problems.append(f"every entry in {label} must be a short lower-case word")
        elif len(set(words)) != len(words):
            problems.append(f"{label} must not repeat an entry")
    if ex.band_positions and not ex.band_colours:
        problems.append("band_positions need band_colours (a position is where a band goes)")
    for label, other in (("easier", ex.easier), ("harder", ex.harder)):
        if other is not None and (not isinstance(other, str) or not SLUG_RE.fullmatch(other)):
            problems.append(f"{label} must be an exercise id like 'side-plank', not {other!r}")
        elif other is not None and other == ex.id:
            problems.append(f"{label} must name another exercise, not this one")
    return problems


def normalise_exercise(ex: Exercise) -> Exercise:
    """Validate ``ex`` and return it with equipment words mapped to their canonical keys.

    Raises :class:`InvalidExerciseError` listing every problem.
    """
    if not isinstance(ex, Exercise):
        raise InvalidExerciseError(f"expected a glutetui.Exercise, got {type(ex).__name__}")
    problems = exercise_problems(ex)
    if problems:
        raise InvalidExerciseError("; ".join(problems))
    return replace(
        ex,
        equipment=tuple(dict.fromkeys(normalise_word(w) for w in ex.equipment)),
        optional_equipment=tuple(dict.fromkeys(normalise_word(w) for w in ex.optional_equipment)),
        aliases=tuple(dict.fromkeys(a.strip() for a in ex.aliases)),
    )


def routine_problems(routine: Routine) -> list[str]:
    """Every reason ``routine`` cannot be registered (exercise ids are checked by the catalog)."""
    problems: list[str] = []
    if not isinstance(routine.id, str) or not SLUG_RE.fullmatch(routine.id):
        problems.append(f"id {routine.id!r} must be a non-empty slug like 'morning-basics'")
    if not isinstance(routine.name, str) or not routine.name.strip():
        problems.append("name must not be empty")
    if not routine.items:
        problems.append("needs at least one exercise")
    for item in routine.items:
        if not isinstance(item, RoutineItem) or not isinstance(item.exercise_id, str):
            problems.append(f"item {item!r} must be an exercise id or a glutetui.RoutineItem")
            continue
        if item.sets is not None:
            problems += _range_problems(f"{item.exercise_id} sets", item.sets, MAX_SETS)
        if item.reps is not None:
            problems += _range_problems(f"{item.exercise_id} reps", item.reps, MAX_REPS)
        if item.load is not None and (not isinstance(item.load, int | float) or item.load < 0):
            problems.append(f"{item.exercise_id} load must be a non-negative number")
    return problems


# --------------------------------------------------------------------------- the log


SetKind = Literal["warm-up", "work", "drop", "failure"]
"""What a set was: a warm-up, a work set, a drop set (lighter, straight after another) or a set
taken to failure. Every kind but ``warm-up`` counts as a work set."""
SET_KINDS: tuple[SetKind, ...] = ("warm-up", "work", "drop", "failure")


@dataclass(frozen=True)
class SetResult:
    """One finished set on one side, as logged.

    ``warmup`` and ``kind`` say the same thing where they overlap: ``warmup`` is true exactly
    when ``kind`` is ``"warm-up"``. Either may be given (``warmup=True`` as before there were
    kinds, or ``kind="warm-up"``) and the other follows; a warm-up that is also a drop or
    failure set is refused. To change a set's kind, change ``kind``.
    """

    exercise_id: str
    set_number: int
    """1-based among the exercise's sets (warm-ups are numbered separately)."""
    reps: int
    side: Side | None = None
    load: float | None = None
    unit: str | None = None
    """``kg``, ``lb``, or a band colour such as ``band:red``."""
    rpe: int | None = None
    """Rate of perceived effort, 1–10."""
    warmup: bool = False
    """Logged but not counted as a work set (``kind == "warm-up"``)."""
    finished_at: datetime | None = None
    note: str = ""
    seconds: int | None = None
    """How long the set lasted, in seconds (a hold, a plank, a carry); ``reps`` is 0 when only
    the time was recorded."""
    kind: SetKind = "work"
    """``warm-up``, ``work``, ``drop`` or ``failure``."""

    def __post_init__(self) -> None:
        if self.warmup and self.kind == "work":
            object.__setattr__(self, "kind", "warm-up")
        elif self.kind == "warm-up":
            object.__setattr__(self, "warmup", True)
        elif self.warmup:
            raise ValueError(f"a warm-up set cannot also be a {self.kind} set")


@dataclass(frozen=True)
class ExerciseLog:
    """Per-exercise facts of a session: the name as it was, the planned dose, pain and note."""

    exercise_id: str
    name: str
    """Saved so that a session still reads well after the exercise's plugin is uninstalled."""
    per_side: bool = False
    target_sets: int | None = None
    target_reps: Range | None = None
    pain: int | None = None
    """Pain 0–10 reported after the exercise."""
    note: str = ""
    skipped: bool = False
    warmup_sets: int = 0
    """Warm-up sets planned before the work sets; kept so a resumed session has the same steps."""
    planned_load: float | None = None
    """The load planned for the work sets (``None``: bodyweight, a band, or not recorded)."""
    planned_unit: str | None = None
    """The unit of ``planned_load`` (``kg``, ``lb`` or ``band:<colour>``), if one was planned."""


SessionStatus = Literal["in-progress", "complete", "incomplete"]


@dataclass(frozen=True)
class Session:
    """One workout: what was planned, what was done, and how it felt."""

    id: str
    started_at: datetime
    exercises: tuple[ExerciseLog, ...] = ()
    sets: tuple[SetResult, ...] = ()
    ended_at: datetime | None = None
    status: SessionStatus = "in-progress"
    note: str = ""
    routine_id: str | None = None
    cursor: int = 0
    """Where the runner was (index of the next step), so an unfinished session resumes exactly."""
    source: str = "glutetui"
    """Where the session came from: ``glutetui``, or the app it was imported from."""

    def exercise(self, exercise_id: str) -> ExerciseLog | None:
        """The per-exercise entry for ``exercise_id``, if it is part of this session."""
        return next((e for e in self.exercises if e.exercise_id == exercise_id), None)

    @property
    def work_sets(self) -> tuple[SetResult, ...]:
        """Sets that count (warm-ups excluded)."""
        return tuple(s for s in self.sets if not s.warmup)
