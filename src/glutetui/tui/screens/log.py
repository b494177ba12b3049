"""The training log: every session, progress per exercise, consistency, left/right balance.

Nothing is read before the screen is drawn. Then, in worker threads, the Sessions table is
filled from the store's summary index (:meth:`LogStore.summaries`: one small row per session, so
ten years fill it about as fast as an empty log) and only after that is the full history read
for the Progress, Consistency and Balance tabs, each showing a loading indicator until it has
its figures; the Sessions tab is usable meanwhile. Opening a session reads just its file.
The figures come from :mod:`glutetui.stats`; "today" is the app clock's date, so tests freeze
it with a ``FakeClock``.

Keys: enter or ``o`` open the highlighted session, ``n`` edit its note, ``d`` move it to the
trash, ``r`` read the log again, ``1``–``4`` switch tabs. Every one of them is also a ``log: …``
command in the palette.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    ProgressBar,
    Select,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from glutetui import stats
from glutetui.figures import format_duration, format_weight
from glutetui.log import FileProblem, LogStore, SessionRow, StoreError, session_row
from glutetui.tui.commands import Command, CommandsProvider
from glutetui.tui.widgets.balance import BalanceBars
from glutetui.tui.widgets.heatmap import CalendarHeatMap
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from glutetui.model import Session
    from glutetui.settings import Settings

CALENDAR_WEEKS = 16
TREND_SESSIONS = 60
"""Sessions shown in each sparkline (the most recent ones)."""
WEEKS_SHOWN = 12
MAX_PROBLEMS_SHOWN = 3
NOTE_WIDTH = 24

COLUMNS = ("Date", "Length", "Exercises", "Sets", "Reps", "Pain", "Note")
NOTE_COLUMN = "note"
COLUMN_KEYS = ("date", "length", "exercises", "sets", "reps", "pain", NOTE_COLUMN)

TABS = {
    "sessions": "tab-sessions",
    "progress": "tab-progress",
    "consistency": "tab-consistency",
    "balance": "tab-balance",
}

PAGE_ROWS = 400
"""Rows put in the Sessions table at a time: the first page at once, the next one when the
cursor comes within :data:`NEAR_END` rows of the end. DataTable measures every cell of every
row it is given before it draws again, so ten years of rows at once held the screen for a
second; a year's worth fits in the first page."""
NEAR_END = 30
FIRST_ROWS = 50
"""Rows in the table's first frame: a tall terminal's worth; the rest of the page follows."""
FRAME_OUT = 0.02
"""Seconds to let a frame reach the terminal before more work starts."""

FOCUS_IN_TAB = {
    TABS["sessions"]: "#log-sessions",
    TABS["progress"]: "#log-exercise",
    TABS["consistency"]: "#log-consistency",
    TABS["balance"]: "#log-balance",
}
"""What takes the focus when a tab is chosen (inside it: TabbedContent follows the focus)."""

# --------------------------------------------------------------------------- formatting


def format_when(summary: SessionRow) -> str:
    """``2026-11-23 18:04``: in the zone the session was recorded in."""
    return f"{summary.started_at:%Y-%m-%d %H:%M}"


def note_cell(summary: SessionRow) -> str:
    """The note, shortened, after the status when the session is not complete."""
    note = " ".join(summary.note.split())
    if summary.status != "complete":
        note = f"[{summary.status}] {note}".rstrip()
    if len(note) > NOTE_WIDTH:
        note = note[: NOTE_WIDTH - 1] + "…"
    return note


def row_cells(summary: SessionRow) -> tuple[str, ...]:
    """One table row, as plain strings (the cheapest cells)."""
    return (
        format_when(summary),
        format_duration(summary.duration),
        str(summary.worked),
        str(summary.sets),
        str(summary.reps),
        "–" if summary.max_pain is None else str(summary.max_pain),
        note_cell(summary),
    )


def format_best(best: stats.Best | None, what: str) -> str:
    """``15 reps (2026-03-04)`` or ``–``."""
    if best is None:
        return "–"
    return f"{what} ({best.day.isoformat()})"


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class LogFigures:
    """Everything the Progress, Consistency and Balance tabs show, computed off the UI thread."""

    today: date
    streak: stats.Streak
    calendar: stats.Calendar
    weeks: tuple[stats.WeekSets, ...]
    balance: tuple[stats.ExerciseBalance, ...]
    exercises: dict[str, str]


def compute_figures(sessions: Iterable[Session], today: date, settings: Settings) -> LogFigures:
    """The figures for ``sessions`` (newest first) as of ``today``."""
    sessions = tuple(sessions)
    return LogFigures(
        today=today,
        streak=stats.streak(sessions, today),
        calendar=stats.training_calendar(sessions, today, CALENDAR_WEEKS),
        weeks=stats.weekly_sets(sessions, today, settings.weekly_goal_sets, WEEKS_SHOWN),
        balance=stats.recent_balance(sessions, unit=settings.units),
        exercises=stats.exercises_in(sessions),
    )


@dataclass(frozen=True)
class LoadedRows:
    """What the sessions worker hands back: the summary rows and the unreadable files."""

    rows: tuple[SessionRow, ...]
    problems: tuple[FileProblem, ...]
    complete: bool = True
    """Every session is in :attr:`rows` (not only the newest page)."""


@dataclass(frozen=True)
class LoadedLog:
    """What the history worker hands back."""

    sessions: tuple[Session, ...]
    problems: tuple[FileProblem, ...]
    figures: LogFigures


def describe_problems(problems: tuple[FileProblem, ...]) -> str:
    """The notice about unreadable files: path and reason, the first few in full."""
    count = len(problems)
    head = "1 log file could not be read" if count == 1 else f"{count} log files could not be read"
    lines = [f"! {head} (left untouched; fix or move them):"]
    lines += [f"  {p.path}: {p.reason}" for p in problems[:MAX_PROBLEMS_SHOWN]]
    if count > MAX_PROBLEMS_SHOWN:
        lines.append(f"  … and {count - MAX_PROBLEMS_SHOWN} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the screen


class LogScreen(Screen[None]):
    """Sessions, progress, consistency and balance, in four tabs."""

    TITLE = "Log"
    CSS_PATH = "log.tcss"
    AUTO_FOCUS = "#log-sessions"
    """Focused as the screen is composed, before any action (such as ``show_tab`` from the
    palette) can run. A ``focus()`` call in ``on_mount`` would be applied later, after such an
    action had chosen another tab, and TabbedContent would follow the focus back to Sessions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_session", "Open", id="log-open-session"),
        Binding("n", "edit_note", "Note", id="log-edit-note"),
        Binding("d", "delete_session", "Delete", id="log-delete-session"),
        Binding("r", "reload", "Reload", id="log-reload"),
        Binding("1", "show_tab('sessions')", "Sessions", id="log-tab-sessions", show=False),
        Binding("2", "show_tab('progress')", "Progress", id="log-tab-progress", show=False),
        Binding(
            "3", "show_tab('consistency')", "Consistency", id="log-tab-consistency", show=False
        ),
        Binding("4", "show_tab('balance')", "Balance", id="log-tab-balance", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, SessionRow] = {}
        """The summary of every readable session by id, newest first (the Sessions table)."""
        self.sessions: dict[str, Session] = {}
        """Every readable session by id, newest first (empty until the history is read)."""
        self.problems: tuple[FileProblem, ...] = ()
        self.figures: LogFigures | None = None
        self.rows_loaded = False
        """The Sessions table has been filled at least once."""
        self._pending: list[str] = []
        self._awaiting_all = False
        """The table shows the newest page; the complete list is being read."""
        """Ids not yet in the table, newest first (see :data:`PAGE_ROWS`)."""
        self.loaded = False
        """The table is filled and every tab has its figures (tests wait for this)."""
        self._deleted: set[str] = set()
        """Sessions deleted here while the history was being read."""
        self.painted_at: float | None = None
        """``time.perf_counter()`` when the screen was first drawn (for benchmarks and tests)."""
        self.tab = "sessions"
        """The tab asked for last (``sessions``, ``progress``, ``consistency``, ``balance``)."""

    # -- app services -------------------------------------------------------------------

    @property
    def store(self) -> LogStore:
        """The app's log store."""
        return self.app.store  # type: ignore[attr-defined,no-any-return]

    @property
    def settings(self) -> Settings:
        """The app's settings."""
        return self.app.settings  # type: ignore[attr-defined]

    def today(self) -> date:
        """The app clock's date (a FakeClock in tests)."""
        return self.app.clock.now().date()  # type: ignore[attr-defined]

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="log-problems", markup=False)
        with TabbedContent(id="log-tabs", initial=TABS["sessions"]):
            with TabPane("1 Sessions", id=TABS["sessions"]):
                yield DataTable(id="log-sessions", cursor_type="row", zebra_stripes=True)
                yield Static(
                    "No sessions yet. Every finished set of a session is saved and shows up here.",
                    id="log-empty",
                )
            with TabPane("2 Progress", id=TABS["progress"]), VerticalScroll(id="log-progress"):
                yield Select[str]((), prompt="Exercise", id="log-exercise", compact=True)
                yield Static(id="log-bests", markup=False)
                yield Static(id="log-reps-label", classes="log-label", markup=False)
                yield Sparkline([], id="log-reps-trend", classes="log-trend")
                yield Static(id="log-load-label", classes="log-label", markup=False)
                yield Sparkline([], id="log-load-trend", classes="log-trend")
                yield Static(id="log-pain-label", classes="log-label", markup=False)
                yield Sparkline([], id="log-pain-trend", classes="log-trend")
            with (
                TabPane("3 Consistency", id=TABS["consistency"]),
                VerticalScroll(id="log-consistency"),
            ):
                yield Static(id="log-streak", markup=False)
                yield CalendarHeatMap(id="log-calendar")
                yield Static(id="log-week-label", markup=False)
                yield ProgressBar(id="log-week", show_eta=False)
                yield Static(id="log-weeks-label", classes="log-label", markup=False)
                yield Sparkline([], id="log-weeks-trend", classes="log-trend")
            with TabPane("4 Balance", id=TABS["balance"]), VerticalScroll(id="log-balance"):
                yield Static(id="log-balance-intro", markup=False)
                yield BalanceBars(id="log-balance-bars")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#log-sessions", DataTable)
        for label, key in zip(COLUMNS, COLUMN_KEYS, strict=True):
            table.add_column(label, key=key)
        self.query_one("#log-problems").display = False
        self.query_one("#log-empty").display = False
        self.query_one("#log-balance-bars", BalanceBars).unit = self.settings.units
        self._figures_loading(True)
        # Read after the first paint: the screen shows at once, whatever the size of the log.
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.painted_at = time.perf_counter()
        self.action_reload()

    # -- loading ------------------------------------------------------------------------

    def _figures_loading(self, loading: bool) -> None:
        for pane in ("#log-progress", "#log-consistency", "#log-balance"):
            self.query_one(pane).loading = loading
        if not loading:
            # A tab chosen while it was loading could not take the focus (a loading widget
            # is disabled, and the widget hidden by the switch lost it): it can now.
            self._focus_shown_tab()

    def _focus_shown_tab(self) -> None:
        """Focus the shown tab's widget if nothing is focused or the focus is in a hidden tab.

        The focus on the tab strip itself (someone moving along the tabs) is left alone.
        """
        focused = self.focused
        pane = None
        if focused is not None:
            pane = next((n for n in focused.ancestors if isinstance(n, TabPane)), None)
            if pane is None:
                return
        active = self.query_one("#log-tabs", TabbedContent).active
        if active in FOCUS_IN_TAB and (pane is None or pane.id != active):
            self.query_one(FOCUS_IN_TAB[active]).focus()

    def action_reload(self) -> None:
        """Read the log again (in threads): the Sessions table first, then the other tabs."""
        self._figures_loading(True)
        self._awaiting_all = False
        self._read_rows(PAGE_ROWS)

    @work(thread=True, exclusive=True, group="log-rows", exit_on_error=False)
    def _read_rows(self, limit: int | None) -> LoadedRows:
        # The newest page first, decoded alone: years of rows would hold the table back.
        found = self.store.summaries(limit=limit)
        complete = limit is None or len(found.rows) >= found.count
        return LoadedRows(found.rows, found.problems, complete)

    @work(thread=True, exclusive=True, group="log-history", exit_on_error=False)
    def _read_history(self, today: date, settings: Settings) -> LoadedLog:
        history = self.store.history()
        return LoadedLog(
            history.sessions, history.problems, compute_figures(history.sessions, today, settings)
        )

    @work(thread=True, exclusive=True, group="log-figures", exit_on_error=False)
    def _recompute(
        self, sessions: tuple[Session, ...], today: date, settings: Settings
    ) -> LogFigures:
        return compute_figures(sessions, today, settings)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("log-rows", "log-history", "log-figures"):
            return
        if event.state == WorkerState.SUCCESS:
            if isinstance(worker.result, LoadedRows):
                self._show_rows(worker.result)
            elif isinstance(worker.result, LoadedLog):
                self._show_loaded(worker.result)
            elif isinstance(worker.result, LogFigures):
                self._show_figures(worker.result)
        elif event.state == WorkerState.ERROR:
            self._figures_loading(False)
            error = worker.error
            reason = str(error) if isinstance(error, StoreError) else repr(error)
            self.notify(f"The log could not be read: {reason}", severity="error", markup=False)

    def _show_problems(self, problems: tuple[FileProblem, ...]) -> None:
        self.problems = problems
        notice = self.query_one("#log-problems", Static)
        notice.display = bool(problems)
        notice.update(describe_problems(problems) if problems else "")

    def _show_rows(self, loaded: LoadedRows) -> None:
        """Fill the table's first frame (keeping the highlighted session); the rest of the
        page, the remaining rows and the history for the other tabs follow."""
        if loaded.complete and self._awaiting_all:
            self._extend_rows(loaded)
            return
        self.rows = {r.id: r for r in loaded.rows if r.id not in self._deleted}
        self._show_problems(loaded.problems)
        table = self.query_one("#log-sessions", DataTable)
        selected = self.selected_id()
        table.clear()
        self._pending = list(self.rows)
        self._add_rows(until=selected, count=FIRST_ROWS)
        if selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        self.query_one("#log-empty").display = not self.rows
        self.rows_loaded = True
        self._awaiting_all = not loaded.complete
        # The rest once this frame is out: more rows, or the history thread, would hold it.
        self.set_timer(FRAME_OUT, self._after_first_rows)

    def _after_first_rows(self) -> None:
        if self.table_rows() < PAGE_ROWS:
            self._add_rows(count=PAGE_ROWS - self.table_rows())
        if self._awaiting_all:
            self._read_rows(None)
        else:
            self._deleted.clear()
            self._read_history(self.today(), self.settings)

    def _extend_rows(self, loaded: LoadedRows) -> None:
        """Take the complete list of sessions behind the first page, for paging further."""
        in_table = {
            row.key.value for row in self.query_one("#log-sessions", DataTable).ordered_rows
        }
        self.rows = {r.id: r for r in loaded.rows if r.id not in self._deleted}
        self._pending = [session_id for session_id in self.rows if session_id not in in_table]
        self._show_problems(loaded.problems)
        self._awaiting_all = False
        self._deleted.clear()
        self._read_history(self.today(), self.settings)

    def table_rows(self) -> int:
        """How many sessions the Sessions table holds now."""
        return self.query_one("#log-sessions", DataTable).row_count

    def _add_rows(self, until: str | None = None, count: int = PAGE_ROWS) -> None:
        """Add the next ``count`` rows to the table, and up to ``until`` if it is further."""
        if until in self._pending:
            count = max(count, self._pending.index(until) + 1)
        page, self._pending = self._pending[:count], self._pending[count:]
        table = self.query_one("#log-sessions", DataTable)
        for session_id in page:
            # Cells made a page at a time: years of rows would cost as much again up front.
            table.add_row(*row_cells(self.rows[session_id]), key=session_id)

    @on(DataTable.RowHighlighted, "#log-sessions")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if self._pending and event.cursor_row >= event.data_table.row_count - NEAR_END:
            self._add_rows()

    def _show_loaded(self, loaded: LoadedLog) -> None:
        # Sessions deleted here while the history was read are gone from the files too.
        self.sessions = {s.id: s for s in loaded.sessions if s.id not in self._deleted}
        if self._deleted:
            self._recompute(tuple(self.sessions.values()), self.today(), self.settings)
        else:
            self._show_figures(loaded.figures)
        self._figures_loading(False)
        self.call_after_refresh(setattr, self, "loaded", True)  # once the focus has moved

    def _show_figures(self, figures: LogFigures) -> None:
        self.figures = figures
        self._show_exercises(figures)
        self._show_consistency(figures)
        self._show_balance(figures)

    # -- the tabs -----------------------------------------------------------------------

    def _show_exercises(self, figures: LogFigures) -> None:
        select = self.query_one("#log-exercise", Select)
        current = select.value
        options = [(name, exercise_id) for exercise_id, name in figures.exercises.items()]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if current in figures.exercises:
                select.value = current
            elif options:
                select.value = options[0][1]
        self._show_progress(select.value if isinstance(select.value, str) else None)

    @on(Select.Changed, "#log-exercise")
    def _exercise_changed(self, event: Select.Changed) -> None:
        self._show_progress(event.value if isinstance(event.value, str) else None)

    def _show_progress(self, exercise_id: str | None) -> None:
        sessions = self.sessions.values()
        unit = self.settings.units
        bests_text = self.query_one("#log-bests", Static)
        reps_label = self.query_one("#log-reps-label", Static)
        load_label = self.query_one("#log-load-label", Static)
        pain_label = self.query_one("#log-pain-label", Static)
        reps_line = self.query_one("#log-reps-trend", Sparkline)
        load_line = self.query_one("#log-load-trend", Sparkline)
        pain_line = self.query_one("#log-pain-trend", Sparkline)
        if exercise_id is None:
            bests_text.update("No exercises logged yet.")
            for widget in (reps_label, load_label, pain_label):
                widget.update("")
            for line in (reps_line, load_line, pain_line):
                line.data = []
            return
        trend = stats.exercise_trend(sessions, exercise_id, unit)[-TREND_SESSIONS:]
        bests = stats.personal_bests(sessions, exercise_id, unit)
        pains = stats.pain_trend(sessions, exercise_id)[-TREND_SESSIONS:]
        max_reps = bests.max_reps
        best_lines = [
            "Personal bests",
            "  most reps in a set:    "
            + format_best(max_reps, f"{max_reps.value:.0f} reps" if max_reps else ""),
            "  heaviest load:         "
            + format_best(
                bests.max_load, format_weight(bests.max_load.value, unit) if bests.max_load else ""
            ),
            "  most volume, session:  "
            + format_best(
                bests.max_volume,
                f"{bests.max_volume.value:,.0f} {unit}·reps" if bests.max_volume else "",
            ),
        ]
        bests_text.update("\n".join(best_lines))
        span = f"last {len(trend)} session" + ("s" if len(trend) != 1 else "")
        reps = [p.reps for p in trend]
        reps_label.update(
            f"Reps per session, {span}: {reps[0]} → {reps[-1]} (best {max(reps)})"
            if reps
            else "Reps per session: none yet"
        )
        reps_line.data = reps
        loads = [p.top_load for p in trend if p.top_load is not None]
        load_label.update(
            f"Top load ({unit}), {span}: {format_weight(loads[0], unit)} → {format_weight(loads[-1], unit)}"
            if loads
            else "Top load: no weights logged (bands and body weight are not compared)"
        )
        load_line.data = loads
        pain_values = [p.pain for p in pains]
        pain_label.update(
            f"Pain after it (0–10, lower is better), last {len(pain_values)}: "
            f"{pain_values[0]} → {pain_values[-1]}"
            if pain_values
            else "Pain after it: never reported"
        )
        pain_line.data = pain_values

    def _show_consistency(self, figures: LogFigures) -> None:
        streak = figures.streak
        weeks = "week" if streak.current == 1 else "weeks"
        this_week = figures.weeks[-1]
        days = sum(1 for day, n in figures.calendar.sets.items() if n and day >= this_week.monday)
        self.query_one("#log-streak", Static).update(
            f"Streak: {streak.current} {weeks} in a row with training (longest {streak.longest}).\n"
            f"Training days this week: {days}. Rest days count: a week needs only one session."
        )
        self.query_one("#log-calendar", CalendarHeatMap).calendar = figures.calendar
        met = "goal met" if this_week.met else f"{this_week.goal - this_week.sets} to go"
        self.query_one("#log-week-label", Static).update(
            f"This week: {this_week.sets} of {this_week.goal} work sets ({met})"
        )
        bar = self.query_one("#log-week", ProgressBar)
        bar.update(total=this_week.goal, progress=min(this_week.sets, this_week.goal))
        met_weeks = sum(1 for w in figures.weeks if w.met)
        self.query_one("#log-weeks-label", Static).update(
            f"Work sets per week, last {len(figures.weeks)} weeks: goal met in {met_weeks}"
        )
        self.query_one("#log-weeks-trend", Sparkline).data = [w.sets for w in figures.weeks]

    def _show_balance(self, figures: LogFigures) -> None:
        intro = self.query_one("#log-balance-intro", Static)
        bars = self.query_one("#log-balance-bars", BalanceBars)
        bars.entries = figures.balance
        if not figures.balance:
            intro.update("No per-side exercises logged yet.")
            return
        flagged = [b.name for b in figures.balance if b.balance.flagged]
        pct = round(stats.DEFAULT_IMBALANCE_THRESHOLD * 100)
        verdict = (
            f"! Weaker side more than {pct}% behind: {', '.join(flagged)}"
            if flagged
            else f"No side more than {pct}% behind the other."
        )
        intro.update(f"Left (L) against right (R), recent sessions added up.\n{verdict}")

    # -- actions ------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        """The id of the highlighted session, if any."""
        table = self.query_one("#log-sessions", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected(self) -> SessionRow | None:
        """The summary of the highlighted session, if any."""
        session_id = self.selected_id()
        return self.rows.get(session_id) if session_id is not None else None

    def _need_selection(self) -> SessionRow | None:
        row = self.selected()
        if row is None:
            self.notify("No session to act on yet.", severity="warning")
        return row

    def _load(self, session_id: str) -> Session | None:
        """The session's file, read now (one file); a notice and ``None`` if it cannot be."""
        try:
            return self.store.load(session_id)
        except StoreError as exc:
            self.notify(str(exc), title="Cannot open the session", severity="error", markup=False)
            return None

    def action_show_tab(self, tab: str) -> None:
        """Switch to ``sessions``, ``progress``, ``consistency`` or ``balance``."""
        self.tab = tab
        self._apply_tab()
        # Opened from the palette, the screen may be this moment old: its tabs then select
        # their initial tab when they mount, so apply the choice again once they have.
        self.call_after_refresh(self._apply_tab)

    def _apply_tab(self) -> None:
        tabs = self.query_one("#log-tabs", TabbedContent)
        if tabs.active != TABS[self.tab]:
            tabs.active = TABS[self.tab]
        # Focusing a widget of a hidden tab would switch back to that tab (TabbedContent
        # follows the focus), so the focus always moves into the tab shown.
        self.query_one(FOCUS_IN_TAB[TABS[self.tab]]).focus()

    @on(DataTable.RowSelected, "#log-sessions")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_session()

    def action_open_session(self) -> None:
        """Show every set and side of the highlighted session, with its notes."""
        from glutetui.tui.screens.session_detail import SessionDetailScreen

        row = self._need_selection()
        session = None if row is None else self._load(row.id)
        if session is not None:
            self.app.push_screen(
                SessionDetailScreen(session, self.settings.units),
                partial(self._after_detail, session.id),
            )

    def _after_detail(self, session_id: str, then: str | None) -> None:
        if then == "note":
            self._edit_note(session_id)
        elif then == "delete":
            self._confirm_delete(session_id)

    def action_edit_note(self) -> None:
        """Edit the note of the highlighted session."""
        row = self._need_selection()
        if row is not None:
            self._edit_note(row.id)

    def _edit_note(self, session_id: str) -> None:
        from glutetui.tui.screens.note_edit import NoteEditScreen

        session = self._load(session_id)
        if session is None:
            return
        self.app.push_screen(
            NoteEditScreen(session.note, f"{session.started_at:%Y-%m-%d %H:%M}"),
            partial(self._save_note, session_id),
        )

    def _save_note(self, session_id: str, note: str | None) -> None:
        if note is None or session_id not in self.rows:
            return
        # The file as it is now, not as it was when the dialog opened.
        session = self._load(session_id)
        if session is None or note == session.note:
            return
        updated = replace(session, note=note)
        try:
            self.store.save(updated)
        except StoreError as exc:
            self.notify(f"The note was not saved: {exc}", severity="error", markup=False)
            return
        if session_id in self.sessions:
            self.sessions[session_id] = updated
        self.rows[session_id] = replace(self.rows[session_id], note=session_row(updated).note)
        table = self.query_one("#log-sessions", DataTable)
        table.update_cell(session_id, NOTE_COLUMN, note_cell(self.rows[session_id]))
        self.notify("Note saved.")

    def action_delete_session(self) -> None:
        """Move the highlighted session to the trash, after asking."""
        row = self._need_selection()
        if row is not None:
            self._confirm_delete(row.id)

    def _confirm_delete(self, session_id: str) -> None:
        from glutetui.tui.screens.confirm_delete import ConfirmDeleteScreen

        row = self.rows.get(session_id)
        if row is None:
            return
        summary = row
        self.app.push_screen(
            ConfirmDeleteScreen(
                f"{format_when(summary)}: {summary.worked} exercises, {summary.sets} sets"
            ),
            partial(self._delete, session_id),
        )

    def _delete(self, session_id: str, confirmed: bool | None) -> None:
        if not confirmed or session_id not in self.rows:
            return
        try:
            moved_to = self.store.delete(session_id)
        except StoreError as exc:
            self.notify(f"The session was not deleted: {exc}", severity="error", markup=False)
            return
        del self.rows[session_id]
        self.sessions.pop(session_id, None)
        self._deleted.add(session_id)
        self.query_one("#log-sessions", DataTable).remove_row(session_id)
        self.query_one("#log-empty").display = not self.rows
        self.notify(
            f"Moved to the trash: {moved_to}\nMove it back to logs/ to restore it.",
            title="Session deleted",
            markup=False,
        )
        if self.loaded:
            self._recompute(tuple(self.sessions.values()), self.today(), self.settings)


class LogCommands(CommandsProvider):
    """``log: ...``: the log screen's tabs and actions, from anywhere in the app."""

    def commands(self) -> Iterable[Command]:
        """Every log command."""
        yield ("log: open", "Sessions, progress, streaks and balance", self._run("log"))
        for tab, help_text in (
            ("sessions", "Every session, newest first"),
            ("progress", "Reps, load, bests and pain per exercise"),
            ("consistency", "Streak, calendar of training days, sets this week"),
            ("balance", "Left against right for per-side exercises"),
        ):
            yield (f"log: {tab}", help_text, self._run(f"log(\"show_tab('{tab}')\")"))
        yield (
            "log: open session",
            "Every set of the highlighted session",
            self._run("log('open_session')"),
        )
        yield (
            "log: edit note",
            "Edit the highlighted session's note",
            self._run("log('edit_note')"),
        )
        yield (
            "log: delete session",
            "Move the highlighted session to the trash",
            self._run("log('delete_session')"),
        )
        yield ("log: reload", "Read the log files again", self._run("log('reload')"))
