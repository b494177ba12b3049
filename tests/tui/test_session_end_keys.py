"""Once every step is behind, the footer says what enter does there: finish, not log."""

from __future__ import annotations

from glutetui.tui.app import GluteApp
from glutetui.tui.screens.summary import SummaryScreen

from .support import screen_shown, settle, start_small_session


def enter_says(app: GluteApp) -> str:
    return app.screen.active_bindings["enter"].binding.description


async def test_enter_is_shown_as_finish_once_every_step_is_done(session_app: GluteApp) -> None:
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        assert enter_says(session_app) == "Log"
        # Clamshell left and right, its pain, then two hip-thrust sets and their pain.
        for _ in range(6):
            await pilot.press("enter")
            await settle(pilot)
        assert screen.runner.at_end and screen.runner.current is None
        assert enter_says(session_app) == "Finish"
        await pilot.press("enter")
        await screen_shown(pilot, SummaryScreen)
