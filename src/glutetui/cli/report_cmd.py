"""``glutetui report``: a report to take to the physiotherapist, as HTML or PDF.

Needs matplotlib (``pip install 'glutetui[report]'``); without it the command says so and how
to install it. Nothing here is imported by any other command.
"""

from __future__ import annotations

import argparse
import os
import sys

from glutetui.cli.output import echo
from glutetui.cli.selection import date_arg
from glutetui.errors import GlutetuiError

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.paths import Paths

INSTALL_HINT = (
    "glutetui report draws its charts with matplotlib, which is not installed here; "
    "install it with: pip install 'glutetui[report]'"
)
FORMATS = ("html", "pdf")


def configure_report(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui report``."""
    p.add_argument(
        "--since",
        metavar="DATE",
        type=date_arg,
        help="from DATE (YYYY-MM-DD; default: the programme's start, else 12 weeks back)",
    )
    p.add_argument("--format", choices=FORMATS, help="html or pdf (default: from -o, else html)")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: glutetui-report-DATE.FORMAT here; - for stdout)",
    )
    p.set_defaults(handler=cmd_report)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        suffix = os.path.splitext(args.output)[1].lower().lstrip(".")
        if suffix in FORMATS:
            return str(suffix)
    return "html"


def cmd_report(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui report``."""
    try:
        import matplotlib  # noqa: F401 - only to learn whether it is there
    except ImportError:
        echo(f"glutetui: {INSTALL_HINT}", err=True)
        return 1
    from glutetui.clock import SystemClock
    from glutetui.report.build import gather

    now = SystemClock().now()
    today = now.date()
    if args.since is not None and args.since > today:
        raise GlutetuiError(f"--since {args.since.isoformat()} is in the future")
    data = gather(paths, today, args.since)
    kind = _format(args)
    generated = f"{now:%Y-%m-%d %H:%M}"
    if kind == "pdf":
        from glutetui.report.pdf import render as render_pdf

        payload = render_pdf(data, generated)
    else:
        from glutetui.report.html import render as render_html

        payload = render_html(data, generated).encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(payload)
        return 0
    target = args.output or f"glutetui-report-{today.isoformat()}.{kind}"
    from glutetui.fsutil import write_atomic

    try:
        write_atomic(target, payload)
    except OSError as exc:
        raise GlutetuiError(f"cannot write {target}: {exc.strerror or exc}") from exc
    echo(
        f"Wrote {target} ({data.sessions} sessions from {data.since.isoformat()} to {data.until.isoformat()})"
    )
    return 0
