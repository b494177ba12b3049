"""The plan screen takes the coach's seconds for a timed exercise: those agreed last time."""

from __future__ import annotations

from datetime import timedelta

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import make_app
from glutetui.tui.screens.plan import PlanScreen
from tests.workout.support import PLANK

from .support import screen_shown, seen_first_run, settle


def eased_session(clock: FakeClock) -> Session:
    """Yesterday's side plank, eased on the plan to 20–30 s."""
    start = clock.now() - timedelta(days=1)
    return Session(
        id="20261122T180000-abcdef",
        started_at=start,
        ended_at=start + timedelta(minutes=15),
        status="complete",
        exercises=(
            ExerciseLog(
                PLANK.id,
                PLANK.name,
                per_side=True,
                target_sets=3,
                target_reps=PLANK.reps,
                target_seconds=(20, 30),
                pain=1,
            ),
        ),
        sets=tuple(
            SetResult(PLANK.id, n, 0, side=side, seconds=26)  # type: ignore[arg-type]
            for n in (1, 2, 3)
            for side in ("left", "right")
        ),
    )


async def test_taking_the_coach_dose_plans_the_seconds_agreed_last_time(
    paths: Paths, clock: FakeClock
) -> None:
    seen_first_run(paths)
    LogStore(paths, durable=False).save(eased_session(clock))
    app = make_app(
        paths,
        plugins=LoadResult(catalog=Catalog(exercises={PLANK.id: PLANK}), plugins=()),
        clock=clock,
        settings=LoadedSettings(Settings()),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        screen = await screen_shown(pilot, PlanScreen)
        await settle(pilot)  # the coach works in a thread
        assert screen.items[PLANK.id].seconds == (30, 45)  # the exercise's own, until taken
        text = str(screen.query_one("#plan-coach").render())
        assert "3 × 20–30 s/side" in text and "left 26, 26, 26" not in text
        assert "each side 26 s, 26 s, 26 s" in text
        await pilot.press("t")
        assert screen.items[PLANK.id].seconds == (20, 30)
