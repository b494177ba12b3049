"""Strong's CSV layout, so a glutetui log can move to apps that read Strong exports.

Strong's ``Weight`` column has no unit: every load is written in one unit, the person's
``units`` setting. Strong has no column for a side, a band or a session's id, so three are
added after its own (other apps ignore them; ``glutetui import`` reads them back): ``Side``,
``Band`` (the colour; its load, if any, stays in ``Weight`` as logged) and ``Session ID``, so
importing the file into the log it came from finds every session already there.
"""

from __future__ import annotations

import csv

from glutetui.cli.importing.strong import OWN_WORKOUT
from glutetui.cli.selection import select_sets
from glutetui.figures import BAND_PREFIX, format_number, is_band, load_in, session_duration
from glutetui.text import inert_cell

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import timedelta
    from typing import TextIO

    from glutetui.model import Session, SetResult

COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side", "Band", "Session ID",
)  # fmt: skip
EXTRA = ("Side", "Band", "Session ID")
"""The columns glutetui adds to Strong's."""
_ORDER = {"warm-up": "W", "drop": "D", "failure": "F"}
"""How Strong's ``Set Order`` writes a set of each kind but work (which gets its number)."""


def duration_text(length: timedelta | None) -> str:
    """A workout's length the way Strong writes it: ``48m``, ``1h 5m``; empty when unknown."""
    if length is None:
        return ""
    h, m = divmod(round(length.total_seconds() / 60), 60)
    return f"{h}h {m}m" if h else f"{m}m"


def _weight(x: SetResult, unit: str) -> str:
    """The set's load in ``unit`` (a band's load as logged); ``0`` for none, as Strong has it."""
    load = x.load if is_band(x.unit) else load_in(x, unit)
    return format_number(load) or "0"


def write_strong(sessions: Sequence[Session], out: TextIO, exercise: str | None, unit: str) -> int:
    """``sessions`` as a Strong CSV export to ``out``, every weight in ``unit``; returns the
    number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for s, x in select_sets(sessions, exercise):
        entry = s.exercise(x.exercise_id)
        band = x.unit.removeprefix(BAND_PREFIX) if x.unit and is_band(x.unit) else ""
        writer.writerow(
            [
                f"{s.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                inert_cell(s.routine_id or OWN_WORKOUT),
                duration_text(session_duration(s)),
                inert_cell(entry.name if entry and entry.name else x.exercise_id),
                _ORDER.get(x.kind) or str(x.set_number),
                _weight(x, unit),
                str(x.reps),
                "0",
                str(x.seconds or 0),
                inert_cell(x.note),
                inert_cell(s.note),
                "" if x.rpe is None else str(x.rpe),
                x.side or "",
                inert_cell(band),
                s.id,
            ]
        )
        n += 1
    return n
