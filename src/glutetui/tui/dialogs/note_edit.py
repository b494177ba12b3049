"""Edit a session's note: a one-line input; enter saves, escape leaves it as it was."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.widgets.text_field import TextField

MAX_NOTE_LENGTH = 500


class NoteEditDialog(Dialog[str | None]):
    """Returns the new note (stripped), or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note-edit-cancel"),
    ]

    def __init__(self, note: str, when: str) -> None:
        super().__init__()
        self.note = note
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-edit"):
            yield Static(
                f"Note for the session of {self.when}", classes="dialog-title", markup=False
            )
            yield TextField(
                self.note,
                placeholder="How did it go? (empty removes the note)",
                max_length=MAX_NOTE_LENGTH,
                id="note-edit-input",
            )
            yield Static("enter saves · escape cancels", classes="dialog-hint", markup=False)

    @on(Input.Submitted, "#note-edit-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
