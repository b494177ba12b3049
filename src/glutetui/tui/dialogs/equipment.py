"""The equipment filter: tick what you have; the library keeps what you can do with it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.selection_list import Selection

from glutetui.equipment import display_name
from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.widgets.check_list import CheckList


class EquipmentDialog(Dialog[frozenset[str] | None]):
    """Dismisses with the ticked equipment keys, or ``None`` when cancelled.

    Ticking nothing and applying means "no equipment": only bodyweight exercises remain.
    Opened with no filter (``have`` is ``None``, any equipment), every box starts ticked, so
    opening and applying keeps "any" rather than turning it into "bodyweight only".
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the SelectionList would otherwise take enter as "toggle".
        Binding("enter", "apply", "Apply", id="equipment-apply", priority=True),
        Binding("escape", "cancel", "Cancel", id="equipment-cancel"),
        Binding("a", "tick_all", "All", id="equipment-all"),
        Binding("n", "tick_none", "None", id="equipment-none"),
    ]

    def __init__(self, equipment: Iterable[str], have: frozenset[str] | None) -> None:
        super().__init__()
        self._equipment = list(equipment)
        self._have = frozenset(self._equipment) if have is None else have

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="equipment-dialog"):
            yield Static("What equipment do you have?", classes="dialog-title")
            yield CheckList[str](
                *(Selection(Text(display_name(k)), k, k in self._have) for k in self._equipment),
                id="equipment-list",
            )
            yield Static(id="equipment-ticked", markup=False)
            yield Static(
                "space tick · a all · n none · enter apply · escape cancel", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self._show_ticked()

    def on_selection_list_selected_changed(self) -> None:
        self._show_ticked()

    def _ticked(self) -> list[str]:
        ticked: list[str] = self.query_one("#equipment-list", CheckList).selected
        return ticked

    def _show_ticked(self) -> None:
        # Said in words as well as drawn: without colour the ticked boxes look like the others.
        ticked = self._ticked()
        if ticked and set(ticked) >= set(self._equipment):
            names = "everything (any equipment)"
        else:
            names = ", ".join(display_name(k) for k in ticked) or "nothing (bodyweight only)"
        self.query_one("#equipment-ticked", Static).update(f"Ticked: {names}")

    def action_tick_all(self) -> None:
        """Tick every box (any equipment)."""
        self.query_one("#equipment-list", CheckList).select_all()

    def action_tick_none(self) -> None:
        """Untick every box (bodyweight only), to tick just what is at hand."""
        self.query_one("#equipment-list", CheckList).deselect_all()

    def action_apply(self) -> None:
        """Close, returning the ticked equipment."""
        self.dismiss(frozenset(self._ticked()))

    def action_cancel(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
