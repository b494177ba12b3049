"""At 40 columns the summary and the session detail stack their rows instead of a wide table
that scrolls sideways and cuts words: every figure is still there, and the keys scroll it."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date

from textual.widgets import DataTable, Static

from glutetui.figures import format_load, session_figures
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.settings import Settings
from glutetui.tui.screens.session_detail import SessionDetailScreen, stacked_sets
from glutetui.tui.screens.summary import SummaryScreen, stacked
from glutetui.workout.report import session_report
from tests.history_factory import make_session
from tests.tui.test_log_screen import NOW, build_app

from .support import TIMEOUT, open_log, screen_shown, settle

NARROW = (40, 12)


def test_stacked_sets_lists_every_set_under_its_exercise_whole() -> None:
    session = make_session(date(2026, 11, 20))
    text = stacked_sets(session, "kg").plain
    for entry in session.exercises:
        assert entry.name in text.splitlines()  # the name alone on its line, never cut
    set_lines = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(set_lines) == len(session.sets)
    first = session.sets[0]
    assert format_load(first.load, first.unit or "kg") in set_lines[0]


def test_stacked_summary_says_what_the_table_says() -> None:
    session = make_session(date(2026, 11, 20))
    report = session_report(session, unit="kg")
    text = stacked(report, Settings()).plain
    for e in report.exercises:
        assert e.name in text.splitlines()
    assert text.count("first time") == len(report.exercises)
    assert sum(e.work_sets for e in report.exercises) == session_figures(session).work_sets


async def test_session_detail_at_40_columns_stacks_and_scrolls(paths: Paths) -> None:
    LogStore(paths, durable=False).save(make_session(NOW.date().replace(day=20)))
    app = build_app(paths)
    async with app.run_test(size=NARROW) as pilot:
        await open_log(pilot)
        await pilot.press("enter")
        screen = await screen_shown(pilot, SessionDetailScreen)
        await settle(pilot)
        assert not screen.query_one(DataTable).display
        assert screen.query_one("#session-detail-stacked", Static).display
        body = screen.query_one("#session-detail")
        assert app.focused is body
        await pilot.press("end")
        await settle(pilot)
        assert body.scroll_y > 0


async def test_summary_at_40_columns_stacks(paths: Paths) -> None:
    app = build_app(paths)
    session = make_session(NOW.date().replace(day=20))
    async with app.run_test(size=NARROW) as pilot:
        screen = SummaryScreen(session, history=())
        await app.push_screen(screen)
        await asyncio.wait_for(screen.compared.wait(), TIMEOUT)
        await settle(pilot)
        assert not screen.query_one(DataTable).display
        assert screen.query_one("#summary-stacked", Static).display


async def test_summary_of_band_and_bodyweight_sets_claims_no_volume(paths: Paths) -> None:
    session = make_session(NOW.date().replace(day=20))
    unloaded = replace(session, sets=tuple(replace(s, load=None, unit=None) for s in session.sets))
    app = build_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = SummaryScreen(unloaded, history=())
        await app.push_screen(screen)
        await asyncio.wait_for(screen.compared.wait(), TIMEOUT)
        await settle(pilot)
        figures = str(screen.query_one("#summary-figures").render())
    assert "reps" in figures and "volume" not in figures


def test_a_band_set_logged_without_a_colour_is_not_called_bodyweight() -> None:
    session = make_session(date(2026, 11, 20))
    unloaded = replace(session, sets=tuple(replace(s, load=None, unit=None) for s in session.sets))
    band_walks = {"lateral-band-walk": ("band",)}
    text = stacked_sets(unloaded, "kg", band_walks).plain
    lines = text.splitlines()
    start = lines.index("Lateral band walk") + 1
    walk = [line for line in lines[start : start + 6]]  # make_session: 3 sets a side
    assert all(line.startswith("  ") and "band, no colour set" in line for line in walk)
    assert "bodyweight" in text  # the other exercises have no equipment given here
