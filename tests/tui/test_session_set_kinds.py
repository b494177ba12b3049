"""A work set can be marked a drop set or a set to failure on the step; the summary says so."""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.tui.app import GluteApp
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.workout.entries import InvalidEntry
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

from .support import THRUST, screen_shown, settle, start_small_session


async def test_m_marks_the_set_on_screen(session_app: GluteApp) -> None:
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter", "enter", "enter")  # the clamshell and its pain step
        await pilot.press("m", "enter")  # a drop set
        assert not screen.query_one("#set-kind").display  # the next set is a work set again
        await pilot.press("n", "m", "m", "enter")  # the rest skipped, then a set to failure
        kinds = [s.kind for s in screen.runner.logged("hip-thrust")]
        assert kinds == ["drop", "failure"]
        await pilot.press("enter")  # the pain step; at the end, enter finishes
        await pilot.press("enter")
        summary = await screen_shown(pilot, SummaryScreen)
        await settle(pilot)
        figures = str(summary.query_one("#summary-figures").render())
        assert figures.startswith("3 work sets (1 drop, 1 failure) · ")


def test_a_warm_up_step_stays_a_warm_up(clock: FakeClock) -> None:
    plan = Plan((PlanItem(THRUST, sets=1, reps=(8, 12), warmup_sets=1),))
    runner = Runner.start(plan, "20261123T180000-kinds1", clock)
    with pytest.raises(InvalidEntry):
        runner.record_set(10, kind="drop")
    runner.record_set(10)
    with pytest.raises(InvalidEntry):
        runner.record_set(10, kind="warm-up")
    runner.record_set(9, kind="failure")
    assert [s.kind for s in runner.session.sets] == ["warm-up", "failure"]
