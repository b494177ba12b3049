"""glutetui's own CSV export: one row per set and side, read back by ``glutetui import``.

Text cells go through :func:`glutetui.text.inert_cell`, so a note that starts with ``=`` is
not run by a spreadsheet; ``glutetui import`` reads them back as they were.
"""

from __future__ import annotations

import csv

from glutetui.cli.selection import select_sets
from glutetui.figures import format_number
from glutetui.text import inert_cell

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import Any, TextIO

    from glutetui.model import Session

COLUMNS = (
    "date", "session_id", "exercise_id", "exercise_name", "set", "side", "reps", "load", "unit",
    "rpe", "pain", "note", "warmup", "finished_at", "ended_at", "kind", "seconds",
)  # fmt: skip
"""The export's columns; ``date`` is the session's start with its UTC offset, ``unit`` the
load's (``kg``, ``lb`` or ``band:<colour>``), ``kind`` the set's (``warm-up``, ``work``,
``drop`` or ``failure``), ``seconds`` how long it lasted, if that was logged."""


def export_rows(
    sessions: Iterable[Session], exercise: str | None = None
) -> Iterator[dict[str, Any]]:
    """One dict per set and side, oldest session first, with typed values (``None`` for blanks)."""
    for s, x in select_sets(sessions, exercise):
        entry = s.exercise(x.exercise_id)
        yield {
            "date": s.started_at.isoformat(),
            "session_id": s.id,
            "exercise_id": x.exercise_id,
            "exercise_name": entry.name if entry and entry.name else x.exercise_id,
            "set": x.set_number,
            "side": x.side,
            "reps": x.reps,
            "load": x.load,
            "unit": x.unit,
            "rpe": x.rpe,
            "pain": None if entry is None else entry.pain,
            "note": x.note,
            "warmup": x.warmup,
            "finished_at": None if x.finished_at is None else x.finished_at.isoformat(),
            "ended_at": None if s.ended_at is None else s.ended_at.isoformat(),
            "kind": x.kind,
            "seconds": x.seconds,
        }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, str):
        return inert_cell(value)
    return str(value)


def write_csv(sessions: Sequence[Session], out: TextIO, exercise: str | None, unit: str) -> int:
    """glutetui's CSV export of ``sessions`` to ``out`` (loads in the unit they were logged
    in, not ``unit``); returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in export_rows(sessions, exercise):
        writer.writerow([_cell(row[c]) for c in COLUMNS])
        n += 1
    return n
