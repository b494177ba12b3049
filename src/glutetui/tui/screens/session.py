"""The session runner: one step at a time, big enough to read from the mat.

The screen drives a :class:`~glutetui.workout.runner.Runner` and shows its current step: the
exercise, ``Set 2 of 3 · Left side``, the target, the form cues, the load and the progress of
the whole session. After every entry (a set, a pain answer, a skip, an undo) the session is
saved (:mod:`glutetui.tui.session_saving`), so a dropped SSH link loses at most the set in
progress; sets that could not be saved are never dropped without asking.

The session lives in its own mode (see :mod:`glutetui.tui.session_mode`), so the library or the
log can be opened in the middle of it (``l``) and the rest countdown keeps going: it is computed
from the app's clock, not counted (:mod:`glutetui.tui.session_timers`). Which keys apply when is
in :mod:`glutetui.tui.session_keys`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, Label

from glutetui.log import LogStore, StoreError
from glutetui.model import SetKind, format_range
from glutetui.timer import Countdown
from glutetui.tui import session_timers as timers
from glutetui.tui.base import GluteScreen
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.format import plural
from glutetui.tui.session_keys import SESSION_BINDINGS, key_applies
from glutetui.tui.session_mode import close_session
from glutetui.tui.session_saving import leave_safely, save_session
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.number_picker import NumberPicker
from glutetui.tui.widgets.set_timer_panel import SetTimerPanel
from glutetui.tui.widgets.step_view import StepView
from glutetui.tui.widgets.title_bar import TitleBar
from glutetui.workout.entries import (
    InvalidEntry,
    RunnerError,
    parse_load,
    parse_rpe,
    plausible_reps,
)
from glutetui.workout.last_time import LastTime, last_times
from glutetui.workout.pauses import Pauses
from glutetui.workout.recorder import Recorder
from glutetui.workout.runner import Runner

TICK_SECONDS = 0.2
COMPACT = (60, 20)
"""Below this width or height the step drops its extras (progress bar, cues, big digits)."""
WORK_KINDS: tuple[SetKind, ...] = ("work", "drop", "failure")
"""What ``m`` cycles a work set through (a warm-up step stays a warm-up)."""


class SessionScreen(GluteScreen[None]):
    """Runs one session: shows the current step, takes the entries, saves after each."""

    TITLE = "Session"
    CSS_PATH = "session.tcss"
    BINDINGS: ClassVar[list[BindingType]] = SESSION_BINDINGS

    def __init__(
        self, runner: Runner, store: LogStore | None = None, recorder: Recorder | None = None
    ) -> None:
        super().__init__()
        self.runner = runner
        """The state machine; its ``session`` is what gets saved."""
        self._store = store
        self._pauses: Pauses | None = None
        self.unsaved = False
        """The last save failed: the session is only in memory until a save works."""
        self.save_problem = ""
        """Where and why the last save failed."""
        self._recorder = recorder
        """Made at the first save, unless given (a resumed session comes with its owner)."""
        self.last: dict[str, LastTime] | None = None
        """What was done the last time of each exercise; ``None`` until the log was read."""
        self.kind: SetKind = "work"
        """How the work set on screen will be logged: ``work``, ``drop`` or ``failure``."""
        self._confirmed: tuple[int, int] | None = None
        """``(step index, reps)`` the person confirmed although far above the target."""

    # ---- wiring

    @property
    def pauses(self) -> Pauses:
        """The rest, switch-sides or hold countdown running now, and the hold cycle."""
        if self._pauses is None:
            self._pauses = Pauses(self.clock)
        return self._pauses

    @property
    def countdown(self) -> Countdown | None:
        """The rest, switch-sides or hold countdown running now, if any."""
        return self.pauses.countdown

    @property
    def store(self) -> LogStore:
        """The log store (the app's unless one was injected)."""
        if self._store is None:
            self._store = self.glute_app.store
        return self._store

    @property
    def recorder(self) -> Recorder:
        """Saves the session, then tells the plugins (each plugin's failure reported once)."""
        if self._recorder is None:
            self._recorder = Recorder(self.store, self.plugin_result, self.clock)
        return self._recorder

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StepView(id="session-body")
        yield KeyBar()

    def on_mount(self) -> None:
        routine = self.catalog.routines.get(self.runner.plan.routine_id or "")
        self.sub_title = routine.name if routine else ""
        self.set_interval(TICK_SECONDS, self.tick)
        self.show_step()
        self.read_last_time()

    @work(thread=True, exclusive=True, group="last-time")
    def read_last_time(self) -> None:
        """Read the log off the event loop for "last time"; the step shows it when it comes."""
        try:
            history = self.store.history()
        except (StoreError, OSError):
            return  # the step is fully usable without it; the log screen says what is wrong
        ids = [item.exercise_id for item in self.runner.plan.items]
        found = last_times(history.sessions, ids, besides=self.runner.session.id)
        self.app.call_from_thread(self._show_last_time, found)

    def _show_last_time(self, found: dict[str, LastTime]) -> None:
        self.last = found
        self.query_one(StepView).show_last(self.runner, found)

    def on_resize(self) -> None:
        # A phone's terminal: the step, its timer and the value being typed first.
        self.set_class(self.size.width < COMPACT[0] or self.size.height < COMPACT[1], "-compact")

    def on_screen_resume(self) -> None:
        # Back from the library or a dialog: the countdown kept its time; catch up at once.
        self.tick()

    # ---- drawing

    def show_step(self) -> None:
        """Draw the current step and reset the entry fields to their defaults."""
        self.kind = "work"
        self.pauses.new_step()
        view = self.query_one(StepView)
        view.show(self.runner, hold_cue=self.settings.hold_cue, last=self.last, clock=self.clock)
        view.show_kind(self.kind)
        if self.runner.current is None:
            self.focus()
        timers.changed(self)

    def tick(self) -> None:
        """Poll the countdowns: ring once when one ends (even if the clock jumped), then redraw."""
        timers.tick(self)

    def _start_countdown(self, seconds: int, label: str, kind: str) -> None:
        self.pauses.start(seconds, label, kind)
        timers.changed(self)

    def _stop_countdown(self) -> None:
        self.pauses.stop()
        timers.changed(self)

    # ---- saving

    def save(self) -> bool:
        """Write the session; on failure keep it in memory, say where and why, and carry on."""
        return save_session(self)

    # ---- entries

    def action_accept(self) -> None:
        """Log the set (or the pain answer) as shown; at the end, finish."""
        step = self.runner.current
        if self.runner.finished:
            return
        if step is None:
            self._finish()
            return
        error = self.query_one("#entry-error", Label)
        try:
            if step.kind == "set":
                load, unit = parse_load(self.query_one("#load", Input).value, self.settings.units)
                rpe = parse_rpe(self.query_one("#rpe", Input).value)
                kind = None if step.warmup else self.kind
                if self.runner.item(step).timed:
                    held = self.query_one(SetTimerPanel).stop()
                    if held is not None:  # enter stops a running timer: look, then log
                        timers.fill_seconds(self, held, ring=False)
                        return
                    seconds = self.query_one("#seconds", NumberPicker).value or 0
                    self.runner.record_set(
                        0, load=load, unit=unit, rpe=rpe, kind=kind, seconds=seconds
                    )
                else:
                    reps = self.query_one("#reps", NumberPicker).value or 0
                    if not self._reps_confirmed(step.index, reps):
                        return
                    self.runner.record_set(reps, load=load, unit=unit, rpe=rpe, kind=kind)
            else:
                self.runner.record_pain(
                    self.query_one("#pain", NumberPicker).value,
                    self.query_one("#note", Input).value,
                )
        except InvalidEntry as exc:
            error.update(str(exc))
            if exc.field in ("load", "rpe"):
                self.query_one(f"#{exc.field}", Input).focus()
            return
        self.save()
        pause = self.runner.plan.pause_after(step.index) if step.kind == "set" else None
        if pause is not None:
            self._start_countdown(pause.seconds, pause.label, pause.kind)
        else:
            self._stop_countdown()
        self.show_step()

    def _reps_confirmed(self, index: int, reps: int) -> bool:
        """Whether ``reps`` may be logged now; far above the target, ask once first."""
        target = self.runner.item().reps
        if plausible_reps(reps, target) or self._confirmed == (index, reps):
            return True

        def answered(yes: bool | None) -> None:
            if yes:
                self._confirmed = (index, reps)
                self.action_accept()
            else:  # the next digit types a new number rather than extending this one
                picker = self.query_one("#reps", NumberPicker)
                picker.set_value(reps)
                picker.focus()

        self.app.push_screen(
            ConfirmDialog(
                f"Log {reps} reps?",
                f"The target is {format_range(target)} reps. Was {reps} meant for the load or "
                "the RPE? Change it, or log it as typed.",
                yes_label=f"Log {reps}",
                no_label="Change it",
            ),
            answered,
        )
        return False

    def typed_answer(self) -> tuple[int | None, str] | None:
        """The pain and note typed on the "how did it feel" step, if anything was typed."""
        step = self.runner.current
        if step is None or step.kind != "pain":
            return None
        pain = self.query_one("#pain", NumberPicker).value
        note = self.query_one("#note", Input).value
        return (pain, note) if pain is not None or note.strip() else None

    def keep_typed_answer(self) -> None:
        """Log (and save) what was typed on the "how did it feel" step before leaving it, so a
        pain score is never lost by finishing or quitting from there."""
        typed = self.typed_answer()
        if typed is None:
            return
        try:
            self.runner.record_pain(*typed)
        except InvalidEntry:
            return  # the picker only holds valid answers; nothing to keep otherwise
        self.save()
        self.show_step()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    @on(NumberPicker.Refused)
    def _refused(self, event: NumberPicker.Refused) -> None:
        self.query_one("#entry-error", Label).update(event.reason)

    @on(NumberPicker.Changed)
    @on(Input.Changed)
    def _edited(self) -> None:
        self.query_one("#entry-error", Label).update("")

    def _transition(self, action: str, done: str) -> None:
        try:
            getattr(self.runner, action)()
        except RunnerError as exc:
            self.notify(str(exc), severity="warning")
            return
        self._stop_countdown()
        self.save()
        self.show_step()
        step = self.runner.current
        where = f"{self.runner.item(step).exercise.name}, {step.label}" if step else "the end"
        stop = "" if where.endswith(("?", ".", "!")) else "."
        self.notify(f"{done} Now: {where}{stop}", timeout=3, markup=False)

    def action_skip_set(self) -> None:
        """Skip the current set (or the pain question)."""
        self._transition("skip", "Skipped.")

    def action_skip_exercise(self) -> None:
        """Skip the rest of this exercise."""
        self._transition("skip_exercise", "Exercise skipped.")

    def action_undo(self) -> None:
        """Take back the last entry."""
        self._transition("undo", "Undone.")

    def action_finish(self) -> None:
        """Finish the session (asking first when steps are left)."""
        if self.runner.finished:
            return
        self.keep_typed_answer()
        if self.runner.at_end:
            self._finish()
            return
        remaining = len(self.runner.steps) - self.runner.cursor

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(
            ConfirmDialog(
                "Finish the session now?",
                f"{plural(remaining, 'step')} not done yet will be left out of the log.",
                yes_label="Finish",
                no_label="Keep going",
            ),
            answered,
        )

    def _finish(self) -> None:
        self._stop_countdown()
        self.runner.finish()
        if self.save():
            self._show_summary()
        else:
            # Not saved: stay here, where the status says why and r retries (see show_step).
            self.show_step()

    def _show_summary(self) -> None:
        from glutetui.tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.runner.session, store=self.store))

    def action_retry_save(self) -> None:
        """Try the failed save again; once a finished session is saved, on to the summary."""
        if self.save() and self.runner.finished:
            self._show_summary()

    def leave_safely(self, then: Callable[[], object]) -> None:
        """Call ``then`` (which drops this session) once no unsaved set would be lost with it."""
        leave_safely(self, then)

    def action_close(self) -> None:
        """Leave a finished session whose save failed: retry, then ask before discarding it."""
        if not self.unsaved:
            self._show_summary()
            return

        def close() -> None:
            if self.unsaved:
                self.app.call_later(close_session, self.glute_app, discard=True)
            else:  # the retry worked
                self._show_summary()

        self.leave_safely(close)

    async def action_quit(self) -> None:
        """``q`` with an answer typed on the pain step or while the session is unsaved: keep
        the answer, retry the save, then ask before quitting."""
        self.keep_typed_answer()
        if not self.unsaved:
            await self.glute_app.action_quit()
            return
        # Straight to exit: the app's quit would find the (discarded) sets unsaved and ask again.
        self.leave_safely(self.app.exit)

    def action_pause(self) -> None:
        """Pause the session (and the countdown, and a timed set's timer) until a key is pressed."""
        timers.pause(self)

    def action_skip_rest(self) -> None:
        """End the countdown now."""
        if self.countdown is not None:
            self.countdown.skip()
            self.tick()

    def action_more_time(self) -> None:
        """Add 15 seconds to the countdown."""
        if self.countdown is not None:
            self.countdown.add(15)
            timers.show_countdown(self)

    def action_hold(self) -> None:
        """Count the hold at the top of a rep (exercises with a hold)."""
        step = self.runner.current
        if (
            step is not None
            and step.kind == "set"
            and self.pauses.hold(self.runner.item(step).hold_seconds)
        ):
            timers.changed(self)

    def action_time_set(self) -> None:
        """Start a timed set's timer, or stop it and fill in the seconds held."""
        timers.time_set(self)

    def action_timer_mode(self) -> None:
        """Switch a timed set's timer between counting down to the target and counting up."""
        self.query_one(SetTimerPanel).switch_mode()

    def action_mark_kind(self) -> None:
        """Mark the work set on screen as a drop set, a set to failure, or a plain work set."""
        step = self.runner.current
        if step is None or step.kind != "set" or step.warmup:
            return
        self.kind = WORK_KINDS[(WORK_KINDS.index(self.kind) + 1) % len(WORK_KINDS)]
        self.query_one(StepView).show_kind(self.kind)

    def action_focus_main(self) -> None:
        """From the load, RPE or note box back to the big number, where the letter keys work."""
        step = self.runner.current
        if step is not None:
            self.query_one("#reps" if step.kind == "set" else "#pain", NumberPicker).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now."""
        return key_applies(self, action)
