"""The export formats: glutetui's own CSV, the JSON backup, and Strong's CSV."""

from __future__ import annotations

from dataclasses import dataclass

from glutetui.cli import backup
from glutetui.cli.exporting import glutetui, strong

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

    from glutetui.model import Session


@dataclass(frozen=True)
class ExportFormat:
    """One format ``glutetui export`` writes."""

    write: Callable[[Sequence[Session], TextIO, str | None, str], int]
    """``(sessions, out, exercise, unit)`` -> how many :attr:`counts` were written."""
    counts: str
    """What the number written counts: ``row`` or ``session``."""
    help: str


def _backup(sessions: Sequence[Session], out: TextIO, exercise: str | None, unit: str) -> int:
    # Whole sessions: a backup of part of a session would restore as a different one.
    return backup.write_backup(sorted(sessions, key=lambda s: (s.started_at, s.id)), out)


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(
        glutetui.write_csv,
        "row",
        "a row per set and side: loads with their unit, the set's kind (for spreadsheets)",
    ),
    "json": ExportFormat(
        _backup,
        "session",
        "a complete backup: every session with everything its log file holds, which "
        "`glutetui import` restores exactly",
    ),
    "strong": ExportFormat(
        strong.write_strong,
        "row",
        "Strong's CSV layout, every load in your `units` setting (kg or lb), plus Side, "
        "Band and Session ID columns",
    ),
}
"""Format name -> how it is written. CSV and Strong write a row per set and side (a per-side
set is two rows, one set); JSON writes whole sessions."""

EXPORT_FORMATS = tuple(FORMATS)


def write_export(
    fmt: str, sessions: Sequence[Session], out: TextIO, exercise: str | None, unit: str
) -> int:
    """Write ``sessions`` (only ``exercise``'s sets if given, in the row formats) to ``out``
    in ``fmt``; returns how many rows (or sessions) were written."""
    return FORMATS[fmt].write(sessions, out, exercise, unit)
