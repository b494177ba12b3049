"""Progress of the few reads that take a while (a cold log): when to show it, and on stderr.

:class:`Pacer` decides when a ``progress(done, total)`` report is worth showing, for the
command line's bar here and the app's (``glutetui.tui.widgets.read_progress``) alike: not
before the work has taken :data:`DELAY` seconds (most reads are quick, and a bar that flashes
for a moment is noise), then at most every :data:`REDRAW` seconds, and always the last count.

Pass a :class:`ProgressBar` wherever such a callback is taken, such as
:meth:`glutetui.log.LogStore.summaries`::

    with ProgressBar("Reading the log") as bar:
        found = store.summaries(limit=20, progress=bar)

It stays silent unless the stream is a terminal (piped output and logs get no control
characters); the line is cleared when it closes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

DELAY = 0.5
"""Seconds of work before the bar shows."""
REDRAW = 0.1
"""At most one redraw per this many seconds: drawing must not slow what it reports on."""


class Pacer:
    """Whether a progress report is worth showing now (see the module docstring)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, delay: float = DELAY) -> None:
        self.clock = clock
        self.delay = delay
        self._started = clock()
        self._shown_at: float | None = None

    def due(self, done: int, total: int) -> bool:
        """Whether to show ``done`` of ``total`` now; a ``True`` counts as shown."""
        if total <= 0:
            return False
        now = self.clock()
        if now - self._started < self.delay:
            return False
        if self._shown_at is not None and now - self._shown_at < REDRAW and done < total:
            return False
        self._shown_at = now
        return True


class ProgressBar:
    """``label [#####-----] done/total`` on ``stream`` (default stderr), redrawn in place."""

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float = DELAY,
        width: int = 60,
    ) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self._pacer = Pacer(clock, delay)
        self._drawn = ""
        isatty = getattr(self.stream, "isatty", None)
        self._terminal = bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        """Report ``done`` of ``total``; draws only on a terminal, after the delay."""
        if self._terminal and self._pacer.due(done, total):
            self._draw(self.line(done, total))

    def line(self, done: int, total: int) -> str:
        """The bar's text for ``done`` of ``total``."""
        done = max(0, min(done, total))
        counts = f"{done:,}/{total:,}"
        room = max(10, self.width - len(self.label) - len(counts) - 4)
        filled = room * done // total
        return f"{self.label} [{'#' * filled}{'-' * (room - filled)}] {counts}"

    def _draw(self, text: str) -> None:
        pad = " " * max(0, len(self._drawn) - len(text))
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()
        self._drawn = text

    def close(self) -> None:
        """Clear the bar's line, if it was drawn, so what is printed next starts clean."""
        if self._drawn:
            self.stream.write("\r" + " " * len(self._drawn) + "\r")
            self.stream.flush()
            self._drawn = ""

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
