"""``glutetui log``: recent sessions, or with ``--check`` the log files that cannot be read.

Served from the store's summary index; only the rows shown are decoded, so the newest twenty
cost about the same with ten years of sessions as with none.
"""

from __future__ import annotations

import argparse

from glutetui.cli.output import echo, print_json, print_table
from glutetui.cli.selection import date_arg, row_matcher
from glutetui.store import LogStore

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.paths import Paths
    from glutetui.store import SessionRow


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
    p.set_defaults(handler=cmd_log)


def _row_duration(row: SessionRow) -> str:
    if row.ended_at is None:
        return "-"
    minutes = round((row.ended_at - row.started_at).total_seconds() / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d}"


def _check(store: LogStore) -> int:
    """``--check``: each unreadable file with its reason; 1 if there is any."""
    found = store.summaries(limit=0)
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


def cmd_log(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui log``: the newest sessions as a table or JSON."""
    store = LogStore(paths)
    if args.check:
        return _check(store)
    found = store.summaries(limit=args.limit or None, where=row_matcher(args.since, args.exercise))
    chosen = found.rows
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "started_at": r.started_at.isoformat(),
                    "ended_at": None if r.ended_at is None else r.ended_at.isoformat(),
                    "status": r.status,
                    "exercises": [i for i, _ in r.exercises],
                    "sets": r.entries,
                    "reps": r.reps,
                    "pain": r.max_pain,
                }
                for r in chosen
            ]
        )
    else:
        rows = []
        for r in chosen:
            names = [n for _, n in r.exercises]
            shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
            rows.append(
                [
                    f"{r.started_at.astimezone():%Y-%m-%d %H:%M}",
                    _row_duration(r),
                    shown or "-",
                    str(r.entries),
                    str(r.reps),
                    "-" if r.max_pain is None else str(r.max_pain),
                    "" if r.status == "complete" else r.status,
                ]
            )
        if rows:
            print_table(["date", "duration", "exercises", "sets", "reps", "pain", "status"], rows)
        else:
            echo("no sessions match" if found.count else "no sessions logged yet", err=True)
    if found.problems:
        echo(
            f"glutetui: {len(found.problems)} log file(s) cannot be read (see `glutetui log --check`)",
            err=True,
        )
    return 0
