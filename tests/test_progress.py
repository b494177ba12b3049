"""The stderr progress bar: silent when quick or piped, one line redrawn in place otherwise."""

from __future__ import annotations

import io

from glutetui.progress import REDRAW, Pacer, ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_quick_read_draws_nothing() -> None:
    out, clock = Terminal(), Clock()
    with ProgressBar("Reading the log", stream=out, clock=clock) as bar:
        clock.now += 0.4
        bar(10, 100)
        bar(100, 100)
    assert out.getvalue() == ""


def test_a_slow_read_draws_one_line_in_place_then_clears_it() -> None:
    out, clock = Terminal(), Clock()
    with ProgressBar("Reading", stream=out, clock=clock, width=40) as bar:
        clock.now += 0.6
        bar(1825, 3650)
        clock.now += 0.01
        bar(1900, 3650)  # too soon after the last redraw: skipped
        clock.now += 0.2
        bar(3650, 3650)
        drawn = out.getvalue()
    assert "\n" not in out.getvalue()
    frames = drawn.split("\r")[1:]
    assert frames == [
        "Reading [#########---------] 1,825/3,650",
        "Reading [##################] 3,650/3,650",
    ]
    assert all(len(f) == 40 for f in frames)  # the width asked for
    assert out.getvalue().endswith("\r" + " " * 40 + "\r")


def test_the_last_count_is_always_drawn() -> None:
    out, clock = Terminal(), Clock()
    bar = ProgressBar("x", stream=out, clock=clock)
    clock.now += 1
    bar(1, 2)
    bar(2, 2)  # at once, but the end
    assert out.getvalue().count("\r") == 2 and "2/2" in out.getvalue()


def test_nothing_is_written_when_the_stream_is_not_a_terminal() -> None:
    out, clock = io.StringIO(), Clock()
    with ProgressBar("Reading the log", stream=out, clock=clock) as bar:
        clock.now += 5
        bar(1, 2)
        bar(2, 2)
    assert out.getvalue() == ""


def test_odd_counts_do_not_break_the_bar() -> None:
    bar = ProgressBar("x", stream=io.StringIO(), width=20)
    assert bar.line(5, 2).endswith("2/2")
    assert bar.line(-1, 2).endswith("0/2")
    out, clock = Terminal(), Clock()
    clock.now += 1
    ProgressBar("x", stream=out, clock=clock)(0, 0)
    assert out.getvalue() == ""


def test_the_pacer_waits_then_paces_and_always_passes_the_end() -> None:
    clock = Clock()
    pacer = Pacer(clock, delay=0.5)
    assert not pacer.due(1, 10)  # too early
    clock.now += 0.6
    assert pacer.due(2, 10)
    assert not pacer.due(3, 10)  # within REDRAW of the last
    clock.now += REDRAW * 1.5
    assert pacer.due(4, 10)
    assert pacer.due(10, 10)  # the end, however soon
    assert not pacer.due(0, 0)
