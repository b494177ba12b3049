"""The step says what was done the last time in the same set and side (issue 11, part 4)."""

from __future__ import annotations

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

from .support import CLAM, THRUST, settle, start_small_session


async def test_last_time_follows_the_set_and_side(
    session_app: GluteApp, paths: Paths, clock: FakeClock
) -> None:
    plan = Plan((PlanItem(CLAM, sets=1, reps=(12, 15)), PlanItem(THRUST, sets=2, reps=(8, 12))))
    before = Runner.start(plan, "20261123T180000-before", clock)
    before.record_set(14, unit="band:green")  # left
    before.record_set(13, unit="band:green")  # right
    before.finish()
    LogStore(paths).save(before.session)
    clock.advance(2 * 86400)
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await settle(pilot)  # the log, read in a thread
        said = screen.query_one("#last-time")
        assert str(said.render()) == "Last time (23 Nov): 14 reps · green band"
        await pilot.press("enter")
        assert str(said.render()) == "Last time (23 Nov): 13 reps · green band"
        await pilot.press("enter", "enter")  # the pain step: nothing to compare
        assert not said.display
        await pilot.press("enter")  # the hip thrust was not done last time
        assert not said.display
