"""Name a routine: a one-line input; enter takes the name, escape cancels."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.widgets.text_field import TextField
from glutetui.userfiles.routines_write import MAX_NAME_LENGTH


class RoutineNameDialog(Dialog[str | None]):
    """Returns the name typed (stripped; empty ones are not taken), or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="routine-name-cancel"),
    ]

    def __init__(self, title: str, name: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.name_text = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="routine-name"):
            # The title may quote a routine's name from a file: never markup.
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield TextField(
                self.name_text,
                placeholder="A name, such as After work",
                max_length=MAX_NAME_LENGTH,
                id="routine-name-input",
            )
            yield Static("enter saves · escape cancels", classes="dialog-hint", markup=False)

    @on(Input.Submitted, "#routine-name-input")
    def _submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if name:
            self.dismiss(name)
        else:
            self.notify("Type a name first (escape cancels).", severity="warning")

    def action_cancel(self) -> None:
        """Close without a name."""
        self.dismiss(None)
