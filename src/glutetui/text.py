"""Text made safe where it goes: control characters out of the log and the screen, formulas
out of spreadsheets.

A note in another app's export (or a hand-edited file) can hold terminal escape sequences, a
bell, NUL bytes or bidirectional overrides that make text read differently from what it is.
:func:`strip_controls` is the one place that decides what goes: every import runs text through
it before it reaches the log, and screens can run text through :func:`neutralise` before
showing it. A note that starts with ``=`` is a formula to a spreadsheet opening an export:
every text cell of a CSV export goes through :func:`inert_cell`.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates."""
_SPACES = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
"""Controls that separate words (tabs, line and paragraph breaks): they become one space."""


def _replace(match: re.Match[str]) -> str:
    return " " if match.group() in _SPACES else ""


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many there were.

    Tabs and line breaks become spaces, so the words on either side stay apart; every other
    control character (escape, bell, NUL, bidirectional overrides, ...) is removed.
    """
    if text.isprintable():  # the common case, without a regex (also true of "")
        return text, 0
    found = len(_CONTROLS.findall(text))
    if not found:  # non-printable for another reason, such as a narrow no-break space
        return text, 0
    return _CONTROLS.sub(_replace, text), found


def neutralise(text: str) -> str:
    """``text`` without control characters (see :func:`strip_controls`)."""
    return strip_controls(text)[0]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell starts that a spreadsheet would run as a formula (or as a command)."""
_QUOTE = "'"


def inert_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: one that starts like a formula gets a
    leading ``'`` (and so does one that starts with ``'``, so :func:`live_cell` can undo it)."""
    return _QUOTE + text if text.startswith((*FORMULA_STARTS, _QUOTE)) else text


def live_cell(text: str) -> str:
    """The text :func:`inert_cell` was given."""
    return text[1:] if text.startswith(_QUOTE) else text
