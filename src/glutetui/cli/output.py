"""What the commands print: lines, tables and JSON on stdout; warnings on stderr."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Sequence


def echo(text: str = "", *, err: bool = False) -> None:
    """One line to standard output (or standard error)."""
    print(text, file=sys.stderr if err else sys.stdout)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell, under upper-case headers."""
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def print_json(value: object) -> None:
    """``value`` as indented JSON, non-ASCII kept as it is."""
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def warn_plugin_problems(problems: Sequence[tuple[str, str]]) -> None:
    """One line on stderr per ``(plugin name, reason)``."""
    # stderr, not stdout: a broken plugin must not end up in piped output.
    for name, reason in problems:
        print(f"glutetui: plugin {name!r}: {reason} (see `glutetui plugins`)", file=sys.stderr)
