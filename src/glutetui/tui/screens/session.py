"""The session runner: one step at a time, big enough to read from the mat.

The screen drives a :class:`~glutetui.runner.Runner` and shows its current step: the exercise,
``Set 2 of 3 · Left side``, the target, the form cues, the load and the progress of the whole
session. After every entry (a set, a pain answer, a skip, an undo) the session is saved through
the store, so a dropped SSH link loses at most the set in progress. A save that fails is shown
with its path and reason; the session stays in memory and the next entry (or ``r``) tries again.
Sets that could not be saved are never dropped without asking: if the final save fails the
screen stays (showing why, with ``r`` to retry), and closing it or quitting (``q``) while the
session is unsaved retries first and, if that fails too, asks before discarding
(:class:`ConfirmDiscard`).

The session lives in its own mode, so the library or the log can be opened in the middle of it
(``l``) and the rest countdown keeps going: it is computed from the app's clock, not counted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult, UnknownModeError
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, ProgressBar, Static

from glutetui.log import LogStore, StoreError
from glutetui.runner import (
    MAX_PAIN,
    MAX_REPS_DONE,
    InvalidEntry,
    Runner,
    RunnerError,
    format_load,
    parse_load,
    parse_rpe,
)
from glutetui.timer import Countdown
from glutetui.tui.widgets.countdown import CountdownPanel
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.number_picker import NumberPicker
from glutetui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.app import App

    from glutetui.model import Session
    from glutetui.settings import Settings

SESSION_MODE = "session"
TICK_SECONDS = 0.2


def start_session(app: App, runner: Runner) -> None:
    """Open ``runner`` in the session mode, replacing a finished session's screens."""

    async def go() -> None:
        if app.current_mode == SESSION_MODE:
            await app.switch_mode(app.DEFAULT_MODE)
        with contextlib.suppress(UnknownModeError):  # no earlier session: nothing to remove
            await app.remove_mode(SESSION_MODE)
        app.add_mode(SESSION_MODE, lambda: SessionScreen(runner))
        await app.switch_mode(SESSION_MODE)

    app.call_later(go)


async def close_session(app: App, *, discard: bool = False) -> None:
    """Back to the library; the session mode's screens are dropped once the switch is done.

    A session whose sets are not saved is not dropped silently: the save is retried and, if it
    fails again, the person is asked first (``discard=True`` skips that: they were asked).
    """
    screen = unsaved_session(app)
    if screen is not None and not discard:
        screen.leave_safely(lambda: app.call_later(close_session, app, discard=True))
        return
    await app.switch_mode(app.DEFAULT_MODE)

    async def drop() -> None:
        with contextlib.suppress(UnknownModeError):
            await app.remove_mode(SESSION_MODE)

    # Later, not here: this may run inside a handler of one of the screens being removed.
    app.call_later(drop)


def _session_screen(app: App) -> SessionScreen | None:
    try:
        stack = app.get_screen_stack(SESSION_MODE)
    except KeyError:
        return None
    for screen in stack:
        if isinstance(screen, SessionScreen):
            return screen
    return None


def running_session(app: App) -> SessionScreen | None:
    """The screen of a session still in progress, if one is open (in any mode).

    A finished session whose final save failed counts as running: its sets are only in memory,
    so a new session must not replace it.
    """
    screen = _session_screen(app)
    if screen is not None and (not screen.runner.finished or screen.unsaved):
        return screen
    return None


def unsaved_session(app: App) -> SessionScreen | None:
    """The open session's screen if its last save failed (its sets are only in memory)."""
    screen = _session_screen(app)
    return screen if screen is not None and screen.unsaved else None


class ConfirmFinish(ModalScreen[bool]):
    """Finish early? (One stray key must not end a workout.)

    Only ``y`` finishes: ``f`` then a habitual ``enter`` must not end the session, so enter
    keeps going like ``n`` and escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Finish", id="finish-confirm"),
        Binding("n,escape,enter", "answer(False)", "Keep going", id="finish-cancel"),
    ]

    def __init__(self, remaining: int) -> None:
        super().__init__()
        self.remaining = remaining

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Finish the session now?", classes="dialog-title")
            yield Label(
                f"{self.remaining} step(s) are not done yet; they are left out of the log.\n"
                "y: finish · n, enter or escape: keep going"
            )

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)


class ConfirmDiscard(ModalScreen[bool]):
    """The session could not be saved: throw its sets away? Only ``y`` does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Discard", id="discard-confirm"),
        Binding("n,escape,enter", "answer(False)", "Keep it", id="discard-cancel"),
    ]

    def __init__(self, sets: int, reason: str) -> None:
        super().__init__()
        self.sets = sets
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="discard-dialog"):
            yield Label("The session is NOT SAVED", classes="dialog-title")
            yield Label(
                f"{self.sets} set(s) are only in memory: {self.reason}\n"
                "y: discard them · n, enter or escape: keep them (r retries the save)",
                markup=False,
            )

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)


class PausedScreen(ModalScreen[None]):
    """The session is paused (the countdown, if any, stands still)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p,space,enter,escape", "resume", "Carry on", id="session-resume"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Paused", classes="dialog-title")
            yield Label("Press p, space or enter to carry on.")

    def action_resume(self) -> None:
        """Carry on."""
        self.dismiss(None)


class SessionScreen(Screen[None]):
    """Runs one session: shows the current step, takes the entries, saves after each."""

    TITLE = "Session"
    CSS_PATH = "session.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "accept", "Log", id="session-accept"),
        # Shown beside the countdown rather than in the footer, which has 80 columns to share.
        Binding("n", "skip_rest", "Skip rest", id="session-skip-rest", show=False),
        Binding("t", "more_time", "+15 s", id="session-more-time", show=False),
        Binding("h", "hold", "Hold cue", id="session-hold", show=False),
        Binding("u", "undo", "Undo", id="session-undo"),
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

    def __init__(self, runner: Runner, store: LogStore | None = None) -> None:
        super().__init__()
        self.runner = runner
        """The state machine; its ``session`` is what gets saved."""
        self._store = store
        self.countdown: Countdown | None = None
        """The rest, switch-sides or hold countdown running now, if any."""
        self._countdown_kind = ""
        self.unsaved = False
        """The last save failed: the session is only in memory until a save works."""
        self._save_problem = ""
        self._plugin_failures: set[tuple[str, str]] = set()

    # ---- wiring

    @property
    def store(self) -> LogStore:
        """The log store (the app's config dir unless one was injected)."""
        if self._store is None:
            self._store = self.app.store  # type: ignore[attr-defined]
        return self._store

    @property
    def settings(self) -> Settings:
        """The app's settings."""
        return self.app.settings  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="session-body"):
            with Horizontal(id="session-progress"):
                yield Label("", id="exercise-count")
                yield ProgressBar(id="session-bar", show_eta=False)
            yield Label("", id="exercise-name", markup=False)
            yield Label("", id="step-label")
            yield Label("", id="step-target")
            yield Static("", id="step-cues", markup=False)
            yield CountdownPanel(id="countdown")
            with Horizontal(id="set-entry"):
                yield NumberPicker(0, maximum=MAX_REPS_DONE, label="Reps", id="reps")
                with Vertical(id="set-extras"):
                    yield Label("Load (kg, lb or band colour)", classes="field-label")
                    yield Input(id="load", max_length=30)
                    yield Label("RPE 1–10 (optional)", classes="field-label")
                    yield Input(id="rpe", max_length=2, restrict=r"[0-9]*")
            with Horizontal(id="pain-entry"):
                yield NumberPicker(
                    None, maximum=MAX_PAIN, allow_none=True, label="Pain 0–10", id="pain"
                )
                with Vertical(id="pain-extras"):
                    yield Label(
                        "0 none · 10 worst. Sharp or rising pain: stop.", classes="field-label"
                    )
                    yield Label("Note (optional)", classes="field-label")
                    yield Input(id="note", max_length=500)
            yield Static("", id="done-message")
            yield Label("", id="entry-error")
            yield Label("", id="save-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.runner.plan.routine_id or ""
        self.set_interval(TICK_SECONDS, self.tick)
        self.show_step()

    def on_screen_resume(self) -> None:
        # Back from the library or a dialog: the countdown kept its time; catch up at once.
        self.tick()

    # ---- drawing

    def show_step(self) -> None:
        """Draw the current step and reset the entry fields to their defaults."""
        runner = self.runner
        step = runner.current
        done, total = runner.progress
        n, of = runner.exercise_position
        self.query_one("#exercise-count", Label).update(f"Exercise {n} of {of}")
        self.query_one("#session-bar", ProgressBar).update(total=total, progress=done)
        self.query_one("#entry-error", Label).update("")
        set_entry = self.query_one("#set-entry")
        pain_entry = self.query_one("#pain-entry")
        done_message = self.query_one("#done-message", Static)
        set_entry.display = step is not None and step.kind == "set"
        pain_entry.display = step is not None and step.kind == "pain"
        done_message.display = step is None
        if step is None:
            self.query_one("#exercise-name", Label).update("All done")
            self.query_one("#step-label", Label).update("Every step is behind you.")
            self.query_one("#step-target", Label).update("")
            self.query_one("#step-cues", Static).update("")
            if runner.finished:
                done_message.update(
                    "Finished, but the session is NOT SAVED (see below). r retries the save; "
                    "escape or q asks before discarding it."
                )
            else:
                done_message.update("Press enter (or f) to finish and see the summary; u undoes.")
            self.focus()
            self.refresh_bindings()
            return
        item = runner.item(step)
        self.query_one("#exercise-name", Label).update(item.exercise.name)
        self.query_one("#step-label", Label).update(step.label)
        if step.kind == "set":
            target = f"Target {item.reps[0]}–{item.reps[1]} reps"
            if item.reps[0] == item.reps[1]:
                target = f"Target {item.reps[0]} reps"
            if item.hold_seconds:
                target += f" · hold {item.hold_seconds} s at the top"
                if self.settings.hold_cue:
                    target += " (h counts it)"
            load, unit = runner.default_load(step)
            target += f" · {format_load(load, unit)}"
            if step.warmup:
                target += " · warm-up: go light"
            self.query_one("#step-target", Label).update(target)
            self.query_one("#step-cues", Static).update(
                "\n".join(f"• {cue}" for cue in item.exercise.cues[:3])
            )
            self.query_one("#reps", NumberPicker).set_value(runner.default_reps(step))
            self.query_one("#load", Input).value = _load_text(load, unit)
            self.query_one("#rpe", Input).value = ""
            self.query_one("#reps", NumberPicker).focus()
        else:
            self.query_one("#step-target", Label).update(
                "Any pain in the hip, knee or back during that exercise?"
            )
            self.query_one("#step-cues", Static).update("")
            log = runner.session.exercise(item.exercise_id)
            self.query_one("#pain", NumberPicker).set_value(log.pain if log else None)
            self.query_one("#note", Input).value = log.note if log else ""
            self.query_one("#pain", NumberPicker).focus()
        self.refresh_bindings()
        self._show_countdown()

    def _show_countdown(self) -> None:
        hint = ""
        if self.countdown is not None:
            hint = (
                "h: next hold"
                if self._countdown_kind == "hold"
                else "n: skip · t: +15 s · p: pause · log the next set any time"
            )
        self.query_one(CountdownPanel).show(self.countdown, hint)

    # ---- time

    def tick(self) -> None:
        """Poll the countdown: ring once when it ends (even if the clock jumped), then redraw."""
        countdown = self.countdown
        if countdown is None:
            return
        reason = countdown.poll()
        if reason is not None:
            ring = self.settings.bell if self._countdown_kind != "hold" else self.settings.hold_cue
            if reason == "elapsed" and ring:
                self.app.bell()
            self.countdown = None
            self.refresh_bindings()
        self._show_countdown()

    def _start_countdown(self, seconds: int, label: str, kind: str) -> None:
        self.countdown = Countdown(seconds, self.app.clock, label=label) if seconds > 0 else None  # type: ignore[attr-defined]
        self._countdown_kind = kind
        self.refresh_bindings()
        self._show_countdown()

    def _stop_countdown(self) -> None:
        self.countdown = None
        self.refresh_bindings()
        self._show_countdown()

    # ---- saving

    def save(self, *, final: bool = False) -> bool:
        """Write the session; on failure keep it in memory, say where and why, and carry on."""
        session = self.runner.session
        status = self.query_one("#save-status", Label)
        try:
            path = self.store.save(session)
        except StoreError as exc:
            self.unsaved = True
            where = getattr(exc, "path", self.store.logs_dir)
            reason = getattr(exc, "reason", str(exc))
            self._save_problem = f"{where}: {reason}"
            status.update(f"NOT SAVED to {where}: {reason}. Your sets are kept; r retries.")
            status.add_class("-error")
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
            self.notify(f"Saved to {path}.", title="Saved again")
        self.unsaved = False
        status.update(f"Saved {len(session.sets)} set(s).")
        status.remove_class("-error")
        self.refresh_bindings()
        self._notify_plugins(session, final)
        return True

    def _notify_plugins(self, session: Session, final: bool) -> None:
        result = getattr(self.app, "plugin_result", None)
        if result is None:
            return
        for name, reason in result.notify_session_saved(session, final):
            if (name, reason) in self._plugin_failures:
                continue  # once is enough: the same failure after every set is noise
            self._plugin_failures.add((name, reason))
            self.notify(
                f"{name}: {reason}", title="Plugin problem", severity="warning", markup=False
            )

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
                reps = self.query_one("#reps", NumberPicker).value or 0
                self.runner.record_set(reps, load=load, unit=unit, rpe=rpe)
            else:
                self.runner.record_pain(
                    self.query_one("#pain", NumberPicker).value,
                    self.query_one("#note", Input).value,
                )
        except InvalidEntry as exc:
            error.update(str(exc))
            if "load" in str(exc):
                self.query_one("#load", Input).focus()
            elif "RPE" in str(exc):
                self.query_one("#rpe", Input).focus()
            return
        self.save()
        pause = self.runner.plan.pause_after(step.index) if step.kind == "set" else None
        if pause is not None:
            self._start_countdown(pause.seconds, pause.label, pause.kind)
        else:
            self._stop_countdown()
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
        self.notify(f"{done} Now: {where}.", timeout=3, markup=False)

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
        if self.runner.at_end:
            self._finish()
            return
        remaining = len(self.runner.steps) - self.runner.cursor

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(ConfirmFinish(remaining), answered)

    def _finish(self) -> None:
        self._stop_countdown()
        self.runner.finish()
        if self.save(final=True):
            self._show_summary()
        else:
            # Not saved: stay here, where the status says why and r retries (see show_step).
            self.show_step()

    def _show_summary(self) -> None:
        from glutetui.tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.runner.session, store=self.store))

    def action_retry_save(self) -> None:
        """Try the failed save again; once a finished session is saved, on to the summary."""
        if self.save(final=self.runner.finished) and self.runner.finished:
            self._show_summary()

    def leave_safely(self, then: Callable[[], object]) -> None:
        """Call ``then`` (which drops this session) once no unsaved set would be lost with it.

        If the session is unsaved the save is retried first; if it fails again the person is
        asked (:class:`ConfirmDiscard`) and ``then`` runs only on an explicit yes.
        """
        if not self.unsaved or self.save(final=self.runner.finished):
            then()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(
            ConfirmDiscard(len(self.runner.session.sets), self._save_problem), answered
        )

    def action_close(self) -> None:
        """Leave a finished session whose save failed: retry, then ask before discarding it."""
        if not self.unsaved:
            self._show_summary()
            return

        def close() -> None:
            if self.unsaved:
                self.app.call_later(close_session, self.app, discard=True)
            else:  # the retry worked
                self._show_summary()

        self.leave_safely(close)

    async def action_quit(self) -> None:
        """``q`` while the session is unsaved: retry the save, then ask before quitting."""
        # Straight to exit: the app's quit would find the (discarded) sets unsaved and ask again.
        self.leave_safely(self.app.exit)

    def action_pause(self) -> None:
        """Pause the session (and the countdown) until a key is pressed."""
        if self.countdown is not None:
            self.countdown.pause()
        self._show_countdown()

        def resumed(_: None) -> None:
            if self.countdown is not None:
                self.countdown.resume()
            self._show_countdown()

        self.app.push_screen(PausedScreen(), resumed)

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
        if hold and (self.countdown is None or self._countdown_kind == "hold"):
            self._start_countdown(hold, f"Hold {hold} s", "hold")

    def action_focus_main(self) -> None:
        """From the load, RPE or note box back to the big number, where the letter keys work."""
        step = self.runner.current
        if step is not None:
            self.query_one("#reps" if step.kind == "set" else "#pain", NumberPicker).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now."""
        step = self.runner.current
        if action in ("skip_rest", "more_time"):
            return self.countdown is not None and self._countdown_kind != "hold"
        if action == "hold":
            return (
                step is not None
                and step.kind == "set"
                and bool(self.runner.item(step).hold_seconds)
                and self.settings.hold_cue
            )
        if action == "retry_save":
            return self.unsaved
        if action == "close":
            return self.runner.finished
        if action == "quit":
            return self.unsaved
        if action in ("finish", "pause"):
            return not self.runner.finished
        if action in ("skip_set", "skip_exercise"):
            return step is not None
        if action == "undo":
            return self.runner.can_undo
        if action == "accept":
            return not self.runner.finished
        return True


def _load_text(load: float | None, unit: str | None) -> str:
    """What the load box starts with: ``20 kg``, ``red band`` or empty for bodyweight."""
    if unit and unit.startswith("band:"):
        return format_load(load, unit)
    if load is None:
        return ""
    return format_load(load, unit)
