"""The command line: ``glutetui`` starts the app; sub-commands print and exit.

This module holds only the entry point and the parser; each command family lives in its own
module (``catalog_cmds``, ``paths_cmd``, ``log_cmd``, ``export_cmd``, ``import_cmd``), imported
only when its command is chosen. Sub-commands that show no screen never import textual, so
they start fast and work in pipes and scripts. Every user error ends as one ``glutetui: ...``
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from glutetui import __version__
from glutetui.errors import GlutetuiError
from glutetui.paths import Paths

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import NoReturn

EXIT_USAGE = 2


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        from glutetui.cli.table import terminal_columns  # not shutil's: see its docstring

        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2)


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """The top-level help: its epilog lists the commands in lines of its own."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus a hint, as every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


COMMANDS: dict[str, tuple[str, str]] = {
    "exercises": ("print the exercise catalog", "glutetui.cli.catalog_cmds:configure_exercises"),
    "plugins": (
        "list plugins, what they registered, and any error",
        "glutetui.cli.catalog_cmds:configure_plugins",
    ),
    "paths": ("print where config, logs and cache live", "glutetui.cli.paths_cmd:configure_paths"),
    "log": (
        "print recent sessions; --check lists unreadable files",
        "glutetui.cli.log_cmd:configure_log",
    ),
    "export": (
        "write every logged set as CSV, JSON or Strong CSV",
        "glutetui.cli.export_cmd:configure_export",
    ),
    "import": (
        "add sessions from a glutetui, Strong or Hevy export",
        "glutetui.cli.import_cmd:configure_import",
    ),
    "serve": (
        "serve the app to a browser tab on this machine (needs glutetui[web])",
        "glutetui.cli.serve_cmd:configure_serve",
    ),
    "install": (
        "install plugins with pip into glutetui's own environment",
        "glutetui.cli.install_cmd:configure_install",
    ),
    "uninstall": (
        "remove plugins from glutetui's own environment",
        "glutetui.cli.install_cmd:configure_uninstall",
    ),
    "new-plugin": (
        "write a ready plugin project to start from",
        "glutetui.cli.new_plugin_cmd:configure_new_plugin",
    ),
    "programme": (
        "list, start, pause, resume or end a programme; status says where you stand",
        "glutetui.cli.programme_cmd:configure_programme",
    ),
    "due": (
        "print what is due today in one line; exit 0 when something is, 1 when not",
        "glutetui.cli.due_cmd:configure_due",
    ),
    "selftest": (
        "list self-tests, or record one (single-leg stance, weekly check)",
        "glutetui.cli.selftest_cmd:configure_selftest",
    ),
    "report": (
        "write a report for your physiotherapist (HTML or PDF; needs glutetui[report])",
        "glutetui.cli.report_cmd:configure_report",
    ),
    "checkin": (
        "record how the hip feels the morning after a session",
        "glutetui.cli.coach_cmds:configure_checkin",
    ),
    "suggest": (
        "print the next session's suggested dose for each exercise, with its reason",
        "glutetui.cli.coach_cmds:configure_suggest",
    ),
}
"""Sub-command -> (one-line help, ``module:function`` that adds its arguments and handler).

Only the chosen command's parser is built and only its module imported: building every
sub-parser up front costs more than the rest of a cached ``glutetui exercises``.
"""


_PLUGIN_SWITCHES = """\
plugin switches (environment variables):
  GLUTETUI_DISABLE_PLUGINS=a,b  skip these plugins (entry-point or distribution names)
  GLUTETUI_STRICT_PLUGINS=1     stop at the first plugin problem, with its traceback
  GLUTETUI_PLUGIN_TIMEOUT=SECS  time a plugin may take to load (5) or in a hook (1)"""


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
        epilog=f"commands:\n{listing}\n\n`glutetui COMMAND --help` tells more about one.\n\n{_PLUGIN_SWITCHES}",
        formatter_class=_RawFormatter,
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
    parser = _Parser(
        prog=f"glutetui {name}",
        description=text[:1].upper() + text[1:] + ".",
        formatter_class=_Formatter,
    )
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


# --------------------------------------------------------------------------- running


def run_app(args: argparse.Namespace, paths: Paths) -> int:
    """Open the app (the only path that imports textual), or say why it cannot draw here."""
    paths.check()
    from glutetui.cli.terminal import no_screen_message, screen_problem, served

    problem = None if served() else screen_problem()
    if problem is not None:
        # Before textual: it would draw escape codes into a pipe and wait for keys forever.
        print(no_screen_message(problem, COMMANDS), file=sys.stderr)
        return EXIT_USAGE
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
        if handler is not run_app:  # the app says it in a toast
            _warn_at_start(paths)
        return _finish(handler(args, paths))
    except GlutetuiError as exc:
        from glutetui.text import neutralise

        print(f"glutetui: {neutralise(exc)}", file=sys.stderr)  # may quote a file
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


def _finish(code: int) -> int:
    """``code``, or the end of the process right now if a plugin's code is still running."""
    if "glutetui.plugins.calls" in sys.modules:  # only then can any plugin code be running
        sys.modules["glutetui.plugins.calls"].exit_now_if_stuck(code)
    return code


def _warn_at_start(paths: Paths) -> None:
    """Once a run, on stderr: health data others can read (with the command that fixes it),
    and every setting that cannot be used (the app shows the same in toasts)."""
    notices = paths.open_folders()
    if os.path.exists(os.path.join(paths.config_root, "settings.toml")):  # most have none
        from glutetui.settings import load_settings

        notices += load_settings(paths.settings_file).notices
    if not notices:  # the usual case: nothing more to import
        return
    from glutetui.text import neutralise

    for notice in notices:
        print(f"glutetui: {neutralise(notice)}", file=sys.stderr)


def _is_strict_plugin_failure(exc: BaseException) -> bool:
    # Imported here, not at the top: only commands that load plugins can raise it.
    from glutetui.plugins import PluginError

    return isinstance(exc, PluginError)


def _report_strict_plugin_failure(exc: BaseException) -> int:
    """Strict mode is for plugin authors: show where their code failed, then the one-line summary."""
    import traceback

    from glutetui.switches import STRICT_ENV
    from glutetui.text import neutralise

    cause = exc.__cause__
    if cause is not None:
        traceback.print_exception(cause, file=sys.stderr)
    print(f"glutetui: {neutralise(exc)} (strict mode: {STRICT_ENV} is set)", file=sys.stderr)
    return 1
