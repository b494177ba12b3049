"""Keys that arrive in one burst (SSH, mosh) mean what the same keys typed slowly mean.

:func:`burst` hands the app every key at once, the way the terminal driver does when one read
brings several keys; the same keys through ``pilot.press`` (which waits after each) must give
the same log.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from glutetui.tui.app import GluteApp
from glutetui.tui.dialogs import PlanItemDialog
from glutetui.tui.screens.plan import PlanScreen

from .support import TIMEOUT, screen_shown, settle, start_small_session

SIZE = (80, 24)
CHARACTERS = {"tab": "\t", "enter": "\r", "space": " ", "minus": "-", "plus": "+"}


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Give the app ``keys`` all at once (as one read from the terminal), then wait for them."""
    app = pilot.app
    assert isinstance(app, GluteApp) and app._driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app._driver.send_message(event)
    read = asyncio.Event()  # queued behind the keys: set once the app has read every one
    app.call_later(read.set)
    await asyncio.wait_for(read.wait(), TIMEOUT)
    await asyncio.wait_for(app.keys_settled(), TIMEOUT)
    await settle(pilot)


async def slowly(pilot: Pilot[Any], *keys: str) -> None:
    """Type ``keys`` one after the other, each handled before the next."""
    await pilot.press(*keys)
    await settle(pilot)


async def thrust_sets(app: GluteApp, typed: Any, *keys: str) -> list[tuple[Any, ...]]:
    """Log the clamshell, type ``keys`` on the hip thrust's first set; its sets as logged."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter", "enter")  # the clamshell: left, right, its pain step
        assert screen.runner.item().exercise_id == "hip-thrust"
        await typed(pilot, *keys)
        return [(s.reps, s.load, s.unit) for s in screen.runner.logged("hip-thrust")]


async def test_tab_then_a_load_in_one_burst_logs_the_load(session_app: GluteApp) -> None:
    # Before the fix: [(35, None, None)], 35 reps at bodyweight.
    assert await thrust_sets(session_app, burst, "tab", "3", "5", "enter") == [(12, 35.0, "kg")]


@pytest.mark.parametrize("typed", [slowly, burst], ids=["slowly", "burst"])
async def test_two_sets_typed_either_way_log_the_same(session_app: GluteApp, typed: Any) -> None:
    keys = ("1", "0", "enter", "tab", "4", "0", "enter")
    assert await thrust_sets(session_app, typed, *keys) == [(10, None, None), (12, 40.0, "kg")]


async def test_plan_dialog_burst_fills_the_field_tab_moved_to(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        plan = await screen_shown(pilot, PlanScreen)
        await pilot.press("enter")  # the dose dialog of the clamshell
        await screen_shown(pilot, PlanItemDialog)
        # Before the fix: 26 in "Work sets".
        await burst(pilot, "2", "tab", "tab", "6", "0", "enter")
        await screen_shown(pilot, PlanScreen)
        item = plan.items["clamshell"]
        assert (item.sets, item.load, item.unit) == (2, 60.0, "kg")
