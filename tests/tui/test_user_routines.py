"""Saving a planned session as a routine, then renaming and deleting it from the picker."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.dialogs.confirm import ConfirmDialog
from glutetui.tui.dialogs.routine_name import RoutineNameDialog
from glutetui.tui.dialogs.routine_picker import RoutinePicker
from glutetui.tui.screens.plan import PlanScreen
from glutetui.userfiles import YOUR_FILES

from .support import run_command, screen_change, screen_shown, seen_first_run, settle


def _app(paths: Paths, clock: FakeClock, builtins: LoadResult) -> GluteApp:
    seen_first_run(paths)
    return make_app(
        paths, plugins=builtins, clock=clock, settings=LoadedSettings(Settings(coaching=False))
    )


async def _plan(app: GluteApp, pilot) -> PlanScreen:  # type: ignore[no-untyped-def]
    app.push_screen(PlanScreen(["clamshell", "lateral-band-walk"]))
    screen = await screen_shown(pilot, PlanScreen)
    await settle(pilot)
    return screen


async def _name(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = await screen_shown(pilot, RoutineNameDialog)
    field = dialog.query_one(Input)
    field.value = name
    await pilot.press("enter")
    await screen_change(pilot, lambda s: not isinstance(s, RoutineNameDialog), "the name closing")
    await settle(pilot)


async def test_save_rename_and_delete_a_routine(
    paths: Paths, clock: FakeClock, builtins: LoadResult
) -> None:
    app = _app(paths, clock, builtins)
    file = Path(paths.config_root) / "routines" / "after-work.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        plan = await _plan(app, pilot)
        await pilot.press("n")
        await _name(pilot, "After work")
        assert file.is_file()
        assert "after-work" in app.catalog.routines
        assert app.catalog.source("after-work") == "routines/after-work.toml"
        assert [i.exercise_id for i in app.catalog.routine("after-work").items] == [
            "clamshell",
            "lateral-band-walk",
        ]
        assert plan.routine_id == "after-work"
        assert any(p.name == YOUR_FILES for p in app.plugin_result.plugins)

        await pilot.press("r")
        picker = await screen_shown(pilot, RoutinePicker)
        listing = picker.query_one(OptionList)
        listing.highlighted = list(app.catalog.routines).index("after-work")
        await pilot.press("e")
        await _name(pilot, "Evenings")
        assert app.catalog.routine("after-work").name == "Evenings"

        listing.highlighted = list(app.catalog.routines).index("after-work")
        await pilot.press("d")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("n")
        await screen_shown(pilot, RoutinePicker)
        assert file.is_file(), "no keeps the routine"
        await pilot.press("d")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("y")
        await screen_shown(pilot, RoutinePicker)
        await settle(pilot)
        assert not file.exists()
        assert "after-work" not in app.catalog.routines


async def test_a_plugins_routine_is_not_changed(
    paths: Paths, clock: FakeClock, builtins: LoadResult
) -> None:
    app = _app(paths, clock, builtins)
    async with app.run_test(size=(80, 24)) as pilot:
        await _plan(app, pilot)
        await pilot.press("r")
        await screen_shown(pilot, RoutinePicker)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, RoutinePicker), "no question for a plugin's routine"
        assert list(app.catalog.routines) == list(builtins.catalog.routines)


async def test_the_palette_saves_the_plan(
    paths: Paths, clock: FakeClock, builtins: LoadResult
) -> None:
    app = _app(paths, clock, builtins)
    async with app.run_test(size=(80, 24)) as pilot:
        await _plan(app, pilot)
        await run_command(pilot, "routine: save plan as routine")
        await _name(pilot, "From the palette")
        assert (Path(paths.config_root) / "routines" / "from-the-palette.toml").is_file()
        assert "from-the-palette" in app.catalog.routines


def test_the_detail_pane_names_your_file(builtins: LoadResult) -> None:
    from glutetui.tui.widgets.exercise_detail import describe_exercise

    clam = builtins.catalog.get("clamshell")
    mine = describe_exercise(clam, "exercises/clam\x1b[2J.toml").plain
    assert mine.endswith("From your file: exercises/clam[2J.toml"), "escape neutralised"
    assert describe_exercise(clam, "clamshell").plain.endswith("From plugin: clamshell")
