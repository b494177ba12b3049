"""Last time's sets, found per exercise, set and side, and said in words."""

from __future__ import annotations

from datetime import UTC, datetime

from glutetui.model import Session, SetResult
from glutetui.workout.last_time import last_times


def session(sid: str, day: int, *sets: SetResult) -> Session:
    return Session(id=sid, started_at=datetime(2026, 11, day, 18, tzinfo=UTC), sets=sets)


def test_the_newest_session_with_the_exercise_counts_and_the_running_one_does_not() -> None:
    older = session("a", 19, SetResult("clamshell", 1, 12, side="left", unit="band:red"))
    newer = session("b", 21, SetResult("clamshell", 1, 14, side="left", unit="band:green"))
    other = session("c", 22, SetResult("plank", 1, 0, seconds=40))
    running = session("d", 23, SetResult("clamshell", 1, 15, side="left"))
    found = last_times([running, other, newer, older], ["clamshell", "plank"], besides="d")
    assert found["clamshell"].day.day == 21
    assert (
        found["clamshell"].describe(1, "left", False) == "Last time (21 Nov): 14 reps · green band"
    )
    assert (
        found["clamshell"].describe(1, "right", False)
        == "Last time (21 Nov): this set was not done"
    )
    assert found["plank"].describe(1, None, False) == "Last time (22 Nov): 40 s · bodyweight"


def test_warm_ups_are_matched_with_warm_ups() -> None:
    done = session(
        "a",
        20,
        SetResult("thrust", 1, 10, load=20.0, unit="kg", warmup=True),
        SetResult("thrust", 1, 8, load=60.0, unit="kg"),
    )
    last = last_times([done], ["thrust"])["thrust"]
    assert last.describe(1, None, True) == "Last time (20 Nov): 10 reps · 20 kg"
    assert last.describe(1, None, False) == "Last time (20 Nov): 8 reps · 60 kg"


def test_nothing_found_for_an_exercise_never_done() -> None:
    assert last_times([], ["clamshell"]) == {}
