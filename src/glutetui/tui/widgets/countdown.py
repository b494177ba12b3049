"""CountdownPanel: shows a :class:`~glutetui.timer.Countdown` (rest, switch sides, hold).

The panel only draws; the screen that owns the countdown polls it and calls :meth:`show`. The
time comes from the countdown (and so from the app's clock), never from counting refreshes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from glutetui.timer import Countdown


class CountdownPanel(Widget):
    """A label, the time left, and a bar; once a countdown is over, what that means."""

    _drawn: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="countdown-row"):
            yield Label("", classes="countdown-label")
            yield Label("", classes="countdown-time")
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=False)
        yield Label("", classes="countdown-hint")

    def show(self, countdown: Countdown | None, hint: str = "", over: str = "") -> None:
        """Draw ``countdown``; with none, say ``over`` (what the last one's end means, e.g.
        "Rest over — next set") or, with nothing to say, hide the panel."""
        self.display = countdown is not None or bool(over)
        self.set_class(countdown is None, "-over")
        if countdown is None:
            self.query_one(".countdown-label", Label).update(over)
            self.query_one(".countdown-time", Label).update("")
            self.query_one(".countdown-hint", Label).update("")
            self.set_class(False, "-paused")
            return
        paused = " (paused)" if countdown.paused else ""
        # Drawn only when something visible changed: the screen polls five times a second,
        # and every redraw is bytes down a slow link (bench/idle_bytes.py). The bar moves in
        # steps of one cell's worth, so with the seconds that is about one update a second.
        steps = max(1, self.size.width)
        state = (
            countdown.label,
            paused,
            countdown.text(),
            round(countdown.fraction_done * steps),
            hint,
        )
        if state == self._drawn:
            return
        self._drawn = state
        self.query_one(".countdown-label", Label).update(f"{countdown.label}{paused}")
        self.query_one(".countdown-time", Label).update(countdown.text())
        self.query_one(ProgressBar).update(total=1.0, progress=state[3] / steps)
        self.query_one(".countdown-hint", Label).update(hint)
        self.set_class(countdown.paused, "-paused")
