"""Adherence in words, for the log's Consistency tab: the programme's sessions done of planned.

The figures are :mod:`glutetui.coach.adherence`'s, worked out by
:func:`glutetui.coach.programmes_context.load_context` exactly as ``glutetui log --adherence``
and the report work them out.
"""

from __future__ import annotations

from datetime import date

from glutetui.coach.adherence import Adherence
from glutetui.paths import Paths
from glutetui.text import neutralise

WEEKS_SHOWN = 8
"""Programme weeks listed one by one; the overall figure covers every week."""


def adherence_lines(name: str, adherence: Adherence) -> list[str]:
    """The programme's adherence overall, this week, and week by week (the latest weeks)."""
    lines = [
        f"Programme: {neutralise(name)}. Adherence: {adherence.done} of {adherence.planned} "
        f"planned sessions done ({adherence.share:.0%})"
    ]
    if adherence.weeks:
        now = adherence.weeks[-1]
        lines.append(f"This programme week: {now.done} of {now.planned} planned so far")
        shown = adherence.weeks[-WEEKS_SHOWN:]
        lines.append(
            "Done of planned, week by week: "
            + ", ".join(f"week {w.week + 1} {w.done}/{w.planned}" for w in shown)
        )
    return lines


def read_adherence_lines(paths: Paths, today: date) -> list[str]:
    """The lines for the programme followed on ``today``; none without a programme.

    A damaged programme state is said in one line instead (the tab has other figures to show).
    """
    from glutetui.coach.programmes_context import load_context
    from glutetui.errors import GlutetuiError

    try:
        context = load_context(paths, today)
    except GlutetuiError as exc:
        return [f"Programme adherence cannot be shown: {neutralise(exc)}"]
    if context.programme is None or context.position is None:
        return []
    return adherence_lines(context.programme.name, context.position.adherence)
