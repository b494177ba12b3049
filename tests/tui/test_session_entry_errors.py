"""A refused entry on the session screen: the reason shown, the cursor put in the box it names."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp

from .support import make_session_app, start_small_session


@pytest.fixture
def app(paths: Paths, clock: FakeClock) -> GluteApp:
    return make_session_app(paths, clock)


async def test_a_refused_entry_puts_the_cursor_in_the_box_it_names(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        load, rpe = screen.query_one("#load", Input), screen.query_one("#rpe", Input)
        rpe.value = "11"
        await pilot.press("enter")  # from the reps picker
        assert "RPE" in str(screen.query_one("#entry-error").render())
        assert app.focused is rpe
        rpe.value = ""
        load.value = "20 stone"
        screen.query_one("#reps").focus()
        await pilot.press("enter")
        assert "load must be" in str(screen.query_one("#entry-error").render())
        assert app.focused is load
        assert screen.runner.session.sets == ()
