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
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

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
    target_seconds: Range | None = None
    """The agreed seconds per set and side of a timed exercise (``None``: not timed, or an older
    file, which then plans the exercise's own seconds)."""
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
