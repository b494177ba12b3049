"""Choose one of the catalog's routines (from the plan screen's ``r``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from glutetui.text import neutralise
from glutetui.tui.dialogs.base import Dialog

if TYPE_CHECKING:
    from glutetui.catalog import Catalog


class RoutinePicker(Dialog[str | None]):
    """Dismisses with the chosen routine's id, or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="routine-cancel"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="routine-dialog"):
            yield Label("Start from a routine", classes="dialog-title")
            options = [
                Option(
                    f"{neutralise(r.name)}  ({len(r.items)} exercises)\n  {neutralise(r.summary)}",
                    id=r.id,
                )
                for r in self.catalog.routines.values()
            ]
            yield OptionList(*options, id="routine-list", markup=False)
            if not options:
                yield Label("No routine is installed.")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
