"""Regression tests for the session runner's screens: unsaved sets are never dropped silently,
undo after a skip keeps the set, markup in user or plugin text is shown as typed, enter closes
the summary, and only ``y`` confirms finishing early."""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.screens.plan import PlanItemDialog, PlanScreen
from glutetui.tui.screens.session import (
    SESSION_MODE,
    ConfirmDiscard,
    ConfirmFinish,
    SessionScreen,
    close_session,
    running_session,
)
from glutetui.tui.screens.summary import SummaryScreen

from .session_support import make_session_app, start_small_session, wait_for_screen

MARKUP_NAME = "Band walk [/] [b]x"


@pytest.fixture
def app(paths: Paths, clock: FakeClock) -> GluteApp:
    return make_session_app(paths, clock)


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Saves fail while ``failing["on"]``."""
    real_save = LogStore.save
    state = {"on": True}

    def save(self: LogStore, session):
        if state["on"]:
            raise SaveError(self.path_for(session.id), "No space left on device")
        return real_save(self, session)

    monkeypatch.setattr(LogStore, "save", save)
    return state


async def _settle(pilot, turns: int = 6) -> None:
    for _ in range(turns):
        await pilot.pause(0.05)


# --------------------------------------------------------------------------- unsaved sets


async def test_failed_final_save_stays_on_the_session_until_a_retry_works(
    app: GluteApp, paths: Paths, failing: dict[str, bool]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter")
        await pilot.press("f", "y")
        await _settle(pilot)
        assert app.screen is screen  # not the summary: the sets exist only here
        assert screen.runner.finished and screen.unsaved
        assert "NOT SAVED" in str(screen.query_one("#save-status").render())
        assert "NOT SAVED" in str(screen.query_one("#done-message").render())
        assert screen.check_action("retry_save", ()) is True
        assert running_session(app) is screen  # a new session must not replace it
        failing["on"] = False
        await pilot.press("r")
        await wait_for_screen(pilot, SummaryScreen)
        saved = LogStore(paths).load(screen.runner.session.id)
        assert saved.status == "incomplete" and len(saved.sets) == 2


async def test_escape_on_an_unsaved_finished_session_asks_before_discarding(
    app: GluteApp, paths: Paths, failing: dict[str, bool]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "f", "y")
        await _settle(pilot)
        assert app.screen is screen and screen.unsaved
        await pilot.press("escape")  # retried, failed again: asks
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("enter")  # a habitual enter keeps the sets
        await _settle(pilot)
        assert app.screen is screen and len(screen.runner.session.sets) == 1
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("y")
        await _settle(pilot)
        assert app.current_mode == app.DEFAULT_MODE
        with pytest.raises(KeyError):
            app.get_screen_stack(SESSION_MODE)


async def test_escape_after_the_disk_came_back_saves_and_shows_the_summary(
    app: GluteApp, paths: Paths, failing: dict[str, bool]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "f", "y")
        await _settle(pilot)
        failing["on"] = False
        await pilot.press("escape")
        await wait_for_screen(pilot, SummaryScreen)
        assert LogStore(paths).load(screen.runner.session.id).status == "incomplete"


async def test_q_while_unsaved_retries_then_asks_before_quitting(
    app: GluteApp, paths: Paths, failing: dict[str, bool]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter")
        assert screen.unsaved
        await pilot.press("q")
        await _settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("n")
        await _settle(pilot)
        assert app.screen is screen and app.is_running
        failing["on"] = False
        await pilot.press("q")  # the retry works now: saved, then quits
        await _settle(pilot)
        assert not app.is_running
    assert len(LogStore(paths).load("20261123T180000-abcdef").sets) == 2


async def test_q_unsaved_confirmed_quits(app: GluteApp, failing: dict[str, bool]) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("enter", "q")
        await _settle(pilot)
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("y")
        await _settle(pilot)
        assert not app.is_running


async def test_q_with_everything_saved_quits_as_before(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("enter", "q")
        await _settle(pilot)
        assert not app.is_running


async def test_close_session_with_unsaved_sets_asks_first(
    app: GluteApp, failing: dict[str, bool]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter")
        await close_session(app)
        await _settle(pilot)
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("escape")
        await _settle(pilot)
        assert app.screen is screen and len(screen.runner.session.sets) == 1


# --------------------------------------------------------------------------- keys


async def test_u_after_k_takes_back_the_skip_not_the_set(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot, sets=2)
        await pilot.press("enter", "k")  # left logged, right skipped by accident
        await pilot.press("u")
        assert screen.runner.current.label == "Set 1 of 2 · Right side"
        assert [(s.side, s.reps) for s in screen.runner.session.sets] == [("left", 15)]
        await pilot.press("u")
        assert screen.runner.session.sets == ()


async def test_enter_closes_the_summary(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_small_session(app, pilot)
        await pilot.press("f", "y")
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("enter")
        await _settle(pilot)
        assert app.current_mode == app.DEFAULT_MODE
        assert not isinstance(app.screen, SummaryScreen)


async def test_finish_early_needs_an_explicit_y(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmFinish)
        await pilot.press("enter")  # habit, not a decision: keep going
        assert app.screen is screen and not screen.runner.finished
        await pilot.press("f", "f")
        assert isinstance(app.screen, ConfirmFinish)
        await pilot.press("y")
        await wait_for_screen(pilot, SummaryScreen)


# --------------------------------------------------------------------------- markup


async def test_markup_in_exercise_names_and_notes_is_shown_as_typed(
    paths: Paths, clock: FakeClock
) -> None:
    walk = Exercise(
        id="band-walk",
        name=MARKUP_NAME,
        instructions=["Step [/] sideways."],
        sets=1,
        reps=(8, 12),
        cues=["a [/] cue"],
    )
    app = make_session_app(paths, clock, walk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # plan the highlighted exercise
        await wait_for_screen(pilot, PlanScreen)
        plan_screen = app.screen
        await pilot.pause()
        table = plan_screen.query_one("#plan-table")
        assert table.get_row_at(0)[0].plain == MARKUP_NAME
        await pilot.press("enter")  # the dose dialog, titled with the name
        assert isinstance(app.screen, PlanItemDialog)
        assert str(app.screen.query_one(".dialog-title").render()) == MARKUP_NAME
        await pilot.press("escape")
        await pilot.press("g")
        await wait_for_screen(pilot, SessionScreen)
        screen = app.screen
        assert str(screen.query_one("#exercise-name").render()) == MARKUP_NAME
        await pilot.press("enter")  # the one set
        await pilot.press("tab", *"knee ok [/]", "enter")  # the pain step's note
        assert screen.runner.session.exercises[0].note == "knee ok [/]"
        await pilot.press("enter")  # finish
        await wait_for_screen(pilot, SummaryScreen)
        summary = app.screen
        await _settle(pilot)
        assert summary.query_one("#summary-table").get_row_at(0)[0].plain == MARKUP_NAME
        assert str(summary.query_one("#summary-note").render()) == f"{MARKUP_NAME}: knee ok [/]"


async def test_q_from_the_library_with_an_unsaved_session_asks_first(
    app: GluteApp, failing: dict[str, bool]
) -> None:
    """The app's own quit (any section, or the palette) retries and asks, too."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter")
        assert screen.unsaved
        await app.switch_mode("library")
        await _settle(pilot)
        await pilot.press("q")
        await _settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("y")
        await _settle(pilot)
        assert not app.is_running
