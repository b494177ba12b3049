"""``glutetui export``: every logged set, one row each, to stdout or a file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from glutetui.cli.exporting import EXPORT_FORMATS, FORMATS, write_export
from glutetui.cli.output import NeutralisedOutput, echo
from glutetui.cli.selection import date_arg, select_sessions
from glutetui.errors import GlutetuiError
from glutetui.fsutil import write_atomic
from glutetui.log import LogStore
from glutetui.progress import ProgressBar
from glutetui.text import neutralise

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths


def configure_export(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui export``."""
    described = "; ".join(f"{name}: {f.help}" for name, f in FORMATS.items())
    p.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="csv",
        help=f"output format (default csv). {described}",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--since", metavar="DATE", type=date_arg, help="only sessions from DATE (YYYY-MM-DD) on"
    )
    p.add_argument("--exercise", metavar="ID", help="only sets of this exercise (id or name)")
    p.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui export``: every logged set, one row each, or every session whole (JSON)."""
    from glutetui.settings import load_settings

    # A broken settings file gives the default unit, as the app does; the app reports it.
    unit = load_settings(paths.settings_file).settings.units
    with ProgressBar("Reading the log") as bar:
        # A backup reads every file itself: the index could miss an edit in place.
        history = LogStore(paths).history(progress=bar, fresh=True)
    sessions = list(select_sessions(history.sessions, args.since, args.exercise))
    if args.exercise and not sessions:
        # A mistyped id is otherwise an empty file and no word why.
        echo(
            f"glutetui: no logged set is of {neutralise(args.exercise)!r}"
            + (f" since {args.since}" if args.since else "")
            + " (exercise ids: `glutetui exercises`)",
            err=True,
        )
    if args.output in (None, "-"):
        # Standard output is often a terminal: no text of the log may reach it raw.
        out = NeutralisedOutput(sys.stdout)
        n = write_export(args.format, sessions, out, args.exercise, unit)  # type: ignore[arg-type]
    else:
        target = Path(args.output)
        buffer = io.StringIO()
        n = write_export(args.format, sessions, buffer, args.exercise, unit)
        try:
            # Health data: a new export file is the owner's only, and never seen half-written.
            write_atomic(target, buffer.getvalue().encode("utf-8"))
        except OSError as exc:
            raise GlutetuiError(f"cannot write {target}: {exc.strerror or exc}") from exc
        if FORMATS[args.format].counts == "session":
            echo(f"wrote {n} session(s) to {target}", err=True)
        else:
            # Rows, not sets: a per-side set is one set but a row for each side.
            echo(f"wrote {n} row(s) from {len(sessions)} session(s) to {target}", err=True)
    if history.problems:
        echo(
            f"glutetui: {len(history.problems)} log file(s) cannot be read and were left out "
            "(see `glutetui log --check`)",
            err=True,
        )
    return 0
