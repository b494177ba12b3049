"""Countdowns driven by a fake clock: remaining time comes from the clock, the end is reported once."""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.timer import MAX_SECONDS, Countdown


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_remaining_comes_from_the_clock_not_from_polls(clock: FakeClock) -> None:
    timer = Countdown(90, clock)
    assert timer.remaining == 90
    clock.advance(30.5)
    assert timer.remaining == pytest.approx(59.5)
    assert timer.remaining_whole == 60
    assert timer.text() == "1:00"
    assert timer.fraction_done == pytest.approx(30.5 / 90)
    assert timer.poll() is None


def test_ends_exactly_once_after_a_ten_second_jump(clock: FakeClock) -> None:
    timer = Countdown(5, clock)
    clock.advance(10)  # a suspended laptop: far past the deadline in one go
    assert timer.ended
    assert timer.remaining == 0
    assert timer.poll() == "elapsed"
    for _ in range(3):
        clock.advance(10)
        assert timer.poll() is None
    assert timer.text() == "0:00"


def test_end_reported_once_when_polled_every_tick(clock: FakeClock) -> None:
    timer = Countdown(3, clock)
    ends = []
    for _ in range(50):
        clock.advance(0.25)
        if (reason := timer.poll()) is not None:
            ends.append((clock.monotonic(), reason))
    assert ends == [(1003.0, "elapsed")]


def test_pause_freezes_and_resume_continues(clock: FakeClock) -> None:
    timer = Countdown(60, clock)
    clock.advance(10)
    timer.pause()
    assert timer.paused
    clock.advance(500)  # another screen was open for a long while
    assert timer.remaining == 50
    assert timer.poll() is None
    timer.resume()
    clock.advance(20)
    assert timer.remaining == 30
    assert not timer.paused


def test_add_fifteen_seconds_running_and_paused(clock: FakeClock) -> None:
    timer = Countdown(20, clock)
    clock.advance(10)
    timer.add(15)
    assert timer.remaining == 25
    assert timer.total == 35
    timer.pause()
    timer.add(15)
    assert timer.remaining == 40
    timer.resume()
    clock.advance(40)
    assert timer.poll() == "elapsed"
    timer.add(15)  # too late: an ended countdown stays ended
    assert timer.remaining == 0
    assert timer.poll() is None


def test_add_is_capped(clock: FakeClock) -> None:
    timer = Countdown(MAX_SECONDS - 5, clock)
    timer.add(100)
    assert timer.remaining == MAX_SECONDS


def test_skip_is_reported_once_as_skipped(clock: FakeClock) -> None:
    timer = Countdown(90, clock)
    clock.advance(3)
    timer.skip()
    assert timer.ended
    assert timer.remaining == 0
    assert timer.poll() == "skipped"
    assert timer.poll() is None
    timer.skip()
    assert timer.poll() is None


def test_skip_after_the_time_ran_out_counts_as_elapsed(clock: FakeClock) -> None:
    timer = Countdown(5, clock)
    clock.advance(6)
    timer.skip()
    assert timer.poll() == "elapsed"


def test_paused_countdown_can_still_be_skipped(clock: FakeClock) -> None:
    timer = Countdown(5, clock)
    timer.pause()
    clock.advance(10)
    timer.skip()
    assert timer.poll() == "skipped"


def test_zero_second_countdown_ends_at_once(clock: FakeClock) -> None:
    timer = Countdown(0, clock)
    assert timer.poll() == "elapsed"
    assert timer.fraction_done == 1.0


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_rejects_nonsense_durations(clock: FakeClock, bad: float) -> None:
    with pytest.raises(ValueError):
        Countdown(bad, clock)
