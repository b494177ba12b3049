"""StepView: the session's current step, drawn big enough to read from the mat.

The exercise, ``Set 2 of 3 · Left side``, the target, the form cues, the countdown panel, and
the fields for the entry the step asks for (reps, load and RPE for a set; pain and a note after
an exercise). It only draws and holds the fields: the session screen reads them, drives the
runner and saves. Styled in the session screen's ``session.tcss``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, ProgressBar, Static

from glutetui.text import neutralise
from glutetui.timer import MAX_SECONDS
from glutetui.tui.format import load_text, step_target
from glutetui.tui.widgets.countdown import CountdownPanel
from glutetui.tui.widgets.number_picker import NumberPicker
from glutetui.tui.widgets.set_timer_panel import SetTimerPanel
from glutetui.tui.widgets.text_field import TextField
from glutetui.workout.entries import MAX_PAIN, MAX_REPS_DONE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from glutetui.clock import Clock
    from glutetui.workout.last_time import LastTime
    from glutetui.workout.runner import Runner

MAX_CUES = 3
"""Form cues shown under the target (the library shows them all)."""


class StepView(VerticalScroll, can_focus=False):
    """The current step and its entry fields; :meth:`show` draws whatever step is current."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="session-progress"):
            yield Label("", id="exercise-count")
            yield ProgressBar(id="session-bar", show_eta=False)
        # Exercise names and cues may come from plugins, notes from people: never markup.
        yield Label("", id="exercise-name", markup=False)
        yield Label("", id="step-label")
        yield Label("", id="set-kind")
        yield Label("", id="step-target", markup=False)
        yield Label("", id="last-time", markup=False)
        yield Static("", id="step-cues", markup=False)
        yield CountdownPanel(id="countdown")
        yield SetTimerPanel(id="set-timer")
        with Horizontal(id="set-entry"):
            yield NumberPicker(0, maximum=MAX_REPS_DONE, label="Reps", id="reps")
            # A timed exercise logs seconds in the reps' place (one of the two is shown).
            yield NumberPicker(
                0, maximum=MAX_SECONDS, label="Seconds", short_label="Secs", id="seconds"
            )
            with Vertical(id="set-extras"):
                # The long labels say what may be typed; small screens show the short ones.
                yield Label("Load (kg, lb or band colour)", classes="field-label -long")
                yield Label("Load", classes="field-label -short")
                yield Input(id="load", max_length=30)
                yield Label("RPE 1–10 (optional)", classes="field-label -long")
                yield Label("RPE 1–10", classes="field-label -short")
                yield Input(id="rpe", max_length=2, restrict=r"[0-9]*")
        with Horizontal(id="pain-entry"):
            yield NumberPicker(
                None,
                maximum=MAX_PAIN,
                allow_none=True,
                label="Pain 0–10",
                short_label="Pain",
                id="pain",
            )
            with Vertical(id="pain-extras"):
                yield Label(
                    "0 none · 10 worst. Sharp or rising pain: stop.", classes="field-label -long"
                )
                yield Label("0 none, 10 worst", classes="field-label -short")
                yield Label("Note (optional)", classes="field-label")
                yield TextField(id="note", max_length=500)
        yield Static("", id="done-message")
        yield Label("", id="entry-error")
        yield Label("", id="save-status")

    def show_kind(self, kind: str) -> None:
        """Say how the set on screen will be logged when it is not a plain work set."""
        label = self.query_one("#set-kind", Label)
        label.display = kind != "work"
        label.update(f"Logged as a {kind} set (m changes it)")

    def show_last(self, runner: Runner, last: Mapping[str, LastTime] | None) -> None:
        """Say what was done the last time in the place of the current set (hidden on other
        steps, for exercises never done before, and until the log was read)."""
        step = runner.current
        label = self.query_one("#last-time", Label)
        before = last.get(runner.item(step).exercise_id) if last and step else None
        label.display = before is not None and step is not None and step.kind == "set"
        if before is not None and step is not None:
            label.update(before.describe(step.set_number, step.side, step.warmup))

    def show(
        self,
        runner: Runner,
        *,
        hold_cue: bool,
        last: Mapping[str, LastTime] | None = None,
        clock: Clock | None = None,
    ) -> None:
        """Draw ``runner``'s current step, reset the entry fields to its defaults and focus the
        main one (the session screen focuses itself when every step is done). ``last`` holds
        what was done the last time of each exercise (``None`` while the log is being read);
        ``clock`` times the sets of a timed exercise."""
        step = runner.current
        done, total = runner.progress
        n, of = runner.exercise_position
        self.query_one("#exercise-count", Label).update(f"Exercise {n} of {of}")
        self.query_one("#session-bar", ProgressBar).update(total=total, progress=done)
        self.query_one("#entry-error", Label).update("")
        done_message = self.query_one("#done-message", Static)
        self.query_one("#set-entry").display = step is not None and step.kind == "set"
        self.query_one("#pain-entry").display = step is not None and step.kind == "pain"
        done_message.display = step is None
        name = self.query_one("#exercise-name", Label)
        label = self.query_one("#step-label", Label)
        target = self.query_one("#step-target", Label)
        cues = self.query_one("#step-cues", Static)
        self.show_last(runner, last)
        timed = step is not None and step.kind == "set" and runner.item(step).timed
        self.query_one(SetTimerPanel).reset(runner.default_seconds(step) if timed else None, clock)
        self.query_one("#reps").display = not timed
        self.query_one("#seconds").display = timed
        if step is None:
            name.update("All done")
            label.update("Every step is behind you.")
            target.update("")
            cues.update("")
            if runner.finished:
                done_message.update(
                    "Finished, but the session is NOT SAVED (see below). r retries the save; "
                    "escape or q asks before discarding it."
                )
            else:
                done_message.update("Press enter (or f) to finish and see the summary; u undoes.")
            return
        item = runner.item(step)
        name.update(neutralise(item.exercise.name))
        label.update(step.label)
        if step.kind == "set":
            load, unit = runner.default_load(step)
            target.update(step_target(item, step, load, unit, hold_cue=hold_cue))
            cues.update("\n".join(f"• {cue}" for cue in item.exercise.cues[:MAX_CUES]))
            reps = self.query_one("#reps", NumberPicker)
            reps.set_value(runner.default_reps(step))
            seconds = self.query_one("#seconds", NumberPicker)
            seconds.set_value(runner.default_seconds(step))
            self.query_one("#load", Input).value = load_text(load, unit)
            self.query_one("#rpe", Input).value = ""
            (seconds if timed else reps).focus()
        else:
            target.update("Any pain in the hip, knee or back during that exercise?")
            cues.update("")
            log = runner.session.exercise(item.exercise_id)
            pain = self.query_one("#pain", NumberPicker)
            pain.set_value(log.pain if log else None)
            self.query_one("#note", Input).value = log.note if log else ""
            pain.focus()
