"""The session screen's keys, and when each of them does something.

The footer and the key bar show only the keys that apply to the step on screen: ``n`` and
``t`` while a rest runs, ``h`` on a set with a hold, space and ``c`` on a timed set, ``q`` only
while something would be lost by the app's usual quit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from glutetui.tui.screens.session import SessionScreen

SESSION_BINDINGS: list[BindingType] = [
    Binding("enter", "accept", "Log", id="session-accept"),
    # Once every step is behind, enter finishes: said so in the footer rather than "Log".
    Binding("enter", "finish", "Finish", id="session-accept-finish"),
    # Shown beside the countdown rather than in the footer, which has 80 columns to share.
    Binding("n", "skip_rest", "Skip rest", id="session-skip-rest", show=False),
    Binding("t", "more_time", "+15 s", id="session-more-time", show=False),
    Binding("h", "hold", "Hold cue", id="session-hold", show=False),
    # A timed set's timer; its panel shows these keys.
    Binding("space", "time_set", "Timer", id="session-time-set", show=False),
    Binding("c", "timer_mode", "Count up/down", id="session-timer-mode", show=False),
    Binding("u", "undo", "Undo", id="session-undo"),
    Binding("m", "mark_kind", "Drop/failure", id="session-mark-kind", show=False),
    Binding("k", "skip_set", "Skip set", id="session-skip-set"),
    Binding("x", "skip_exercise", "Skip ex.", id="session-skip-exercise"),
    Binding("p", "pause", "Pause", id="session-pause"),
    Binding("f", "finish", "Finish", id="session-finish"),
    Binding("r", "retry_save", "Retry save", id="session-retry-save"),
    # Only once the session is finished but its save failed (else escape means "back to reps").
    Binding("escape", "close", "Close", id="session-close", show=False),
    Binding("escape", "focus_main", "Back to reps", show=False),
    # Only while unsaved (see key_applies): otherwise the app's own q quits as usual.
    Binding("q", "quit", "Quit", id="session-quit", show=False),
]
"""The ids are what the settings' key remaps name."""


def key_applies(screen: SessionScreen, action: str) -> bool:
    """Whether the session key bound to ``action`` does something now (else it is hidden)."""
    step = screen.runner.current
    if action in ("skip_rest", "more_time"):
        return screen.pauses.resting
    if action == "hold":
        return (
            step is not None
            and step.kind == "set"
            and bool(screen.runner.item(step).hold_seconds)
            and screen.settings.hold_cue
        )
    if action in ("time_set", "timer_mode"):
        return step is not None and step.kind == "set" and screen.runner.item(step).timed
    if action == "mark_kind":
        return step is not None and step.kind == "set" and not step.warmup
    if action == "retry_save":
        return screen.unsaved
    if action == "close":
        return screen.runner.finished
    if action == "quit":
        return screen.unsaved or screen.typed_answer() is not None
    if action in ("finish", "pause"):
        return not screen.runner.finished
    if action in ("skip_set", "skip_exercise"):
        return step is not None
    if action == "undo":
        return screen.runner.can_undo
    if action == "accept":
        return step is not None and not screen.runner.finished
    return True
