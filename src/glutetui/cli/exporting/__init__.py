"""The export formats: glutetui's own CSV and JSON, and Strong's CSV. One row per set and side."""

from __future__ import annotations

from glutetui.cli.exporting import glutetui, strong

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

    from glutetui.model import Session


WRITERS: dict[str, Callable[[Sequence[Session], TextIO, str | None], int]] = {
    "csv": glutetui.write_csv,
    "json": glutetui.write_json,
    "strong": strong.write_strong,
}
"""Format name -> writer of ``(sessions, out, exercise)`` returning the number of rows.

Every format writes a row per set and side: a per-side set is two rows, one set."""

EXPORT_FORMATS = tuple(WRITERS)


def write_export(
    fmt: str, sessions: Sequence[Session], out: TextIO, exercise: str | None = None
) -> int:
    """Write ``sessions`` (only ``exercise``'s sets if given) to ``out`` in ``fmt``; returns
    the number of rows."""
    return WRITERS[fmt](sessions, out, exercise)
