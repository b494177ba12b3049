"""Strong's CSV layout, so a glutetui log can move to apps that read Strong exports.

Strong has no column for a side or a band: the side gets a ``Side`` column of its own (which
``glutetui import`` reads back) and a band colour goes into the set's notes.
"""

from __future__ import annotations

import csv

from glutetui.cli.selection import exercise_ids

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

    from glutetui.model import Session

COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side",
)  # fmt: skip


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _duration(session: Session) -> str:
    """Strong's way of writing a workout's length: ``48m``, ``1h 5m``."""
    if session.ended_at is None:
        return ""
    minutes = max(0, round((session.ended_at - session.started_at).total_seconds() / 60))
    h, m = divmod(minutes, 60)
    return f"{h}h {m}m" if h else f"{m}m"


def write_strong(sessions: Sequence[Session], out: TextIO, exercise: str | None = None) -> int:
    """``sessions`` as a Strong CSV export to ``out``; returns the number of rows (sets)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for s in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        names = {e.exercise_id: e.name for e in s.exercises}
        only = exercise_ids(s, exercise)
        workout = s.routine_id or "glutetui"
        for x in s.sets:
            if only is not None and x.exercise_id not in only:
                continue
            note = x.note
            if x.unit and x.unit not in ("kg", "lb", "lbs"):
                note = f"{x.unit}; {note}" if note else x.unit  # a band colour has no column
            writer.writerow(
                [
                    f"{s.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                    workout,
                    _duration(s),
                    names.get(x.exercise_id, x.exercise_id),
                    "W" if x.warmup else str(x.set_number),
                    _num(x.load) if x.load is not None else "0",
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
