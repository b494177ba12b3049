"""What the session screens' tests share: two small exercises, an app built around them with a
fake clock and short timers, and ways to wait for a screen or start a session quickly."""

from __future__ import annotations

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.state import FIRST_RUN_NOTICE, save_state
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

CLAM = Exercise(
    id="clamshell",
    name="Clamshell",
    instructions=["Lift the top knee."],
    sets=2,
    reps=(12, 15),
    per_side=True,
    hold_seconds=1,
    cues=["Feet stay together", "Don't roll back"],
)
THRUST = Exercise(
    id="hip-thrust",
    name="Hip thrust",
    instructions=["Lift the hips."],
    sets=2,
    reps=(8, 12),
    equipment=["barbell", "bench"],
    cues=["Drive through the feet"],
)
SESSION_ID = "20261123T180000-abcdef"


def make_session_app(paths: Paths, clock: FakeClock, *exercises: Exercise) -> GluteApp:
    """The app with only ``exercises`` (CLAM and THRUST by default), 30 s rests, 5 s switches,
    and no welcome toast in the way."""
    paths.check()
    save_state(paths.state_file, {FIRST_RUN_NOTICE: True})
    catalog = Catalog(exercises={e.id: e for e in exercises or (CLAM, THRUST)})
    return make_app(
        paths,
        plugins=LoadResult(catalog=catalog, plugins=()),
        clock=clock,
        settings=LoadedSettings(Settings(rest_seconds=30, switch_sides_seconds=5)),
    )


def session_screen(app: GluteApp) -> SessionScreen:
    """The session screen, which must be on top."""
    assert isinstance(app.screen, SessionScreen), type(app.screen).__name__
    return app.screen


async def wait_for_screen(pilot, kind: type, tries: int = 60) -> None:
    """Let the app settle until a ``kind`` screen is on top (mode switches take a few turns)."""
    for _ in range(tries):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{kind.__name__} never showed; on {type(pilot.app.screen).__name__}")


async def start_small_session(app: GluteApp, pilot, sets: int = 1) -> SessionScreen:
    """Start clamshell (``sets`` per side) then hip thrust (2 sets), skipping the plan screen."""
    from glutetui.tui.screens.session import start_session

    plan = Plan(
        (PlanItem(CLAM, sets=sets, reps=(12, 15)), PlanItem(THRUST, sets=2, reps=(8, 12))),
        rest_seconds=30,
        switch_sides_seconds=5,
    )
    start_session(app, Runner.start(plan, SESSION_ID, app.clock))
    await wait_for_screen(pilot, SessionScreen)
    return session_screen(app)
