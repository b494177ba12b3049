"""The session screen's clocks: the rest, switch-sides and hold countdowns, and a timed set's
timer, polled together by one tick and drawn beside the step.

The countdowns themselves and the hold cycle are plain objects on the app's clock
(:class:`~glutetui.workout.pauses.Pauses`, :class:`~glutetui.workout.set_timer.SetTimer`); this
module only connects them to the screen: it rings, fills the reps or seconds field, and redraws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.tui.dialogs import PausedDialog
from glutetui.tui.widgets.countdown import CountdownPanel
from glutetui.tui.widgets.number_picker import NumberPicker
from glutetui.tui.widgets.set_timer_panel import SetTimerPanel
from glutetui.workout.pauses import HoldCycle

if TYPE_CHECKING:
    from glutetui.tui.screens.session import SessionScreen


def show_countdown(screen: SessionScreen) -> None:
    """Draw the countdown running now, or what the last one's end means."""
    pauses = screen.pauses
    screen.query_one(CountdownPanel).show(pauses.countdown, pauses.hint(), pauses.over)


def changed(screen: SessionScreen) -> None:
    """A countdown started, stopped or ended: the keys that act on it change, and so does
    what the panel shows."""
    screen.refresh_bindings()
    show_countdown(screen)


def tick(screen: SessionScreen) -> None:
    """Poll the countdowns: ring once when one ends (even if the clock jumped), then redraw."""
    held = screen.query_one(SetTimerPanel).poll()
    if held is not None:  # a timed set's count-down reached its target
        fill_seconds(screen, held, ring=True)
    pauses = screen.pauses
    ended = pauses.poll(hold_cycle(screen))
    if ended is not None:
        settings = screen.settings
        if ended.elapsed and (settings.hold_cue if ended.holding else settings.bell):
            screen.app.bell()
        if ended.held_rep:  # each hold that ran to its end is a rep
            screen.query_one("#reps", NumberPicker).set_value(pauses.held_reps)
        changed(screen)
    elif pauses.countdown is not None:
        show_countdown(screen)


def hold_cycle(screen: SessionScreen) -> HoldCycle | None:
    """The hold cycle of the set on screen, if it has a hold."""
    runner = screen.runner
    step = runner.current
    if step is None or step.kind != "set":
        return None
    item = runner.item(step)
    if not item.hold_seconds:
        return None
    return HoldCycle(item.hold_seconds, screen.settings.hold_lower_seconds, item.reps[1])


def pause(screen: SessionScreen) -> None:
    """Stop the countdown and a timed set's timer until the pause dialog is closed."""
    countdown = screen.pauses.countdown
    if countdown is not None:
        countdown.pause()
    show_countdown(screen)
    panel = screen.query_one(SetTimerPanel)
    timing = panel.pause()

    def resumed(_: None) -> None:
        if countdown is not None:
            countdown.resume()
        show_countdown(screen)
        if timing:
            panel.toggle()

    screen.app.push_screen(PausedDialog(), resumed)


def time_set(screen: SessionScreen) -> None:
    """Start a timed set's timer (the rest is over), or stop it and fill in the seconds held."""
    panel = screen.query_one(SetTimerPanel)
    if panel.timer is None:
        return
    if screen.pauses.countdown is not None:  # the set starts now: the rest is over
        screen.pauses.stop()
        changed(screen)
    held = panel.toggle()
    if held is not None:
        fill_seconds(screen, held, ring=False)


def fill_seconds(screen: SessionScreen, held: int, *, ring: bool) -> None:
    """Put the seconds the timer measured in the seconds field (changeable before logging)."""
    picker = screen.query_one("#seconds", NumberPicker)
    picker.set_value(held)
    picker.focus()
    if ring and screen.settings.bell:
        screen.app.bell()
