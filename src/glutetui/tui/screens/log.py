"""The training log: every session, progress per exercise, consistency, left/right balance.

Nothing is read before the screen is drawn. Then worker threads fill the Sessions table a page
at a time from the store's summary index (one small row per session, so ten years fill it
about as fast as an empty log; see :mod:`glutetui.tui.log_rows`), and only then read the full
history for the other tabs, which show a loading indicator until they have their figures
(:mod:`glutetui.stats`; "today" is the app clock's date). Opening a session reads its file.

Keys: enter or ``o`` open the highlighted session, ``n`` edit its note, ``d`` trash it, ``r``
read again, ``1``–``4`` switch tabs, ``w`` write the report for a physiotherapist; each is
also a ``log: …`` command in the palette (:mod:`glutetui.tui.commands.log`).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from glutetui.log import FileProblem, Progress, SessionRow, StoreError, session_row
from glutetui.log.index import Files
from glutetui.log.store import same_files
from glutetui.text import neutralise
from glutetui.tui.base import GluteScreen
from glutetui.tui.format import note_cell, session_cells
from glutetui.tui.log_figures import LoadedLog, LogFigures, compute_figures
from glutetui.tui.log_rows import PAGE_ROWS, LoadedRows, SessionPages
from glutetui.tui.widgets.balance import BalancePane
from glutetui.tui.widgets.consistency_pane import ConsistencyPane
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.progress_pane import ProgressPane
from glutetui.tui.widgets.read_progress import ReadProgress
from glutetui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from glutetui.model import Session
    from glutetui.settings import Settings

MAX_PROBLEMS_SHOWN = 3

COLUMNS = ("Date", "Length", "Exercises", "Sets", "Reps", "Pain", "Note")
NOTE_COLUMN = "note"
COLUMN_KEYS = ("date", "length", "exercises", "sets", "reps", "pain", NOTE_COLUMN)

TABS = {
    "sessions": "tab-sessions",
    "progress": "tab-progress",
    "consistency": "tab-consistency",
    "balance": "tab-balance",
}

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


def describe_problems(problems: tuple[FileProblem, ...]) -> str:
    """The notice about unreadable files: path and reason, the first few in full."""
    count = len(problems)
    head = "1 log file could not be read" if count == 1 else f"{count} log files could not be read"
    lines = [f"! {head} (left untouched; fix or move them):"]
    lines += [
        f"  {neutralise(p.path)}: {neutralise(p.reason)}" for p in problems[:MAX_PROBLEMS_SHOWN]
    ]
    if count > MAX_PROBLEMS_SHOWN:
        lines.append(f"  … and {count - MAX_PROBLEMS_SHOWN} more")
    return "\n".join(lines)


class LogScreen(GluteScreen[None]):
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
        Binding("w", "write_report", "Report", id="log-write-report", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pages = SessionPages()
        """The Sessions table's rows: which are known, which are shown, which come next."""
        self.sessions: dict[str, Session] = {}
        """Every readable session by id, newest first (empty until the history is read)."""
        self.ready = asyncio.Event()
        """Set once the table is filled and every tab has its figures (tests wait on it)."""
        self.rows_read = asyncio.Event()
        """Set once the first read of the rows ended (palette commands for a row wait for it)."""
        self.tab = "sessions"
        """The tab asked for last (``sessions``, ``progress``, ``consistency``, ``balance``)."""
        self._seen: Files | None = None
        """The log's files as the last read found them (:meth:`~glutetui.log.LogStore.files`)."""

    def today(self) -> date:
        """The app clock's date (a FakeClock in tests)."""
        return self.clock.now().date()

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="log-problems", markup=False)
        yield ReadProgress(id="log-read-progress")
        with TabbedContent(id="log-tabs", initial=TABS["sessions"]):
            with TabPane("1 Sessions", id=TABS["sessions"]):
                yield DataTable(id="log-sessions", cursor_type="row", zebra_stripes=True)
                yield Static(
                    "No sessions yet. Every finished set of a session is saved and shows up here.",
                    id="log-empty",
                )
            with TabPane("2 Progress", id=TABS["progress"]):
                yield ProgressPane(id="log-progress")
            with TabPane("3 Consistency", id=TABS["consistency"]):
                yield ConsistencyPane(id="log-consistency")
            with TabPane("4 Balance", id=TABS["balance"]):
                yield BalancePane(id="log-balance")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self._table()
        for label, key in zip(COLUMNS, COLUMN_KEYS, strict=True):
            table.add_column(label, key=key)
        self.query_one("#log-problems").display = False
        self.query_one("#log-empty").display = False
        self._figures_loading(True)
        # Read after the first paint: the screen shows at once, whatever the size of the log.
        self.call_after_refresh(self.action_reload)

    def _table(self) -> DataTable[Any]:
        return self.query_one("#log-sessions", DataTable)

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
        self.ready.clear()
        self._figures_loading(True)
        # A read still under way began before the files changed: its result is not wanted.
        for group in ("log-history", "log-figures"):
            self.workers.cancel_group(self, group)
        self.pages.reloading()
        # What this read finds is read after any deletion made here: a session put back from
        # the trash since is welcome (it used to take a second reload).
        self.pages.reading_history()
        self._read_rows(PAGE_ROWS, self._progress())

    def on_screen_resume(self) -> None:
        """Shown again: read the log again if its files changed meanwhile (here, in another
        instance or by hand); finding out costs one listing of the folder."""
        if self._seen is not None:
            self._check_log(self._seen)

    @work(thread=True, exclusive=True, group="log-follow", exit_on_error=False)
    def _check_log(self, seen: Files) -> bool:
        return not same_files(self.store.files(), seen)

    def _progress(self) -> Progress:
        """A progress callback for a reading worker: a bar shows if the read is slow."""
        return self.query_one(ReadProgress).reporter(self.clock.monotonic)

    @work(thread=True, exclusive=True, group="log-rows", exit_on_error=False)
    def _read_rows(self, limit: int | None, progress: Progress) -> LoadedRows:
        # The newest page first, decoded alone: years of rows would hold the table back.
        found = self.store.summaries(limit=limit, progress=progress)
        # What that read's listing found, to tell later changes from (no second listing).
        self._seen = self.store.last_scan
        complete = limit is None or len(found.rows) >= found.count
        return LoadedRows(found.rows, found.problems, complete)

    @work(thread=True, exclusive=True, group="log-history", exit_on_error=False)
    def _read_history(self, today: date, settings: Settings, progress: Progress) -> LoadedLog:
        history = self.store.history(progress=progress)
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
        if worker.group == "log-follow":
            if event.state == WorkerState.SUCCESS and worker.result is True:
                self.action_reload()
            return
        if worker.group not in ("log-rows", "log-history", "log-figures"):
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.query_one(ReadProgress).finish()
            self.rows_read.set()
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
            self.notify(
                f"The log could not be read: {neutralise(reason)}", severity="error", markup=False
            )

    def _show_problems(self, problems: tuple[FileProblem, ...]) -> None:
        notice = self.query_one("#log-problems", Static)
        notice.display = bool(problems)
        notice.update(describe_problems(problems) if problems else "")

    def _show_rows(self, loaded: LoadedRows) -> None:
        """Fill the table's first frame (keeping the highlighted session); the rest of the
        page, the remaining rows and the history for the other tabs follow."""
        if loaded.complete and self.pages.awaiting_rest:
            self._extend_rows(loaded)
            return
        selected = self.selected_id()
        self.pages.load(loaded.rows, complete=loaded.complete)
        self._show_problems(loaded.problems)
        table = self._table()
        table.clear()
        self._add_rows(self.pages.next_page(FIRST_ROWS, until=selected))
        if selected in self.pages.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        self.query_one("#log-empty").display = not self.pages.rows
        # The rest once this frame is out: more rows, or the history thread, would hold it.
        self.set_timer(FRAME_OUT, self._after_first_rows)

    def _after_first_rows(self) -> None:
        if self.pages.shown < PAGE_ROWS:
            self._add_rows(self.pages.next_page(PAGE_ROWS - self.pages.shown))
        if self.pages.awaiting_rest:
            self._read_rows(None, self._progress())
        else:
            self._start_history()

    def _extend_rows(self, loaded: LoadedRows) -> None:
        """Take the complete list of sessions behind the first page, for paging further."""
        self.pages.extend(loaded.rows)
        self._show_problems(loaded.problems)
        self._start_history()

    def _start_history(self) -> None:
        self.pages.reading_history()
        self.query_one(ConsistencyPane).read_adherence(self.today())
        self._read_history(self.today(), self.settings, self._progress())

    def _add_rows(self, rows: list[SessionRow]) -> None:
        table = self._table()
        for row in rows:
            # Cells made a page at a time: years of rows would cost as much again up front.
            table.add_row(*session_cells(row), key=row.id)

    @on(DataTable.RowHighlighted, "#log-sessions")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if self.pages.near_end(event.cursor_row):
            self._add_rows(self.pages.next_page())

    def _show_loaded(self, loaded: LoadedLog) -> None:
        # Sessions deleted here while the history was read are gone from the files too.
        deleted = self.pages.deleted
        self.sessions = {s.id: s for s in loaded.sessions if s.id not in deleted}
        if deleted:
            self._recompute(tuple(self.sessions.values()), self.today(), self.settings)
        else:
            self._show_figures(loaded.figures)
        self._figures_loading(False)
        # Queued after the focus move that _figures_loading queued (Widget.focus is deferred).
        self.app.call_later(self.ready.set)

    def _show_figures(self, figures: LogFigures) -> None:
        units = self.settings.units
        self.query_one(ProgressPane).show(figures.exercises, self.sessions.values(), units)
        self.query_one(ConsistencyPane).show(figures.streak, figures.calendar, figures.weeks)
        self.query_one(BalancePane).show(figures.balance)

    # -- actions ------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        """The id of the highlighted session, if any."""
        table = self._table()
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected(self) -> SessionRow | None:
        """The summary of the highlighted session, if any."""
        session_id = self.selected_id()
        return self.pages.rows.get(session_id) if session_id is not None else None

    def _need_selection(self) -> SessionRow | None:
        row = self.selected()
        if row is None:
            self.notify("No session to act on yet.", severity="warning")
        return row

    def load(self, session_id: str) -> Session | None:
        """The session's file, read now (one file); a notice and ``None`` if it cannot be."""
        try:
            return self.store.load(session_id)
        except StoreError as exc:
            self.notify(
                neutralise(exc), title="Cannot open the session", severity="error", markup=False
            )
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

    def action_write_report(self) -> None:
        """Write the report for a physiotherapist (HTML) in a thread, and say where it is."""
        from glutetui.tui.commands.programme import write_report

        app = self.glute_app
        app.run_worker(partial(write_report, app, "html"), thread=True, group="report")

    def action_open_session(self) -> None:
        """Show every set and side of the highlighted session, with its notes."""
        from glutetui.tui.screens.session_detail import SessionDetailScreen

        row = self._need_selection()
        session = None if row is None else self.load(row.id)
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
        from glutetui.tui.log_edits import edit_note

        edit_note(self, session_id)

    def action_delete_session(self) -> None:
        """Move the highlighted session to the trash, after asking."""
        row = self._need_selection()
        if row is not None:
            self._confirm_delete(row.id)

    def _confirm_delete(self, session_id: str) -> None:
        from glutetui.tui.log_edits import confirm_delete

        confirm_delete(self, session_id)

    def show_note(self, updated: Session) -> None:
        """``updated``'s note was saved: show it in its row (and in the other tabs' sessions)."""
        if updated.id in self.sessions:
            self.sessions[updated.id] = updated
        if updated.id not in self.pages.rows:
            return
        row = replace(self.pages.rows[updated.id], note=session_row(updated).note)
        self.pages.update(row)
        self._table().update_cell(updated.id, NOTE_COLUMN, note_cell(row.note, row.status))

    def drop_row(self, session_id: str) -> None:
        """``session_id`` was moved to the trash: gone from the table and from the figures."""
        self.pages.remove(session_id)
        self.sessions.pop(session_id, None)
        self._table().remove_row(session_id)
        self.query_one("#log-empty").display = not self.pages.rows
        if self.ready.is_set():
            self._recompute(tuple(self.sessions.values()), self.today(), self.settings)
