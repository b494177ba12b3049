"""The one definition of what a session amounts to (:mod:`glutetui.figures`)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui import figures
from glutetui.model import ExerciseLog, Session, SetResult

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)


def sided(exercise_id: str, n: int, left: int, right: int, **kw: object) -> tuple[SetResult, ...]:
    return (
        SetResult(exercise_id, n, left, side="left", **kw),  # type: ignore[arg-type]
        SetResult(exercise_id, n, right, side="right", **kw),  # type: ignore[arg-type]
    )


def test_a_per_side_set_counts_once_and_reps_add_both_sides() -> None:
    session = Session(
        id="s",
        started_at=START,
        sets=(
            SetResult("clamshell", 1, 5, side="left", warmup=True),
            SetResult("clamshell", 1, 5, side="right", warmup=True),
            *sided("clamshell", 1, 12, 11),
            *sided("clamshell", 2, 12, 10),
            SetResult("hip-thrust", 1, 8, load=60, unit="kg"),
        ),
        exercises=(
            ExerciseLog("clamshell", "Clamshell", per_side=True, pain=2),
            ExerciseLog("hip-thrust", "Hip thrust", pain=4),
            ExerciseLog("band-walk", "Band walk", skipped=True),
        ),
        ended_at=START + timedelta(minutes=42),
        status="complete",
    )
    got = figures.session_figures(session)
    assert got.work_sets == 3
    assert got.warmup_sets == 1
    assert got.reps == 12 + 11 + 12 + 10 + 8
    assert got.reps_by_side == {"left": 24, "right": 21, "both": 8}
    assert got.exercises == 2
    assert got.max_pain == 4
    assert got.volume == 480
    assert got.duration == timedelta(minutes=42)
    clam = figures.exercise_figures(session, "clamshell", "kg")
    assert (clam.work_sets, clam.warmup_sets, clam.reps) == (2, 1, 45)
    assert clam.best_load is None


def test_an_unfinished_session_lasts_until_its_last_set() -> None:
    s = Session(
        id="x",
        started_at=START,
        sets=(
            SetResult("a", 1, 10, finished_at=START + timedelta(minutes=3)),
            SetResult("a", 2, 10, finished_at=START + timedelta(minutes=7)),
        ),
    )
    assert figures.session_duration(s) == timedelta(minutes=7)
    assert figures.session_duration(Session(id="y", started_at=START)) is None
    assert figures.session_figures(Session(id="y", started_at=START)).max_pain is None


def test_units_convert_both_ways_and_bands_are_no_weight() -> None:
    assert figures.convert(100, "lb", "kg") == pytest.approx(45.359237)
    assert figures.convert(45.359237, "kg", "lb") == pytest.approx(100)
    assert figures.convert(20, None, "lb") == 20
    assert figures.convert(20, "band:red", "kg") is None
    assert figures.convert(20, "kg", "band:red") is None
    lb_set = SetResult("a", 1, 10, load=100, unit="lb")
    assert figures.volume([lb_set], "kg") == pytest.approx(453.59237)
    assert figures.best_load([lb_set, SetResult("a", 2, 10, unit="band:red")], "lb") == 100


@given(st.floats(min_value=0, max_value=1000, allow_nan=False), st.sampled_from(["kg", "lb"]))
def test_a_weight_converted_there_and_back_is_the_same(load: float, unit: str) -> None:
    other = "lb" if unit == "kg" else "kg"
    there = figures.convert(load, unit, other)
    assert there is not None
    assert figures.convert(there, other, unit) == pytest.approx(load)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 min"), (42, "42 min"), (59.6, "1 h 00 min"), (65, "1 h 05 min"), (600, "10 h 00 min")],
)
def test_durations_read_the_same_everywhere(minutes: float, text: str) -> None:
    assert figures.format_duration(timedelta(minutes=minutes)) == text
    assert figures.format_duration(None) == figures.MISSING


def test_loads_in_words() -> None:
    assert figures.format_load(None, None) == "bodyweight"
    assert figures.format_load(20.0, "kg") == "20 kg"
    assert figures.format_load(22.5, "lb") == "22.5 lb"
    assert figures.format_load(None, "band:red") == "red band"
    assert figures.format_number(None) == ""
    assert figures.format_number(40.0) == "40"
    assert figures.format_number(50 * figures.KG_PER_LB) == "22.6796185"
    assert figures.format_weight(1240.0, "kg") == "1,240 kg"
    assert figures.format_reps_by_side({"left": 30, "right": 28}) == "L 30 · R 28"
    assert figures.format_reps_by_side({}) == "0"


def test_a_timed_set_is_a_set_and_its_seconds_add_up_on_both_sides() -> None:
    sets = (
        *sided("side-plank", 1, 0, 0, seconds=30),
        *sided("side-plank", 2, 0, 0, seconds=25),
        SetResult("side-plank", 1, 0, side="left", seconds=10, warmup=True),
        SetResult("clamshell", 1, 12, seconds=40),
    )
    assert figures.work_sets(sets) == 3
    assert figures.total_seconds(sets) == 30 + 30 + 25 + 25 + 40  # warm-ups left out
    assert figures.total_reps(sets) == 12


def test_sets_of_a_kind_count_a_per_side_set_once() -> None:
    sets = (*sided("x", 1, 5, 5, kind="drop"), SetResult("x", 2, 5, kind="failure"))
    assert figures.sets_of_kind(sets, "drop") == 1
    assert figures.sets_of_kind(sets, "failure") == 1
    assert figures.work_sets(sets) == 2


@pytest.mark.parametrize(
    ("reps", "seconds", "text"), [(12, None, "12"), (0, 45, "45 s"), (8, 40, "8 in 40 s")]
)
def test_format_effort(reps: int, seconds: int | None, text: str) -> None:
    assert figures.format_effort(reps, seconds) == text


def test_format_done_and_seconds() -> None:
    assert figures.format_seconds(45) == "45 s"
    assert figures.format_seconds(185) == "3 min 05 s"
    assert figures.format_done({"left": 10, "right": 9}, 0) == "L 10 · R 9"
    assert figures.format_done({"both": 0}, 90) == "1 min 30 s"
    assert figures.format_done({"both": 24}, 45) == "24 · 45 s"
    assert [figures.format_work(r, s) for r, s in ((24, 0), (0, 45), (24, 45), (0, 0))] == [
        "24", "45 s", "24 · 45 s", "0",
    ]  # fmt: skip
    when = datetime(2026, 11, 23, 18, 4, tzinfo=timezone(timedelta(hours=9)))
    assert figures.format_when(when) == "2026-11-23 18:04"  # as recorded, whatever zone we are in
    assert [figures.format_set_number(2, k) for k in ("work", "warm-up", "drop", "failure")] == [
        "2", "warm-up 2", "2 drop", "2 failure",
    ]  # fmt: skip
