"""A timed target agreed on the plan is the session's: logged, read back, resumed, and kept by
the coach."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.coach.checkins import CheckIns
from glutetui.coach.history import ExerciseHistory, exercise_history
from glutetui.coach.policy import default_policy
from glutetui.coach.suggest import suggestion_problems
from glutetui.coach.words import last_time
from glutetui.log import LogStore
from glutetui.log.toml_format import parse_session_bytes, session_bytes
from glutetui.model import Exercise
from glutetui.paths import Paths
from glutetui.settings import Settings
from glutetui.workout.plan import Plan, PlanItem, default_item
from glutetui.workout.runner import Runner

from .support import CLAM, PLANK

CATALOG = Catalog(exercises={e.id: e for e in (PLANK, CLAM)})


def eased_plan() -> Plan:
    """A side plank eased on the plan screen from 30–45 s to 20–30 s, then a clamshell."""
    plan = Plan((default_item(PLANK), PlanItem(CLAM, sets=1, reps=(12, 15))))
    return plan.with_item(0, seconds=(20, 30))


def test_a_timed_target_changed_on_the_plan_survives_save_read_and_resume(
    paths: Paths, clock: FakeClock
) -> None:
    runner = Runner.start(eased_plan(), "20260101T100000-aaaaaa", clock)
    runner.record_set(0, seconds=25)  # the left side; the person stops here
    store = LogStore(paths)
    store.save(runner.session)

    read = LogStore(paths).load(runner.session.id)
    resumed = Plan.from_session(read, CATALOG)
    assert resumed.items[0].seconds == (20, 30)
    assert resumed.items[0].describe() == "3 × 20–30 s/side"
    assert resumed.items[1].seconds is None  # an exercise of reps stays one
    again = Runner.resume(read, CATALOG, clock)
    assert again.current is not None and again.current.side == "right"
    assert again.default_seconds() == 30  # the countdown runs to the agreed top, not 45


def test_a_resumed_timed_exercise_whose_plugin_is_gone_keeps_its_target(
    paths: Paths, clock: FakeClock
) -> None:
    runner = Runner.start(eased_plan(), "20260101T100000-bbbbbb", clock)
    LogStore(paths).save(runner.session)
    read = LogStore(paths).load(runner.session.id)
    resumed = Plan.from_session(read, Catalog(exercises={}))
    assert resumed.items[0].timed and resumed.items[0].seconds == (20, 30)
    assert not resumed.items[1].timed


def test_a_session_file_without_target_seconds_plans_the_exercise_own(clock: FakeClock) -> None:
    """Files written before the key existed read unchanged and resume as they used to."""
    runner = Runner.start(eased_plan(), "20260101T100000-cccccc", clock)
    old = replace(
        runner.session,
        exercises=tuple(replace(e, target_seconds=None) for e in runner.session.exercises),
    )
    raw = session_bytes(old)
    assert b"target_seconds" not in raw
    assert Plan.from_session(old, CATALOG).items[0].seconds == (30, 45)


def test_the_file_holds_the_target_seconds_as_a_pair(clock: FakeClock) -> None:
    runner = Runner.start(eased_plan(), "20260101T100000-dddddd", clock)
    raw = session_bytes(runner.session)
    assert b"target_seconds = [\n    20,\n    30,\n]" in raw
    assert b"target_seconds" not in raw.split(b'exercise_id = "clamshell"')[1]
    read = parse_session_bytes(raw, Path("20260101T100000-dddddd.toml"))
    assert read == runner.session
    assert read.exercises[0].target_seconds == (20, 30)


def test_the_coach_history_carries_the_session_target_seconds(clock: FakeClock) -> None:
    runner = Runner.start(eased_plan(), "20260101T100000-eeeeee", clock)
    runner.record_set(0, seconds=25)
    session = replace(runner.session, status="complete")
    history = exercise_history("side-plank", [session], CheckIns(), "kg", clock.now())
    (outing,) = history.outings
    assert outing.target_seconds == (20, 30)
    assert outing.target_reps == PLANK.reps


def eased_history(clock: FakeClock, *, pain: int | None = None) -> ExerciseHistory:
    """The side plank done at the eased 20–30 s: 25 s on the left, 22 s on the right."""
    runner = Runner.start(eased_plan(), "20260101T100000-ffffff", clock)
    runner.record_set(0, seconds=25)
    runner.record_set(0, seconds=22)
    session = replace(runner.session, status="complete")
    if pain is not None:
        logs = (replace(session.exercises[0], pain=pain), *session.exercises[1:])
        session = replace(session, exercises=logs)
    return exercise_history("side-plank", [session], CheckIns(), "kg", clock.now())


def test_last_time_says_the_seconds_held_not_zero_reps(clock: FakeClock) -> None:
    (outing,) = eased_history(clock).outings
    assert outing.seconds == {"left": (25,), "right": (22,)}
    assert last_time(outing, Settings()).startswith(
        f"Last time, {outing.started_at.astimezone():%d %b}: left 25 s · right 22 s · "
    )


@pytest.mark.parametrize("pain", [None, 8])
def test_the_coach_keeps_the_seconds_agreed_last_time(clock: FakeClock, pain: int | None) -> None:
    """Kept whether it holds the dose or steps down a rung: no rule moves seconds yet."""
    suggestion = default_policy(PLANK, eased_history(clock, pain=pain), Settings())
    assert suggestion.seconds == (20, 30)
    assert suggestion.dose_text(PLANK).startswith(f"{suggestion.sets} × 20–30 s/side")
    assert suggestion_problems(suggestion, PLANK) == []


def test_a_session_without_target_seconds_gets_the_exercise_own(clock: FakeClock) -> None:
    history = eased_history(clock)
    old = replace(history, outings=tuple(replace(o, target_seconds=None) for o in history.outings))
    suggestion = default_policy(PLANK, old, Settings())
    assert suggestion.seconds is None
    assert suggestion.dose_text(PLANK).startswith("3 × 30–45 s/side")


@pytest.mark.parametrize(
    ("exercise", "seconds", "problem"),
    [
        (PLANK, (0, 30), "seconds (0, 30) is not a range within 1–600"),
        (PLANK, (30, 20), "seconds (30, 20) is not a range"),
        (PLANK, (20, 601), "is not a range within"),
        (CLAM, (20, 30), "seconds are for a timed exercise; this one counts reps"),
    ],
)
def test_a_policy_answering_seconds_glutetui_cannot_plan_is_refused(
    clock: FakeClock, exercise: Exercise, seconds: tuple[int, int], problem: str
) -> None:
    suggestion = replace(
        default_policy(exercise, eased_history(clock), Settings()),
        exercise_id=exercise.id,
        seconds=seconds,
    )
    assert problem in " / ".join(suggestion_problems(suggestion, exercise))
