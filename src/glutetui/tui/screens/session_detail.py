"""One session in full: every set and side, loads, effort and every note.

A modal over the log. ``n`` and ``d`` hand the session back to the log screen to edit its note
or delete it (the screen returns ``"note"`` or ``"delete"``); escape closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from glutetui import figures
from glutetui.coach.zones import describe_pain
from glutetui.settings import Settings
from glutetui.text import neutralise
from glutetui.tui.base import glute_app
from glutetui.tui.format import plural
from glutetui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from glutetui.model import Session

SIDE_NAMES = {"left": "left", "right": "right", None: figures.MISSING}


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


class SessionDetailScreen(ModalScreen[str | None]):
    """Every set of one session; returns ``"note"``, ``"delete"`` or ``None``."""

    CSS_PATH = "log.tcss"

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
        names = {e.exercise_id: e.name for e in self.session.exercises}
        with Vertical(id="session-detail"):
            routine = glute_app(self.app).catalog.routines.get(self.session.routine_id or "")
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
                    figures.format_load(result.load, result.unit or self.unit),
                    figures.MISSING if result.rpe is None else str(result.rpe),
                    Text(neutralise(result.note)),
                )
            yield table
            yield Static(
                describe_exercises(self.session, glute_app(self.app).settings),
                id="session-detail-exercises",
                markup=False,
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_dismiss_detail(self, then: str | None = None) -> None:
        """Close, telling the log what to do next."""
        self.dismiss(then)
