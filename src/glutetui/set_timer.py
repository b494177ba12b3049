"""The timer of a timed set (a side plank, an isometric hold): it measures the seconds to log.

A :class:`SetTimer` counts down to the set's target (the default) or up from zero, on an
injected :class:`~glutetui.clock.Clock`'s monotonic time like :class:`~glutetui.timer.Countdown`:
it keeps a start and works out the time whenever it is asked, so a busy event loop or a laptop
waking from sleep never makes it drift, and tests drive it with a fake clock instead of sleeping.

It ends in one of two ways: a count-down reaches its target on its own, or the person stops it
(a count-up only ends that way, or at :data:`~glutetui.timer.MAX_SECONDS`). Either way
:meth:`SetTimer.poll` or :meth:`SetTimer.stop` hands over the whole seconds held, exactly once,
for the screen to put in the seconds field.
"""

from __future__ import annotations

import math
from typing import Literal

from glutetui.clock import Clock
from glutetui.timer import MAX_SECONDS

TimerMode = Literal["down", "up"]
"""``down`` to the target, or ``up`` from zero until stopped."""


class SetTimer:
    """Times one set: :meth:`start`, then :meth:`poll` now and then, or :meth:`stop`."""

    def __init__(self, target: int, clock: Clock, *, mode: TimerMode = "down") -> None:
        if (
            isinstance(target, bool)
            or not isinstance(target, int)
            or not 1 <= target <= MAX_SECONDS
        ):
            raise ValueError(f"a set timer needs a target of 1 to {MAX_SECONDS} s, not {target!r}")
        self.target = target
        """The seconds a count-down runs to."""
        self.clock = clock
        self.mode: TimerMode = mode
        self._started: float | None = None
        self._held = 0.0
        """Time counted before the last pause (or in all, once ended)."""
        self._ended = False
        self._reported = False

    # ---- reading

    @property
    def running(self) -> bool:
        """Started, not paused, not ended."""
        return self._started is not None and not self._ended

    @property
    def idle(self) -> bool:
        """Not started yet (the mode can still be switched)."""
        return self._started is None and self._held == 0 and not self._ended

    @property
    def ended(self) -> bool:
        """Stopped, or run to its end (whether or not :meth:`poll` has said so)."""
        return self._ended or self._raw() >= self._limit

    @property
    def _limit(self) -> float:
        return float(self.target if self.mode == "down" else MAX_SECONDS)

    def _raw(self) -> float:
        running = 0.0 if self._started is None else self.clock.monotonic() - self._started
        return self._held + max(0.0, running)

    @property
    def elapsed(self) -> float:
        """Seconds held so far (never past the end)."""
        return min(self._raw(), self._limit)

    @property
    def seconds(self) -> int:
        """Whole seconds held: what gets logged (a second not completed is not counted)."""
        return math.floor(self.elapsed + 1e-9)

    @property
    def fraction_done(self) -> float:
        """How far a count-down is, 0.0 to 1.0 (a count-up against its target, capped at 1)."""
        return min(1.0, self.elapsed / self.target)

    def text(self) -> str:
        """``0:23``: the time left of a count-down (rounded up), the time held of a count-up."""
        if self.mode == "down":
            whole = math.ceil(self.target - self.elapsed - 1e-9)
        else:
            whole = self.seconds
        minutes, rest = divmod(max(0, whole), 60)
        return f"{minutes}:{rest:02d}"

    # ---- acting

    def switch_mode(self) -> TimerMode:
        """Count down ⇄ count up, before the timer is started; returns the mode now."""
        if self.idle:
            self.mode = "up" if self.mode == "down" else "down"
        return self.mode

    def start(self) -> None:
        """Start (or continue after :meth:`pause`)."""
        if self._started is None and not self.ended:
            self._started = self.clock.monotonic()

    def pause(self) -> None:
        """Stop the time without ending the set; :meth:`start` continues."""
        if self.running:
            self._held = self._raw()
            self._started = None

    def poll(self) -> int | None:
        """The seconds held, the first time this is called after the end; else ``None``."""
        if self._reported or not self.ended:
            return None
        return self._end()

    def stop(self) -> int | None:
        """End now and hand over the seconds held (``None`` if they were handed over already)."""
        if self._reported:
            return None
        return self._end()

    def _end(self) -> int:
        self._held = self.elapsed
        self._started = None
        self._ended = True
        self._reported = True
        return self.seconds
