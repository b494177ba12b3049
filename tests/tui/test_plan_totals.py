"""The plan's totals count sets as every other view does (a per-side set is one set), and its
go key is always in the footer."""

from __future__ import annotations

from textual.widgets import Label

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.widgets.key_bar import KeyBar

from .support import CLAM, THRUST, make_session_app, screen_shown, settle


async def test_totals_count_a_per_side_set_once(paths: Paths) -> None:
    app = make_session_app(paths, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PlanScreen([CLAM.id, THRUST.id]))
        screen = await screen_shown(pilot, PlanScreen)
        await settle(pilot)
        totals = str(screen.query_one("#plan-totals", Label).render())
    # Clamshell: 2 sets a side; hip thrust: 2 sets. The steps number 6; the sets, 4.
    assert (CLAM.sets[0], THRUST.sets[0]) == (2, 2)
    assert "2 exercises · 4 sets in all" in totals


async def test_the_go_key_stays_in_the_footer_at_40_columns(paths: Paths) -> None:
    app = make_session_app(paths, FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        app.push_screen(PlanScreen([CLAM.id, THRUST.id]))
        screen = await screen_shown(pilot, PlanScreen)
        await settle(pilot)
        keys = str(screen.query_one(KeyBar).render())
    assert "g Go" in keys and "? Help" in keys
