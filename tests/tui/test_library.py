"""Pilot tests of the app shell and the library, driven by keys at 80x24."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import Input, OptionList, SelectionList

import glutetui
from glutetui.clock import FakeClock
from glutetui.equipment import display_name
from glutetui.paths import Paths
from glutetui.plugins import LoadResult, load_plugins
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.dialogs import EquipmentDialog
from glutetui.tui.screens.about import AboutScreen
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.plugins import PluginsScreen
from glutetui.tui.state import FIRST_RUN_NOTICE
from glutetui.tui.widgets.exercise_detail import ExerciseDetail
from glutetui.tui.widgets.exercise_list import ExerciseList

from .support import run_command, seen_first_run

SIZE = (80, 24)


class RaisingPlugin:
    """A plugin whose hook raises: it must be reported, not crash the app."""

    @glutetui.hookimpl
    def register_exercises(self, register):
        raise RuntimeError("the band snapped")


class ManyExercises:
    """A plugin registering 1,000 generated exercises."""

    @glutetui.hookimpl
    def register_exercises(self, register):
        for i in range(1000):
            register(
                glutetui.Exercise(
                    id=f"generated-{i:04d}",
                    name=f"Generated exercise {i:04d}",
                    instructions=["Move with control."],
                    equipment=["band"] if i % 2 else [],
                )
            )


def build(paths: Paths, plugins: LoadResult, **kwargs) -> GluteApp:
    return make_app(paths, plugins=plugins, clock=FakeClock(), **kwargs)


def toasts(app: GluteApp) -> list[str]:
    return [toast.render().plain for toast in app.screen.query("Toast")]


def listed(app: GluteApp) -> list[str]:
    option_list = app.screen.query_one(ExerciseList)
    return [str(option.prompt) for option in option_list.options]


def detail(app: GluteApp) -> str:
    return app.screen.query_one(ExerciseDetail).plain


async def test_library_lists_every_builtin_and_exposes_dependencies(
    paths: Paths, builtins: LoadResult
) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, LibraryScreen)
        assert app.current_mode == "library"
        assert sorted(listed(app)) == sorted(ex.name for ex in builtins.catalog.exercises.values())
        assert len(listed(app)) == 5
        assert app.paths == paths
        assert app.catalog is builtins.catalog
        assert app.plugin_result is builtins
        assert isinstance(app.settings, Settings)
        assert isinstance(app.clock, FakeClock)
        assert isinstance(app.focused, ExerciseList)


async def test_library_is_one_screen_across_section_switches(
    paths: Paths, builtins: LoadResult
) -> None:
    # The library starts as the default screen and is added as a mode after mounting.
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert "l" not in app.screen.active_bindings  # already here: its key is hidden
        await pilot.press("g")
        await pilot.pause()
        assert app.current_mode == "log"
        await pilot.press("l")
        await pilot.pause()
        assert app.current_mode == "library"
        assert app.screen is library
        assert listed(app)  # still filled in


async def test_start_up_collection_hold_is_released_after_the_first_frame(
    paths: Paths, builtins: LoadResult
) -> None:
    # `glutetui` holds the cyclic collector off while it starts; the app must let it go.
    import gc

    from glutetui import startgc

    startgc.hold()
    try:
        assert not gc.isenabled()
        app = build(paths, builtins)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        startgc._held = False  # whatever happened, the next test starts with no hold
        gc.enable()
        gc.unfreeze()


async def test_typing_a_filter_shrinks_the_list(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"band")
        # "band" matches the band walk (needs one) and the clamshell (band optional).
        assert sorted(listed(app)) == ["Clamshell", "Lateral band walk"]
        assert app.screen.query_one("#library-count").content == "2 of 5 exercises"
        await pilot.press(*" walk")
        assert listed(app) == ["Lateral band walk"]
        # escape in the filter clears it; escape again goes back to the list.
        await pilot.press("escape")
        assert isinstance(app.focused, Input)
        assert len(listed(app)) == 5
        assert app.screen.query_one(Input).value == ""
        await pilot.press("escape")
        assert isinstance(app.focused, ExerciseList)


async def test_escape_on_the_list_clears_the_filter(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"walk", "enter")
        assert isinstance(app.focused, ExerciseList)
        assert len(listed(app)) == 1
        await pilot.press("escape")
        assert len(listed(app)) == 5
        assert app.screen.query_one(Input).value == ""


async def test_filter_with_no_match_says_so(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzz", "enter")
        assert listed(app) == []
        assert "No exercise matches" in detail(app)


async def test_selecting_an_exercise_shows_its_details(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"clamshell", "down")
        assert isinstance(app.focused, ExerciseList)
        await pilot.press("enter")
        assert isinstance(app.focused, ExerciseDetail)
        text = detail(app)
        assert text.startswith("Clamshell\n")
        assert "3 sets of 12–15 reps, each side, hold 1 s at the top" in text
        assert "Needs: none" in text
        assert "Optional: resistance band, mat" in text
        assert "1. Lie on one side" in text
        assert "Feet stay together" in text
        assert "Distefano et al. 2009" in text
        assert "From plugin: clamshell" in text
        await pilot.press("escape")
        assert isinstance(app.focused, ExerciseList)


async def test_moving_the_cursor_updates_the_details(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        names = listed(app)
        assert detail(app).startswith(names[0])
        await pilot.press("down")
        assert detail(app).startswith(names[1])
        equipment = builtins.catalog.get(app.screen.current_exercise.id).equipment
        assert app.screen.current_exercise.name == names[1]
        for key in equipment:
            assert display_name(key) in detail(app)


async def test_equipment_filter_via_the_modal(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EquipmentDialog)
        selection = app.screen.query_one(SelectionList)
        values = [selection.get_option_at_index(i).value for i in range(selection.option_count)]
        assert values == app.catalog.equipment()
        # Opened with no filter, every box is ticked ("any"); n unticks them all.
        assert app.screen.query_one("#equipment-ticked").content == (
            "Ticked: everything (any equipment)"
        )
        await pilot.press("n")
        # Tick the resistance band only, then apply with enter.
        await pilot.press(*["down"] * values.index("band"), "space")
        ticked = app.screen.query_one("#equipment-ticked").content
        assert ticked == "Ticked: resistance band"
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.have == frozenset({"band"})
        # Band walk needs a band; clamshell needs nothing; the rest need more than a band.
        assert sorted(listed(app)) == ["Clamshell", "Lateral band walk"]
        status = app.screen.query_one("#equipment-status")
        assert status.content == "Equipment: resistance band"
        assert status.has_class("-active")
        # x clears it.
        await pilot.press("x")
        assert app.screen.have is None
        assert len(listed(app)) == 5
        assert status.content == "Equipment: any"


async def test_equipment_modal_cancel_and_bodyweight_only(
    paths: Paths, builtins: LoadResult
) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "space", "escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.have is None
        assert len(listed(app)) == 5
        # Opening and applying without a change keeps "any" (it once became bodyweight only).
        await pilot.press("e", "enter")
        assert app.screen.have is None
        assert len(listed(app)) == 5
        # Applying with nothing ticked keeps only what needs no equipment.
        await pilot.press("e", "n", "enter")
        assert app.screen.have == frozenset()
        assert listed(app) == ["Clamshell"]
        assert "bodyweight" in str(app.screen.query_one("#equipment-status").content)


async def test_about_opens_and_goes_back(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "a")
        assert isinstance(app.screen, AboutScreen)
        text = app.screen.query_one("#about-text").source
        assert "pelvis" in text
        assert "tendinopathy" in text
        assert "Dead butt syndrome" in text
        assert "qualified professional" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        # The library kept its place.
        assert app.screen.query_one(ExerciseList).highlighted == 1


async def test_first_run_notice_appears_once(paths: Paths, builtins: LoadResult) -> None:
    paths.config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    app = build(paths, builtins)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = toasts(app)
        assert len(shown) == 1
        assert "Press a" in shown[0]
        # It is a toast over the corner, not a screen in front of the library.
        assert isinstance(app.screen, LibraryScreen)
    state = tomllib.loads(paths.state_file.read_text())
    assert state[FIRST_RUN_NOTICE] is True
    assert not paths.settings_file.exists()
    again = build(paths, builtins)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert toasts(again) == []


async def test_a_broken_plugin_is_shown_as_a_notice_and_on_the_plugins_screen(
    paths: Paths,
) -> None:
    seen_first_run(paths)
    result = load_plugins(entry_points=[], extra=[("snappy", RaisingPlugin())], disabled=())
    app = build(paths, result)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = toasts(app)
        assert len(shown) == 1
        assert "snappy" in shown[0]
        assert "the band snapped" in shown[0]
        assert app.screen.query("Toast").first().has_class("-warning")
        await pilot.press("p")
        assert isinstance(app.screen, PluginsScreen)
        report = app.screen.query_one("#plugins-text").content.plain
        assert "1 problem(s)" in report
        assert "snappy: hook register_exercises raised RuntimeError: the band snapped" in report
        assert "FAILED" in report
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_settings_notices_are_shown(paths: Paths, builtins: LoadResult) -> None:
    seen_first_run(paths)
    settings = LoadedSettings(Settings(), ("settings.toml: unknown key 'colour' is ignored",))
    app = build(paths, builtins, settings=settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("unknown key 'colour'" in t for t in toasts(app))


async def test_keys_from_settings_remap_bindings(paths: Paths, builtins: LoadResult) -> None:
    settings = LoadedSettings(Settings(keys={"about": "i", "equipment-filter": "f"}))
    app = build(paths, builtins, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("f")
        assert isinstance(app.screen, EquipmentDialog)
        await pilot.press("escape", "i")
        assert isinstance(app.screen, AboutScreen)


async def test_palette_opens_an_exercise(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AboutScreen)
        await run_command(pilot, "exercise: Clamshell")
        assert isinstance(app.screen, LibraryScreen)
        assert detail(app).startswith("Clamshell\n")
        assert isinstance(app.focused, ExerciseDetail)


async def test_palette_lists_every_action(paths: Paths, builtins: LoadResult) -> None:
    from glutetui.tui.commands.app import AppCommands
    from glutetui.tui.commands.library import ExerciseCommands, LibraryCommands

    app = build(paths, builtins)
    async with app.run_test(size=SIZE):
        titles = [
            title
            for provider in (AppCommands, LibraryCommands, ExerciseCommands)
            for title, _help, _callback in provider(app.screen).commands()
        ]
    assert {"app: about", "app: plugins", "app: library", "app: quit"} <= set(titles)
    assert {"library: filter by equipment", "library: clear equipment filter"} <= set(titles)
    assert "exercise: Clamshell" in titles
    assert sum(t.startswith("exercise: ") for t in titles) == 5


async def test_palette_runs_the_equipment_filter(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "library: filter by equipment")
        assert isinstance(app.screen, EquipmentDialog)


async def test_quit(paths: Paths, builtins: LoadResult) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=SIZE) as pilot:
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_thousand_exercises_are_options_not_widgets(paths: Paths) -> None:
    result = load_plugins(entry_points=[], extra=[("many", ManyExercises())], disabled=())
    app = build(paths, result)
    async with app.run_test(size=SIZE) as pilot:
        exercise_list = app.screen.query_one(ExerciseList)
        assert exercise_list.option_count == 1000
        assert len(app.screen.query(OptionList)) == 1
        # A widget per exercise would mean over a thousand nodes; the screen has a few dozen.
        assert len(list(app.screen.walk_children())) < 60
        await pilot.press("end")
        assert detail(app).startswith("Generated exercise 0999")
        await pilot.press("slash", *"0042")
        assert listed(app) == ["Generated exercise 0042"]


@pytest.mark.parametrize("size", [(40, 12), (30, 8), (120, 40)])
async def test_small_and_large_terminals_do_not_crash(
    paths: Paths, builtins: LoadResult, size: tuple[int, int]
) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=size) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.focused, ExerciseDetail)
        assert app.screen.query_one(ExerciseDetail).display
        await pilot.press("escape", "e", "space", "enter", "a", "escape", "p", "escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_narrow_terminal_takes_turns_between_list_and_details(
    paths: Paths, builtins: LoadResult
) -> None:
    app = build(paths, builtins)
    async with app.run_test(size=(40, 12)) as pilot:
        side = app.screen.query_one("#library-side")
        pane = app.screen.query_one(ExerciseDetail)
        assert side.display and not pane.display
        await pilot.press("enter")
        assert pane.display and not side.display
        await pilot.press("escape")
        assert side.display and not pane.display
