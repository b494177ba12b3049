"""Reading other apps' exports: one module per format, the format told by the file itself.

A JSON file can only be glutetui's own export; a CSV file's format is recognised from its
header (or checked against ``--format``), and its rows go to that format's module. Every
format yields finished :class:`~glutetui.model.Session` objects with ids that stay the same
when the file is imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from glutetui.cli.importing import glutetui, hevy, strong
from glutetui.cli.importing.rows import ImportFormatError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glutetui.cli.names import ExerciseNames
    from glutetui.model import Session

__all__ = ["IMPORT_FORMATS", "ImportFormatError", "detect_format", "read_import"]

_HEADERS: dict[str, Callable[[set[str]], bool]] = {
    glutetui.NAME: glutetui.looks_like,
    strong.NAME: strong.looks_like,
    hevy.NAME: hevy.looks_like,
}
"""Format name -> whether a CSV header's columns are that format's, tried in this order."""

IMPORT_FORMATS = tuple(_HEADERS)


def detect_format(header: Sequence[str]) -> str | None:
    """``glutetui``, ``strong`` or ``hevy`` from a CSV header; ``None`` if none fits."""
    columns = {h.strip() for h in header}
    return next((name for name, fits in _HEADERS.items() if fits(columns)), None)


def _table(text: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    # Strong's older exports separate with semicolons.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportFormatError(f"not a readable CSV file ({exc})") from None
    if not table:
        raise ImportFormatError("the file is empty")
    return table


def read_import(
    text: str, fmt: str | None, unit: str, names: Callable[[], ExerciseNames]
) -> tuple[str, list[Session]]:
    """Parse an export file's text; returns the format found and its sessions.

    ``fmt`` is the format asked for (``None``: recognise it), ``unit`` the load unit for
    Strong files, which do not say, and ``names`` gives the installed exercises' names.
    """
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("["):
        if fmt not in (None, glutetui.NAME):
            raise ImportFormatError(
                f"this is a JSON file, which only --format glutetui reads, not {fmt}"
            )
        return glutetui.NAME, glutetui.parse_json(stripped)
    table = _table(stripped)
    header = [h.strip() for h in table[0]]
    found = detect_format(header)
    if fmt is None:
        if found is None:
            raise ImportFormatError(
                "cannot tell the format from the header "
                f"({', '.join(header[:6])}{', ...' if len(header) > 6 else ''}); "
                "expected a glutetui, Strong or Hevy CSV export"
            )
        fmt = found
    elif found != fmt:
        raise ImportFormatError(f"the header does not look like a {fmt} export")
    rows = []
    for line, cells in enumerate(table[1:], 2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise ImportFormatError(
                f"line {line}: {len(cells)} cells but the header has {len(header)}"
            )
        rows.append((line, dict(zip(header, cells, strict=False))))
    if fmt == strong.NAME:
        return fmt, strong.parse(rows, unit, names())
    if fmt == hevy.NAME:
        return fmt, hevy.parse(rows, names())
    return fmt, glutetui.parse(rows)
