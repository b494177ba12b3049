"""Every screen but the session step, and every dialog, at 80x24 and at 40x12 (issue 14, 3).

At 80x24 nothing may be cut; at 40x12 every screen must still be usable: panes take turns,
dialogs wrap and scroll, footers keep whole keys (help and the palette key always). Each
snapshot is a picture to look at, not only to compare: open the report before
``--snapshot-update``.

Deterministic: the real built-in plugins, a temporary config dir, a FakeClock, and for the log
a generated, seeded history.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.tui.session_mode import start_session
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner
from tests.history_factory import write_history
from tests.tui.test_log_screen import NOW

from .support import open_log, screen_shown, seen_first_run, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((40, 12), id="40x12")]

Before = Callable[[Any], Awaitable[None]]


def keys(*pressed: str) -> Before:
    async def run_before(pilot: Any) -> None:
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.fixture
def app(paths: Paths, builtins: LoadResult) -> GluteApp:
    seen_first_run(paths)
    return make_app(
        paths,
        plugins=builtins,
        clock=FakeClock(NOW),
        settings=LoadedSettings(Settings(rest_seconds=60)),
    )


SCREENS = {
    "library": keys(),
    "library_filter": keys("slash", *"band"),
    "equipment_dialog": keys("e", "n", "down", "space"),
    "plan_routine": keys("s", "r", "enter"),
    "plan_item_dialog": keys("s", "r", "enter", "enter"),
    "routine_picker": keys("s", "r"),
    "help": keys("question_mark"),
    "settings": keys("comma"),
    "about": keys("a"),
    "plugins": keys("p"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(name: str, size: tuple[int, int], snap_compare: Any, app: GluteApp) -> None:
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[name])


def _session(app: GluteApp, builtins: LoadResult) -> Runner:
    catalog = builtins.catalog
    plan = Plan(
        (
            PlanItem(catalog.get("lateral-band-walk"), sets=2, reps=(10, 15)),
            PlanItem(catalog.get("barbell-hip-thrust"), sets=2, reps=(8, 12), load=60.0, unit="kg"),
        ),
        rest_seconds=60,
        switch_sides_seconds=10,
    )
    return Runner.start(plan, "20261122T180000-size01", app.clock)


@pytest.mark.parametrize("size", SIZES)
def test_quit_mid_session_dialog(
    size: tuple[int, int], snap_compare: Any, app: GluteApp, builtins: LoadResult
) -> None:
    async def run_before(pilot: Any) -> None:
        start_session(app, _session(app, builtins))
        await screen_shown(pilot, SessionScreen)
        await pilot.press("q")
        await screen_shown(pilot, ConfirmDialog)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_finish_dialog(
    size: tuple[int, int], snap_compare: Any, app: GluteApp, builtins: LoadResult
) -> None:
    async def run_before(pilot: Any) -> None:
        start_session(app, _session(app, builtins))
        await screen_shown(pilot, SessionScreen)
        await pilot.press("f")
        await screen_shown(pilot, ConfirmDialog)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_summary(
    size: tuple[int, int], snap_compare: Any, app: GluteApp, builtins: LoadResult
) -> None:
    runner = _session(app, builtins)
    for reps in (14, 13, 12, 12):
        runner.record_set(reps, unit="band:red")
    runner.record_pain(1, "outer hip warm, no pain")

    async def run_before(pilot: Any) -> None:
        start_session(app, runner)
        await screen_shown(pilot, SessionScreen)
        await pilot.press("f", "y")
        summary = await screen_shown(pilot, SummaryScreen)
        await summary.compared.wait()
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_resume_offer(
    size: tuple[int, int], snap_compare: Any, app: GluteApp, builtins: LoadResult, paths: Paths
) -> None:
    runner = _session(app, builtins)
    runner.record_set(12)
    LogStore(paths).save(runner.session)

    async def run_before(pilot: Any) -> None:
        from glutetui.tui.dialogs.resume import ResumeDialog

        await screen_shown(pilot, ResumeDialog)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def log_keys(*pressed: str) -> Before:
    async def run_before(pilot: Any) -> None:
        await open_log(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


LOG_SCREENS = {
    "log_sessions": log_keys(),
    "log_progress": log_keys("2"),
    "log_consistency": log_keys("3"),
    "log_balance": log_keys("4"),
    "session_detail": log_keys("down", "enter"),
    "note_dialog": log_keys("down", "n"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(LOG_SCREENS))
def test_log(
    name: str, size: tuple[int, int], snap_compare: Any, app: GluteApp, paths: Paths
) -> None:
    write_history(paths, 0.3, seed=5)
    assert snap_compare(app, terminal_size=size, run_before=LOG_SCREENS[name])
