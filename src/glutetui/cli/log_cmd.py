"""``glutetui log``: recent sessions, or with ``--check`` the log files that cannot be read.

Served from the store's summary index; only the rows shown are decoded, so the newest twenty
cost about the same with ten years of sessions as with none. Sets, reps, timed seconds,
durations and start times are :mod:`glutetui.figures`' (a per-side set counts once, a start
reads in the zone it was recorded in), as on every screen.
"""

from __future__ import annotations

import argparse

from glutetui.cli.output import echo, print_json, print_table
from glutetui.cli.selection import date_arg, row_matcher
from glutetui.figures import MISSING, format_duration, format_when, format_work
from glutetui.log import LogStore
from glutetui.progress import ProgressBar

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.log import SessionRow
    from glutetui.paths import Paths


def _count_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return value


def configure_log(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui log``."""
    p.add_argument(
        "--since", metavar="DATE", type=date_arg, help="only sessions from DATE (YYYY-MM-DD) on"
    )
    p.add_argument("--exercise", metavar="ID", help="only sessions with this exercise (id or name)")
    p.add_argument(
        "--limit",
        metavar="N",
        type=_count_arg,
        default=20,
        help="at most N sessions (default 20, 0 for all)",
    )
    p.add_argument(
        "--check", action="store_true", help="list files that cannot be read; exit 1 if any"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--adherence", action="store_true", help="programme sessions done against planned, by week"
    )
    p.add_argument("--wide", action="store_true", help="every column, however wide the table")
    p.set_defaults(handler=cmd_log)


def _check(store: LogStore) -> int:
    """``--check``: each unreadable file with its reason; 1 if there is any.

    Every file is read (the index is never evidence that a file is fine: an edit in place
    can keep its stat key)."""
    with ProgressBar("Reading the log") as bar:
        found = store.summaries(limit=0, progress=bar, fresh=True)
    for p in found.problems:
        echo(f"{p.path}: {p.reason}")
    n = found.count
    if found.problems:
        echo(
            f"{len(found.problems)} file(s) cannot be read; they are left as they are "
            f"({n} other session(s) read fine)",
            err=True,
        )
        return 1
    echo(f"all {n} session file(s) can be read")
    return 0


def _as_json(row: SessionRow) -> dict[str, object]:
    return {
        "id": row.id,
        "started_at": row.started_at.isoformat(),
        "ended_at": None if row.ended_at is None else row.ended_at.isoformat(),
        "status": row.status,
        "exercises": [i for i, _ in row.exercises],
        "sets": row.sets,
        "reps": row.reps,
        "seconds": row.seconds,
        "pain": row.max_pain,
    }


def _as_cells(row: SessionRow) -> list[str]:
    names = [n for _, n in row.exercises]
    shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
    return [
        format_when(row.started_at),
        format_duration(row.duration),
        shown or MISSING,
        str(row.sets),
        format_work(row.reps, row.seconds),
        MISSING if row.max_pain is None else str(row.max_pain),
        "" if row.status == "complete" else row.status,
    ]


def cmd_log(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui log``: the newest sessions as a table or JSON."""
    if args.adherence:
        from glutetui.cli.adherence_cmd import print_adherence

        return print_adherence(paths, as_json=args.json)
    store = LogStore(paths)
    if args.check:
        return _check(store)
    where = row_matcher(args.since, args.exercise)
    with ProgressBar("Reading the log") as bar:
        found = store.summaries(limit=args.limit or None, where=where, progress=bar)
    if args.json:
        print_json([_as_json(r) for r in found.rows])
    elif found.rows:
        headers = ["date", "duration", "exercises", "sets", "reps", "pain", "status"]
        rows = [_as_cells(r) for r in found.rows]
        print_table(headers, rows, wide=args.wide, wrap=("exercises",), drop=("status",))
    else:
        echo("no sessions match" if found.count else "no sessions logged yet", err=True)
    if found.problems:
        echo(
            f"glutetui: {len(found.problems)} log file(s) cannot be read (see `glutetui log --check`)",
            err=True,
        )
    return 0
