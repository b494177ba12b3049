"""What the commands print: lines, tables and JSON on stdout; warnings on stderr.

Every line goes out through :func:`glutetui.text.neutralise` (JSON through
:func:`glutetui.text.json_safe`): names, notes, paths and messages come from files and plugins,
and a control character among them must never reach the terminal.
"""

from __future__ import annotations

import sys

from glutetui.text import json_safe, neutralise, neutralise_lines

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO


def echo(text: str = "", *, err: bool = False) -> None:
    """Lines to standard output (or standard error), neutralised."""
    print(neutralise_lines(text), file=sys.stderr if err else sys.stdout)


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    wide: bool = False,
    wrap: Sequence[str] = (),
    drop: Sequence[str] = (),
) -> None:
    """Columns padded to their widest cell, under upper-case headers, fitted to the terminal
    (see :mod:`glutetui.cli.table`): ``wrap`` columns wrap, ``drop`` columns go if they must;
    ``wide`` (or a pipe) prints every column whole."""
    from glutetui.cli.table import fit, terminal_width

    rows = [[neutralise(c) for c in row] for row in rows]
    for line in fit(headers, rows, None if wide else terminal_width(), wrap=wrap, drop=drop):
        print(line)


def print_json(value: object) -> None:
    """``value`` as indented JSON, non-ASCII kept as it is."""
    import json

    print(json_safe(json.dumps(value, indent=2, ensure_ascii=False)))


def warn_plugin_problems(problems: Sequence[tuple[str, str]]) -> None:
    """One line on stderr per ``(plugin name, reason)``."""
    # stderr, not stdout: a broken plugin must not end up in piped output.
    for name, reason in problems:
        echo(
            f"glutetui: plugin {neutralise(name)!r}: {neutralise(reason)} (see `glutetui plugins`)",
            err=True,
        )


class NeutralisedOutput:
    """A text stream that neutralises every line written to it (line breaks kept): for an
    export written to standard output, which may well be a terminal."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        """Write ``text`` neutralised; returns the length of what was given, as streams do."""
        self._out.write(neutralise_lines(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self._out.flush()
