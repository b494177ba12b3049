"""Ask before a session goes to the trash. ``y`` moves it, ``n`` or escape keeps it.

Nothing is ever erased: the file moves to ``trash/`` in the config dir, and moving it back to
``logs/`` restores it. The dialog says so.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Returns ``True`` to move the session to the trash, ``False`` to keep it."""

    CSS_PATH = "log.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Move to trash", id="confirm-delete-yes"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm-delete-no"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-delete"):
            yield Static("Delete this session?", id="confirm-delete-title")
            yield Static(self.what, id="confirm-delete-what", markup=False)
            yield Static(
                "It moves to the trash folder in your config dir; nothing is erased.",
                id="confirm-delete-help",
            )
            with Horizontal(id="confirm-delete-buttons"):
                yield Button("Keep it (n)", id="confirm-delete-keep", variant="primary")
                yield Button("Move to trash (y)", id="confirm-delete-move", variant="error")

    def on_mount(self) -> None:
        # The safe answer has the focus: a stray enter keeps the session.
        self.query_one("#confirm-delete-keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-delete-move")

    def action_answer(self, move: bool) -> None:
        """Answer the question."""
        self.dismiss(move)
