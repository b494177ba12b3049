"""The countdowns of a live session and the hold cycle, with a fake clock and no screen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glutetui.clock import FakeClock
from glutetui.workout.pauses import HoldCycle, Pauses


def test_a_rest_ends_once_and_says_what_it_means() -> None:
    clock = FakeClock()
    pauses = Pauses(clock)
    pauses.start(45, "Rest", "rest")
    assert pauses.resting and not pauses.holding
    assert "n: skip" in pauses.hint()
    clock.advance(44)
    assert pauses.poll(None) is None
    clock.advance(600)  # a laptop woke up: the end is still reported, once
    ended = pauses.poll(None)
    assert ended is not None and ended.elapsed and not ended.holding and not ended.held_rep
    assert pauses.countdown is None and pauses.over == "Rest over — next set"
    assert pauses.poll(None) is None


def test_a_skipped_rest_is_not_elapsed() -> None:
    clock = FakeClock()
    pauses = Pauses(clock)
    pauses.start(30, "Rest", "rest")
    assert pauses.countdown is not None
    pauses.countdown.skip()
    ended = pauses.poll(None)
    assert ended is not None and ended.reason == "skipped" and not ended.elapsed


def test_no_hold_starts_during_a_rest() -> None:
    pauses = Pauses(FakeClock())
    pauses.start(60, "Rest", "rest")
    assert not pauses.hold(5)
    assert pauses.kind == "rest"
    pauses.stop()
    assert pauses.hold(5) and pauses.holding and pauses.kind == "hold"
    assert not pauses.hold(None)


def test_a_zero_second_pause_is_no_countdown() -> None:
    pauses = Pauses(FakeClock())
    pauses.start(0, "Switch sides", "switch-sides")
    assert pauses.countdown is None and pauses.hint() == ""


def test_the_hold_cycle_runs_by_itself_to_the_top_of_the_range() -> None:
    clock = FakeClock()
    pauses = Pauses(clock)
    cycle = HoldCycle(hold_seconds=5, lower_seconds=2, top_reps=3)
    assert pauses.hold(5)
    kinds = []
    while pauses.countdown is not None:
        clock.advance(pauses.countdown.remaining)
        ended = pauses.poll(cycle)
        assert ended is not None and ended.holding
        kinds.append(ended.kind)
    assert kinds == ["hold", "lower", "hold", "lower", "hold"]
    assert pauses.held_reps == 3 and pauses.over == "Hold over — lower, next rep (3 done)"
    pauses.new_step()
    assert pauses.held_reps == 0


def test_no_lowering_leaves_each_hold_to_the_person() -> None:
    clock = FakeClock()
    pauses = Pauses(clock)
    assert pauses.hold(5)
    clock.advance(5)
    ended = pauses.poll(HoldCycle(hold_seconds=5, lower_seconds=0, top_reps=10))
    assert ended is not None and ended.held_rep
    assert pauses.countdown is None and pauses.held_reps == 1


@given(
    hold=st.integers(1, 30),
    lower=st.integers(1, 10),
    top=st.integers(1, 40),
    late=st.floats(0, 100),
)
def test_the_cycle_counts_exactly_the_top_of_the_range(
    hold: int, lower: int, top: int, late: float
) -> None:
    clock = FakeClock()
    pauses = Pauses(clock)
    cycle = HoldCycle(hold_seconds=hold, lower_seconds=lower, top_reps=top)
    pauses.hold(hold)
    polls = 0
    while pauses.countdown is not None:
        clock.advance(pauses.countdown.remaining + late)  # however late the poll comes
        pauses.poll(cycle)
        polls += 1
        assert polls <= 2 * top
    assert pauses.held_reps == top
