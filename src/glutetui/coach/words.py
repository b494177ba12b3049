"""The coach's suggestions and history in words, for the screens and the command line."""

from __future__ import annotations

from collections.abc import Mapping

from glutetui.coach.history import Outing
from glutetui.coach.ladder import describe_load
from glutetui.coach.policy import Suggestion
from glutetui.coach.zones import describe_pain
from glutetui.figures import format_effort
from glutetui.settings import Settings
from glutetui.text import neutralise

DIRECTION_WORDS = {"up": "↑ up", "same": "= same", "down": "↓ down"}
"""A direction with a sign, so it reads without colour."""


def _by_side(sides: Mapping[str, tuple[str, ...]]) -> str:
    if set(sides) == {"left", "right"} and sides["left"] == sides["right"]:
        return "each side " + ", ".join(sides["left"])
    return " · ".join(
        f"{side} {', '.join(sides[side])}" if side != "both" else ", ".join(sides[side])
        for side in ("left", "right", "both")
        if side in sides
    )


def _done(outing: Outing) -> str:
    """``each side 15, 15 reps``; for a timed exercise ``left 25 s · right 22 s``."""
    if outing.seconds and not any(any(r) for r in outing.reps.values()):
        return _by_side(
            {
                side: tuple(format_effort(0, s) for s in held)
                for side, held in outing.seconds.items()
            }
        )
    return _by_side({side: tuple(map(str, done)) for side, done in outing.reps.items()}) + " reps"


def last_time(outing: Outing, settings: Settings) -> str:
    """``Last time, 28 Nov: each side 15, 15 · yellow band at the knees · pain 2 – fine``."""
    parts = [
        _done(outing),
        describe_load(outing.rung),
        describe_pain(outing.pain, settings),
    ]
    if outing.morning is not None and outing.morning.compared is not None:
        parts.append(f"next morning {outing.morning.compared}")
    return f"Last time, {outing.started_at.astimezone():%d %b}: " + " · ".join(parts)


def suggestion_lines(
    suggestion: Suggestion, dose: str, outing: Outing | None, settings: Settings
) -> list[str]:
    """The coach's suggestion, last time, the reason and any notice, one line each; text that
    came from a plugin is made safe to show."""
    head = f"Coach {DIRECTION_WORDS[suggestion.direction]}: {neutralise(dose)}"
    if suggestion.variant is not None:
        head += f" (or try {neutralise(suggestion.variant)})"
    if suggestion.lead_side is not None:
        head += f", {suggestion.lead_side} side first"
    lines = [head, last_time(outing, settings) if outing else "Last time: not done yet"]
    lines.append(f"Why: {neutralise(suggestion.reason)}")
    if suggestion.notice:
        lines.append(f"Please note: {neutralise(suggestion.notice)}")
    return lines
