"""The log's Consistency tab shows programme adherence when a programme is followed."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from glutetui.clock import FakeClock
from glutetui.coach.programmes_context import load_context
from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.screens.log import LogScreen
from tests.history_factory import make_session

from .support import open_log, settle
from .test_today import SIZE, app_for


def adherence_text(screen: LogScreen) -> str:
    shown = screen.query_one("#log-adherence", Static)
    return str(shown.render()) if shown.display else ""


async def test_consistency_tab_shows_done_against_planned(paths: Paths) -> None:
    clock = FakeClock()
    today = clock.now().date()
    start = today - timedelta(days=10)
    save_state(paths.config_root, ProgrammeState("gluteus-medius-basics-3x", start))
    store = LogStore(paths, durable=False)
    for offset in (0, 2, 4, 8):  # week 1 in full, one of week 2's sessions
        store.save(make_session(start + timedelta(days=offset), tz=clock.now().tzinfo))  # type: ignore[arg-type]
    position = load_context(paths, today).position
    assert position is not None
    expected = position.adherence
    assert (expected.done, expected.planned) == (4, 5)  # the CLI's and the report's figures
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # from Today to the library
        screen = await open_log(pilot)
        await pilot.press("3")
        await settle(pilot)
        lines = adherence_text(screen).splitlines()
    assert lines == [
        "Programme: Gluteus medius basics, 3 times a week. "
        "Adherence: 4 of 5 planned sessions done (80%)",
        "This programme week: 1 of 2 planned so far",
        "Done of planned, week by week: week 1 3/3, week 2 1/2",
    ]


async def test_without_a_programme_the_tab_has_no_adherence(paths: Paths) -> None:
    clock = FakeClock()
    LogStore(paths, durable=False).save(
        make_session(clock.now().date(), tz=clock.now().tzinfo)  # type: ignore[arg-type]
    )
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert adherence_text(screen) == ""
        assert "Streak:" in str(screen.query_one("#log-streak", Static).render())
