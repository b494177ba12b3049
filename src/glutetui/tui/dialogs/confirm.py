"""A yes/no question: the one dialog for "are you sure?".

Only ``y`` (or the yes button) says yes. ``n``, escape and enter say no: the no button has the
focus, so a habitual enter after the key that asked never finishes, discards or deletes
anything by itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from glutetui.tui.dialogs.base import Dialog


class ConfirmDialog(Dialog[bool]):
    """Asks ``question`` under ``title``; dismisses with ``True`` for yes, ``False`` for no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape,enter", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(
        self, title: str, question: str, yes_label: str = "Yes", no_label: str = "No"
    ) -> None:
        super().__init__()
        self.title_text = title
        """The question in a few words, in bold."""
        self.question = question
        """What is at stake, in full."""
        self.yes_label = yes_label
        self.no_label = no_label

    def compose(self) -> ComposeResult:
        # Plain text, never markup: questions quote notes, paths and error messages.
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.no_label} (n)", id="no", variant="primary")
                yield Button(f"{self.yes_label} (y)", id="yes", variant="error")

    def on_mount(self) -> None:
        # The safe answer has the focus: a stray enter keeps things as they are.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)
