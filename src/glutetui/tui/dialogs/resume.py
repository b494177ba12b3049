"""Resume an unfinished session, keep it as incomplete, or decide later.

Offered at start-up by :func:`glutetui.tui.session_mode.offer_resume`: when the session
started, what was logged and where it stopped.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label

from glutetui.text import neutralise
from glutetui.tui.dialogs.base import Dialog
from glutetui.workout.runner import Runner

ResumeChoice = Literal["resume", "keep", "later"]


class ResumeDialog(Dialog[ResumeChoice]):
    """Resume an unfinished session, keep it as incomplete, or decide later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,enter", "choose('resume')", "Resume", id="resume-session"),
        Binding("k", "choose('keep')", "Keep as incomplete", id="resume-keep"),
        Binding("escape,l", "choose('later')", "Later", id="resume-later"),
    ]

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.runner = runner

    def compose(self) -> ComposeResult:
        session = self.runner.session
        step = self.runner.current
        where = "every step was done; it only needs finishing"
        if step is not None:
            where = neutralise(f"{self.runner.item(step).exercise.name}, {step.label}")
        names = neutralise(", ".join(e.name for e in session.exercises))
        with Vertical(classes="dialog", id="resume-dialog"):
            yield Label("Resume your unfinished session?", classes="dialog-title")
            yield Label(f"Started {session.started_at:%a %d %b, %H:%M}: {names}", markup=False)
            yield Label(f"{len(session.sets)} set(s) logged. Next: {where}.", markup=False)
            yield Label(
                "r or enter: resume there · k: keep it as it is (incomplete) · escape: later",
                classes="dialog-hint",
            )

    def action_choose(self, choice: ResumeChoice) -> None:
        """Close with the choice."""
        self.dismiss(choice)
