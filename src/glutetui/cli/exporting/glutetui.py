"""glutetui's own export: one row per set as CSV or JSON, read back by ``glutetui import``."""

from __future__ import annotations

import csv
import json

from glutetui.cli.selection import exercise_ids
from glutetui.figures import format_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import Any, TextIO

    from glutetui.model import Session

COLUMNS = (
    "date", "session_id", "exercise_id", "exercise_name", "set", "side", "reps", "load", "unit",
    "rpe", "pain", "note", "warmup", "finished_at", "ended_at",
)  # fmt: skip
"""The export's columns; ``date`` is the session's start with its UTC offset."""


def export_rows(
    sessions: Iterable[Session], exercise: str | None = None
) -> Iterator[dict[str, Any]]:
    """One dict per set, oldest session first, with typed values (``None`` for blanks)."""
    for s in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        names = {e.exercise_id: e.name for e in s.exercises}
        pains = {e.exercise_id: e.pain for e in s.exercises}
        only = exercise_ids(s, exercise)
        for x in s.sets:
            if only is not None and x.exercise_id not in only:
                continue
            yield {
                "date": s.started_at.isoformat(),
                "session_id": s.id,
                "exercise_id": x.exercise_id,
                "exercise_name": names.get(x.exercise_id, x.exercise_id),
                "set": x.set_number,
                "side": x.side,
                "reps": x.reps,
                "load": x.load,
                "unit": x.unit,
                "rpe": x.rpe,
                "pain": pains.get(x.exercise_id),
                "note": x.note,
                "warmup": x.warmup,
                "finished_at": None if x.finished_at is None else x.finished_at.isoformat(),
                "ended_at": None if s.ended_at is None else s.ended_at.isoformat(),
            }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def write_csv(sessions: Sequence[Session], out: TextIO, exercise: str | None = None) -> int:
    """glutetui's CSV export of ``sessions`` to ``out``; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in export_rows(sessions, exercise):
        writer.writerow([_cell(row[c]) for c in COLUMNS])
        n += 1
    return n


def write_json(sessions: Sequence[Session], out: TextIO, exercise: str | None = None) -> int:
    """glutetui's JSON export: a list of one object per row; returns their number."""
    rows = list(export_rows(sessions, exercise))
    json.dump(rows, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(rows)
