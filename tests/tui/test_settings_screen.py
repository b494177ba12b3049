"""The settings screen (``,``): inline checks, nothing written until ctrl+s, the theme from
Textual's themes, and the equipment you own as the library's starting filter."""

from __future__ import annotations

import tomllib

from textual.widgets import Input

from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.tui.app import make_app
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.settings import SettingsScreen

from .support import screen_shown, seen_first_run

SIZE = (80, 24)


async def test_typed_settings_are_checked_and_saved_only_on_ctrl_s(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        screen = await screen_shown(pilot, SettingsScreen)
        rest = screen.query_one("#setting-rest_seconds", Input)
        rest.value = "9999"
        await pilot.pause()
        assert "Not saved" in str(screen.query_one("#error-rest_seconds").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not paths.settings_file.exists()
        rest.value = "45"
        await pilot.pause()
        assert str(screen.query_one("#error-rest_seconds").render()) == ""
        assert not paths.settings_file.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert tomllib.loads(paths.settings_file.read_text()) == {"rest_seconds": 45}
        assert app.settings.rest_seconds == 45


async def test_leaving_with_changes_asks(paths: Paths, builtins: LoadResult) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        screen = await screen_shown(pilot, SettingsScreen)
        screen.query_one("#setting-units", Input).value = "lb"
        await pilot.pause()
        screen.query_one("#setting-units", Input).blur()
        await pilot.press("escape")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("y")
        await screen_shown(pilot, LibraryScreen)
        assert not paths.settings_file.exists()


async def test_owned_equipment_is_the_librarys_first_filter(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    paths.settings_file.write_text('equipment = ["band"]\ntheme = "nord"\n')
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert library.have == frozenset({"band"})
        assert "resistance band" in str(library.query_one("#equipment-status").render())


async def test_the_palette_opens_settings(paths: Paths, builtins: LoadResult) -> None:
    from .support import run_command

    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "app: settings")
        await screen_shown(pilot, SettingsScreen)


async def test_leaving_with_only_a_mistyped_change_asks_too(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        screen = await screen_shown(pilot, SettingsScreen)
        screen.query_one("#setting-rest_seconds", Input).value = "6o"  # meant 60
        await pilot.pause()
        screen.query_one("#setting-rest_seconds", Input).blur()
        await pilot.press("escape")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("n")
        assert await screen_shown(pilot, SettingsScreen) is screen
