"""Snapshots of the session step view, the plan and the summary at 80x24.

Deterministic: the real built-in exercises, a FakeClock (so countdowns and durations are
fixed), a temporary config dir. Review the report before accepting a change with
``--snapshot-update``.
"""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.tui.session_mode import start_session
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

from .support import screen_shown, seen_first_run, settle


@pytest.fixture
def app(paths: Paths, builtins: LoadResult, clock: FakeClock) -> GluteApp:
    seen_first_run(paths)
    return make_app(
        paths, plugins=builtins, clock=clock, settings=LoadedSettings(Settings(rest_seconds=60))
    )


def plan(builtins: LoadResult) -> Plan:
    catalog = builtins.catalog
    return Plan(
        (
            PlanItem(catalog.get("clamshell"), sets=2, reps=(12, 15)),
            PlanItem(catalog.get("barbell-hip-thrust"), sets=2, reps=(8, 12), load=40.0, unit="kg"),
        ),
        rest_seconds=60,
        switch_sides_seconds=10,
    )


def test_session_step_view(
    snap_compare, app: GluteApp, builtins: LoadResult, clock: FakeClock
) -> None:
    """Clamshell, right side of set 1, 3 s into the switch-sides pause."""

    async def run_before(pilot) -> None:
        start_session(app, Runner.start(plan(builtins), "20261123T180000-snap01", clock))
        screen = await screen_shown(pilot, SessionScreen)
        await pilot.press("enter")
        clock.advance(3)
        screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_plan_view(snap_compare, app: GluteApp) -> None:
    """The plan of the built-in routine: doses and the equipment for the whole session."""

    async def run_before(pilot) -> None:
        await pilot.press("s", "r")
        await pilot.pause()
        await pilot.press("enter")  # the first routine: gluteus medius basics
        await settle(pilot)  # the coach's suggestions come from a worker

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_summary_view(
    snap_compare, app: GluteApp, builtins: LoadResult, clock: FakeClock, paths: Paths
) -> None:
    """The summary of a finished session, compared with one two days before."""
    before = Runner.start(plan(builtins), "20261121T180000-snap02", clock)
    for reps in (12, 12, 12, 12):
        before.record_set(reps)
    before.record_pain(1)
    before.record_set(10, load=35.0, unit="kg")
    before.record_set(10, load=35.0, unit="kg")
    before.record_pain(0)
    before.finish()
    LogStore(paths).save(before.session)
    clock.advance(2 * 86400)
    runner = Runner.start(plan(builtins), "20261123T180000-snap03", clock)
    for reps in (15, 14, 15, 13):
        clock.advance(90)
        runner.record_set(reps)
    runner.record_pain(2, "left hip a bit tight")
    clock.advance(120)
    runner.record_set(12, load=40.0, unit="kg", rpe=7)
    clock.advance(120)

    async def run_before(pilot) -> None:
        start_session(app, runner)
        await screen_shown(pilot, SessionScreen)
        await pilot.press("f", "y")  # finish early: the last set is left out
        summary = await screen_shown(pilot, SummaryScreen)
        await summary.compared.wait()  # the comparison with the history, read in a thread
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_session_step_sizes(
    snap_compare,
    app: GluteApp,
    builtins: LoadResult,
    clock: FakeClock,
    paths: Paths,
    size: tuple[int, int],
) -> None:
    """The hip thrust's set after a warm-up, its rest just over, with last time's set: the
    step, what the timer did and the reps first; nothing cut mid-word."""
    catalog = builtins.catalog
    before = Runner.start(plan(builtins), "20261121T180000-snap06", clock)
    for _ in range(4):
        before.skip()
    before.skip()
    before.record_set(11, load=55.0, unit="kg")
    before.finish()
    LogStore(paths).save(before.session)
    clock.advance(2 * 86400)
    warm = Plan(
        (
            PlanItem(
                catalog.get("barbell-hip-thrust"),
                sets=2,
                reps=(8, 12),
                load=60.0,
                unit="kg",
                warmup_sets=1,
            ),
        ),
        rest_seconds=60,
        switch_sides_seconds=10,
    )

    async def run_before(pilot) -> None:
        start_session(app, Runner.start(warm, "20261123T180000-snap04", clock))
        screen = await screen_shown(pilot, SessionScreen)
        await pilot.press("enter")  # the warm-up
        clock.advance(61)
        screen.tick()
        await settle(pilot)  # last time, read in a thread

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_session_pain_step_small(
    snap_compare, app: GluteApp, builtins: LoadResult, clock: FakeClock
) -> None:
    """The "how did it feel" step at 40x12: the pain score and the note both within reach."""

    async def run_before(pilot) -> None:
        start_session(app, Runner.start(plan(builtins), "20261123T180000-snap05", clock))
        await screen_shown(pilot, SessionScreen)
        await pilot.press("enter", "enter", "enter", "enter", "3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(40, 12), run_before=run_before)


def test_session_hold_small(
    snap_compare, app: GluteApp, builtins: LoadResult, clock: FakeClock
) -> None:
    """A hold counted with h at 40x12, two reps already held: the timer and the count first."""

    async def run_before(pilot) -> None:
        start_session(app, Runner.start(plan(builtins), "20261123T180000-snap07", clock))
        screen = await screen_shown(pilot, SessionScreen)
        for _ in range(2):
            await pilot.press("h")
            clock.advance(1.5)
            screen.tick()
        await pilot.press("h")
        clock.advance(0.4)
        screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(40, 12), run_before=run_before)
