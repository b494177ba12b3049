"""``session: ...`` palette commands: picked with ctrl+p at 80x24, each does what its key does."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.commands.session import START, SessionCommands
from glutetui.tui.dialogs import ConfirmDialog, PausedDialog
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen

from . import support
from .support import make_session_app, run_command, screen_shown

SIZE = (80, 24)

# The shared exercises, lighter: one clamshell set per side and no hold, so the palette tests
# step through whole exercises in few keys.
CLAM = replace(support.CLAM, sets=1, hold_seconds=None, cues=["Feet stay together"])
THRUST = replace(support.THRUST, equipment=())


@pytest.fixture
def app(paths: Paths, clock: FakeClock) -> GluteApp:
    # One clamshell set per side: the palette tests step through whole exercises quickly.
    return make_session_app(paths, clock, CLAM, THRUST)


def offered(app: GluteApp) -> list[str]:
    """The session commands the palette would offer now."""
    return [title for title, _, _ in SessionCommands(app.screen).commands()]


async def start_by_palette(pilot) -> SessionScreen:
    """ "session: start" from the library, then g on the plan: clamshell, 1 set per side."""
    await run_command(pilot, START)
    plan = await screen_shown(pilot, PlanScreen)
    assert plan.order == ["clamshell"]  # the exercise under the library cursor
    await pilot.press("g")
    return await screen_shown(pilot, SessionScreen)


def test_start_up_imports_no_screen_dialog_or_lazy_provider() -> None:
    code = (
        "import sys, glutetui.tui.app\n"
        "lazy = ('glutetui.tui.screens', 'glutetui.tui.dialogs', 'glutetui.tui.session_mode',"
        " 'glutetui.tui.startup', 'glutetui.tui.commands.session', 'glutetui.tui.commands.log')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(lazy))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_without_a_session_only_start_is_offered(app: GluteApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert offered(app) == [START]


async def test_start_plans_then_goes_back_to_the_running_session(app: GluteApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        await pilot.press("l")
        await screen_shown(pilot, LibraryScreen)
        await run_command(pilot, START)  # a session runs: back to it, no second plan
        await screen_shown(pilot, SessionScreen)
        assert app.screen is screen


async def test_log_this_set_saves_and_undo_takes_it_back(app: GluteApp, paths: Paths) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        session_id = screen.runner.session.id
        assert "session: undo last entry" not in offered(app)  # nothing to undo yet
        await run_command(pilot, "session: log this set")
        saved = LogStore(paths).load(session_id)
        assert [(s.exercise_id, s.side, s.reps) for s in saved.sets] == [("clamshell", "left", 15)]
        assert "session: undo last entry" in offered(app)
        await run_command(pilot, "session: undo last entry")
        assert list(LogStore(paths).load(session_id).sets) == []
        assert list(screen.runner.session.sets) == []
        assert "Left side" in str(screen.query_one("#step-label").render())


async def test_add_15_s_only_while_a_rest_runs(app: GluteApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        assert "session: add 15 s rest" not in offered(app)
        await pilot.press("enter")  # left side done: the switch-sides countdown starts
        assert screen.countdown is not None
        before = screen.countdown.remaining
        await run_command(pilot, "session: add 15 s rest")
        assert screen.countdown.remaining == before + 15


async def test_skip_from_another_section_shows_the_session(app: GluteApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        await pilot.press("l")
        await screen_shown(pilot, LibraryScreen)
        assert "session: skip set" in offered(app)
        await run_command(pilot, "session: skip exercise")
        await screen_shown(pilot, SessionScreen)
        assert screen.runner.current is None  # the only exercise was skipped: all done
        assert "session: skip set" not in offered(app)
        assert "session: log this set" not in offered(app)


async def test_pause_then_resume(app: GluteApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        await run_command(pilot, "session: pause/resume")
        assert isinstance(app.screen, PausedDialog)
        # Paused, only carrying on (and going back) apply.
        assert offered(app) == [START, "session: pause/resume"]
        await run_command(pilot, "session: pause/resume")
        assert app.screen is screen


async def test_finish_early_asks_then_shows_the_summary(app: GluteApp, paths: Paths) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await start_by_palette(pilot)
        await pilot.press("enter")
        await run_command(pilot, "session: finish early")
        assert isinstance(app.screen, ConfirmDialog)
        assert offered(app) == [START]  # the question comes first
        await pilot.press("y")
        await screen_shown(pilot, SummaryScreen)
        assert LogStore(paths).load(screen.runner.session.id).status == "incomplete"
        assert offered(app) == [START]  # finished: nothing left to run
