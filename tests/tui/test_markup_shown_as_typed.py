"""Markup in exercise names, cues and notes (plugins' and people's text) is shown as typed."""

from __future__ import annotations

from glutetui.clock import FakeClock
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.tui.dialogs import PlanItemDialog
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen

from .support import make_session_app, screen_shown, settle

MARKUP_NAME = "Band walk [/] [b]x"


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
        plan_screen = await screen_shown(pilot, PlanScreen)
        table = plan_screen.query_one("#plan-table")
        assert table.get_row_at(0)[0].plain == MARKUP_NAME
        await pilot.press("enter")  # the dose dialog, titled with the name
        dialog = await screen_shown(pilot, PlanItemDialog)
        assert str(dialog.query_one(".dialog-title").render()) == MARKUP_NAME
        await pilot.press("escape")
        await pilot.press("g")
        screen = await screen_shown(pilot, SessionScreen)
        assert str(screen.query_one("#exercise-name").render()) == MARKUP_NAME
        await pilot.press("enter")  # the one set
        await pilot.press("tab", *"knee ok [/]", "enter")  # the pain step's note
        assert screen.runner.session.exercises[0].note == "knee ok [/]"
        await pilot.press("enter")  # finish
        summary = await screen_shown(pilot, SummaryScreen)
        await settle(pilot)  # the comparison with the history, read in a thread
        assert summary.query_one("#summary-table").get_row_at(0)[0].plain == MARKUP_NAME
        assert str(summary.query_one("#summary-note").render()) == f"{MARKUP_NAME}: knee ok [/]"
