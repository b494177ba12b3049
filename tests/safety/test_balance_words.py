"""The Balance tab's words: a skipped side is "not done", different loads "cannot compare"."""

from __future__ import annotations

from glutetui import balance as sides
from glutetui.model import SetResult
from glutetui.tui.widgets.balance import describe, footnote


def entry(*sets: SetResult) -> sides.ExerciseBalance:
    balance = sides.compare_sides(sets)
    assert balance is not None
    return sides.ExerciseBalance("c", "Clamshell", 1, balance)


def test_a_skipped_side_reads_not_done_never_a_hundred_percent_weaker() -> None:
    shown = entry(SetResult("c", 1, 12, side="left"))
    assert describe(shown) == "cannot compare: only one side was done"
    assert footnote(shown) == "right not done in 1 set(s)"
    assert "100" not in describe(shown)


def test_different_loads_say_they_cannot_be_compared() -> None:
    shown = entry(
        SetResult("c", 1, 10, side="left", load=10, unit="kg"),
        SetResult("c", 1, 14, side="right", load=8, unit="kg"),
    )
    assert describe(shown) == "cannot compare: the sides were done at different loads or bands"


def test_a_partial_comparison_says_what_it_left_out() -> None:
    shown = entry(
        SetResult("c", 1, 10, side="left", load=10, unit="kg"),
        SetResult("c", 1, 7, side="right", load=10, unit="kg"),
        SetResult("c", 2, 10, side="left", unit="band:red"),
        SetResult("c", 2, 15, side="right", unit="band:green"),
        SetResult("c", 3, 10, side="right", unit="band:red"),
    )
    assert describe(shown) == "! right 30% weaker"
    assert footnote(shown) == (
        "left not done in 1 set(s); 1 set(s) at different loads or bands left out"
    )
