"""Strong's CSV layout, so a glutetui log can move to apps that read Strong exports.

Strong has no column for a side or a band: the side gets a ``Side`` column of its own (which
``glutetui import`` reads back) and a band colour goes into the set's notes.
"""

from __future__ import annotations

import csv

from glutetui.cli.selection import select_sets
from glutetui.figures import WEIGHT_UNITS, format_number, session_duration

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import timedelta
    from typing import TextIO

    from glutetui.model import Session

COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side",
)  # fmt: skip


def duration_text(length: timedelta | None) -> str:
    """A workout's length the way Strong writes it: ``48m``, ``1h 5m``; empty when unknown."""
    if length is None:
        return ""
    h, m = divmod(round(length.total_seconds() / 60), 60)
    return f"{h}h {m}m" if h else f"{m}m"


def write_strong(sessions: Sequence[Session], out: TextIO, exercise: str | None = None) -> int:
    """``sessions`` as a Strong CSV export to ``out``; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for s, x in select_sets(sessions, exercise):
        entry = s.exercise(x.exercise_id)
        note = x.note
        if x.unit and x.unit not in WEIGHT_UNITS:
            note = f"{x.unit}; {note}" if note else x.unit  # a band colour has no column
        writer.writerow(
            [
                f"{s.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                s.routine_id or "glutetui",
                duration_text(session_duration(s)),
                x.exercise_id if entry is None else entry.name,
                "W" if x.warmup else str(x.set_number),
                format_number(x.load) or "0",
                str(x.reps),
                "0",
                "0",
                note,
                s.note,
                "" if x.rpe is None else str(x.rpe),
                x.side or "",
            ]
        )
        n += 1
    return n
