"""What the screen tests share: small exercises, apps built around them, and ways to wait.

Waiting never sleeps: :func:`screen_shown` is woken by the app's screen-change signal,
:func:`settle` awaits the workers the last keys started, and the log screen sets an event
(``LogScreen.ready``) once every tab has its figures.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.log import LogScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.session_mode import start_session
from glutetui.tui.state import FIRST_RUN_NOTICE, save_state
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

ScreenT = TypeVar("ScreenT", bound=Screen[Any])

TIMEOUT = 60
"""Seconds before a wait gives up: far longer than any screen takes, even on a busy machine."""

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


def seen_first_run(paths: Paths) -> None:
    """Pretend the welcome was shown before, so no welcome toast gets in the way."""
    paths.check()
    save_state(paths.state_file, {FIRST_RUN_NOTICE: True})


def make_session_app(paths: Paths, clock: FakeClock, *exercises: Exercise) -> GluteApp:
    """The app with only ``exercises`` (CLAM and THRUST by default), 30 s rests, 5 s switches,
    and no welcome toast in the way."""
    seen_first_run(paths)
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


# --------------------------------------------------------------------------- waiting


async def screen_change(
    pilot: Pilot[Any], done: Callable[[Screen[Any]], bool], what: str
) -> Screen[Any]:
    """Wait until the screen on top satisfies ``done`` (mode switches and pushes take a few
    turns), woken by the app's screen-change signal; then let that screen settle."""
    app = pilot.app
    if not done(app.screen):
        changed = asyncio.Event()

        def check(_: Screen[Any]) -> None:
            if done(app.screen):
                changed.set()

        app.screen_change_signal.subscribe(app, check, immediate=True)
        try:
            await asyncio.wait_for(changed.wait(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"{what} never showed; on {type(app.screen).__name__}") from None
        finally:
            app.screen_change_signal.unsubscribe(app)
    await pilot.pause()
    return app.screen


async def screen_shown(pilot: Pilot[Any], kind: type[ScreenT]) -> ScreenT:
    """Wait until a ``kind`` screen is on top, and return it."""
    screen = await screen_change(pilot, lambda s: isinstance(s, kind), kind.__name__)
    assert isinstance(screen, kind), type(screen).__name__
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    """Let the last keys run their course: the messages they queued, every worker those
    started, and what the workers post back."""
    await pilot.pause()
    while running := [w for w in pilot.app.workers if not w.is_finished]:
        # However they end: the test then asserts on what the screen shows.
        await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
        await pilot.pause()


async def log_ready(pilot: Pilot[Any]) -> LogScreen:
    """Wait for the log screen to be on top with every tab's figures."""
    screen = await screen_shown(pilot, LogScreen)
    await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
    await pilot.pause()
    return screen


async def open_log(pilot: Pilot[Any]) -> LogScreen:
    """Press the log key and wait until the history is on screen."""
    await pilot.press("g")
    return await log_ready(pilot)


async def run_command(pilot: Pilot[Any], title: str) -> None:
    """ctrl+p, type ``title``, wait for the palette's search, pick that hit and run it."""
    await pilot.press("ctrl+p")
    palette = await screen_shown(pilot, CommandPalette)
    await pilot.press(*title)
    await settle(pilot)  # the palette searches in a worker
    hits = palette.query_one(CommandList)
    lines = [
        str(hits.get_option_at_index(i).prompt).splitlines()[0] for i in range(hits.option_count)
    ]
    assert title in lines, f"the palette did not offer {title!r}: {lines}"
    hits.highlighted = lines.index(title)
    await pilot.press("enter")
    await screen_change(pilot, lambda s: not isinstance(s, CommandPalette), "the palette closing")
    await settle(pilot)  # the command runs once the palette has gone


# --------------------------------------------------------------------------- sessions


async def start_small_session(app: GluteApp, pilot: Pilot[Any], sets: int = 1) -> SessionScreen:
    """Start clamshell (``sets`` per side) then hip thrust (2 sets), skipping the plan screen."""
    plan = Plan(
        (PlanItem(CLAM, sets=sets, reps=(12, 15)), PlanItem(THRUST, sets=2, reps=(8, 12))),
        rest_seconds=30,
        switch_sides_seconds=5,
    )
    start_session(app, Runner.start(plan, SESSION_ID, app.clock))
    return await screen_shown(pilot, SessionScreen)
