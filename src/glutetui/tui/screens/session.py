"""The session runner: one step at a time, big enough to read from the mat.

The screen drives a :class:`~glutetui.workout.runner.Runner` and shows its current step: the
exercise, ``Set 2 of 3 · Left side``, the target, the form cues, the load and the progress of
the whole session. After every entry (a set, a pain answer, a skip, an undo) the session is
saved through the store, so a dropped SSH link loses at most the set in progress. A save that fails is shown
with its path and reason; the session stays in memory and the next entry (or ``r``) tries again.
Sets that could not be saved are never dropped without asking: if the final save fails the
screen stays (showing why, with ``r`` to retry), and closing it or quitting (``q``) while the
session is unsaved retries first and, if that fails too, asks before discarding.

The session lives in its own mode (see :mod:`glutetui.tui.session_mode`), so the library or the
log can be opened in the middle of it (``l``) and the rest countdown keeps going: it is computed
from the app's clock, not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label

from glutetui.log import LogStore, StoreError
from glutetui.model import SetKind, format_range
from glutetui.timer import Countdown
from glutetui.tui.base import GluteScreen
from glutetui.tui.dialogs import ConfirmDialog, PausedDialog
from glutetui.tui.format import plural
from glutetui.tui.session_mode import close_session
from glutetui.tui.session_owner import offer_save_apart
from glutetui.tui.widgets.countdown import CountdownPanel
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
from glutetui.workout.lease import SessionClaimError
from glutetui.workout.recorder import Recorder
from glutetui.workout.runner import Runner

TICK_SECONDS = 0.2
COMPACT = (60, 20)
"""Below this width or height the step drops its extras (progress bar, cues, big digits)."""
WORK_KINDS: tuple[SetKind, ...] = ("work", "drop", "failure")
"""What ``m`` cycles a work set through (a warm-up step stays a warm-up)."""
HOLD_KINDS = frozenset({"hold", "lower"})
"""Countdowns of the hold cycle: cued by ``hold_cue``, not the rest bell."""
OVER = {
    "rest": "Rest over — next set",
    "switch-sides": "Other side now",
    "hold": "Hold over — lower, next rep",
}
"""What the end of each countdown means, said once it is over (until the next entry)."""


class SessionScreen(GluteScreen[None]):
    """Runs one session: shows the current step, takes the entries, saves after each."""

    TITLE = "Session"
    CSS_PATH = "session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "accept", "Log", id="session-accept"),
        # Shown beside the countdown rather than in the footer, which has 80 columns to share.
        Binding("n", "skip_rest", "Skip rest", id="session-skip-rest", show=False),
        Binding("t", "more_time", "+15 s", id="session-more-time", show=False),
        Binding("h", "hold", "Hold cue", id="session-hold", show=False),
        # A timed set's timer; its panel shows these keys.
        Binding("space", "time_set", "Timer", id="session-time-set", show=False),
        Binding("c", "timer_mode", "Count up/down", id="session-timer-mode", show=False),
        Binding("u", "undo", "Undo", id="session-undo"),
        Binding("m", "mark_kind", "Drop/failure", id="session-mark-kind", show=False),
        Binding("k", "skip_set", "Skip set", id="session-skip-set"),
        Binding("x", "skip_exercise", "Skip ex.", id="session-skip-exercise"),
        Binding("p", "pause", "Pause", id="session-pause"),
        Binding("f", "finish", "Finish", id="session-finish"),
        Binding("r", "retry_save", "Retry save", id="session-retry-save"),
        # Only once the session is finished but its save failed (else escape means "back to reps").
        Binding("escape", "close", "Close", id="session-close", show=False),
        Binding("escape", "focus_main", "Back to reps", show=False),
        # Only while unsaved (see check_action): otherwise the app's own q quits as usual.
        Binding("q", "quit", "Quit", id="session-quit", show=False),
    ]

    def __init__(
        self, runner: Runner, store: LogStore | None = None, recorder: Recorder | None = None
    ) -> None:
        super().__init__()
        self.runner = runner
        """The state machine; its ``session`` is what gets saved."""
        self._store = store
        self.countdown: Countdown | None = None
        """The rest, switch-sides or hold countdown running now, if any."""
        self._countdown_kind = ""
        self._over = ""
        """What the countdown that just ended means ("Rest over — next set"), until the next entry."""
        self.unsaved = False
        """The last save failed: the session is only in memory until a save works."""
        self._save_problem = ""
        self._recorder = recorder
        """Made at the first save, unless given (a resumed session comes with its owner)."""
        self.last: dict[str, LastTime] | None = None
        """What was done the last time of each exercise; ``None`` until the log was read."""
        self.held_reps = 0
        """Reps of the set on screen whose hold ran to the end (``h``): they fill the reps."""
        self.kind: SetKind = "work"
        """How the work set on screen will be logged: ``work``, ``drop`` or ``failure``."""
        self._confirmed: tuple[int, int] | None = None
        """``(step index, reps)`` the person confirmed although far above the target."""

    # ---- wiring

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
        self.held_reps = 0
        view = self.query_one(StepView)
        view.show(self.runner, hold_cue=self.settings.hold_cue, last=self.last, clock=self.clock)
        view.show_kind(self.kind)
        if self.runner.current is None:
            self.focus()
        self.refresh_bindings()
        self._show_countdown()

    def _show_countdown(self) -> None:
        hint = ""
        if self.countdown is not None:
            hint = (
                "h: hold again · enter logs the reps held"
                if self._countdown_kind in HOLD_KINDS
                else "n: skip · t: +15 s · p: pause · log the next set any time"
            )
        self.query_one(CountdownPanel).show(self.countdown, hint, self._over)

    # ---- time

    def tick(self) -> None:
        """Poll the countdown: ring once when it ends (even if the clock jumped), then redraw."""
        held = self.query_one(SetTimerPanel).poll()
        if held is not None:  # a timed set's count-down reached its target
            self._fill_seconds(held, ring=True)
        countdown = self.countdown
        if countdown is None:
            return
        reason = countdown.poll()
        if reason is not None:
            ended = self._countdown_kind
            holding = ended in HOLD_KINDS
            ring = self.settings.hold_cue if holding else self.settings.bell
            if reason == "elapsed" and ring:
                self.app.bell()
            self._over = OVER.get(ended, "")
            if ended == "hold" and reason == "elapsed":
                self._count_held_rep()
            self.countdown = None
            self.refresh_bindings()
            if reason == "elapsed" and holding and self._next_in_hold_cycle(ended):
                return
        self._show_countdown()

    def _next_in_hold_cycle(self, ended: str) -> bool:
        """Hold, lower, hold again, by themselves, until the top of the rep range; whether the
        next countdown started (``hold_lower_seconds = 0`` leaves each hold to ``h``)."""
        lower = self.settings.hold_lower_seconds
        step = self.runner.current
        if not lower or step is None or step.kind != "set":
            return False
        item = self.runner.item(step)
        hold = item.hold_seconds
        if not hold:
            return False
        if ended == "hold" and self.held_reps < item.reps[1]:
            self._start_countdown(lower, f"Lower, next hold ({self.held_reps} done)", "lower")
            return True
        if ended == "lower":
            self._start_countdown(hold, f"Hold {hold} s ({self.held_reps} done)", "hold")
            return True
        return False

    def _start_countdown(self, seconds: int, label: str, kind: str) -> None:
        self.countdown = Countdown(seconds, self.clock, label=label) if seconds > 0 else None
        self._countdown_kind = kind
        self._over = ""
        self.refresh_bindings()
        self._show_countdown()

    def _stop_countdown(self) -> None:
        self.countdown = None
        self._over = ""
        self.refresh_bindings()
        self._show_countdown()

    # ---- saving

    def save(self) -> bool:
        """Write the session; on failure keep it in memory, say where and why, and carry on."""
        session = self.runner.session
        status = self.query_one("#save-status", Label)
        try:
            saved = self.recorder.save(session)
        except StoreError as exc:
            self.unsaved = True
            where = getattr(exc, "path", self.store.logs_dir)
            reason = getattr(exc, "reason", str(exc))
            self._save_problem = f"{where}: {reason}"
            status.update(f"NOT SAVED to {where}: {reason}. Your sets are kept; r retries.")
            status.add_class("-error")
            if isinstance(exc, SessionClaimError):  # not a passing fault: retrying cannot help
                offer_save_apart(self, exc)
                self.refresh_bindings()
                return False
            self.notify(
                f"{where}: {reason}\nYour sets are kept in memory; press r to retry.",
                title="Could not save the session",
                severity="error",
                timeout=20,
                markup=False,
            )
            self.refresh_bindings()
            return False
        if self.unsaved:
            self.notify(f"Saved to {saved.path}.", title="Saved again")
        self.unsaved = False
        status.update(f"Saved {len(session.sets)} set(s).")
        status.remove_class("-error")
        self.refresh_bindings()
        for failure in saved.new_failures:
            self.notify(str(failure), title="Plugin problem", severity="warning", markup=False)
        return True

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
                        self._fill_seconds(held, ring=False)
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

    def _typed_answer(self) -> tuple[int | None, str] | None:
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
        typed = self._typed_answer()
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
        """Call ``then`` (which drops this session) once no unsaved set would be lost with it.

        If the session is unsaved the save is retried first; if it fails again the person is
        asked and ``then`` runs only on an explicit yes.
        """
        if not self.unsaved or self.save():
            then()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(
            ConfirmDialog(
                "The session is NOT SAVED",
                f"{len(self.runner.session.sets)} set(s) are only in memory: "
                f"{self._save_problem}\nKeep them and r retries the save.",
                yes_label="Discard them",
                no_label="Keep them",
            ),
            answered,
        )

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
        if self.countdown is not None:
            self.countdown.pause()
        self._show_countdown()
        panel = self.query_one(SetTimerPanel)
        timing = panel.pause()

        def resumed(_: None) -> None:
            if self.countdown is not None:
                self.countdown.resume()
            self._show_countdown()
            if timing:
                panel.toggle()

        self.app.push_screen(PausedDialog(), resumed)

    def action_skip_rest(self) -> None:
        """End the countdown now."""
        if self.countdown is not None:
            self.countdown.skip()
            self.tick()

    def action_more_time(self) -> None:
        """Add 15 seconds to the countdown."""
        if self.countdown is not None:
            self.countdown.add(15)
            self._show_countdown()

    def action_hold(self) -> None:
        """Count the hold at the top of a rep (exercises with a hold)."""
        step = self.runner.current
        if step is None or step.kind != "set":
            return
        hold = self.runner.item(step).hold_seconds
        if hold and (self.countdown is None or self._countdown_kind in HOLD_KINDS):
            self._start_countdown(hold, f"Hold {hold} s", "hold")

    def action_time_set(self) -> None:
        """Start a timed set's timer, or stop it and fill in the seconds held."""
        panel = self.query_one(SetTimerPanel)
        if panel.timer is None:
            return
        if self.countdown is not None:  # the set starts now: the rest is over
            self._stop_countdown()
        held = panel.toggle()
        if held is not None:
            self._fill_seconds(held, ring=False)

    def action_timer_mode(self) -> None:
        """Switch a timed set's timer between counting down to the target and counting up."""
        self.query_one(SetTimerPanel).switch_mode()

    def _fill_seconds(self, held: int, *, ring: bool) -> None:
        """Put the seconds the timer measured in the seconds field (changeable before logging)."""
        picker = self.query_one("#seconds", NumberPicker)
        picker.set_value(held)
        picker.focus()
        if ring and self.settings.bell:
            self.app.bell()

    def action_mark_kind(self) -> None:
        """Mark the work set on screen as a drop set, a set to failure, or a plain work set."""
        step = self.runner.current
        if step is None or step.kind != "set" or step.warmup:
            return
        self.kind = WORK_KINDS[(WORK_KINDS.index(self.kind) + 1) % len(WORK_KINDS)]
        self.query_one(StepView).show_kind(self.kind)

    def _count_held_rep(self) -> None:
        """A hold ran to its end: one more rep done, counted into the reps field."""
        self.held_reps += 1
        self.query_one("#reps", NumberPicker).set_value(self.held_reps)
        self._over = f"{self._over} ({self.held_reps} done)"

    def action_focus_main(self) -> None:
        """From the load, RPE or note box back to the big number, where the letter keys work."""
        step = self.runner.current
        if step is not None:
            self.query_one("#reps" if step.kind == "set" else "#pain", NumberPicker).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now."""
        step = self.runner.current
        if action in ("skip_rest", "more_time"):
            return self.countdown is not None and self._countdown_kind not in HOLD_KINDS
        if action == "hold":
            return (
                step is not None
                and step.kind == "set"
                and bool(self.runner.item(step).hold_seconds)
                and self.settings.hold_cue
            )
        if action in ("time_set", "timer_mode"):
            return step is not None and step.kind == "set" and self.runner.item(step).timed
        if action == "mark_kind":
            return step is not None and step.kind == "set" and not step.warmup
        if action == "retry_save":
            return self.unsaved
        if action == "close":
            return self.runner.finished
        if action == "quit":
            return self.unsaved or self._typed_answer() is not None
        if action in ("finish", "pause"):
            return not self.runner.finished
        if action in ("skip_set", "skip_exercise"):
            return step is not None
        if action == "undo":
            return self.runner.can_undo
        if action == "accept":
            return not self.runner.finished
        return True
