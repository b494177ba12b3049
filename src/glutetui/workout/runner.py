"""The workout as a pure state machine: a plan becomes steps, entries become a :class:`Session`.

A :class:`~glutetui.workout.plan.Plan` is what the person agreed to do (exercises with their
sets, reps, load and warm-ups). It expands into a flat list of steps: for every exercise its
warm-up sets, then its work sets (each side in turn for per-side exercises), then one "how did
it feel" step for pain and a note.

The :class:`Runner` holds nothing but the plan and the :class:`Session` as it would be saved:
``Session.cursor`` is the index of the next step, every logged set and pain answer lives in the
session itself. Each transition returns the new session so the caller can save it at once
(:class:`~glutetui.workout.recorder.Recorder`), and a runner rebuilt from a saved session
(:meth:`Runner.resume`) is in exactly the same state as the one that saved it. Undo needs no
history either: entries are only ever made at the cursor, so the last entry is the one at the
highest step; if the cursor is right after it, undoing it removes it and moves the cursor back
there, and if the cursor is further on, undo first takes back the skips in between (removing
nothing).

Nothing here imports textual or sleeps; time comes from an injected :class:`~glutetui.clock.Clock`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from glutetui.catalog import Catalog
from glutetui.clock import Clock
from glutetui.figures import last_set_at
from glutetui.model import SET_KINDS, ExerciseLog, Session, SetKind, SetResult
from glutetui.workout.entries import (
    InvalidEntry,
    RunnerError,
    check_load,
    check_pain,
    check_reps,
    check_rpe,
    check_seconds,
    check_unit,
)
from glutetui.workout.plan import Plan, PlanItem, Step, StepKind


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
                target_seconds=item.seconds,
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

    def default_seconds(self, step: Step | None = None) -> int | None:
        """What a timed set's seconds start at (and its count-down runs to): the top of the
        target range; ``None`` for an exercise of reps."""
        seconds = self.item(step).seconds
        return None if seconds is None else seconds[1]

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
        kind: SetKind | None = None,
        seconds: int | None = None,
    ) -> Session:
        """Log the current set as done with ``reps`` and move on.

        A timed exercise's set is logged with ``seconds`` (and ``reps`` 0); ``seconds`` is
        required for it, as a held set without its time would record nothing. ``kind`` marks a work set as a ``drop`` or ``failure`` set (default ``work``); a
        warm-up step is always a warm-up, as the plan's steps are matched by it.
        """
        step = self._require("set")
        if kind is None:
            kind = "warm-up" if step.warmup else "work"
        if (kind == "warm-up") != step.warmup or kind not in SET_KINDS:
            raise InvalidEntry(
                "kind",
                f"a {'warm-up' if step.warmup else 'work'} step cannot be logged as {kind!r}",
            )
        check_reps(reps)
        check_seconds(seconds)
        if self.item(step).timed and seconds is None:
            raise InvalidEntry("seconds", "a timed set needs its seconds")
        if load is not None:
            load = check_load(load, unit)
        check_unit(unit)
        check_rpe(rpe)
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
            seconds=seconds,
            kind=kind,
        )
        return self._set(sets=(*self.session.sets, result), cursor=step.index + 1)

    def record_pain(self, pain: int | None, note: str = "") -> Session:
        """Answer the pain question of the current exercise (both may be empty) and move on."""
        step = self._require("pain")
        check_pain(pain)
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
        ended = last_set_at(self.session.sets)
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
            if not self.plan.includes(log.exercise_id):
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
        if not plan.includes(log.exercise_id):
            exercises.append(log)
            continue
        behind = session.cursor > plan.pain_step(log.exercise_id)
        answered = log.pain is not None or bool(log.note)
        skipped = log.exercise_id not in done and not answered and (behind or over)
        exercises.append(replace(log, skipped=skipped) if log.skipped != skipped else log)
    return replace(session, exercises=tuple(exercises))
