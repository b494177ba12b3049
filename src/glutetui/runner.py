"""The workout as a pure state machine: a plan becomes steps, entries become a :class:`Session`.

A :class:`Plan` is what the person agreed to do (exercises with their sets, reps, load and
warm-ups). It expands into a flat list of :class:`Step` objects: for every exercise its warm-up
sets, then its work sets (each side in turn for per-side exercises), then one "how did it feel"
step for pain and a note.

The :class:`Runner` holds nothing but the plan and the :class:`Session` as it would be saved:
``Session.cursor`` is the index of the next step, every logged set and pain answer lives in the
session itself. Each transition returns the new session so the caller can save it at once, and
a runner rebuilt from a saved session (:meth:`Runner.resume`) is in exactly the same state as
the one that saved it. Undo needs no history either: entries are only ever made at the cursor,
so the last entry is the one at the highest step; if the cursor is right after it, undoing it
removes it and moves the cursor back there, and if the cursor is further on, undo first takes
back the skips in between (removing nothing).

Nothing here imports textual or sleeps; time comes from an injected :class:`~glutetui.clock.Clock`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cached_property
from typing import Literal

from glutetui.catalog import Catalog
from glutetui.clock import Clock
from glutetui.equipment import display_name
from glutetui.figures import (
    WEIGHT_UNITS,
    exercise_figures,
    format_duration,
    format_load,
    session_duration,
)
from glutetui.model import (
    MAX_REPS,
    MAX_SETS,
    Dose,
    Exercise,
    ExerciseLog,
    Range,
    Routine,
    Session,
    SetResult,
    Side,
)

MAX_REPS_DONE = 500
"""Most reps one entry may log (a lateral band walk can run long; a typo of 1200 cannot)."""
MAX_LOAD = 1000.0
"""Heaviest load one entry may log, in kg or lb."""
MAX_WARMUP_SETS = 5
MAX_PAIN = 10
RPE_RANGE = (1, 10)
UNITS = WEIGHT_UNITS

StepKind = Literal["set", "pain"]
PauseKind = Literal["rest", "switch-sides"]


class RunnerError(Exception):
    """An action that does not apply to the runner's current state (nothing was changed)."""


class InvalidEntry(RunnerError, ValueError):
    """A value typed by the user that cannot be logged; the message says why, in plain words."""


# --------------------------------------------------------------------------- the plan


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

    def __post_init__(self) -> None:
        if not isinstance(self.sets, int) or not 1 <= self.sets <= MAX_SETS:
            raise InvalidEntry(f"sets must be a whole number from 1 to {MAX_SETS}")
        lo, hi = self.reps
        if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi <= MAX_REPS):
            raise InvalidEntry(f"reps must be a range within 1–{MAX_REPS}")
        if not isinstance(self.warmup_sets, int) or not 0 <= self.warmup_sets <= MAX_WARMUP_SETS:
            raise InvalidEntry(f"warm-up sets must be a whole number from 0 to {MAX_WARMUP_SETS}")
        if self.load is not None:
            check_load(self.load)

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
        )

    def describe(self) -> str:
        """``3 sets of 12–15 reps, each side · 20 kg · 1 warm-up set``."""
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


def _step_key(exercise_id: str, warmup: bool, set_number: int, side: Side | None) -> tuple:
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
            raise InvalidEntry("a plan needs at least one exercise")
        ids = [item.exercise_id for item in self.items]
        if len(set(ids)) != len(ids):
            raise InvalidEntry("an exercise can appear only once in a session")

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

        Exercises come from ``catalog`` when still installed (for cues, holds and rest); one
        whose plugin is gone is rebuilt from what the log kept (name, sides, dose).
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
                    check_load(load)
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
    def _set_index(self) -> dict[tuple, int]:
        return {
            _step_key(self.items[s.item].exercise_id, s.warmup, s.set_number, s.side): s.index
            for s in self.steps
            if s.kind == "set"
        }

    @cached_property
    def _pain_index(self) -> dict[str, int]:
        return {self.items[s.item].exercise_id: s.index for s in self.steps if s.kind == "pain"}

    @cached_property
    def _first_index(self) -> dict[str, int]:
        first: dict[str, int] = {}
        for s in self.steps:
            first.setdefault(self.items[s.item].exercise_id, s.index)
        return first

    def step_of(self, result: SetResult) -> int | None:
        """The step index a logged set belongs to (``None`` if it fits no step of this plan)."""
        return self._set_index.get(
            _step_key(result.exercise_id, result.warmup, result.set_number, result.side)
        )

    def pain_step(self, exercise_id: str) -> int:
        """Index of the pain step of ``exercise_id``."""
        return self._pain_index[exercise_id]

    def first_step(self, exercise_id: str) -> int:
        """Index of the first step of ``exercise_id``."""
        return self._first_index[exercise_id]

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
    """An exercise at its default dose: the low end of its sets range, its full reps range."""
    return PlanItem(exercise=exercise, sets=exercise.sets[0], reps=exercise.reps)


# --------------------------------------------------------------------------- entries


def check_load(load: float) -> float:
    """``load`` if it is a finite number from 0 to :data:`MAX_LOAD`; else :class:`InvalidEntry`."""
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load):
        raise InvalidEntry("load must be a number")
    if not 0 <= load <= MAX_LOAD:
        raise InvalidEntry(f"load must be from 0 to {MAX_LOAD:g}")
    return float(load)


def parse_reps(text: str) -> int:
    """Reps typed by the user: a whole number from 0 to :data:`MAX_REPS_DONE`."""
    text = text.strip()
    if not text:
        raise InvalidEntry("type how many reps you did")
    if not re.fullmatch(r"[0-9]{1,6}", text):
        raise InvalidEntry("reps must be a whole number, like 12")
    reps = int(text)
    if reps > MAX_REPS_DONE:
        raise InvalidEntry(f"reps must be from 0 to {MAX_REPS_DONE}")
    return reps


_NUMBER_UNIT = re.compile(r"(?P<num>[0-9]{1,7}(?:[.,][0-9]{1,3})?)\s*(?P<unit>kg|kgs|lb|lbs)?")
_BAND = re.compile(r"(?:band\s*[:\s]\s*(?P<a>[a-z]+)|(?P<b>[a-z]+)\s+band)")


def parse_load(text: str, default_unit: str = "kg") -> tuple[float | None, str | None]:
    """Load typed by the user -> ``(load, unit)``.

    ``""`` -> ``(None, None)`` (bodyweight); ``"20"`` -> ``(20.0, default_unit)``;
    ``"45 lb"`` -> ``(45.0, "lb")``; ``"red band"`` or ``"band:red"`` -> ``(None, "band:red")``.
    """
    text = " ".join(text.strip().lower().split())
    if not text:
        return (None, None)
    m = _NUMBER_UNIT.fullmatch(text)
    if m:
        load = check_load(float(m["num"].replace(",", ".")))
        unit = m["unit"]
        return (load, unit.rstrip("s") if unit else default_unit)
    m = _BAND.fullmatch(text)
    if m:
        return (None, f"band:{m['a'] or m['b']}")
    raise InvalidEntry(
        f"load must be a number from 0 to {MAX_LOAD:g} (optionally kg or lb) or a band colour like 'red band'"
    )


def parse_rpe(text: str) -> int | None:
    """RPE typed by the user: empty for none, else a whole number from 1 to 10."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", text) or not RPE_RANGE[0] <= int(text) <= RPE_RANGE[1]:
        raise InvalidEntry("RPE must be a whole number from 1 to 10, or empty")
    return int(text)


def parse_pain(text: str) -> int | None:
    """Pain typed by the user: empty for no answer, else a whole number from 0 to 10."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", text) or int(text) > MAX_PAIN:
        raise InvalidEntry("pain must be a whole number from 0 (none) to 10, or empty")
    return int(text)


def parse_whole(text: str, what: str, lo: int, hi: int) -> int:
    """A whole number from ``lo`` to ``hi`` typed by the user (``what`` names it in the reason)."""
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,6}", text) or not lo <= int(text) <= hi:
        raise InvalidEntry(f"{what} must be a whole number from {lo} to {hi}")
    return int(text)


def parse_range(text: str, what: str = "reps", hi: int = MAX_REPS) -> Range:
    """``"8-12"`` or ``"8–12"`` -> ``(8, 12)``; ``"10"`` -> ``(10, 10)``; bounded by 1 and ``hi``."""
    parts = [p.strip() for p in re.split(r"[-–]", text.strip())]
    if len(parts) not in (1, 2) or not all(re.fullmatch(r"[0-9]{1,6}", p) for p in parts):
        raise InvalidEntry(f"{what} must be a number like 10 or a range like 8-12")
    lo_v, hi_v = int(parts[0]), int(parts[-1])
    if not 1 <= lo_v <= hi_v <= hi:
        raise InvalidEntry(f"{what} must lie within 1–{hi}, the smaller number first")
    return (lo_v, hi_v)


# --------------------------------------------------------------------------- the runner


def new_session(plan: Plan, session_id: str, clock: Clock) -> Session:
    """A fresh in-progress session for ``plan``, started now."""
    return Session(
        id=session_id,
        started_at=clock.now(),
        exercises=tuple(
            ExerciseLog(
                exercise_id=item.exercise_id,
                name=item.exercise.name,
                per_side=item.per_side,
                target_sets=item.sets,
                target_reps=item.reps,
                warmup_sets=item.warmup_sets,
                planned_load=item.load,
                planned_unit=item.unit,
            )
            for item in plan.items
        ),
        routine_id=plan.routine_id,
    )


@dataclass
class Runner:
    """Walks a :class:`Plan` one step at a time, keeping the :class:`Session` to save.

    Every transition returns the new session (also kept in :attr:`session`); an action that
    does not apply raises :class:`RunnerError` and changes nothing.
    """

    plan: Plan
    session: Session
    clock: Clock = field(repr=False)

    # ---- creating

    @classmethod
    def start(cls, plan: Plan, session_id: str, clock: Clock) -> Runner:
        """A runner at the first step of a new session."""
        return cls(plan, new_session(plan, session_id, clock), clock)

    @classmethod
    def resume(
        cls,
        session: Session,
        catalog: Catalog | None,
        clock: Clock,
        *,
        rest_seconds: int = 90,
        switch_sides_seconds: int = 10,
    ) -> Runner:
        """A runner for a saved in-progress session, at exactly the step it stopped at."""
        if session.status != "in-progress":
            raise RunnerError(f"session {session.id} is {session.status}, not in progress")
        plan = Plan.from_session(
            session,
            catalog,
            rest_seconds=rest_seconds,
            switch_sides_seconds=switch_sides_seconds,
        )
        cursor = max(0, min(session.cursor, len(plan.steps)))
        # A set the plan has no step for (a hand-edited file) stays in the log untouched.
        return cls(plan, replace(session, cursor=cursor), clock)

    # ---- reading

    @property
    def steps(self) -> tuple[Step, ...]:
        """All steps of the plan."""
        return self.plan.steps

    @property
    def cursor(self) -> int:
        """Index of the next step."""
        return self.session.cursor

    @property
    def finished(self) -> bool:
        """The session was finished (or kept as incomplete); no more entries."""
        return self.session.status != "in-progress"

    @property
    def at_end(self) -> bool:
        """Every step is behind us."""
        return self.cursor >= len(self.steps)

    @property
    def current(self) -> Step | None:
        """The step to do now, or ``None`` at the end or once finished."""
        if self.finished or self.at_end:
            return None
        return self.steps[self.cursor]

    def item(self, step: Step | None = None) -> PlanItem:
        """The plan item of ``step`` (default: the current step, or the last item at the end)."""
        step = step or self.current
        return self.plan.items[step.item if step else len(self.plan.items) - 1]

    @property
    def exercise_position(self) -> tuple[int, int]:
        """``(n, total)`` for "exercise n of total" (n is 1-based)."""
        step = self.current
        total = len(self.plan.items)
        return ((step.item + 1) if step else total, total)

    @property
    def progress(self) -> tuple[int, int]:
        """``(steps behind us, all steps)``."""
        return (min(self.cursor, len(self.steps)), len(self.steps))

    def logged(self, exercise_id: str | None = None) -> tuple[SetResult, ...]:
        """Sets logged so far (all, or of one exercise)."""
        return tuple(
            s for s in self.session.sets if exercise_id is None or s.exercise_id == exercise_id
        )

    def default_reps(self, step: Step | None = None) -> int:
        """What the reps entry starts at: the top of the target range."""
        return self.item(step).reps[1]

    def default_load(self, step: Step | None = None) -> tuple[float | None, str | None]:
        """What the load entry starts at: the last load logged for this exercise, else the plan's."""
        step = step or self.current
        item = self.item(step)
        previous = self.logged(item.exercise_id)
        # A warm-up's light load must not become the default of the work sets.
        work = [s for s in previous if not s.warmup] if step and not step.warmup else previous
        if work:
            return (work[-1].load, work[-1].unit)
        return (item.load, item.unit)

    @property
    def can_undo(self) -> bool:
        """There is an entry to take back (or skips to go back over)."""
        return not self.finished and (self.cursor > 0 or self._last_entry() is not None)

    # ---- transitions

    def record_set(
        self,
        reps: int,
        *,
        load: float | None = None,
        unit: str | None = None,
        rpe: int | None = None,
        note: str = "",
    ) -> Session:
        """Log the current set as done with ``reps`` and move on."""
        step = self._require("set")
        if isinstance(reps, bool) or not isinstance(reps, int) or not 0 <= reps <= MAX_REPS_DONE:
            raise InvalidEntry(f"reps must be a whole number from 0 to {MAX_REPS_DONE}")
        if load is not None:
            load = check_load(load)
        if unit is not None and (not isinstance(unit, str) or not unit or len(unit) > 40):
            raise InvalidEntry("unit must be kg, lb or band:<colour>")
        if rpe is not None and (
            isinstance(rpe, bool)
            or not isinstance(rpe, int)
            or not RPE_RANGE[0] <= rpe <= RPE_RANGE[1]
        ):
            raise InvalidEntry("RPE must be a whole number from 1 to 10")
        result = SetResult(
            exercise_id=self.item(step).exercise_id,
            set_number=step.set_number,
            reps=reps,
            side=step.side,
            load=load,
            unit=unit if (load is not None or unit) else None,
            rpe=rpe,
            warmup=step.warmup,
            finished_at=self.clock.now(),
            note=note.strip(),
        )
        return self._set(sets=(*self.session.sets, result), cursor=step.index + 1)

    def record_pain(self, pain: int | None, note: str = "") -> Session:
        """Answer the pain question of the current exercise (both may be empty) and move on."""
        step = self._require("pain")
        if pain is not None and (
            isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= MAX_PAIN
        ):
            raise InvalidEntry("pain must be a whole number from 0 to 10")
        exercise_id = self.item(step).exercise_id
        exercises = tuple(
            replace(e, pain=pain, note=note.strip()) if e.exercise_id == exercise_id else e
            for e in self.session.exercises
        )
        return self._set(exercises=exercises, cursor=step.index + 1)

    def skip(self) -> Session:
        """Skip the current step (one set on one side, or the pain question) without an entry."""
        step = self._require()
        return self._set(cursor=step.index + 1)

    def skip_exercise(self) -> Session:
        """Skip the rest of the current exercise's sets.

        If any set of it was logged, the pain question still comes; otherwise the whole
        exercise is marked skipped and the next one starts.
        """
        step = self._require()
        exercise_id = self.item(step).exercise_id
        pain = self.plan.pain_step(exercise_id)
        target = pain if self.logged(exercise_id) and step.kind == "set" else pain + 1
        return self._set(cursor=target)

    def undo(self) -> Session:
        """Take back the most recent action and return to where it was made.

        Entries are only made at the cursor, so when the cursor is right after the last entry
        the last action was that entry (a set or a pain answer): it is removed and the cursor
        goes back to its step. When the cursor is further on, skips came after it: they are
        taken back (the cursor returns to just after the entry, or to the start when there is
        none) and nothing is removed; a second undo then removes the entry. Skips in a row
        (``k`` presses, or ``x``) go back together: the session does not record how they were made.
        """
        if self.finished:
            raise RunnerError("the session is finished")
        last = self._last_entry()
        after = last[0] + 1 if last is not None else 0
        if self.cursor > after:
            return self._set(cursor=after)
        if last is None:
            raise RunnerError("nothing to undo")
        index, what = last
        if isinstance(what, SetResult):
            sets = list(self.session.sets)
            # Remove that very entry (the last one equal to it, should a file hold duplicates).
            del sets[len(sets) - 1 - sets[::-1].index(what)]
            return self._set(sets=tuple(sets), cursor=index)
        exercises = tuple(
            replace(e, pain=None, note="") if e.exercise_id == what else e
            for e in self.session.exercises
        )
        return self._set(exercises=exercises, cursor=index)

    def finish(self, note: str = "") -> Session:
        """End the session now: ``complete`` if every step is behind us and at least one set
        was logged, else ``incomplete`` (a session of nothing but skips was not done)."""
        if self.finished:
            raise RunnerError("the session is already finished")
        status = "complete" if self.at_end and self.session.sets else "incomplete"
        return self._set(
            status=status,
            ended_at=self.clock.now(),
            note=note.strip() or self.session.note,
        )

    def abandon(self) -> Session:
        """Keep an unfinished session as ``incomplete`` without resuming it."""
        if self.finished:
            raise RunnerError("the session is already finished")
        ended = max((s.finished_at for s in self.session.sets if s.finished_at), default=None)
        return self._set(status="incomplete", ended_at=ended or self.session.started_at)

    # ---- internals

    def _require(self, kind: StepKind | None = None) -> Step:
        if self.finished:
            raise RunnerError("the session is finished")
        step = self.current
        if step is None:
            raise RunnerError("every step is done: finish the session")
        if kind is not None and step.kind != kind:
            raise RunnerError(f"the current step is a {step.kind} step, not a {kind} step")
        return step

    def _last_entry(self) -> tuple[int, SetResult | str] | None:
        """``(step index, entry)`` of the latest entry before the cursor."""
        best: tuple[int, SetResult | str] | None = None
        for result in self.session.sets:
            index = self.plan.step_of(result)
            if index is not None and index < self.cursor and (best is None or index >= best[0]):
                best = (index, result)
        for log in self.session.exercises:
            if log.pain is None and not log.note:
                continue
            if log.exercise_id not in self.plan._pain_index:
                continue
            index = self.plan.pain_step(log.exercise_id)
            if index < self.cursor and (best is None or index > best[0]):
                best = (index, log.exercise_id)
        return best

    def _set(self, **changes: object) -> Session:
        session = replace(self.session, **changes)  # type: ignore[arg-type]
        self.session = _derive_skipped(self.plan, session)
        return self.session


def _derive_skipped(plan: Plan, session: Session) -> Session:
    """Mark exercises skipped when nothing of them was logged and they are behind the cursor
    (or, once the session is over, never reached)."""
    done = {s.exercise_id for s in session.sets}
    over = session.status != "in-progress"
    exercises = []
    for log in session.exercises:
        try:
            behind = session.cursor > plan.pain_step(log.exercise_id)
        except KeyError:
            exercises.append(log)
            continue
        answered = log.pain is not None or bool(log.note)
        skipped = log.exercise_id not in done and not answered and (behind or over)
        exercises.append(replace(log, skipped=skipped) if log.skipped != skipped else log)
    return replace(session, exercises=tuple(exercises))


# --------------------------------------------------------------------------- the summary


@dataclass(frozen=True)
class ExerciseSummary:
    """What was done of one exercise in one session."""

    exercise_id: str
    name: str
    work_sets: int
    warmup_sets: int
    reps: int
    reps_by_side: Mapping[str, int]
    """``left`` / ``right`` / ``both`` (not per side) -> work reps."""
    volume: float
    """Sum of reps × load over work sets, in the summary's unit (bands count as 0)."""
    best_load: float | None
    pain: int | None
    note: str
    skipped: bool
    previous: ExerciseSummary | None = None
    """The same exercise the last time it was done, if ever."""
    previous_date: str | None = None

    def comparison(self, unit: str, *, with_date: bool = True) -> str:
        """``+4 reps, +60 kg volume vs 20 Nov`` or ``first time``; short without the date."""
        prev = self.previous
        if prev is None:
            return "first time"
        parts = [f"{self.reps - prev.reps:+d} reps"]
        if self.volume or prev.volume:
            volume = f"{self.volume - prev.volume:+.0f} {unit}"
            parts.append(f"{volume} volume" if with_date else volume)
        return ", ".join(parts) + (f" vs {self.previous_date}" if with_date else "")


@dataclass(frozen=True)
class SessionSummary:
    """What the summary screen shows."""

    session: Session
    unit: str
    duration_seconds: float
    work_sets: int
    warmup_sets: int
    reps: int
    volume: float
    exercises: tuple[ExerciseSummary, ...]

    @property
    def duration_text(self) -> str:
        """``42 min`` or ``1 h 05 min``."""
        return format_duration(timedelta(seconds=self.duration_seconds))


def _summarize_exercise(session: Session, log: ExerciseLog, unit: str) -> ExerciseSummary:
    done = exercise_figures(session, log.exercise_id, unit)
    return ExerciseSummary(
        exercise_id=log.exercise_id,
        name=log.name,
        work_sets=done.work_sets,
        warmup_sets=done.warmup_sets,
        reps=done.reps,
        reps_by_side=done.reps_by_side,
        volume=done.volume,
        best_load=done.best_load,
        pain=log.pain,
        note=log.note,
        skipped=log.skipped,
    )


def summarize(
    session: Session, history: Iterable[Session] = (), *, unit: str = "kg"
) -> SessionSummary:
    """Figures of ``session`` and, per exercise, a comparison with the last earlier session
    (from ``history``, in any order) that logged a work set of it."""
    earlier = sorted(
        (h for h in history if h.id != session.id and h.started_at < session.started_at),
        key=lambda h: h.started_at,
        reverse=True,
    )
    exercises = []
    for log in session.exercises:
        summary = _summarize_exercise(session, log, unit)
        for past in earlier:
            past_log = past.exercise(log.exercise_id)
            if past_log is None or not any(
                s.exercise_id == log.exercise_id and not s.warmup for s in past.sets
            ):
                continue
            summary = replace(
                summary,
                previous=_summarize_exercise(past, past_log, unit),
                previous_date=f"{past.started_at.day} {past.started_at:%b}",
            )
            break
        exercises.append(summary)
    taken = session_duration(session)
    return SessionSummary(
        session=session,
        unit=unit,
        duration_seconds=0.0 if taken is None else taken.total_seconds(),
        work_sets=sum(e.work_sets for e in exercises),
        warmup_sets=sum(e.warmup_sets for e in exercises),
        reps=sum(e.reps for e in exercises),
        volume=sum(e.volume for e in exercises),
        exercises=tuple(exercises),
    )
