"""What the person agreed to do, and the steps it expands into.

A :class:`Plan` is the exercises of one session with their sets, reps, load and warm-ups. It
expands into a flat list of :class:`Step` objects: for every exercise its warm-up sets, then its
work sets (each side in turn for per-side exercises), then one "how did it feel" step for pain
and a note. ``Session.cursor`` counts these steps, so a saved session and the plan it was
started with (:meth:`Plan.from_session`) say exactly where the workout stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from glutetui.catalog import Catalog
from glutetui.equipment import display_name
from glutetui.figures import format_load
from glutetui.model import (
    MAX_REPS,
    MAX_SETS,
    MAX_TIMED_SECONDS,
    Dose,
    Exercise,
    Range,
    Routine,
    Session,
    SetResult,
    Side,
)
from glutetui.workout.entries import MAX_WARMUP_SETS, InvalidEntry, check_load

StepKind = Literal["set", "pain"]
PauseKind = Literal["rest", "switch-sides"]


@dataclass(frozen=True)
class PlanItem:
    """One exercise of a plan, with the dose agreed for this session."""

    exercise: Exercise
    sets: int
    """Work sets (per side for per-side exercises)."""
    reps: Range
    """Target reps per set and side, an inclusive range."""
    load: float | None = None
    """Planned load per set, in ``unit``; ``None`` for bodyweight."""
    unit: str | None = None
    """``kg``, ``lb`` or ``band:<colour>``."""
    warmup_sets: int = 0
    """Light sets before the work sets, logged with ``warmup=True``."""
    rest_seconds: int | None = None
    """Rest between sets; ``None`` uses the exercise's, else the plan's default."""
    seconds: Range | None = None
    """Target seconds per set and side of a timed exercise (logged in seconds, not reps);
    ``None`` for an exercise of reps."""

    def __post_init__(self) -> None:
        if not isinstance(self.sets, int) or not 1 <= self.sets <= MAX_SETS:
            raise InvalidEntry("sets", f"sets must be a whole number from 1 to {MAX_SETS}")
        lo, hi = self.reps
        if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi <= MAX_REPS):
            raise InvalidEntry("reps", f"reps must be a range within 1–{MAX_REPS}")
        if not isinstance(self.warmup_sets, int) or not 0 <= self.warmup_sets <= MAX_WARMUP_SETS:
            raise InvalidEntry(
                "warmup_sets", f"warm-up sets must be a whole number from 0 to {MAX_WARMUP_SETS}"
            )
        if self.load is not None:
            check_load(self.load, self.unit)
        if self.seconds is not None:
            lo, hi = self.seconds
            if not (
                isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi <= MAX_TIMED_SECONDS
            ):
                raise InvalidEntry(
                    "seconds", f"seconds must be a range within 1–{MAX_TIMED_SECONDS}"
                )

    @property
    def timed(self) -> bool:
        """Each set is held for a time and logged in seconds."""
        return self.seconds is not None

    @property
    def exercise_id(self) -> str:
        """The exercise's id."""
        return self.exercise.id

    @property
    def per_side(self) -> bool:
        """Each set is done on the left, then on the right."""
        return self.exercise.per_side

    @property
    def hold_seconds(self) -> int | None:
        """The hold at the top of each rep, if the exercise has one."""
        return self.exercise.hold_seconds

    @property
    def dose(self) -> Dose:
        """The agreed dose, for :meth:`Dose.describe`."""
        return Dose(
            sets=(self.sets, self.sets),
            reps=self.reps,
            per_side=self.per_side,
            hold_seconds=self.hold_seconds,
            seconds=self.seconds,
        )

    def describe(self) -> str:
        """``3 sets of 12–15 reps, each side · 20 kg · 1 warm-up set`` (``3 × 30–45 s/side``
        for a timed exercise)."""
        parts = [self.dose.describe()]
        if self.load is not None or self.unit:
            parts.append(format_load(self.load, self.unit))
        if self.warmup_sets:
            word = "set" if self.warmup_sets == 1 else "sets"
            parts.append(f"{self.warmup_sets} warm-up {word}")
        return " · ".join(parts)


@dataclass(frozen=True)
class Step:
    """One thing to do: a set on one side, or the pain question after an exercise."""

    index: int
    """Position in the plan's steps (what ``Session.cursor`` counts)."""
    item: int
    """Index of the plan item (the exercise) this step belongs to."""
    kind: StepKind
    set_number: int = 0
    """1-based among the exercise's work sets, or among its warm-ups when ``warmup``."""
    of: int = 0
    """How many sets of this kind (work or warm-up) the exercise has."""
    side: Side | None = None
    warmup: bool = False

    @property
    def label(self) -> str:
        """``Set 2 of 3 · Left side``, ``Warm-up 1 of 1``, or ``How did it feel?``."""
        if self.kind == "pain":
            return "How did it feel?"
        text = f"{'Warm-up' if self.warmup else 'Set'} {self.set_number} of {self.of}"
        if self.side is not None:
            text += f" · {self.side.capitalize()} side"
        return text


@dataclass(frozen=True)
class Pause:
    """A timed pause the runner suggests after a set: rest, or switching sides."""

    kind: PauseKind
    seconds: int

    @property
    def label(self) -> str:
        """``Rest`` or ``Switch sides``."""
        return "Rest" if self.kind == "rest" else "Switch sides"


_StepKey = tuple[str, bool, int, Side | None]
"""What identifies a set step: exercise id, warm-up or not, set number, side."""


def _step_key(exercise_id: str, warmup: bool, set_number: int, side: Side | None) -> _StepKey:
    return (exercise_id, warmup, set_number, side)


@dataclass(frozen=True)
class Plan:
    """What the person agreed to do, in order. Exercise ids are unique within a plan."""

    items: tuple[PlanItem, ...]
    routine_id: str | None = None
    rest_seconds: int = 90
    """Default rest between sets (``Settings.rest_seconds``)."""
    switch_sides_seconds: int = 10
    """Pause between the left and right side of one set (``Settings.switch_sides_seconds``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        if not self.items:
            raise InvalidEntry("exercises", "a plan needs at least one exercise")
        ids = [item.exercise_id for item in self.items]
        if len(set(ids)) != len(ids):
            raise InvalidEntry("exercises", "an exercise can appear only once in a session")

    # ---- building

    @classmethod
    def for_exercises(
        cls,
        exercises: Iterable[Exercise],
        *,
        routine_id: str | None = None,
        rest_seconds: int = 90,
        switch_sides_seconds: int = 10,
    ) -> Plan:
        """A plan of each exercise at its default dose (the low end of its sets range)."""
        items = tuple(default_item(ex) for ex in exercises)
        return cls(items, routine_id, rest_seconds, switch_sides_seconds)

    @classmethod
    def for_routine(
        cls,
        routine: Routine,
        catalog: Catalog,
        *,
        rest_seconds: int = 90,
        switch_sides_seconds: int = 10,
        unit: str = "kg",
    ) -> Plan:
        """A plan from a routine, applying its dose overrides (unknown ids raise ``KeyError``)."""
        items = []
        for ri in routine.items:
            item = default_item(catalog.get(ri.exercise_id))
            if ri.sets is not None:
                item = replace(item, sets=ri.sets[0])
            if ri.reps is not None:
                item = replace(item, reps=ri.reps)
            if ri.load is not None:
                item = replace(item, load=float(ri.load), unit=unit)
            items.append(item)
        return cls(tuple(items), routine.id, rest_seconds, switch_sides_seconds)

    @classmethod
    def from_session(
        cls,
        session: Session,
        catalog: Catalog | None = None,
        *,
        rest_seconds: int = 90,
        switch_sides_seconds: int = 10,
    ) -> Plan:
        """The plan a saved session was started with, so that its cursor means the same step.

        Exercises come from ``catalog`` when still installed (for cues, holds, timed sets and
        rest); one whose plugin is gone is rebuilt from what the log kept (name, sides, dose).
        A timed exercise keeps the seconds agreed for the session (an older file, which has
        none, plans the exercise's own).
        """
        items = []
        for log in session.exercises:
            if catalog is not None and log.exercise_id in catalog:
                ex = catalog.get(log.exercise_id)
                if ex.per_side != log.per_side:
                    ex = replace(ex, per_side=log.per_side)
            else:
                ex = Exercise(
                    id=log.exercise_id,
                    name=log.name,
                    instructions=("(from the log)",),
                    per_side=log.per_side,
                    seconds=log.target_seconds,
                )
            if log.planned_load is not None or log.planned_unit is not None:
                load, unit = log.planned_load, log.planned_unit
            else:
                # A log from before the planned load was kept: the last *work* set's load is
                # the best guess (a warm-up's light load must not become the work sets' load).
                work = [
                    s for s in session.sets if s.exercise_id == log.exercise_id and not s.warmup
                ]
                load, unit = (work[-1].load, work[-1].unit) if work else (None, None)
            if load is not None:
                try:
                    check_load(load, unit)
                except InvalidEntry:  # a hand-edited file: plan bodyweight rather than fail
                    load = None
            items.append(
                PlanItem(
                    exercise=ex,
                    sets=log.target_sets or ex.sets[0],
                    reps=log.target_reps or ex.reps,
                    load=load,
                    unit=unit,
                    warmup_sets=log.warmup_sets,
                    seconds=log.target_seconds or ex.seconds,
                )
            )
        return cls(tuple(items), session.routine_id, rest_seconds, switch_sides_seconds)

    def with_item(self, index: int, **changes: object) -> Plan:
        """This plan with item ``index`` changed (``sets=4``, ``load=20.0``, ...); validated."""
        items = list(self.items)
        items[index] = replace(items[index], **changes)  # type: ignore[arg-type]
        return replace(self, items=tuple(items))

    # ---- reading

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """Every step, in order: per exercise its warm-ups, its work sets, then the pain step."""
        steps: list[Step] = []
        for i, item in enumerate(self.items):
            sides: tuple[Side | None, ...] = ("left", "right") if item.per_side else (None,)
            for warmup, count in ((True, item.warmup_sets), (False, item.sets)):
                for n in range(1, count + 1):
                    for side in sides:
                        steps.append(Step(len(steps), i, "set", n, count, side, warmup))
            steps.append(Step(len(steps), i, "pain"))
        return tuple(steps)

    @cached_property
    def _set_index(self) -> dict[_StepKey, int]:
        return {
            _step_key(self.items[s.item].exercise_id, s.warmup, s.set_number, s.side): s.index
            for s in self.steps
            if s.kind == "set"
        }

    @cached_property
    def _pain_index(self) -> dict[str, int]:
        return {self.items[s.item].exercise_id: s.index for s in self.steps if s.kind == "pain"}

    def step_of(self, result: SetResult) -> int | None:
        """The step index a logged set belongs to (``None`` if it fits no step of this plan)."""
        return self._set_index.get(
            _step_key(result.exercise_id, result.warmup, result.set_number, result.side)
        )

    def pain_step(self, exercise_id: str) -> int:
        """Index of the pain step of ``exercise_id``."""
        return self._pain_index[exercise_id]

    def includes(self, exercise_id: str) -> bool:
        """The plan has ``exercise_id`` (a hand-edited log may name exercises it lacks)."""
        return exercise_id in self._pain_index

    def rest_for(self, item: PlanItem) -> int:
        """Rest between this item's sets: its own, else its exercise's, else the plan default."""
        if item.rest_seconds is not None:
            return item.rest_seconds
        if item.exercise.rest_seconds is not None:
            return item.exercise.rest_seconds
        return self.rest_seconds

    def pause_after(self, index: int) -> Pause | None:
        """The pause between step ``index`` and the next one, if any.

        Between the two sides of one set: the (short) switch-sides pause. Between sets of one
        exercise: rest. After the last set of an exercise there is the pain question instead.
        """
        if not 0 <= index < len(self.steps) - 1:
            return None
        step, nxt = self.steps[index], self.steps[index + 1]
        if step.kind != "set" or nxt.kind != "set" or nxt.item != step.item:
            return None
        if nxt.set_number == step.set_number and nxt.warmup == step.warmup:
            return Pause("switch-sides", self.switch_sides_seconds)
        return Pause("rest", self.rest_for(self.items[step.item]))

    def equipment(self) -> tuple[str, ...]:
        """Equipment needed for the whole session, each key once, in order of first use."""
        return tuple(dict.fromkeys(w for item in self.items for w in item.exercise.equipment))

    def optional_equipment(self) -> tuple[str, ...]:
        """Optional equipment of the session that is not already required."""
        required = set(self.equipment())
        return tuple(
            dict.fromkeys(
                w
                for item in self.items
                for w in item.exercise.optional_equipment
                if w not in required
            )
        )

    def equipment_names(self) -> tuple[str, ...]:
        """:meth:`equipment` as the names shown to people."""
        return tuple(display_name(w) for w in self.equipment())

    @property
    def set_steps(self) -> int:
        """How many set steps (warm-ups included) the plan has."""
        return sum(1 for s in self.steps if s.kind == "set")


def default_item(exercise: Exercise) -> PlanItem:
    """An exercise at its default dose: the low end of its sets range, its full reps range
    (or seconds range, when it is timed)."""
    return PlanItem(
        exercise=exercise, sets=exercise.sets[0], reps=exercise.reps, seconds=exercise.seconds
    )
