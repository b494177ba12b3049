"""Text made safe where it goes: control characters out of the log and the screen, formulas
out of spreadsheets.

Text that glutetui did not write itself (session files, imports, file names, plugin strings,
settings) is shown with :func:`neutralise`: on a screen, in a toast, in a table, in every line
the command line prints. It is the one function that decides; :func:`neutralise_lines` keeps
line breaks for output that has several lines (a CSV on stdout) and :func:`json_safe` writes the
same characters as JSON escapes, so JSON stays exact and still cannot move a terminal.

A note in another app's export (or a hand-edited file) can hold terminal escape sequences, a
bell, NUL bytes or bidirectional overrides that make text read differently from what it is.
:func:`strip_controls` is the one place that decides what goes: every import runs text through
it before it reaches the log, and screens can run text through :func:`neutralise` before
showing it. A note that starts with ``=`` is a formula to a spreadsheet opening an export:
every text cell of a CSV export goes through :func:`inert_cell`.
"""

from __future__ import annotations

import functools
import re

_CONTROL_CLASS = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates, and
lone surrogates (a file name that is not valid UTF-8 reaches Python with them)."""


@functools.cache
def _controls() -> re.Pattern[str]:
    """:data:`_CONTROL_CLASS`, compiled the first time text needs it: compiling costs every run
    of the command line (a cached ``glutetui due``) a few milliseconds, and most never need it."""
    return re.compile(_CONTROL_CLASS)


def _is_surrogate(char: str) -> bool:
    """A lone surrogate: shown as the replacement character, so a file name keeps its length."""
    return "\ud800" <= char <= "\udfff"


_SPACES = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
"""Controls that separate words (tabs, line and paragraph breaks): they become one space."""


def _replace(match: re.Match[str]) -> str:
    found = match.group()
    if found in _SPACES:
        return " "
    return "\ufffd" if _is_surrogate(found) else ""


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many there were.

    Tabs and line breaks become spaces, so the words on either side stay apart; every other
    control character (escape, bell, NUL, bidirectional overrides, ...) is removed, which
    leaves the rest of an escape sequence as harmless printable text. A lone surrogate becomes
    U+FFFD.
    """
    if text.isprintable():  # the common case, without a regex (also true of "")
        return text, 0
    controls = _controls()
    found = len(controls.findall(text))
    if not found:  # non-printable for another reason, such as a narrow no-break space
        return text, 0
    return controls.sub(_replace, text), found


def neutralise(text: object) -> str:
    """``text`` (or ``str(text)``, for a path or an exception) on one line without control
    characters (see :func:`strip_controls`): safe to show on a terminal, in any widget."""
    return strip_controls(text if isinstance(text, str) else str(text))[0]


def neutralise_lines(text: str) -> str:
    """``text`` with each line neutralised and its line breaks (``\\n``, ``\\r\\n``) kept."""
    if text.isprintable():
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        crlf = line.endswith("\r")
        lines[i] = neutralise(line[:-1] if crlf else line) + ("\r" if crlf else "")
    return "\n".join(lines)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What :func:`json.dumps` with ``ensure_ascii=False`` leaves raw though a terminal acts on it
(it already escapes C0 controls)."""


def json_safe(text: str) -> str:
    """JSON text (from :func:`json.dumps`) with DEL, C1 controls, bidirectional controls and lone
    surrogates written as ``\\uXXXX`` escapes: the same JSON value, nothing a terminal acts on."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
