"""The timed step (a side plank held on the left side, its count-down running) at 80x24 and
40x12. Deterministic: a FakeClock, a temporary config dir. Look at the pictures before
accepting a change with ``--snapshot-update``."""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.session_mode import start_session
from glutetui.workout.plan import Plan, default_item
from glutetui.workout.runner import Runner

from .support import CLAM, SESSION_ID, make_session_app, screen_shown, settle
from .test_session_timed import PLANK


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_timed_step(snap_compare, paths: Paths, clock: FakeClock, size: tuple[int, int]) -> None:
    """Left side of set 1, 12 s into the count-down to 30 s."""
    app: GluteApp = make_session_app(paths, clock, PLANK, CLAM)

    async def run_before(pilot) -> None:
        plan = Plan((default_item(PLANK), default_item(CLAM)), rest_seconds=30)
        start_session(app, Runner.start(plan, SESSION_ID, clock))
        screen = await screen_shown(pilot, SessionScreen)
        await pilot.press("space")
        clock.advance(12)
        screen.tick()
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
