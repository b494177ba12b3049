"""SetTimerPanel: the timer of a timed set (a plank, a hold), on the session step.

It holds the step's :class:`~glutetui.set_timer.SetTimer` and draws it: whether it counts down
or up, the time, a bar, and the keys. The session screen polls it from its own interval and
puts the seconds it hands over into the seconds field; the time comes from the app's clock
(through the timer), never from counting refreshes. Styled in the session screen's
``session.tcss``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from glutetui.clock import Clock
from glutetui.set_timer import SetTimer, TimerMode

MODE_WORDS: dict[TimerMode, str] = {"down": "Count-down", "up": "Count-up"}


class SetTimerPanel(Widget):
    """The timed set's timer: ``space`` starts and stops it, ``c`` switches down/up."""

    _drawn: tuple[object, ...] = ()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timer: SetTimer | None = None
        """The timer of the set on screen; ``None`` on a step that is not timed."""
        self.mode: TimerMode = "down"
        """How the next set's timer counts: kept from set to set once switched."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="set-timer-row"):
            yield Label("", classes="set-timer-label")
            yield Label("", classes="set-timer-time")
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=False)
        yield Label("", classes="set-timer-hint")

    def reset(self, target: int | None, clock: Clock | None) -> None:
        """A fresh timer for a set of ``target`` seconds on ``clock`` (none, and the panel
        hidden, when either is ``None``)."""
        self.timer = None
        if target is not None and clock is not None:
            self.timer = SetTimer(target, clock, mode=self.mode)
        self.draw()

    def toggle(self) -> int | None:
        """Start the timer, or stop it and return the seconds held; a timer that has ended
        starts again from the beginning (a set done over)."""
        timer = self.timer
        if timer is None:
            return None
        held: int | None = None
        if timer.running:
            held = timer.stop()
        elif timer.ended:
            self.timer = SetTimer(timer.target, timer.clock, mode=self.mode)
            self.timer.start()
        else:
            timer.start()
        self.draw()
        return held

    def stop(self) -> int | None:
        """End a started timer now and return the seconds held (``None`` if it never ran or
        already handed them over)."""
        timer = self.timer
        if timer is None or timer.idle:
            return None
        held = timer.stop()
        self.draw()
        return held

    def pause(self) -> bool:
        """Hold the time while the session is paused; whether it was running."""
        if self.timer is None or not self.timer.running:
            return False
        self.timer.pause()
        self.draw()
        return True

    def switch_mode(self) -> None:
        """Count down ⇄ count up (only before the timer is started)."""
        if self.timer is not None and self.timer.idle:
            self.mode = self.timer.switch_mode()
            self.draw()

    def poll(self) -> int | None:
        """The seconds held, once, when a count-down reaches its target; redraws."""
        held = self.timer.poll() if self.timer is not None else None
        self.draw()
        return held

    def draw(self) -> None:
        """Show the timer as it stands (drawn only when something visible changed)."""
        timer = self.timer
        self.display = timer is not None
        if timer is None:
            self._drawn = ()
            return
        if timer.idle:
            state, hint = "ready", f"space: start · c: {MODE_WORDS[_other(timer.mode)].lower()}"
        elif timer.running:
            state, hint = "running", "space: stop · the seconds fill in"
        elif timer.ended:
            state, hint = "stopped", "space: time it again · enter: log"
        else:
            state, hint = "paused", "space: go on"
        steps = max(1, self.size.width)
        drawn = (timer.mode, state, timer.text(), round(timer.fraction_done * steps), hint)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        target = f" to {timer.target} s" if timer.mode == "down" else ""
        self.query_one(".set-timer-label", Label).update(
            f"{MODE_WORDS[timer.mode]}{target} ({state})"
        )
        self.query_one(".set-timer-time", Label).update(timer.text())
        self.query_one(ProgressBar).update(total=1.0, progress=drawn[3] / steps)
        self.query_one(".set-timer-hint", Label).update(hint)
        self.set_class(timer.running, "-running")


def _other(mode: TimerMode) -> TimerMode:
    return "up" if mode == "down" else "down"
