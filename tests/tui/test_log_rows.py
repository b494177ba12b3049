"""The log table's paging bookkeeping, without a screen: pages, the rest of the list, deletes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from glutetui.log import SessionRow, session_row
from glutetui.tui.log_rows import SessionPages
from tests.history_factory import make_session


def rows(count: int) -> list[SessionRow]:
    """``count`` summary rows, newest first, with ids ``s<n>`` (``s0`` the newest)."""
    start = date(2026, 11, 22)
    return [
        session_row(make_session(start - timedelta(days=n), session_id=f"s{n}"))
        for n in range(count)
    ]


def ids(page: list[SessionRow]) -> list[str]:
    return [row.id for row in page]


def test_the_table_fills_a_page_at_a_time_newest_first() -> None:
    pages = SessionPages(page_rows=4, near_end=2)
    pages.load(rows(10), complete=True)
    assert pages.shown == 0 and pages.has_more
    assert ids(pages.next_page(2)) == ["s0", "s1"]
    assert ids(pages.next_page()) == ["s2", "s3", "s4", "s5"]
    assert pages.shown == 6
    assert ids(pages.next_page()) == ["s6", "s7", "s8", "s9"]
    assert not pages.has_more and pages.next_page() == []


def test_the_next_page_comes_when_the_cursor_nears_the_last_row() -> None:
    pages = SessionPages(page_rows=5, near_end=2)
    pages.load(rows(12), complete=True)
    pages.next_page()
    assert not pages.near_end(2)
    assert pages.near_end(3)  # rows 0-4 shown: row 3 is two from the end
    pages.next_page(7)
    assert not pages.near_end(11)  # everything is shown: nothing more to add


def test_a_highlighted_session_stays_in_the_first_page_after_a_reload() -> None:
    pages = SessionPages(page_rows=3)
    pages.load(rows(10), complete=True)
    assert ids(pages.next_page(2, until="s6")) == [f"s{n}" for n in range(7)]
    assert ids(pages.next_page(2, until="s1")) == ["s7", "s8"]  # already shown: a plain page


def test_the_complete_list_follows_the_newest_page_without_repeating_rows() -> None:
    everything = rows(10)
    pages = SessionPages(page_rows=3)
    pages.load(everything[:4], complete=False)
    assert pages.awaiting_rest
    assert ids(pages.next_page()) == ["s0", "s1", "s2"]
    pages.extend(everything)
    assert not pages.awaiting_rest
    assert len(pages.rows) == 10 and pages.shown == 3
    assert ids(pages.next_page()) == ["s3", "s4", "s5"]


def test_a_reload_reads_afresh_even_while_the_rest_was_awaited() -> None:
    pages = SessionPages(page_rows=3)
    pages.load(rows(4), complete=False)
    pages.reloading()
    assert not pages.awaiting_rest


def test_a_session_deleted_while_the_log_is_read_does_not_come_back() -> None:
    everything = rows(6)
    pages = SessionPages(page_rows=3)
    pages.load(everything[:3], complete=False)
    pages.next_page()
    pages.remove("s1")
    assert "s1" not in pages.rows and pages.shown == 2
    assert pages.deleted == {"s1"}
    pages.extend(everything)  # read before the delete: it still lists s1
    assert "s1" not in pages.rows
    assert ids(pages.next_page()) == ["s3", "s4", "s5"]
    pages.reading_history()  # a history read from now on no longer finds it
    assert pages.deleted == frozenset()


def test_a_new_note_keeps_the_row_in_its_place() -> None:
    pages = SessionPages()
    pages.load(rows(3), complete=True)
    pages.next_page()
    pages.update(replace(pages.rows["s1"], note="felt good"))
    assert list(pages.rows) == ["s0", "s1", "s2"] and pages.rows["s1"].note == "felt good"
