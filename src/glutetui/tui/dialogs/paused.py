"""The session is paused: a dialog over it until a key carries on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label

from glutetui.tui.dialogs.base import Dialog


class PausedDialog(Dialog[None]):
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
