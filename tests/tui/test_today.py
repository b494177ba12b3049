"""The Today screen: first when a programme is followed, drawn at once and filled after."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from textual.widgets import Static

from glutetui.clock import FakeClock
from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.plugins import load_plugins
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.screens.today import READING, TodayScreen
from tests.history_factory import make_session

from .support import TIMEOUT, run_command, screen_shown, seen_first_run

SIZE = (80, 24)


def app_for(paths: Paths, clock: FakeClock) -> GluteApp:
    seen_first_run(paths)
    return make_app(paths, plugins=load_plugins(), clock=clock, settings=LoadedSettings(Settings()))


def text_of(screen: TodayScreen) -> str:
    return str(screen.query_one("#today-text", Static).render())


async def test_today_opens_first_and_plans_todays_session(paths: Paths) -> None:
    clock = FakeClock()
    today = clock.now().date()
    save_state(
        paths.config_root, ProgrammeState("gluteus-medius-basics-3x", today - timedelta(days=7))
    )
    store = LogStore(paths, durable=False)
    for days in (7, 5, 3):
        store.save(make_session(today - timedelta(days=days), tz=clock.now().tzinfo))  # type: ignore[arg-type]
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await screen_shown(pilot, TodayScreen)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        text = text_of(screen)
        assert READING not in text
        assert "Stage 1 of 2: Learn the movements at home, week 2" in text
        assert "Due today: At home, no machines" in text and "0 of 3 done this week" in text
        assert "Adherence: 3 of 4 planned sessions done (75%)" in text
        assert "Clamshell: 3 sets of 12–15 reps, each side, hold 1 s at the top" in text
        assert "Streak: 1 week in a row with training" in text
        await pilot.press("s")
        plan = await screen_shown(pilot, PlanScreen)
        assert plan.routine_id == "home-no-machines"


async def test_without_a_programme_the_library_comes_first(paths: Paths) -> None:
    app = app_for(paths, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("t")
        screen = await screen_shown(pilot, TodayScreen)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        assert "You follow no programme" in text_of(screen)


async def test_the_checkin_hook_runs_before_the_programme_is_read(paths: Paths) -> None:
    seen: list[str] = []
    wired = TodayScreen.checkin_prompt
    TodayScreen.checkin_prompt = lambda screen: seen.append(text_of(screen))
    try:
        app = app_for(paths, FakeClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("t")
            screen = await screen_shown(pilot, TodayScreen)
            await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
    finally:
        TodayScreen.checkin_prompt = wired
    assert seen == [READING]


async def test_the_palette_writes_the_report(paths: Paths) -> None:
    store = LogStore(paths, durable=False)
    clock = FakeClock()
    store.save(make_session(clock.now().date(), tz=clock.now().tzinfo))  # type: ignore[arg-type]
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "programme: report (HTML)")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = paths.config_dir / "reports" / f"glutetui-report-{clock.now():%Y-%m-%d}.html"
    assert "Training report" in written.read_text("utf-8")


async def test_with_nothing_due_s_says_it_starts_the_next_session_early(paths: Paths) -> None:
    clock = FakeClock()
    today = clock.now().date()
    save_state(
        paths.config_root, ProgrammeState("gluteus-medius-basics-3x", today - timedelta(days=7))
    )
    store = LogStore(paths, durable=False)
    for days in (7, 5, 3, 0):  # today's session is done: nothing more is due today
        store.save(make_session(today - timedelta(days=days), tz=clock.now().tzinfo))  # type: ignore[arg-type]
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await screen_shown(pilot, TodayScreen)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        assert "Due today" not in text_of(screen)
        assert screen.active_bindings["s"].binding.description == "Start the next one early"
        await pilot.press("s")
        plan = await screen_shown(pilot, PlanScreen)
        assert plan.routine_id is not None
