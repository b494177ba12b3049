"""Left against right: how the two sides of per-side exercises compare, like with like.

**Imbalance** is ``1 - weaker / stronger`` of the two sides' reps (0 means even, 0.2 means
the weaker side did 20 % less), like with like: only sets done on both sides against the same
load or band count (seconds for timed sets). A side that was skipped is *not done*, counted
apart, never "weaker"; sets at different loads or bands are counted apart too, and when no
set compares there is no verdict. It is flagged above ``threshold`` (10 % by default).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from glutetui.figures import is_band, load_in
from glutetui.model import Session, SetResult, Side
from glutetui.stats import by_time, exercises_in

DEFAULT_IMBALANCE_THRESHOLD = 0.10
"""The weaker side more than 10 % below the stronger one is flagged."""


Pair = tuple[SetResult | None, SetResult | None]
"""The left and the right side of one per-side set; ``None`` for a side that was not done."""


def side_pairs(sets: Iterable[SetResult]) -> list[Pair]:
    """The per-side work sets of one session paired up: left and right of the same exercise,
    set number and kind. A side with no entry (skipped) is ``None``."""
    found: dict[tuple[str, int, str], list[SetResult | None]] = {}
    for s in sets:
        if s.warmup or s.side not in ("left", "right"):
            continue
        pair = found.setdefault((s.exercise_id, s.set_number, s.kind), [None, None])
        pair[0 if s.side == "left" else 1] = s
    return [(left, right) for left, right in found.values()]


def _load_key(s: SetResult) -> tuple[object, ...]:
    """What a set was done against: a band colour, bodyweight, or a load (in kg, to the gram)."""
    if is_band(s.unit):
        return ("band", s.unit)
    if s.load is None:
        return ("bodyweight",)
    kg = load_in(s, "kg")
    return ("load", s.unit, s.load) if kg is None else ("kg", round(kg, 3))


def _timed(s: SetResult) -> bool:
    return not s.reps and bool(s.seconds)


@dataclass(frozen=True)
class Balance:
    """Left against right for one per-side exercise over some sessions, like with like: only
    sets done on both sides against the same load or band are compared."""

    left: float
    """The left side's reps (or seconds) over the compared sets."""
    right: float
    basis: Literal["reps", "seconds"]
    """What is compared: reps, or the seconds of timed sets when no set had reps."""
    imbalance: float
    """``1 - weaker / stronger`` over the compared sets; 0 is even (and when nothing compares)."""
    weaker: Side | None
    """The side that did less, ``None`` when even or when nothing compares."""
    flagged: bool
    """``imbalance`` is above the threshold."""
    compared: int = 0
    """Sets done on both sides against the same load or band: what the figures cover."""
    mismatched: int = 0
    """Sets done on both sides at different loads or bands, left out (not like with like)."""
    left_not_done: int = 0
    """Sets done on the right only: the left side was skipped (not done, not weaker)."""
    right_not_done: int = 0
    """Sets done on the left only."""

    def amount(self, side: Side) -> float:
        """That side's total on the compared basis."""
        return self.left if side == "left" else self.right

    def not_done(self, side: Side) -> int:
        """Sets of ``side`` that were not done while the other side's were."""
        return self.left_not_done if side == "left" else self.right_not_done


def compare_pairs(
    pairs: Iterable[Pair], threshold: float = DEFAULT_IMBALANCE_THRESHOLD
) -> Balance | None:
    """Compare the sides of ``pairs`` (see :func:`side_pairs`); ``None`` without any pair."""
    pairs = list(pairs)
    if not pairs:
        return None
    whole = [(a, b) for a, b in pairs if a is not None and b is not None]
    left_missing = sum(1 for a, b in pairs if a is None)
    right_missing = sum(1 for a, b in pairs if b is None)
    alike = [(a, b) for a, b in whole if _load_key(a) == _load_key(b)]
    with_reps = [(a, b) for a, b in alike if not (_timed(a) and _timed(b))]
    basis: Literal["reps", "seconds"] = "reps"
    compared = with_reps
    if not with_reps and alike:
        basis, compared = "seconds", alike
    if basis == "reps":
        a_total = float(sum(a.reps for a, _ in compared))
        b_total = float(sum(b.reps for _, b in compared))
    else:
        a_total = float(sum(a.seconds or 0 for a, _ in compared))
        b_total = float(sum(b.seconds or 0 for _, b in compared))
    stronger = max(a_total, b_total)
    imbalance = 0.0 if stronger <= 0 else 1.0 - min(a_total, b_total) / stronger
    weaker: Side | None = None
    if compared and a_total != b_total:
        weaker = "left" if a_total < b_total else "right"
    return Balance(
        a_total,
        b_total,
        basis,
        imbalance,
        weaker,
        imbalance > threshold,
        compared=len(compared),
        mismatched=len(whole) - len(compared),
        left_not_done=left_missing,
        right_not_done=right_missing,
    )


def compare_sides(
    sets: Iterable[SetResult],
    threshold: float = DEFAULT_IMBALANCE_THRESHOLD,
) -> Balance | None:
    """Compare the left and right work sets of one session; ``None`` without any sided set."""
    return compare_pairs(side_pairs(sets), threshold)


@dataclass(frozen=True)
class ExerciseBalance:
    """Recent left/right balance of one per-side exercise."""

    exercise_id: str
    name: str
    sessions: int
    """How many recent sessions the totals cover."""
    balance: Balance


def recent_balance(
    sessions: Iterable[Session],
    last: int = 5,
    threshold: float = DEFAULT_IMBALANCE_THRESHOLD,
) -> tuple[ExerciseBalance, ...]:
    """For each per-side exercise, both sides added up over its ``last`` sessions, by name.

    Several sessions together say more than one: a single short set on one side is noise, the
    same side trailing for five sessions is a pattern.
    """
    ordered = by_time(sessions)
    names = exercises_in(ordered)
    recent: dict[str, list[Pair]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for session in reversed(ordered):
        by_exercise: dict[str, list[Pair]] = defaultdict(list)
        for pair in side_pairs(session.sets):
            done = pair[0] or pair[1]
            assert done is not None  # a pair has at least one side
            by_exercise[done.exercise_id].append(pair)
        for exercise_id, pairs in by_exercise.items():
            if counts[exercise_id] < last:
                counts[exercise_id] += 1
                recent[exercise_id].extend(pairs)
    result = []
    for exercise_id, name in names.items():
        if exercise_id not in recent:
            continue
        balance = compare_pairs(recent[exercise_id], threshold)
        if balance is not None:
            result.append(ExerciseBalance(exercise_id, name, counts[exercise_id], balance))
    return tuple(result)
