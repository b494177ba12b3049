"""Keys of the session screens that must not surprise: undo after a skip keeps the set, enter
closes the summary, and only ``y`` confirms finishing early."""

from __future__ import annotations

from glutetui.tui.app import GluteApp
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.summary import SummaryScreen

from .support import screen_shown, settle, start_small_session

SIZE = (80, 24)


async def test_u_after_k_takes_back_the_skip_not_the_set(session_app: GluteApp) -> None:
    async with session_app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(session_app, pilot, sets=2)
        await pilot.press("enter", "k")  # left logged, right skipped by accident
        await pilot.press("u")
        assert screen.runner.current.label == "Set 1 of 2 · Right side"
        assert [(s.side, s.reps) for s in screen.runner.session.sets] == [("left", 15)]
        await pilot.press("u")
        assert screen.runner.session.sets == ()


async def test_enter_closes_the_summary(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("f", "y")
        await screen_shown(pilot, SummaryScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == app.DEFAULT_MODE
        assert not isinstance(app.screen, SummaryScreen)


async def test_finish_early_needs_an_explicit_y(session_app: GluteApp) -> None:
    app = session_app
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("f")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert dialog.title_text == "Finish the session now?"
        await pilot.press("enter")  # habit, not a decision: keep going
        assert app.screen is screen and not screen.runner.finished
        await pilot.press("f", "n")
        assert app.screen is screen and not screen.runner.finished
        await pilot.press("f", "f")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await screen_shown(pilot, SummaryScreen)
