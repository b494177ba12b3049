"""The command line: ``glutetui`` starts the app; sub-commands print and exit.

Sub-commands that show no screen never import textual, so they start fast and work in
pipes and scripts. Every user error ends as one ``glutetui: ...`` line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from glutetui import __version__
from glutetui.errors import GlutetuiError
from glutetui.paths import Paths

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus a hint, as every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``glutetui`` and all its sub-commands."""
    parser = _Parser(
        prog="glutetui",
        description="A terminal coach for gluteus medius strengthening. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"glutetui {__version__}")
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="where settings and logs live (default: $GLUTETUI_CONFIG_DIR, else your platform's config dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ex = sub.add_parser("exercises", help="print the exercise catalog")
    ex.add_argument("--json", action="store_true", help="machine-readable output")
    ex.add_argument("search", nargs="*", help="only exercises matching all these words")
    ex.add_argument(
        "--equipment",
        metavar="LIST",
        help="only exercises doable with this equipment, comma-separated ('none' for bodyweight only)",
    )
    ex.set_defaults(handler=cmd_exercises)

    pl = sub.add_parser("plugins", help="list plugins, what they registered, and any error")
    pl.add_argument("--json", action="store_true", help="machine-readable output")
    pl.set_defaults(handler=cmd_plugins)

    pa = sub.add_parser("paths", help="print where config, logs and cache live")
    pa.add_argument("--json", action="store_true", help="machine-readable output")
    pa.set_defaults(handler=cmd_paths)

    return parser


# --------------------------------------------------------------------------- helpers


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _warn_plugin_problems(problems: Sequence[tuple[str, str]]) -> None:
    # stderr, not stdout: a broken plugin must not end up in piped output.
    for name, reason in problems:
        print(f"glutetui: plugin {name!r}: {reason} (see `glutetui plugins`)", file=sys.stderr)


# --------------------------------------------------------------------------- commands


def cmd_exercises(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui exercises``: the catalog as a table or JSON."""
    from glutetui.equipment import display_name
    from glutetui.model import normalise_equipment_word
    from glutetui.plugins import load_plugins

    result = load_plugins()
    _warn_plugin_problems(result.problems)
    catalog = result.catalog
    have = None
    if args.equipment is not None:
        words = [w for w in args.equipment.split(",") if w.strip()]
        have = (
            []
            if [w.strip().lower() for w in words] == ["none"]
            else [normalise_equipment_word(w) for w in words]
        )
    found = catalog.search(" ".join(args.search), have)
    if args.json:
        out = [
            {
                "id": ex.id,
                "name": ex.name,
                "summary": ex.summary,
                "dose": ex.dose.describe(),
                "sets": list(ex.sets),
                "reps": list(ex.reps),
                "per_side": ex.per_side,
                "hold_seconds": ex.hold_seconds,
                "equipment": list(ex.equipment),
                "optional_equipment": list(ex.optional_equipment),
                "instructions": list(ex.instructions),
                "tags": list(ex.tags),
                "plugin": catalog.source(ex.id),
            }
            for ex in found
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    rows = []
    for ex in found:
        gear = [display_name(e) for e in ex.equipment] + [
            f"{display_name(e)} (optional)" for e in ex.optional_equipment
        ]
        rows.append(
            [ex.id, ex.name, ex.dose.describe(), ", ".join(gear) or "none", catalog.source(ex.id)]
        )
    _print_table(["id", "name", "dose", "equipment", "plugin"], rows)
    if not found:
        print("no exercise matches", file=sys.stderr)
    return 0


def cmd_plugins(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui plugins``: every plugin, its distribution, what it registered, and any error."""
    from glutetui.plugins import load_plugins

    result = load_plugins()
    if args.json:
        out = [
            {
                "name": p.name,
                "module": p.module,
                "distribution": p.distribution,
                "version": p.version,
                "status": p.status,
                "exercises": list(p.exercises),
                "routines": list(p.routines),
                "problems": list(p.problems),
            }
            for p in result.plugins
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    rows = []
    for p in result.plugins:
        dist = f"{p.distribution} {p.version}" if p.distribution else "(not installed)"
        registered = ", ".join([*p.exercises, *(f"routine:{r}" for r in p.routines)]) or "-"
        rows.append([p.name, dist, p.status, registered])
    _print_table(["plugin", "distribution", "status", "registered"], rows)
    failed = [(p.name, msg) for p in result.plugins for msg in p.problems]
    if failed:
        print()
        print(f"{len(failed)} problem(s):")
        for name, msg in failed:
            print(f"  {name}: {msg}")
    return 0


def cmd_paths(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui paths``: where everything lives."""
    items = {
        "config": paths.config_dir,
        "settings": paths.settings_file,
        "logs": paths.logs_dir,
        "trash": paths.trash_dir,
        "routines": paths.routines_dir,
        "cache": paths.cache_dir,
    }
    if args.json:
        print(json.dumps({k: str(v) for k, v in items.items()}, indent=2))
        return 0
    for key, value in items.items():
        print(f"{key:<9} {value}")
    return 0


def run_app(args: argparse.Namespace, paths: Paths) -> int:
    """Open the app (the only path that imports textual)."""
    paths.check()
    from glutetui.tui.app import run

    return run(paths)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``glutetui`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, Paths], int] = getattr(args, "handler", run_app)
    try:
        paths = Paths.resolve(args.config_dir)
        return handler(args, paths)
    except GlutetuiError as exc:
        print(f"glutetui: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `glutetui exercises | head`: the reader left; that is not an error worth a traceback.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
