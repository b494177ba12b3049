"""Tables that fit the terminal: the one layout both ``glutetui exercises`` and ``glutetui log``
(and every other table the command line prints) go through.

On a terminal narrower than the table, the columns a command marks as wrappable are wrapped at
word boundaries (a cell becomes several lines) down to :data:`MIN_WRAP` characters; if that is
not enough, the columns it marks as droppable go, in its order, and the last line says which.
Piped output, or ``--wide``, is the whole table on one line per row, plain text as always.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Sequence

GAP = "  "
MIN_WRAP = 12
"""A wrapped column is never narrower than this: thinner columns read as a word a line."""


def terminal_width() -> int | None:
    """The terminal's width when standard output is one; ``None`` when piped (no limit)."""
    if not sys.stdout.isatty():
        return None
    return terminal_columns()


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` tells it (``$COLUMNS``, then
    standard output, then 80), without importing shutil: argparse would, for every argument
    added, which cost a cached ``glutetui due`` a tenth of its time."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    return [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]


def _total(widths: Sequence[int]) -> int:
    return sum(widths) + len(GAP) * max(0, len(widths) - 1)


def fit(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    *,
    wrap: Sequence[str] = (),
    drop: Sequence[str] = (),
) -> list[str]:
    """The table's lines, at most ``width`` characters wide where wrapping and dropping allow
    (``None``: as wide as it is). ``wrap`` and ``drop`` name columns by header."""
    keep = list(range(len(headers)))
    dropped: list[str] = []
    widths = _widths(headers, rows)
    if width is not None:
        for name in [None, *drop]:
            if name is not None and name in headers:
                keep.remove(headers.index(name))
                dropped.append(name)
            widths = _squeeze(
                [headers[i] for i in keep], [_widths(headers, rows)[i] for i in keep], width, wrap
            )
            if _total(widths) <= width:
                break
    else:
        widths = [widths[i] for i in keep]
    lines = [
        GAP.join(headers[i].upper().ljust(w) for i, w in zip(keep, widths, strict=True)).rstrip()
    ]
    for row in rows:
        cells = [_wrapped(row[i], w) for i, w in zip(keep, widths, strict=True)]
        for n in range(max(len(c) for c in cells)):
            parts = [
                (c[n] if n < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)
            ]
            lines.append(GAP.join(parts).rstrip())
    if dropped:
        lines.append(f"({', '.join(dropped)} left out to fit; --wide shows every column)")
    return lines


def _wrapped(cell: str, width: int) -> list[str]:
    """``cell`` as lines of at most ``width`` characters, broken at spaces."""
    if len(cell) <= width and cell.isprintable():  # most cells: textwrap would return it
        return [cell.rstrip(" ")]  # as textwrap does (it keeps leading spaces)
    import textwrap

    return textwrap.wrap(cell, width, break_long_words=True, break_on_hyphens=False) or [""]


def _squeeze(
    headers: Sequence[str], widths: Sequence[int], width: int, wrap: Sequence[str]
) -> list[int]:
    """Narrow the wrappable columns, widest first, until the table fits or none can give."""
    out = list(widths)
    wrappable = [i for i, h in enumerate(headers) if h in wrap]
    while _total(out) > width:
        candidates = [i for i in wrappable if out[i] > max(MIN_WRAP, len(headers[i]))]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: out[i])
        floor = max(MIN_WRAP, len(headers[widest]))
        out[widest] = max(floor, out[widest] - (_total(out) - width))
    return out
