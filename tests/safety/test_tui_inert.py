"""No control character from a session file, a file name, a plugin or the settings reaches the
terminal through a screen: each screen that shows outside text is drawn and searched."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import TabbedContent

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.plugins.result import PluginInfo
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.log import LogScreen
from glutetui.tui.screens.plugins import PluginsScreen
from glutetui.tui.screens.session_detail import SessionDetailScreen
from tests.tui.support import open_log, screen_shown, seen_first_run, settle

from .hostile import HOSTILE, assert_inert, write_hostile_log

SIZE = (100, 30)


def hostile_app(paths: Paths) -> GluteApp:
    seen_first_run(paths)
    walk = Exercise(
        id="clamshell",
        name=f"Clam {HOSTILE}",
        summary=HOSTILE,
        instructions=[f"step {HOSTILE}"],
        cues=[HOSTILE],
        per_side=True,
    )
    broken = PluginInfo(
        name=f"broken{HOSTILE}", module=HOSTILE, status="failed", problems=(f"bad {HOSTILE}",)
    )
    return make_app(
        paths,
        plugins=LoadResult(catalog=Catalog(exercises={walk.id: walk}), plugins=(broken,)),
        clock=FakeClock(datetime(2026, 1, 6, 9, 0, tzinfo=UTC)),
        settings=LoadedSettings(Settings(), (f"settings.toml: unknown key {HOSTILE!s}",)),
    )


async def test_every_screen_with_outside_text_draws_it_inert(paths: Paths) -> None:
    write_hostile_log(paths.logs_dir)
    app = hostile_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.export_screenshot()  # the list, the detail and the toasts
        assert "pwned" in library
        assert_inert(library)
        await pilot.press("p")
        await screen_shown(pilot, PluginsScreen)
        assert_inert(app.export_screenshot())
        await pilot.press("escape")
        screen = await open_log(pilot)  # the table and the problems list
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "could not be read" in shown
        assert_inert(shown)
        await pilot.press("enter")
        await screen_shown(pilot, SessionDetailScreen)
        assert_inert(app.export_screenshot())
        await pilot.press("escape")
        await screen_shown(pilot, LogScreen)
        await pilot.press("4")
        assert screen.query_one(TabbedContent).active == "tab-balance"
        await pilot.pause()
        assert_inert(app.export_screenshot())
