"""Countdowns for rest, switching sides and holds, computed from an injected monotonic clock.

A :class:`Countdown` never counts ticks: it keeps a deadline on :meth:`Clock.monotonic` and
works out what is left whenever it is asked. So it stays right while another screen is open,
while the event loop is busy, or after a laptop wakes from sleep, and tests drive it with a
:class:`~glutetui.clock.FakeClock` instead of sleeping.

Whoever shows a countdown calls :meth:`Countdown.poll` now and then (a screen's interval);
``poll`` reports the end exactly once, however late it is called and however far the clock
jumped, and whether the time ran out or the person skipped it.
"""

from __future__ import annotations

import math
from typing import Literal

from glutetui.clock import Clock

EndReason = Literal["elapsed", "skipped"]

MAX_SECONDS = 60 * 60
"""No countdown runs longer than an hour, however often "+15 s" is pressed."""


class Countdown:
    """A pausable countdown of ``seconds`` on ``clock``, started on creation."""

    def __init__(self, seconds: float, clock: Clock, *, label: str = "") -> None:
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"a countdown needs a finite, non-negative duration, not {seconds!r}")
        self.clock = clock
        self.label = label
        self.total = float(min(seconds, MAX_SECONDS))
        """The full duration, including time added with :meth:`add`."""
        self._deadline = clock.monotonic() + self.total
        self._paused_remaining: float | None = None
        self._ended: EndReason | None = None
        self._reported = False

    # ---- reading

    @property
    def remaining(self) -> float:
        """Seconds left (never negative; 0 once ended)."""
        if self._ended is not None:
            return 0.0
        if self._paused_remaining is not None:
            return self._paused_remaining
        return max(0.0, self._deadline - self.clock.monotonic())

    @property
    def remaining_whole(self) -> int:
        """Seconds left rounded up, the way a countdown is shown (``0`` only at the end)."""
        return math.ceil(self.remaining - 1e-9)

    @property
    def paused(self) -> bool:
        """Paused (the time left stays put)."""
        return self._paused_remaining is not None and self._ended is None

    @property
    def ended(self) -> bool:
        """Skipped, or the time has run out (whether or not :meth:`poll` has reported it)."""
        return self._ended is not None or self.remaining <= 0

    @property
    def reason(self) -> EndReason | None:
        """Why it ended, once :meth:`poll` or :meth:`skip` has settled it."""
        return self._ended

    @property
    def fraction_done(self) -> float:
        """0.0 at the start, 1.0 at the end (for a progress bar)."""
        if self.total <= 0:
            return 1.0
        return min(1.0, max(0.0, 1 - self.remaining / self.total))

    def text(self) -> str:
        """``1:05`` (minutes and seconds left, rounded up)."""
        minutes, seconds = divmod(self.remaining_whole, 60)
        return f"{minutes}:{seconds:02d}"

    # ---- acting

    def poll(self) -> EndReason | None:
        """The reason it ended, the first time this is called after the end; else ``None``."""
        if self._reported:
            return None
        if self._ended is None and self._paused_remaining is None and self.remaining <= 0:
            self._ended = "elapsed"
        if self._ended is None:
            return None
        self._reported = True
        return self._ended

    def skip(self) -> None:
        """End now; the next :meth:`poll` reports ``"skipped"`` (unless the time had run out)."""
        if self._ended is None:
            self._ended = "elapsed" if self.remaining <= 0 else "skipped"

    def add(self, seconds: float) -> None:
        """Add time (``+15 s``); a countdown that has ended stays ended."""
        if self.ended or not math.isfinite(seconds):
            return
        room = MAX_SECONDS - self.remaining
        seconds = min(seconds, room)
        self.total += seconds
        if self._paused_remaining is not None:
            self._paused_remaining += seconds
        else:
            self._deadline += seconds

    def pause(self) -> None:
        """Stop the time; :meth:`resume` continues from the same remaining time."""
        if self._paused_remaining is None and not self.ended:
            self._paused_remaining = self.remaining

    def resume(self) -> None:
        """Continue after :meth:`pause`."""
        if self._paused_remaining is not None:
            self._deadline = self.clock.monotonic() + self._paused_remaining
            self._paused_remaining = None
