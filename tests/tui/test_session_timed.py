"""A timed exercise on the session step: the timer fills the seconds, which are saved per side."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import Input

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.session_mode import start_session
from glutetui.tui.widgets.set_timer_panel import SetTimerPanel
from glutetui.workout.plan import Plan, default_item
from glutetui.workout.runner import Runner

from .support import CLAM, SESSION_ID, make_session_app, screen_shown, settle

PLANK = Exercise(
    id="side-plank",
    name="Side plank",
    instructions=["Hold the line."],
    sets=1,
    seconds=(20, 30),
    per_side=True,
    cues=["Hips high"],
)


@pytest.fixture
def timed_app(paths: Paths, clock: FakeClock) -> GluteApp:
    return make_session_app(paths, clock, PLANK, CLAM)


async def start_plank(app: GluteApp, pilot: object) -> SessionScreen:
    plan = Plan((default_item(PLANK), default_item(CLAM)), rest_seconds=30, switch_sides_seconds=5)
    start_session(app, Runner.start(plan, SESSION_ID, app.clock))
    return await screen_shown(pilot, SessionScreen)  # type: ignore[arg-type]


def saved_sets(paths: Paths) -> list[dict[str, object]]:
    (path,) = LogStore(paths).logs_dir.glob("*.toml")
    with path.open("rb") as f:
        return list(tomllib.load(f)["sets"])


async def test_a_timed_set_is_timed_and_its_seconds_saved(
    timed_app: GluteApp, clock: FakeClock, paths: Paths
) -> None:
    async with timed_app.run_test(size=(80, 24)) as pilot:
        screen = await start_plank(timed_app, pilot)
        seconds = screen.query_one("#seconds")
        panel = screen.query_one(SetTimerPanel)
        assert seconds.display and not screen.query_one("#reps").display
        assert seconds.value == 30 and panel.display
        assert "Target 20–30 s" in str(screen.query_one("#step-target").render())
        # Left side: counted down to the end, on its own.
        await pilot.press("space")
        assert panel.timer is not None and panel.timer.running
        clock.advance(31)
        screen.tick()
        assert seconds.value == 30 and panel.timer.ended
        await pilot.press("minus")  # the value can be changed before it is logged
        await pilot.press("enter")
        # Right side: counted up and stopped by hand after 24.6 s.
        assert screen.runner.current is not None and screen.runner.current.side == "right"
        await pilot.press("c", "space")
        assert panel.timer is not None and panel.timer.mode == "up"
        clock.advance(24.6)
        await pilot.press("space")
        assert seconds.value == 24
        await pilot.press("enter")
        await settle(pilot)
        assert screen.runner.current is not None and screen.runner.current.kind == "pain"
        assert not panel.display
    sets = saved_sets(paths)
    assert [(s["side"], s.get("seconds"), s["reps"]) for s in sets] == [
        ("left", 29, 0),
        ("right", 24, 0),
    ]


async def test_enter_while_timing_stops_the_timer_without_logging(
    timed_app: GluteApp, clock: FakeClock
) -> None:
    async with timed_app.run_test(size=(80, 24)) as pilot:
        screen = await start_plank(timed_app, pilot)
        await pilot.press("space")
        clock.advance(12.2)
        await pilot.press("enter")
        assert screen.query_one("#seconds").value == 12
        assert screen.runner.logged() == ()
        await pilot.press("enter")
        assert [s.seconds for s in screen.runner.logged()] == [12]


async def test_the_timer_keys_only_work_on_a_timed_step(
    timed_app: GluteApp, clock: FakeClock
) -> None:
    async with timed_app.run_test(size=(80, 24)) as pilot:
        screen = await start_plank(timed_app, pilot)
        assert screen.check_action("time_set", ())
        screen.runner.skip_exercise()  # nothing logged: straight on to the clamshell
        screen.show_step()
        assert screen.runner.item().exercise_id == "clamshell"
        assert not screen.check_action("time_set", ())
        assert not screen.query_one(SetTimerPanel).display
        assert screen.query_one("#reps").display


async def test_the_plan_edits_a_timed_exercise_in_seconds(timed_app: GluteApp) -> None:
    from glutetui.tui.dialogs import PlanItemDialog
    from glutetui.tui.screens.plan import PlanScreen

    async with timed_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timed_app.push_screen(PlanScreen(["side-plank"]))
        plan_screen = await screen_shown(pilot, PlanScreen)
        assert plan_screen.order == ["side-plank"]
        assert "1×20–30 s/side" in str(plan_screen.query_one("#plan-table").get_row_at(0))
        await pilot.press("enter")
        dialog = await screen_shown(pilot, PlanItemDialog)
        box = dialog.query_one("#edit-reps", Input)
        box.value = "45-700"
        box.focus()
        await pilot.press("enter")
        assert "seconds must lie within 1–600" in str(dialog.query_one("#edit-error").render())
        box.value = "40-60"
        await pilot.press("enter")
        await screen_shown(pilot, PlanScreen)
        item = plan_screen.items["side-plank"]
        assert item.seconds == (40, 60) and item.describe() == "1 × 40–60 s/side"
