"""Keys that must not lose anyone's place (issue 14, part 5).

``q`` mid-session asks and says the session is kept; a running session shows on every other
screen with one key back to it; escape closes only the topmost thing; letters typed into a
text field stay text; enter in the plan's list never takes an exercise out.
"""

from __future__ import annotations

from textual.widgets import DataTable, Input

from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.about import AboutScreen
from glutetui.tui.screens.help import HelpScreen
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.widgets.check_list import CheckList
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

from .support import screen_shown, seen_first_run, settle, start_small_session

SIZE = (80, 24)


def footer(app: GluteApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


def title(app: GluteApp) -> str:
    return str(app.screen.query_one(TitleBar).render())


async def test_q_mid_session_asks_and_says_the_session_is_kept(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("q")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "kept" in dialog.question and "resume" in dialog.question
        await pilot.press("n")
        await screen_shown(pilot, SessionScreen)
        assert app.is_running
        await pilot.press("q")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


async def test_q_without_a_session_quits_at_once(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_a_running_session_shows_elsewhere_with_one_key_back(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        assert "session running" not in title(app)
        assert "s Start" in footer(app)
        await start_small_session(app, pilot)
        await pilot.press("l")
        await screen_shown(pilot, LibraryScreen)
        await pilot.pause()
        assert "session running: s" in title(app)
        assert "Start" not in footer(app)
        assert "s Session" in footer(app)
        await pilot.press("s")
        await screen_shown(pilot, SessionScreen)
        await pilot.press("a")
        await screen_shown(pilot, AboutScreen)
        assert "session running: s" in title(app)
        await pilot.press("s")
        await screen_shown(pilot, SessionScreen)


async def test_escape_closes_the_keys_panel_and_keeps_the_plan(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        plan = await screen_shown(pilot, PlanScreen)
        chosen = list(plan.order)
        app.action_show_help_panel()
        await pilot.pause()
        assert plan.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is plan
        assert not plan.query("HelpPanel")
        assert plan.order == chosen


async def test_letters_typed_into_a_field_stay_text(paths: Paths, builtins: LoadResult) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *" band apglq")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.is_running
        assert app.screen.query_one("#library-filter", Input).value == " band apglq"


async def test_enter_in_the_plan_list_ticks_and_never_unticks(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        plan = await screen_shown(pilot, PlanScreen)
        first = plan.order[0]
        choices = plan.query_one(CheckList)
        choices.focus()
        choices.highlighted = [
            choices.get_option_at_index(i).value for i in range(choices.option_count)
        ].index(first)
        await pilot.press("enter")
        await pilot.pause()
        assert first in plan.order
        await pilot.press("down", "enter")
        await pilot.pause()
        assert len(plan.order) == 2
        assert plan.query_one(DataTable).row_count == 2


async def test_help_lists_the_screens_keys_and_the_global_ones(
    paths: Paths, builtins: LoadResult
) -> None:
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_screen = await screen_shown(pilot, HelpScreen)
        text = str(help_screen.query_one("#help-text").render())
        here, everywhere = text.split("Keys everywhere")
        for words in ("Filter", "Equipment", "Start"):
            assert words in here
        for words in ("Log", "About", "Quit", "Help"):
            assert words in everywhere
        await pilot.press("escape")
        await screen_shown(pilot, LibraryScreen)
