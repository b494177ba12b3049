"""Sets that could not be saved are never dropped silently: the session screen stays, retries,
and asks before anything (closing, quitting, a new session) would lose them."""

from __future__ import annotations

import pytest

from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.tui.session_mode import SESSION_MODE, close_session, running_session

from .support import SESSION_ID, screen_shown, settle, start_small_session

SIZE = (80, 24)


async def asked(pilot) -> str:
    """Wait for the yes/no question and return its title."""
    dialog = await screen_shown(pilot, ConfirmDialog)
    return dialog.title_text


async def test_failed_final_save_stays_on_the_session_until_a_retry_works(
    session_app: GluteApp, paths: Paths, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter")
        await pilot.press("f", "y")
        await settle(pilot)
        assert app.screen is screen  # not the summary: the sets exist only here
        assert screen.runner.finished and screen.unsaved
        assert "NOT SAVED" in str(screen.query_one("#save-status").render())
        assert "NOT SAVED" in str(screen.query_one("#done-message").render())
        assert screen.check_action("retry_save", ()) is True
        assert running_session(app) is screen  # a new session must not replace it
        failing_saves["on"] = False
        await pilot.press("r")
        await screen_shown(pilot, SummaryScreen)
        saved = LogStore(paths).load(screen.runner.session.id)
        assert saved.status == "incomplete" and len(saved.sets) == 2


async def test_escape_on_an_unsaved_finished_session_asks_before_discarding(
    session_app: GluteApp, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "f", "y")
        await settle(pilot)
        assert app.screen is screen and screen.unsaved
        await pilot.press("escape")  # retried, failed again: asks
        assert await asked(pilot) == "The session is NOT SAVED"
        await pilot.press("enter")  # a habitual enter keeps the sets
        await settle(pilot)
        assert app.screen is screen and len(screen.runner.session.sets) == 1
        await pilot.press("escape")
        await asked(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.current_mode == app.DEFAULT_MODE
        with pytest.raises(KeyError):
            app.get_screen_stack(SESSION_MODE)


async def test_escape_after_the_disk_came_back_saves_and_shows_the_summary(
    session_app: GluteApp, paths: Paths, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "f", "y")
        await settle(pilot)
        failing_saves["on"] = False
        await pilot.press("escape")
        await screen_shown(pilot, SummaryScreen)
        assert LogStore(paths).load(screen.runner.session.id).status == "incomplete"


async def test_q_while_unsaved_retries_then_asks_before_quitting(
    session_app: GluteApp, paths: Paths, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter")
        assert screen.unsaved
        await pilot.press("q")
        await asked(pilot)
        assert app.is_running
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and app.is_running
        failing_saves["on"] = False
        await pilot.press("q")  # the retry works now: saved, then quits
        await settle(pilot)
        assert not app.is_running
    assert len(LogStore(paths).load(SESSION_ID).sets) == 2


async def test_q_unsaved_confirmed_quits(
    session_app: GluteApp, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("enter", "q")
        await asked(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


async def test_q_with_everything_saved_quits_as_before(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("enter", "q")
        # Mid-session q asks first (tests/tui/test_safe_keys.py); yes quits as before.
        await asked(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


async def test_close_session_with_unsaved_sets_asks_first(
    session_app: GluteApp, failing_saves: dict[str, bool]
) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter")
        await close_session(app)
        await asked(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and len(screen.runner.session.sets) == 1


async def test_q_from_the_library_with_an_unsaved_session_asks_first(
    session_app: GluteApp, failing_saves: dict[str, bool]
) -> None:
    """The app's own quit (any section, or the palette) retries and asks, too."""
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter")
        assert screen.unsaved
        await app.switch_mode("library")
        await settle(pilot)
        await pilot.press("q")
        await asked(pilot)
        assert app.is_running
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running
