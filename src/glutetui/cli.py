"""The command line: ``glutetui`` starts the app; sub-commands print and exit.

Sub-commands that show no screen never import textual, so they start fast and work in
pipes and scripts. Every user error ends as one ``glutetui: ...`` line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from glutetui import __version__
from glutetui.errors import GlutetuiError
from glutetui.paths import Paths

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus a hint, as every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _configure_exercises(p: argparse.ArgumentParser) -> None:
    p.add_argument("search", nargs="*", help="only exercises matching all these words")
    p.add_argument(
        "--equipment",
        metavar="LIST",
        help="only exercises doable with this equipment, comma-separated ('none' for bodyweight only)",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_exercises)


def _configure_plugins(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_plugins)


def _configure_paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_paths)


COMMANDS: dict[str, tuple[str, str]] = {
    "exercises": ("print the exercise catalog", "glutetui.cli:_configure_exercises"),
    "plugins": (
        "list plugins, what they registered, and any error",
        "glutetui.cli:_configure_plugins",
    ),
    "paths": ("print where config, logs and cache live", "glutetui.cli:_configure_paths"),
    "log": (
        "print recent sessions; --check lists unreadable files",
        "glutetui.logcli:configure_log",
    ),
    "export": (
        "write every logged set as CSV, JSON or Strong CSV",
        "glutetui.logcli:configure_export",
    ),
    "import": (
        "add sessions from a glutetui, Strong or Hevy export",
        "glutetui.logcli:configure_import",
    ),
}
"""Sub-command -> (one-line help, ``module:function`` that adds its arguments and handler).

Only the chosen command's parser is built and only its module imported: building every
sub-parser up front costs more than the rest of a cached ``glutetui exercises``.
"""


def _add_config_dir(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help="where settings and logs live (default: $GLUTETUI_CONFIG_DIR, else your platform's config dir)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: global options, then a command and its own arguments."""
    listing = "\n".join(f"  {name:<12} {text}" for name, (text, _) in COMMANDS.items())
    parser = _Parser(
        prog="glutetui",
        usage="glutetui [--config-dir DIR] [COMMAND [ARGS ...]]",
        description="A terminal coach for gluteus medius strengthening. Run without a command to open the app.",
        epilog=f"commands:\n{listing}\n\n`glutetui COMMAND --help` tells more about one.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glutetui {__version__}")
    _add_config_dir(parser, None)
    parser.add_argument("command", nargs="?", metavar="COMMAND", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one sub-command (raises KeyError for an unknown one)."""
    import importlib

    text, target = COMMANDS[name]
    module_name, _, func = target.partition(":")
    parser = _Parser(prog=f"glutetui {name}", description=text[:1].upper() + text[1:] + ".")
    # Accepted after the command too (`glutetui log --config-dir X`); SUPPRESS keeps the
    # value given before the command when it is not repeated.
    _add_config_dir(parser, argparse.SUPPRESS)
    getattr(importlib.import_module(module_name), func)(parser)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse global options, then the chosen command's arguments, into one namespace."""
    top = build_parser()
    args = top.parse_args(argv)
    if args.command is None:
        if args.args:
            top.error(f"unexpected arguments: {' '.join(args.args)}")
        return args
    if args.command not in COMMANDS:
        top.error(f"unknown command {args.command!r} (choose from {', '.join(COMMANDS)})")
    return command_parser(args.command).parse_args(args.args, namespace=args)


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


def _catalog_data(paths: Paths) -> dict[str, Any]:
    from glutetui.plugins.cache import catalog_data
    from glutetui.switches import STRICT_ENV, env_flag

    return catalog_data(paths, strict=env_flag(STRICT_ENV))


def _problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["name"], msg) for p in data["plugins"] for msg in p["problems"]]


def _json(value: object) -> None:
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def cmd_exercises(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui exercises``: the catalog as a table or JSON."""
    from glutetui.equipment import display_name, normalise_word
    from glutetui.search import matches

    data = _catalog_data(paths)
    _warn_plugin_problems(_problems(data))
    have = None
    if args.equipment is not None:
        words = [w.strip().lower() for w in args.equipment.split(",") if w.strip()]
        have = set() if words == ["none"] else {normalise_word(w) for w in words}
    query = " ".join(args.search).lower().split()
    found = [
        ex for ex in data["exercises"] if matches(ex["search_text"], ex["equipment"], query, have)
    ]
    if args.json:
        _json([{k: v for k, v in ex.items() if k != "search_text"} for ex in found])
        return 0
    rows = []
    for ex in found:
        gear = [display_name(e) for e in ex["equipment"]]
        gear += [f"{display_name(e)} (optional)" for e in ex["optional_equipment"]]
        rows.append([ex["id"], ex["name"], ex["dose"], ", ".join(gear) or "none", ex["plugin"]])
    _print_table(["id", "name", "dose", "equipment", "plugin"], rows)
    if not found:
        print("no exercise matches", file=sys.stderr)
    return 0


def cmd_plugins(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui plugins``: every plugin, its distribution, what it registered, and any error."""
    data = _catalog_data(paths)
    if args.json:
        _json(data["plugins"])
        return 0
    rows = []
    for p in data["plugins"]:
        dist = f"{p['distribution']} {p['version']}" if p["distribution"] else "(not installed)"
        registered = ", ".join([*p["exercises"], *(f"routine:{r}" for r in p["routines"])]) or "-"
        rows.append([p["name"], dist, p["status"], registered])
    _print_table(["plugin", "distribution", "status", "registered"], rows)
    failed = _problems(data)
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
        "cache": paths.cache_dir,
    }
    if args.json:
        _json({k: str(v) for k, v in items.items()})
        return 0
    for key, value in items.items():
        print(f"{key:<9} {value}")
    return 0


def run_app(args: argparse.Namespace, paths: Paths) -> int:
    """Open the app (the only path that imports textual)."""
    paths.check()
    from glutetui import startgc

    startgc.hold()  # the app resumes collection after its first frame
    from glutetui.tui.app import run

    return run(paths)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``glutetui`` console script."""
    args = parse_args(argv)
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
    except Exception as exc:
        if not _is_strict_plugin_failure(exc):
            raise
        return _report_strict_plugin_failure(exc)


def _is_strict_plugin_failure(exc: BaseException) -> bool:
    # Imported here, not at the top: only commands that load plugins can raise it.
    from glutetui.plugins import PluginError

    return isinstance(exc, PluginError)


def _report_strict_plugin_failure(exc: BaseException) -> int:
    """Strict mode is for plugin authors: show where their code failed, then the one-line summary."""
    import traceback

    from glutetui.switches import STRICT_ENV

    cause = exc.__cause__
    if cause is not None:
        traceback.print_exception(cause, file=sys.stderr)
    print(f"glutetui: {exc} (strict mode: {STRICT_ENV} is set)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
