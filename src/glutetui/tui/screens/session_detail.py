"""One session in full: every set and side, loads, effort and every note.

A modal over the log. ``n`` and ``d`` hand the session back to the log screen to edit its note
or delete it (the screen returns ``"note"`` or ``"delete"``); escape closes it. Narrower than
:data:`WIDE` columns the seven-column table would scroll sideways and cut words, so the sets are
listed under each exercise's name instead, one wrapped line a set.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from glutetui import figures
from glutetui.coach.zones import describe_pain
from glutetui.settings import Settings
from glutetui.text import neutralise
from glutetui.tui.base import glute_app
from glutetui.tui.format import load_words, plural
from glutetui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from glutetui.model import Session

SIDE_NAMES = {"left": "left", "right": "right", None: figures.MISSING}

WIDE = 64
"""Columns from which the sets are a table; below, they are listed under each exercise."""


def describe_session(session: Session, routine_name: str | None = None) -> str:
    """The header: when, how long, how much, status, routine (by name when it is installed),
    note."""
    summary = figures.session_figures(session)
    lines = [
        f"{session.started_at:%A %d %B %Y, %H:%M}  ·  {figures.format_duration(summary.duration)}"
        f"  ·  {session.status}",
        f"{plural(summary.exercises, 'exercise')}, {plural(summary.work_sets, 'set')}, "
        f"{plural(summary.reps, 'rep')}"
        + (f", {figures.format_seconds(summary.seconds)} timed" if summary.seconds else "")
        + (
            f"  ·  routine: {neutralise(routine_name or session.routine_id)}"
            if session.routine_id
            else ""
        )
        + (f"  ·  from {neutralise(session.source)}" if session.source != "glutetui" else ""),
        f"Note: {neutralise(session.note)}" if session.note else "Note: (none; press n to add one)",
    ]
    return "\n".join(lines)


def describe_exercises(session: Session, settings: Settings | None = None) -> str:
    """One line per exercise: pain (with its zone in words), skipped, note."""
    lines = []
    for entry in session.exercises:
        parts = [neutralise(entry.name)]
        if entry.skipped:
            parts.append("skipped")
        if entry.pain is not None:
            parts.append(describe_pain(entry.pain, settings or Settings()))
        if entry.note:
            parts.append(f"note: {neutralise(entry.note)}")
        lines.append(" · ".join(parts))
    return "\n".join(lines) if lines else "No exercises recorded."


def stacked_sets(
    session: Session, unit: str, equipment: Mapping[str, tuple[str, ...]] | None = None
) -> Text:
    """Every set for a narrow screen: each exercise's name, then a line a set with what the
    table's columns say (``1 L: 12 reps · red band · RPE 7 · the note``); ``equipment`` by
    exercise id words a set logged without a load as :func:`load_words` does."""
    equipment = equipment or {}
    out = Text()
    last: str | None = None
    names = {e.exercise_id: e.name for e in session.exercises}
    for result in session.sets:
        if result.exercise_id != last:
            last = result.exercise_id
            out.append(("\n" if out else "") + neutralise(names.get(last, last)), style="bold")
        side = f" {result.side[0].upper()}" if result.side else ""
        effort = figures.format_effort(result.reps, result.seconds)
        parts = [
            f"{figures.format_set_number(result.set_number, result.kind)}{side}: "
            + (effort if result.seconds else f"{effort} reps"),
            load_words(result.load, result.unit or unit, equipment.get(result.exercise_id, ())),
        ]
        if result.rpe is not None:
            parts.append(f"RPE {result.rpe}")
        if result.note:
            parts.append(neutralise(result.note))
        out.append("\n  " + " · ".join(parts))
    return out if out else Text("No sets recorded.")


class SessionDetailScreen(ModalScreen[str | None]):
    """Every set of one session; returns ``"note"``, ``"delete"`` or ``None``."""

    CSS_PATH = "log.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_detail", "Close", id="session-detail-close"),
        Binding("n", "dismiss_detail('note')", "Edit note", id="session-detail-note"),
        Binding("d", "dismiss_detail('delete')", "Delete", id="session-detail-delete"),
    ]

    def __init__(self, session: Session, unit: str = "kg") -> None:
        super().__init__()
        self.session = session
        self.unit = unit

    def compose(self) -> ComposeResult:
        # The breakpoint class for the size now: Textual sends no resize to a screen pushed at
        # the terminal's size.
        narrow = self.app.size.width < WIDE
        self.set_class(narrow, "-narrow")
        self.set_class(not narrow, "-wide")
        names = {e.exercise_id: e.name for e in self.session.exercises}
        catalog = glute_app(self.app).catalog
        # A band or dumbbell exercise logged without a load is not "bodyweight".
        equipment = {
            e.exercise_id: found.equipment
            for e in self.session.exercises
            if (found := catalog.exercises.get(e.exercise_id)) is not None
        }
        with VerticalScroll(id="session-detail"):
            routine = catalog.routines.get(self.session.routine_id or "")
            head = describe_session(self.session, routine.name if routine else None)
            yield Static(head, id="session-detail-head", markup=False)
            table: DataTable[str | Text] = DataTable(id="session-detail-sets", cursor_type="row")
            table.add_columns("Exercise", "Set", "Side", "Reps", "Load", "RPE", "Note")
            for result in self.session.sets:
                table.add_row(
                    Text(neutralise(names.get(result.exercise_id, result.exercise_id))),
                    figures.format_set_number(result.set_number, result.kind),
                    SIDE_NAMES[result.side],
                    Text(figures.format_effort(result.reps, result.seconds), justify="right"),
                    load_words(
                        result.load,
                        result.unit or self.unit,
                        equipment.get(result.exercise_id, ()),
                    ),
                    figures.MISSING if result.rpe is None else str(result.rpe),
                    Text(neutralise(result.note)),
                )
            yield table
            yield Static(
                stacked_sets(self.session, self.unit, equipment), id="session-detail-stacked"
            )
            yield Static(
                describe_exercises(self.session, glute_app(self.app).settings),
                id="session-detail-exercises",
                markup=False,
            )
        yield KeyBar()

    def on_mount(self) -> None:
        # Narrow, the table is hidden: the scrolling body takes the keys (up, down, page).
        self.query_one(
            "#session-detail" if self.has_class("-narrow") else "#session-detail-sets"
        ).focus()

    def action_dismiss_detail(self, then: str | None = None) -> None:
        """Close, telling the log what to do next."""
        self.dismiss(then)
