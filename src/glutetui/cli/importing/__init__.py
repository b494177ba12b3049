"""Reading other apps' exports: one module per layout, the layout told by the file itself.

A CSV file's layout is recognised from its header (a translated Strong header from its column
order), or checked against ``--format``; its rows go to that layout's module, as typed
:class:`~.rows.Cells` checked against what the app can log. Every layout yields finished
:class:`~glutetui.model.Session` objects with ids that stay the same when the file is imported
again, and counts what it set aside: rows that record no work, and control characters taken
out of the text (:func:`glutetui.text.strip_controls`). A JSON object is glutetui's backup
(:mod:`glutetui.cli.backup`). Nothing is written here: the whole file is read and checked
before the caller writes anything.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from glutetui.cli.importing import fitnotes, glutetui, hevy, strong
from glutetui.cli.importing.drafts import Context, Layout
from glutetui.cli.importing.rows import Cells, ImportFormatError
from glutetui.errors import GlutetuiError
from glutetui.text import live_cell, strip_controls

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from glutetui.cli.names import ExerciseNames
    from glutetui.importers import Importer
    from glutetui.model import Session

__all__ = ["IMPORT_FORMATS", "ImportFormatError", "ImportResult", "detect_layout", "read_import"]

IMPORT_FORMATS = (glutetui.NAME, strong.NAME, hevy.NAME, fitnotes.NAME)
"""The built-in formats; ``strong`` stands for every Strong layout."""


class ImporterFailure(ImportFormatError):
    """A plugin's importer raised something other than :class:`ImportFormatError`."""


@dataclass(frozen=True)
class ImportResult:
    """What a file holds, read and checked, and what was set aside."""

    label: str
    """The layout, as the summary names it (``Strong 6``)."""
    sessions: list[Session]
    skipped: Mapping[str, int]
    """Reason -> rows that record no work (rest timers, empty rows)."""
    controls: int
    """Control characters taken out of the file's text."""
    problems: tuple[str, ...] = ()
    """Importers that raised while recognising the file, by name and reason (the others were
    still tried)."""


def detect_layout(
    header: Sequence[str],
    sample: Sequence[str] | None = None,
    importers: Sequence[Importer] | None = None,
    problems: list[str] | None = None,
) -> Layout | None:
    """The layout a CSV header (and its first row, ``sample``) is; ``None`` if none fits.

    ``importers`` default to the built-in ones; one that raises is added to ``problems`` by
    name and the next one is tried.
    """
    if importers is None:
        from glutetui.cli.importing.builtin import BUILTIN_IMPORTERS

        importers = BUILTIN_IMPORTERS
    columns = [h.strip() for h in header]
    for importer in importers:
        try:
            layout = importer.recognise(columns, sample)
        except Exception as exc:  # noqa: BLE001 - a plugin's bug: report it, try the others
            if problems is not None:
                problems.append(f"importer {importer.name!r} raised {_describe(exc)}")
            continue
        if layout is not None:
            return layout
    return None


def _describe(exc: BaseException) -> str:
    from glutetui.plugins.result import describe

    return describe(exc)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (a quoted cell can span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFormatError(f"line {line}: not a readable CSV file ({exc})") from None


def _table(text: str) -> tuple[str, list[tuple[int, list[str]]], int]:
    """The delimiter and the non-empty records of ``text``, with control characters taken
    out, and how many there were."""
    first = text.split("\n", 1)[0]
    # Strong 6 and an older Strong layout separate with semicolons.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    table = []
    removed = 0
    for line, cells in _records(text, delimiter):
        for i, cell in enumerate(cells):
            if not cell.isprintable():
                cells[i], n = strip_controls(cell)
                removed += n
        if any(map(str.strip, cells)):
            table.append((line, cells))
    if not table:
        raise ImportFormatError("the file is empty")
    return delimiter, table, removed


def _choose(
    header: list[str],
    sample: list[str] | None,
    fmt: str | None,
    importers: Sequence[Importer] | None,
    problems: list[str],
) -> Layout:
    layout = detect_layout(header, sample, importers, problems)
    if layout is None:
        shown = ", ".join(header[:6]) + (", ..." if len(header) > 6 else "")
        if problems:
            shown += "; " + "; ".join(problems)
        if fmt is not None:
            raise ImportFormatError(f"the header ({shown}) does not look like a {fmt} export")
        raise ImportFormatError(
            f"cannot tell the format from the header ({shown}); expected a glutetui, Strong, "
            "Hevy or FitNotes CSV export"
        )
    if fmt is not None and layout.format != fmt:
        raise ImportFormatError(
            f"the header does not look like a {fmt} export (it looks like {layout.label})"
        )
    return layout


def _cells(
    layout: Layout, header: list[str], table: list[tuple[int, list[str]]], decimal_comma: bool
) -> Iterator[Cells]:
    names = list(layout.columns or header)
    width = len(names)
    for line, cells in table:
        if len(cells) > width:
            if layout.repair is None:
                raise ImportFormatError(
                    f"line {line}: {len(cells)} cells but the header has {width}"
                )
            cells = layout.repair(cells, line)
        # glutetui's own cells are read as written (a note may end in a space); others stripped.
        cells = [live_cell(c) for c in cells] if layout.inert else [c.strip() for c in cells]
        row = dict(zip(names, cells, strict=False))
        yield Cells(row, line, decimal_comma=decimal_comma)


def read_import(
    text: str,
    fmt: str | None,
    unit: str,
    names: Callable[[], ExerciseNames],
    importers: Sequence[Importer] | None = None,
) -> ImportResult:
    """Read and check a whole export file; raises :class:`ImportFormatError` naming the line
    and column of the first value that cannot be logged.

    ``fmt`` is the format asked for (``None``: recognise it), ``unit`` the load unit for
    files that do not say, ``names`` gives the installed exercises' names, and ``importers``
    are the plugins' importers (default: the built-in ones).
    """
    ctx = Context(unit, names)
    text = text.lstrip("\ufeff")
    if text.lstrip().startswith("{"):
        from glutetui.cli import backup  # here: it reads through the log's own reader

        if fmt not in (None, glutetui.NAME):
            raise ImportFormatError(f"this is a glutetui backup, not a {fmt} export")
        sessions, removed = backup.read_backup(text)
        return ImportResult("glutetui backup", sessions, ctx.skipped, removed)
    if text.lstrip().startswith("["):
        if fmt not in (None, glutetui.NAME):
            raise ImportFormatError(
                f"this is a JSON file, which only --format glutetui reads, not {fmt}"
            )
        removed = 0
        rows = glutetui.rows_from_json(text)
        for _, row in rows:
            for key, value in row.items():
                clean, n = strip_controls(value)
                row[key] = clean.strip()
                removed += n
        cells = (Cells(row, i, place="row") for i, row in rows)
        return ImportResult("glutetui JSON", glutetui.parse(cells, ctx), ctx.skipped, removed)
    delimiter, table, removed = _table(text)
    header = [h.strip() for h in table[0][1]]
    records = table[1:]
    problems: list[str] = []
    layout = _choose(header, records[0][1] if records else None, fmt, importers, problems)
    try:
        sessions = layout.parse(_cells(layout, header, records, delimiter == ";"), ctx)
    except GlutetuiError:
        raise
    except Exception as exc:
        raise ImporterFailure(
            f"the {layout.format!r} importer failed reading the file: {_describe(exc)}"
        ) from exc
    return ImportResult(layout.label, sessions, ctx.skipped, removed, tuple(problems))
