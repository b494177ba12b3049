"""The countdowns of a live session: rest, switching sides, and the hold cycle.

After a set the runner's plan suggests a pause (:meth:`~glutetui.workout.plan.Plan.pause_after`);
during a set with a hold, each hold counts down, then a short lowering, then the next hold, by
themselves, up to the top of the rep range. :class:`Pauses` keeps the one countdown running now,
what kind it is, what its end means ("Rest over — next set") and the reps whose hold ran to the
end. It knows no screen: whoever shows it calls :meth:`Pauses.poll` now and then and draws the
result, so the cycle is tested with a fake clock and no terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from glutetui.clock import Clock
from glutetui.timer import Countdown, EndReason

CountdownKind = Literal["rest", "switch-sides", "hold", "lower"]

HOLD_KINDS: frozenset[str] = frozenset({"hold", "lower"})
"""Countdowns of the hold cycle: cued by ``hold_cue``, not the rest bell."""

OVER: dict[str, str] = {
    "rest": "Rest over — next set",
    "switch-sides": "Other side now",
    "hold": "Hold over — lower, next rep",
}
"""What the end of each countdown means, said once it is over (until the next entry)."""


@dataclass(frozen=True)
class HoldCycle:
    """The set on screen has a hold: how long each hold and each lowering lasts, and when the
    cycle stops (``lower_seconds = 0`` leaves each hold to the person)."""

    hold_seconds: int
    lower_seconds: int
    top_reps: int


@dataclass(frozen=True)
class Ended:
    """A countdown ended at this poll."""

    kind: str
    reason: EndReason
    held_rep: bool
    """A hold ran to its end: one more rep done (:attr:`Pauses.held_reps` counts it)."""

    @property
    def holding(self) -> bool:
        """Part of the hold cycle (cued by ``hold_cue``) rather than a rest (the bell)."""
        return self.kind in HOLD_KINDS

    @property
    def elapsed(self) -> bool:
        """The time ran out (rather than being skipped): the moment to ring."""
        return self.reason == "elapsed"


class Pauses:
    """The countdown running now, if any, on ``clock``."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.countdown: Countdown | None = None
        self.kind = ""
        """The kind of :attr:`countdown` (or of the last one): rest, switch-sides, hold, lower."""
        self.over = ""
        """What the countdown that just ended means, until the next one or the next entry."""
        self.held_reps = 0
        """Reps of the set on screen whose hold ran to the end."""

    @property
    def holding(self) -> bool:
        """A hold or a lowering is counting down."""
        return self.countdown is not None and self.kind in HOLD_KINDS

    @property
    def resting(self) -> bool:
        """A rest or a switch of sides is counting down (``+15 s`` and skip apply)."""
        return self.countdown is not None and self.kind not in HOLD_KINDS

    def hint(self) -> str:
        """The keys that act on the countdown running now ("" with none)."""
        if self.countdown is None:
            return ""
        if self.kind in HOLD_KINDS:
            return "h: hold again · enter logs the reps held"
        return "n: skip · t: +15 s · p: pause · log the next set any time"

    def new_step(self) -> None:
        """A new step is on screen: no reps held yet."""
        self.held_reps = 0

    def start(self, seconds: int, label: str, kind: str) -> None:
        """Count down ``seconds`` (none at all for 0), replacing any countdown running."""
        self.countdown = Countdown(seconds, self.clock, label=label) if seconds > 0 else None
        self.kind = kind
        self.over = ""

    def stop(self) -> None:
        """No countdown, and nothing to say about the last one."""
        self.countdown = None
        self.over = ""

    def hold(self, hold_seconds: int | None) -> bool:
        """Start a hold, unless a rest is running; whether it started."""
        if not hold_seconds or self.resting:
            return False
        self.start(hold_seconds, f"Hold {hold_seconds} s", "hold")
        return True

    def poll(self, cycle: HoldCycle | None) -> Ended | None:
        """What ended since the last poll, if anything; ``cycle`` is the set on screen's hold,
        with which a hold that ran out starts the lowering and a lowering the next hold."""
        countdown = self.countdown
        if countdown is None:
            return None
        reason = countdown.poll()
        if reason is None:
            return None
        ended = Ended(self.kind, reason, held_rep=self.kind == "hold" and reason == "elapsed")
        self.countdown = None
        self.over = OVER.get(ended.kind, "")
        if ended.held_rep:
            self.held_reps += 1
            self.over = f"{self.over} ({self.held_reps} done)"
        if ended.elapsed and ended.holding and cycle is not None:
            self._next_in_cycle(ended.kind, cycle)
        return ended

    def _next_in_cycle(self, ended: str, cycle: HoldCycle) -> None:
        if not cycle.lower_seconds or not cycle.hold_seconds:
            return
        if ended == "hold" and self.held_reps < cycle.top_reps:
            label = f"Lower, next hold ({self.held_reps} done)"
            self.start(cycle.lower_seconds, label, "lower")
        elif ended == "lower":
            hold = cycle.hold_seconds
            self.start(hold, f"Hold {hold} s ({self.held_reps} done)", "hold")
