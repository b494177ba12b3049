"""The library: every exercise from every plugin, a filter, an equipment filter, the details.

Keys: ``/`` filter, up/down move, enter open the details, escape in the filter clears it
(again: back to the list), on the list clears the filter, ``e`` equipment filter, ``x`` clear it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from glutetui.equipment import display_name, normalise_word
from glutetui.tui.base import GluteScreen
from glutetui.tui.widgets.exercise_detail import ExerciseDetail
from glutetui.tui.widgets.exercise_list import ExerciseList
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from glutetui.model import Exercise


class LibraryScreen(GluteScreen[None]):
    """Browse and filter the exercise catalog.

    ``s`` (binding id ``start-session``) starts a session with :attr:`current_exercise`.
    """

    TITLE = "Library"
    AUTO_FOCUS = "#exercise-list"

    # Below 64 columns the list and the details take turns instead of sitting side by side.
    # Not annotated: Textual declares it as an instance variable, which a ClassVar cannot
    # override.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", id="library-filter"),
        Binding("e", "equipment_filter", "Equipment", id="equipment-filter"),
        Binding("x", "clear_equipment", "Any equipment", id="clear-equipment"),
        Binding("s", "start_session", "Start", id="start-session"),
        Binding("escape", "back", "Back", id="library-back", show=False),
        # Only reached from the filter: the list and the details use up/down themselves.
        Binding("down", "focus_list", "To the list", show=False),
    ]

    def __init__(self) -> None:
        # Start in the wide layout: the breakpoint then changes no class at the first resize,
        # which would otherwise restyle the whole screen before the first paint.
        super().__init__(classes="-wide")
        self.have: frozenset[str] | None = None
        """The equipment filter: ``None`` for any equipment, else what the user has."""

    def compose(self) -> ComposeResult:
        # The breakpoint class for the size the app starts at: Textual sends no resize when
        # the terminal keeps its size, and a 40-column start stayed side by side. Set before
        # the children mount, it costs no extra layout.
        narrow = self.app.size.width < self.HORIZONTAL_BREAKPOINTS[1][0]
        self.set_class(narrow, "-narrow")
        self.set_class(not narrow, "-wide")
        # Everything is filled in here rather than on mount, so the first paint needs one layout.
        # The equipment the person owns (settings) is the filter the library starts with.
        owned = frozenset(normalise_word(w) for w in self.settings.equipment)
        self.have = owned or None
        found = self.catalog.search(have=self.have)
        first = found[0] if found else None
        # The screen lays out the side column and the details side by side itself (see the
        # tcss): a container less to mount and style before the first paint.
        yield TitleBar()
        with Vertical(id="library-side"):
            yield Input(placeholder="/ name, tag, equipment", id="library-filter")
            yield Static(
                self._status_text(),
                id="equipment-status",
                markup=False,
                classes="-active" if self.have is not None else "",
            )
            yield ExerciseList(found, id="exercise-list")
            yield Static(self._count_text(found), id="library-count")
        yield ExerciseDetail(*self._detail_args(first), id="exercise-detail")
        yield KeyBar()

    # -- state --------------------------------------------------------------------------

    @property
    def current_exercise(self) -> Exercise | None:
        """The exercise under the list's cursor (what a session would start with)."""
        exercise_id = self.query_one(ExerciseList).highlighted_id
        return self.catalog.exercises.get(exercise_id) if exercise_id else None

    def refresh_list(self, keep: str | None = None) -> None:
        """Re-run the search with the filter text and equipment, keeping the cursor if it can."""
        exercise_list = self.query_one(ExerciseList)
        text = self.query_one("#library-filter", Input).value
        found = self.catalog.search(text, self.have)
        exercise_list.show(found, keep=keep or exercise_list.highlighted_id)
        self.query_one("#library-count", Static).update(self._count_text(found))
        status_widget = self.query_one("#equipment-status", Static)
        status_widget.update(self._status_text())
        status_widget.set_class(self.have is not None, "-active")
        self._show_detail()

    def _count_text(self, found: list[Exercise]) -> str:
        total = len(self.catalog)
        return f"{len(found)} of {total} exercise{'s' if total != 1 else ''}"

    def _status_text(self) -> str:
        if self.have is None:
            return "Equipment: any"
        if self.have:
            return "Equipment: " + ", ".join(sorted(display_name(k) for k in self.have))
        return "Equipment: none (bodyweight)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "any equipment" only while an equipment filter is on."""
        if action == "clear_equipment":
            return self.have is not None
        if action == "start_session":
            # While one runs, the app's own "s" (back to the session) shows instead.
            return not self.glute_app.session_running()
        return True

    def _detail_args(self, ex: Exercise | None) -> tuple[Exercise | None, str, str]:
        return (
            ex,
            self.catalog.source(ex.id) if ex else "",
            "No exercise matches.\n\nEscape clears the filter; x clears the equipment filter.",
        )

    def _show_detail(self) -> None:
        self.query_one(ExerciseDetail).show(*self._detail_args(self.current_exercise))

    # -- events -------------------------------------------------------------------------

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.action_focus_list()

    @on(ExerciseList.Highlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(ExerciseList.Selected)
    def _selected(self) -> None:
        self._show_detail()
        self.add_class("-detail-open")
        self.query_one(ExerciseDetail).focus()

    # -- actions ------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.remove_class("-detail-open")
        self.query_one("#library-filter", Input).focus()

    def action_focus_list(self) -> None:
        """Back to the list (closing the details on narrow terminals)."""
        self.remove_class("-detail-open")
        self.query_one(ExerciseList).focus()

    def action_back(self) -> None:
        """Escape: in the filter, clear it (again: back to the list); from the details back to
        the list; on the list, clear the filter."""
        filter_input = self.query_one("#library-filter", Input)
        in_filter = self.focused is filter_input
        if filter_input.value and (in_filter or self.focused is self.query_one(ExerciseList)):
            filter_input.value = ""  # Input.Changed refreshes the list
            if in_filter:
                return
        self.action_focus_list()

    def action_equipment_filter(self) -> None:
        """Ask which equipment is at hand and keep only what can be done with it."""
        from glutetui.tui.dialogs import EquipmentDialog

        def chosen(have: frozenset[str] | None) -> None:
            if have is not None:
                # Everything ticked is no filter at all: say "any", as before the dialog opened.
                self._set_have(None if have >= set(self.catalog.equipment()) else have)

        self.app.push_screen(EquipmentDialog(self.catalog.equipment(), self.have), chosen)

    def _set_have(self, have: frozenset[str] | None) -> None:
        self.have = have
        self.refresh_list()
        # Only now: every binding refresh rebuilds the footer, which is not free at start-up.
        self.refresh_bindings()

    def action_clear_equipment(self) -> None:
        """Show exercises for any equipment again."""
        if self.have is not None:
            self._set_have(None)

    def action_show_exercise(self, exercise_id: str) -> None:
        """Clear both filters and open ``exercise_id``'s details (the palette's "exercise: ...")."""
        if exercise_id not in self.catalog:
            self.notify(f"No exercise {exercise_id!r} is installed.", severity="warning")
            return
        filter_input = self.query_one("#library-filter", Input)
        with filter_input.prevent(Input.Changed):
            filter_input.value = ""
        self.have = None
        self.refresh_list(keep=exercise_id)
        self.refresh_bindings()
        self.add_class("-detail-open")
        self.query_one(ExerciseDetail).focus()

    def action_start_session(self) -> None:
        """Plan a session starting with the highlighted exercise (or go back to the running one)."""
        from glutetui.tui.screens.plan import PlanScreen
        from glutetui.tui.session_mode import SESSION_MODE, running_session

        if running_session(self.glute_app) is not None:
            self.app.switch_mode(SESSION_MODE)
            return
        ex = self.current_exercise
        self.app.push_screen(PlanScreen([ex.id] if ex else []))
