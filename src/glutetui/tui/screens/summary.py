"""The summary after a session: duration, sets, reps per side, volume, pain, and last time.

The comparison needs the history, which can be large; it is read in a thread after the screen
is drawn, and the table fills in when it arrives (until then it says so). Narrower than
:data:`WIDE` columns the table's six columns would scroll sideways and cut words, so each
exercise is written as a few wrapped lines instead (the same figures, stacked).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from glutetui.figures import MISSING, format_done, format_seconds, format_weight, sets_of_kind
from glutetui.log import LogStore, StoreError
from glutetui.text import neutralise
from glutetui.tui.base import GluteScreen
from glutetui.tui.format import plural
from glutetui.tui.pain import pain_text
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar
from glutetui.workout.report import SessionReport, session_report

if TYPE_CHECKING:
    from glutetui.model import Session
    from glutetui.settings import Settings

STATUS_WORDS = {"complete": "Complete", "incomplete": "Finished early", "in-progress": "Unfinished"}

WIDE = 64
"""Columns from which the summary is a table; below, each exercise is stacked in lines."""


def stacked(summary: SessionReport, settings: Settings) -> Text:
    """The table's rows as lines for a narrow screen: the name, then what was done, then pain
    and the change since last time; words wrap whole instead of being cut at a column."""
    unit = summary.unit
    out = Text()
    for e in summary.exercises:
        if out:
            out.append("\n")
        out.append(neutralise(e.name), style="bold")
        if e.skipped:
            out.append("\n  skipped")
            continue
        sets = plural(e.work_sets, "set") + (
            f" (+{plural(e.warmup_sets, 'warm-up')})" if e.warmup_sets else ""
        )
        done = f"\n  {sets} · {format_done(e.reps_by_side, e.seconds)}"
        if e.volume:
            done += f" · volume {format_weight(e.volume, unit)}"
        out.append(done)
        out.append("\n  pain ")
        out.append_text(pain_text(e.pain, settings))
        out.append(f" · {e.comparison(unit, with_date=False)}")
    return out


class SummaryScreen(GluteScreen[None]):
    """What was done, how it felt, and how it compares with last time."""

    TITLE = "Summary"
    CSS_PATH = "summary.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the focused table would take enter for itself (row selection) otherwise.
        Binding("enter,escape", "done", "Done", id="summary-done", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        store: LogStore | None = None,
        history: Sequence[Session] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self._store = store
        self.history = history
        """Earlier sessions to compare with; read from the store in a thread when ``None``."""
        self.compared = asyncio.Event()
        """Set once the comparison with the history is shown, or known to be impossible."""

    @property
    def unit(self) -> str:
        """The user's load unit."""
        return self.settings.units

    def compose(self) -> ComposeResult:
        # The breakpoint class for the size now: Textual sends no resize to a screen pushed at
        # the terminal's size.
        narrow = self.app.size.width < WIDE
        self.set_class(narrow, "-narrow")
        self.set_class(not narrow, "-wide")
        yield TitleBar()
        # Focusable and scrolling: at 40x12 the stacked lines and the notes go past the foot.
        with VerticalScroll(id="summary-body"):
            yield Label("", id="summary-title")
            yield Label("", id="summary-figures")
            yield DataTable(id="summary-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="summary-stacked")
            yield Label("", id="summary-compare-status", markup=False)
            # Notes and exercise names are the user's or a plugin's text: never markup.
            yield Label("", id="summary-note", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "Sets", "Reps", "Volume", "Pain", "vs last time")
        self.show(session_report(self.session, self.history or (), unit=self.unit))
        if self.history is None:
            self.query_one("#summary-compare-status", Label).update("Reading your history…")
            self.load_history()
        else:
            self.compared.set()

    @work(thread=True, exclusive=True)
    def load_history(self) -> None:
        """Read the history off the event loop, then redraw with the comparison."""
        store = self._store or self.glute_app.store
        try:
            history = store.history()
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(
                self.query_one("#summary-compare-status", Label).update,
                f"No comparison: the history could not be read ({exc}).",
            )
            self.app.call_from_thread(self.compared.set)
            return
        summary = session_report(self.session, history.sessions, unit=self.unit)
        self.app.call_from_thread(self._history_loaded, summary, len(history.problems))

    def _history_loaded(self, summary: SessionReport, problems: int) -> None:
        self.show(summary)
        if problems:
            files = plural(problems, "log file")
            self.notify(f"{files} could not be read; see the log screen.")
        self.compared.set()

    def show(self, summary: SessionReport) -> None:
        """Fill the figures and the table."""
        session = summary.session
        unit = summary.unit
        title = f"{STATUS_WORDS.get(session.status, session.status)} · {summary.duration_text}"
        self.query_one("#summary-title", Label).update(title)
        kinds = [
            f"{count} {kind}"
            for kind in ("drop", "failure")  # counted among the work sets; said apart too
            if (count := sets_of_kind(session.sets, kind))
        ]
        figures = plural(summary.work_sets, "work set")
        figures += f" ({', '.join(kinds)})" if kinds else ""
        figures += f" · {plural(summary.reps, 'rep')}"
        if summary.seconds:
            figures += f" · {format_seconds(summary.seconds)} timed"
        if summary.warmup_sets:
            figures += f" · {plural(summary.warmup_sets, 'warm-up set')}"
        if summary.volume:  # bands and bodyweight move none: the table says MISSING too
            figures += f" · volume {format_weight(summary.volume, unit)}"
        self.query_one("#summary-figures", Label).update(figures)
        self.query_one("#summary-stacked", Static).update(stacked(summary, self.settings))
        table = self.query_one(DataTable)
        table.clear()
        for e in summary.exercises:
            if e.skipped:
                table.add_row(
                    Text(neutralise(e.name)), "skipped", "", "", "", "", key=e.exercise_id
                )
                continue
            table.add_row(
                Text(neutralise(e.name)),
                str(e.work_sets) + (f" +{e.warmup_sets}w" if e.warmup_sets else ""),
                format_done(e.reps_by_side, e.seconds),
                format_weight(e.volume, unit) if e.volume else MISSING,
                pain_text(e.pain, self.settings),
                e.comparison(unit, with_date=False),
                key=e.exercise_id,
            )
        dates = sorted({e.previous_date for e in summary.exercises if e.previous_date})
        self.query_one("#summary-compare-status", Label).update(
            f"Compared with the last time each exercise was done ({', '.join(dates)})."
            if dates
            else ""
        )
        notes = [f"{neutralise(e.name)}: {neutralise(e.note)}" for e in summary.exercises if e.note]
        if session.note:
            notes.insert(0, neutralise(session.note))
        self.query_one("#summary-note", Label).update("\n".join(notes))

    async def action_done(self) -> None:
        """Back to the library."""
        from glutetui.tui.session_mode import close_session

        await close_session(self.glute_app)
