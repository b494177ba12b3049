"""The log's Sessions table, as bookkeeping: which sessions are known, shown, and next.

DataTable measures every cell of every row it is given before it draws again, so ten years of
rows at once held the screen for a second. The table is therefore filled a page at a time:
:meth:`SessionPages.next_page` hands out the next rows to add, the first page at once and the
next one when the cursor comes near the end (:meth:`SessionPages.near_end`). The log is read
in two steps (the newest page of rows, then the complete list), and a session deleted while
the history is being read must not come back with it; both are tracked here too.

Plain Python, no widget: the log screen asks this class what to add or remove and does it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glutetui.log import FileProblem, SessionRow

PAGE_ROWS = 400
"""Rows put in the table at a time (a year's worth fits in the first page)."""
NEAR_END = 30
"""How close to the last row the cursor comes before the next page is added."""


@dataclass(frozen=True)
class LoadedRows:
    """What the sessions worker hands back: the summary rows and the unreadable files."""

    rows: tuple[SessionRow, ...]
    problems: tuple[FileProblem, ...]
    complete: bool = True
    """Every session is in :attr:`rows` (not only the newest page)."""


class SessionPages:
    """The sessions of the log's table, newest first, and how far they are shown."""

    def __init__(self, page_rows: int = PAGE_ROWS, near_end: int = NEAR_END) -> None:
        self.page_rows = page_rows
        self.near = near_end
        self.rows: dict[str, SessionRow] = {}
        """Every readable session known so far, by id, newest first."""
        self.awaiting_rest = False
        """:attr:`rows` holds only the newest page; the complete list is being read."""
        self._pending: list[str] = []
        """Ids known but not in the table yet, newest first."""
        self._shown: set[str] = set()
        self._deleted: set[str] = set()

    # -- reading ------------------------------------------------------------------------

    def load(self, rows: Iterable[SessionRow], *, complete: bool) -> None:
        """A fresh read: the table starts again from the newest session, nothing shown yet.

        ``complete`` is false when ``rows`` are only the newest page: the complete list then
        follows, for :meth:`extend`.
        """
        self.rows = self._readable(rows)
        self.awaiting_rest = not complete
        self._pending = list(self.rows)
        self._shown = set()

    def reloading(self) -> None:
        """The log is read again from the start: the next rows are a fresh read, not the
        complete list behind a page."""
        self.awaiting_rest = False

    def extend(self, rows: Iterable[SessionRow]) -> None:
        """The complete list behind the newest page: the rows not shown yet come next."""
        self.rows = self._readable(rows)
        self.awaiting_rest = False
        self._pending = [session_id for session_id in self.rows if session_id not in self._shown]
        self._shown &= self.rows.keys()

    def _readable(self, rows: Iterable[SessionRow]) -> dict[str, SessionRow]:
        # A session deleted here while the files were read may still be in what was read.
        return {row.id: row for row in rows if row.id not in self._deleted}

    def reading_history(self) -> None:
        """The whole history is read from now on: only sessions deleted after this are missing
        from what that read finds (see :attr:`deleted`)."""
        self._deleted.clear()

    @property
    def deleted(self) -> frozenset[str]:
        """Sessions deleted since the history read began (:meth:`reading_history`)."""
        return frozenset(self._deleted)

    # -- the table ----------------------------------------------------------------------

    def next_page(self, count: int | None = None, *, until: str | None = None) -> list[SessionRow]:
        """The next ``count`` rows to add (a page by default), and up to ``until`` if it is
        further down: a highlighted session stays in the table after a reload."""
        count = self.page_rows if count is None else count
        if until in self._pending:
            count = max(count, self._pending.index(until) + 1)
        page, self._pending = self._pending[:count], self._pending[count:]
        self._shown.update(page)
        return [self.rows[session_id] for session_id in page]

    @property
    def shown(self) -> int:
        """How many sessions are in the table."""
        return len(self._shown)

    @property
    def has_more(self) -> bool:
        """Some known sessions are not in the table yet."""
        return bool(self._pending)

    def near_end(self, cursor_row: int) -> bool:
        """The cursor is close enough to the last row that the next page should be added."""
        return self.has_more and cursor_row >= self.shown - self.near

    # -- changes ------------------------------------------------------------------------

    def update(self, row: SessionRow) -> None:
        """``row`` changed (a new note, say); its place stays the same."""
        if row.id in self.rows:
            self.rows[row.id] = row

    def remove(self, session_id: str) -> None:
        """``session_id`` was deleted: gone from the rows, and kept out of reads in flight."""
        self.rows.pop(session_id, None)
        self._shown.discard(session_id)
        if session_id in self._pending:
            self._pending.remove(session_id)
        self._deleted.add(session_id)
