"""Choose one of the catalog's routines (from the plan screen's ``r``); rename or delete one of
your own (a routine file in the config dir) from here too."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from glutetui.text import neutralise
from glutetui.tui.base import glute_app
from glutetui.tui.dialogs.base import Dialog
from glutetui.userfiles import is_file_source

if TYPE_CHECKING:
    from glutetui.catalog import Catalog


class RoutinePicker(Dialog[str | None]):
    """Dismisses with the chosen routine's id, or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="routine-cancel"),
        Binding("e", "rename", "Rename", id="routine-rename"),
        Binding("d,delete", "delete", "Delete", id="routine-delete"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="routine-dialog"):
            yield Label("Start from a routine", classes="dialog-title")
            yield OptionList(*self._options(), id="routine-list", markup=False)
            empty = Label("No routine is installed.", id="routine-empty")
            empty.display = not self.catalog.routines
            yield empty
            yield Label("Yours (★): e renames, d deletes · escape cancels", classes="dialog-hint")

    def _options(self) -> list[Option]:
        options = []
        for r in self.catalog.routines.values():
            mine = "★ " if is_file_source(self.catalog.source(r.id)) else ""
            text = f"{mine}{neutralise(r.name)}  ({len(r.items)} exercises)"
            options.append(Option(f"{text}\n  {neutralise(r.summary)}", id=r.id))
        return options

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def _yours(self) -> tuple[str, str] | None:
        """The highlighted routine's id and file, if it is one of yours (else a notice)."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        routine_id = listing.get_option_at_index(listing.highlighted).id
        source = self.catalog.source(routine_id or "")
        if routine_id is None or not is_file_source(source):
            self.notify(
                "Only your own routines (★, files in the config dir) can be changed here.",
                severity="warning",
            )
            return None
        return routine_id, os.path.join(glute_app(self.app).paths.config_root, source)

    def _reread(self, keep: str | None = None) -> None:
        from glutetui.tui.user_files import reread_user_files

        app = glute_app(self.app)
        reread_user_files(app)
        self.catalog = app.catalog
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(self._options())
        ids = list(self.catalog.routines)
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        self.query_one("#routine-empty", Label).display = not ids

    def action_rename(self) -> None:
        """Give one of your routines a new name (its id stays, for the log and programmes)."""
        from glutetui.tui.dialogs.routine_name import RoutineNameDialog
        from glutetui.userfiles.routines_write import RoutineFileError, rename_routine

        found = self._yours()
        if found is None:
            return
        routine_id, path = found
        old = self.catalog.routine(routine_id).name

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                rename_routine(path, name)
            except RoutineFileError as exc:
                self.notify(f"Not renamed: {neutralise(exc)}", severity="error", markup=False)
                return
            self._reread(keep=routine_id)

        self.app.push_screen(RoutineNameDialog(f"Rename {neutralise(old)}", old), named)

    def action_delete(self) -> None:
        """Delete one of your routines, after asking."""
        from glutetui.tui.dialogs.confirm import ConfirmDialog
        from glutetui.userfiles.routines_write import RoutineFileError, delete_routine

        found = self._yours()
        if found is None:
            return
        routine_id, path = found
        name = neutralise(self.catalog.routine(routine_id).name)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_routine(path)
            except RoutineFileError as exc:
                self.notify(f"Not deleted: {neutralise(exc)}", severity="error", markup=False)
                return
            self._reread()
            self.notify(f"Deleted the routine {name}.", markup=False)

        self.app.push_screen(
            ConfirmDialog(
                "Delete this routine?",
                f"{name} ({os.path.basename(path)}) goes for good. Sessions you logged with it "
                "stay in the log.",
                yes_label="Delete",
            ),
            answered,
        )
