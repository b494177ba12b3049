"""Resume an unfinished session, keep it as incomplete, or decide later.

Offered at start-up by :func:`glutetui.tui.session_mode.offer_resume`: when the session
started, what was logged and where it stopped. A session still open in another glutetui is
offered only to take over, after saying where it is open (pid, host, since when, over SSH
from where): two screens writing one session would lose sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from glutetui.text import neutralise
from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.format import sets_count
from glutetui.workout.runner import Runner

if TYPE_CHECKING:
    from glutetui.workout.lease import Holder

ResumeChoice = Literal["resume", "take-over", "keep", "later"]


class ResumeDialog(Dialog[ResumeChoice]):
    """Resume an unfinished session, keep it as incomplete, or decide later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,enter", "choose('resume')", "Resume", id="resume-session"),
        Binding("k", "choose('keep')", "Keep as incomplete", id="resume-keep"),
        Binding("t", "choose('take-over')", "Take over", id="resume-take-over"),
        Binding("escape,l", "choose('later')", "Later", id="resume-later"),
    ]

    def __init__(self, runner: Runner, holder: Holder | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.holder = holder
        """Who has the session open now, if anyone (then it can only be taken over)."""

    @property
    def held_elsewhere(self) -> bool:
        return self.holder is not None and not self.holder.is_this_process

    def compose(self) -> ComposeResult:
        session = self.runner.session
        step = self.runner.current
        where = "every step was done; it only needs finishing"
        if step is not None:
            where = neutralise(f"{self.runner.item(step).exercise.name}, {step.label}")
        names = neutralise(", ".join(e.name for e in session.exercises))
        with Vertical(classes="dialog", id="resume-dialog"):
            if self.holder is not None and self.held_elsewhere:
                yield Label("Your unfinished session is open elsewhere", classes="dialog-title")
                yield Static(f"It is {self.holder.describe()}.", markup=False)
            else:
                yield Label("Resume your unfinished session?", classes="dialog-title")
            yield Label(f"Started {session.started_at:%a %d %b, %H:%M}: {names}", markup=False)
            yield Label(f"{sets_count(session.sets)} logged. Next: {where}.", markup=False)
            if self.held_elsewhere:
                yield Static(
                    "Taking it over here stops that screen from saving it (it keeps its own "
                    "sets and can save them as a new session).",
                    markup=False,
                )
                yield Label(
                    "t: take it over and resume · escape: leave it there", classes="dialog-hint"
                )
            else:
                yield Label(
                    "r or enter: resume there · k: keep it as it is (incomplete) · escape: later",
                    classes="dialog-hint",
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open elsewhere, a session can only be taken over (or left); else not taken over."""
        if action == "choose" and parameters and parameters[0] != "later":
            return (parameters[0] == "take-over") == self.held_elsewhere
        return True

    def action_choose(self, choice: ResumeChoice) -> None:
        """Close with the choice."""
        self.dismiss(choice)
