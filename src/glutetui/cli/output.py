"""What the commands print: lines, tables and JSON on stdout; warnings on stderr."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Sequence


def echo(text: str = "", *, err: bool = False) -> None:
    """One line to standard output (or standard error)."""
    print(text, file=sys.stderr if err else sys.stdout)


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

    for line in fit(headers, rows, None if wide else terminal_width(), wrap=wrap, drop=drop):
        print(line)


def print_json(value: object) -> None:
    """``value`` as indented JSON, non-ASCII kept as it is."""
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def warn_plugin_problems(problems: Sequence[tuple[str, str]]) -> None:
    """One line on stderr per ``(plugin name, reason)``."""
    # stderr, not stdout: a broken plugin must not end up in piped output.
    for name, reason in problems:
        print(f"glutetui: plugin {name!r}: {reason} (see `glutetui plugins`)", file=sys.stderr)
