"""Time, injected: wall time for what gets logged, a monotonic clock for timers.

Timers read :meth:`Clock.monotonic` rather than counting ticks, so a stalled event loop or a
suspended laptop never makes them drift; tests pass a :class:`FakeClock` and never sleep.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What glutetui needs to know about time."""

    def now(self) -> datetime:
        """Timezone-aware local wall time (what is written to the log)."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never goes backwards (what timers count)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Local time with its UTC offset."""
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        """:func:`time.monotonic`."""
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to; for tests and benchmarks."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 23, 18, 0).astimezone()
        self._mono = 1000.0

    def now(self) -> datetime:
        """The fake wall time."""
        return self._now

    def monotonic(self) -> float:
        """The fake monotonic time."""
        return self._mono

    def advance(self, seconds: float) -> None:
        """Move both clocks forward by ``seconds`` (a jump, as after a suspend)."""
        self._mono += seconds
        self._now += timedelta(seconds=seconds)
