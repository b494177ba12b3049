"""What people type: accepted values, refusals with a reason, and the field each refusal names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from glutetui.clock import FakeClock
from glutetui.workout.entries import (
    MAX_LOAD,
    InvalidEntry,
    parse_load,
    parse_range,
    parse_rpe,
    parse_whole,
)
from glutetui.workout.runner import Runner

from .support import small_plan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", (None, None)),
        ("20", (20.0, "kg")),
        ("22,5", (22.5, "kg")),
        ("45 LB", (45.0, "lb")),
        ("10kgs", (10.0, "kg")),
        ("red band", (None, "band:red")),
        ("band: green", (None, "band:green")),
        ("red", (None, "band:red")),
        ("Band Red", (None, "band:red")),
        ("teal band", (None, "band:teal")),
        ("1000", (1000.0, "kg")),
    ],
)
def test_parse_load_accepts(text: str, value: tuple[float | None, str | None]) -> None:
    assert parse_load(text) == value


@pytest.mark.parametrize(
    "text", ["-5", "1001", "nan", "inf", "20 stone", "1e9", "kg", "teal", "reed"]
)
def test_parse_load_rejects_with_a_reason(text: str) -> None:
    with pytest.raises(InvalidEntry, match="load") as refused:
        parse_load(text)
    assert refused.value.field == "load"


def test_parse_rpe() -> None:
    assert parse_rpe("") is None
    assert parse_rpe(" 7 ") == 7
    for bad in ("0", "11", "x", "-1"):
        with pytest.raises(InvalidEntry, match="RPE") as refused:
            parse_rpe(bad)
        assert refused.value.field == "rpe"


def test_parse_range_and_whole() -> None:
    assert parse_range("8-12") == (8, 12)
    assert parse_range(" 8 – 12 ") == (8, 12)
    assert parse_range("10") == (10, 10)
    for bad in ("", "12-8", "0", "8-", "a-b", "1-2-3", "8-999"):
        with pytest.raises(InvalidEntry, match="reps") as refused:
            parse_range(bad)
        assert refused.value.field == "reps"
    assert parse_whole("3", "sets", 1, 20) == 3
    for bad in ("0", "21", "", "x", "-2"):
        with pytest.raises(InvalidEntry, match="sets") as refused:
            parse_whole(bad, "sets", 1, 20)
        assert refused.value.field == "sets"
    with pytest.raises(InvalidEntry, match=r"^warm-up sets must be") as refused:
        parse_whole("9", "warmup_sets", 0, 5)
    assert refused.value.field == "warmup_sets"


def _set(**values: object) -> Callable[[Runner], object]:
    values = {"reps": 10, **values}
    return lambda runner: runner.record_set(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (_set(reps=-1), "reps"),
        (_set(reps=501), "reps"),
        (_set(reps=True), "reps"),
        (_set(reps=2.5), "reps"),
        (_set(load=MAX_LOAD + 1), "load"),
        (_set(load=float("nan")), "load"),
        (_set(unit=""), "unit"),
        (_set(unit="x" * 41), "unit"),
        (_set(rpe=0), "rpe"),
        (_set(rpe=11), "rpe"),
    ],
)
def test_a_refused_set_names_its_field_and_changes_nothing(
    clock: FakeClock, entry: Callable[[Runner], object], field: str
) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    before = runner.session
    with pytest.raises(InvalidEntry) as refused:
        entry(runner)
    assert refused.value.field == field
    assert runner.session is before


@pytest.mark.parametrize("pain", [-1, 11, True])
def test_a_refused_pain_answer_names_its_field(clock: FakeClock, pain: int) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    for _ in range(4):
        runner.record_set(12)  # both clamshell sets, each side: the pain question is next
    before = runner.session
    with pytest.raises(InvalidEntry, match="pain") as refused:
        runner.record_pain(pain)
    assert refused.value.field == "pain"
    assert runner.session is before
