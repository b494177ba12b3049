"""Timed exercises: the model field, the dose, the plan and the runner logging seconds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Exercise
from glutetui.set_timer import SetTimer
from glutetui.timer import MAX_SECONDS
from glutetui.validation import InvalidExerciseError, normalise_exercise
from glutetui.workout.entries import InvalidEntry
from glutetui.workout.plan import Plan, PlanItem, default_item
from glutetui.workout.runner import Runner

from .support import CLAM, PLANK


def test_a_timed_exercise_says_its_dose_in_seconds() -> None:
    assert PLANK.timed and not CLAM.timed
    assert PLANK.seconds == (30, 45)
    assert PLANK.dose.describe() == "3 × 30–45 s/side"
    assert Exercise(id="hold", name="Hold", instructions=["x"], seconds=20).dose.describe() == (
        "3 × 20 s"
    )
    assert default_item(PLANK).describe() == "3 × 30–45 s/side"


@pytest.mark.parametrize(
    ("seconds", "hold", "piece"),
    [
        ((0, 10), None, "seconds must be at least 1"),
        ((40, 30), None, "minimum above its maximum"),
        ((10, 601), None, "beyond the sane limit of 600"),
        ("30", None, "seconds must be a whole number"),
        (30, 2, "drop hold_seconds"),
    ],
)
def test_timed_seconds_are_validated_like_reps(
    seconds: object, hold: int | None, piece: str
) -> None:
    bad = Exercise(id="x", name="X", instructions=["x"], seconds=seconds, hold_seconds=hold)  # type: ignore[arg-type]
    with pytest.raises(InvalidExerciseError, match=piece):
        normalise_exercise(bad)


def test_a_plan_item_refuses_seconds_out_of_range() -> None:
    with pytest.raises(InvalidEntry) as caught:
        PlanItem(PLANK, sets=3, reps=(10, 10), seconds=(0, 30))
    assert caught.value.field == "seconds"


def plank_runner(clock: FakeClock) -> Runner:
    plan = Plan((default_item(PLANK), PlanItem(CLAM, sets=1, reps=(12, 15))))
    return Runner.start(plan, "t1", clock)


def test_the_runner_logs_seconds_per_side_for_a_timed_exercise(clock: FakeClock) -> None:
    runner = plank_runner(clock)
    assert runner.default_seconds() == 45
    with pytest.raises(InvalidEntry) as caught:
        runner.record_set(0)
    assert caught.value.field == "seconds"
    runner.record_set(0, seconds=41)
    assert runner.current is not None and runner.current.side == "right"
    runner.record_set(0, seconds=38)
    logged = runner.logged("side-plank")
    assert [(s.side, s.reps, s.seconds) for s in logged] == [("left", 0, 41), ("right", 0, 38)]
    runner.undo()
    assert [s.seconds for s in runner.logged("side-plank")] == [41]
    with pytest.raises(InvalidEntry):
        runner.record_set(0, seconds=-1)


def test_an_exercise_of_reps_has_no_default_seconds(clock: FakeClock) -> None:
    runner = Runner.start(Plan((PlanItem(CLAM, sets=1, reps=(12, 15)),)), "t2", clock)
    assert runner.default_seconds() is None
    runner.record_set(12)
    assert runner.logged()[0].seconds is None


def test_a_resumed_session_keeps_the_exercise_timed(clock: FakeClock) -> None:
    runner = plank_runner(clock)
    runner.record_set(0, seconds=30)
    catalog = Catalog(exercises={e.id: e for e in (PLANK, CLAM)})
    again = Runner.resume(runner.session, catalog, clock)
    assert again.item().timed and again.default_seconds() == 45
    assert again.cursor == runner.cursor


# --------------------------------------------------------------------------- the set timer


def test_a_count_down_ends_once_at_its_target(clock: FakeClock) -> None:
    timer = SetTimer(30, clock)
    assert timer.text() == "0:30" and timer.idle
    timer.start()
    clock.advance(12.4)
    assert timer.text() == "0:18" and timer.seconds == 12 and timer.poll() is None
    clock.advance(500)  # a laptop asleep: it still ends at the target, once
    assert timer.poll() == 30
    assert timer.poll() is None and timer.stop() is None
    assert timer.text() == "0:00"


def test_a_count_down_stopped_early_gives_the_whole_seconds_held(clock: FakeClock) -> None:
    timer = SetTimer(45, clock)
    timer.start()
    clock.advance(20.9)
    assert timer.stop() == 20
    clock.advance(10)
    assert timer.seconds == 20 and timer.poll() is None


def test_a_count_up_runs_until_stopped_and_pauses(clock: FakeClock) -> None:
    timer = SetTimer(30, clock)
    assert timer.switch_mode() == "up"
    timer.start()
    clock.advance(31)
    assert timer.poll() is None and timer.text() == "0:31"
    timer.pause()
    clock.advance(100)
    assert timer.seconds == 31 and not timer.running
    timer.start()
    clock.advance(4)
    assert timer.switch_mode() == "up"  # no switching once started
    assert timer.stop() == 35


def test_a_count_up_ends_at_the_hour(clock: FakeClock) -> None:
    timer = SetTimer(30, clock, mode="up")
    timer.start()
    clock.advance(MAX_SECONDS + 50)
    assert timer.poll() == MAX_SECONDS


def test_a_set_timer_refuses_a_nonsense_target(clock: FakeClock) -> None:
    for bad in (0, True, MAX_SECONDS + 1):
        with pytest.raises(ValueError, match="target"):
            SetTimer(bad, clock)


@given(steps=st.lists(st.floats(0, 120), max_size=8), target=st.integers(1, 300))
def test_a_count_down_never_gives_more_than_its_target(steps: list[float], target: int) -> None:
    clock = FakeClock()
    timer = SetTimer(target, clock)
    timer.start()
    given_back = []
    for step in steps:
        clock.advance(step)
        given_back.append(timer.poll())
    given_back.append(timer.stop())
    handed = [g for g in given_back if g is not None]
    assert len(handed) == 1
    assert 0 <= handed[0] <= target


def test_the_summary_and_last_time_say_seconds(clock: FakeClock) -> None:
    from glutetui.figures import format_done
    from glutetui.workout.last_time import last_times
    from glutetui.workout.report import session_report

    first = plank_runner(clock)
    first.record_set(0, seconds=30)
    first.record_set(0, seconds=28)
    earlier = first.finish()
    clock.advance(86400)
    runner = Runner.start(first.plan, "t2", clock)
    runner.record_set(0, seconds=35)
    runner.record_set(0, seconds=31)
    session = runner.finish()
    report = session_report(session, [session, earlier])
    (plank, _clam) = report.exercises
    assert format_done(plank.reps_by_side, plank.seconds) == "1 min 06 s"
    assert plank.comparison("kg", with_date=False) == "+8 s"
    before = last_times([earlier], ["side-plank"])["side-plank"]
    assert before.describe(1, "right", False).endswith(": 28 s · bodyweight")
