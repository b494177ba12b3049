"""``glutetui import FILE``: add sessions from an export, never duplicating one already logged."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from glutetui.cli.importing import IMPORT_FORMATS, ImportFormatError, read_import
from glutetui.cli.names import ExerciseNames
from glutetui.cli.output import echo, warn_plugin_problems
from glutetui.errors import GlutetuiError
from glutetui.figures import warmup_sets, work_sets
from glutetui.log import LogStore

if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths


def configure_import(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui import``."""
    p.add_argument("file", metavar="FILE", help="the exported file ('-' for standard input)")
    p.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: recognised from its header)",
    )
    p.add_argument(
        "--unit",
        choices=("kg", "lb"),
        help="load unit for Strong files, which do not say (default: your settings)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, write nothing"
    )
    p.set_defaults(handler=cmd_import)


def _read_text(file: str) -> tuple[str, str]:
    """The file's text and how to name it in messages (``-`` is standard input)."""
    if file == "-":
        return sys.stdin.read(), "standard input"
    source = Path(file)
    try:
        return source.read_bytes().decode("utf-8"), str(source)
    except FileNotFoundError:
        raise GlutetuiError(f"no file {source}") from None
    except IsADirectoryError:
        raise GlutetuiError(f"{source} is a folder, not a file") from None
    except UnicodeDecodeError:
        raise GlutetuiError(f"{source} is not UTF-8 text; save it as UTF-8 CSV") from None
    except OSError as exc:
        raise GlutetuiError(f"cannot read {source}: {exc.strerror or exc}") from exc


def _default_unit(paths: Paths) -> str:
    """The unit in the person's settings (a broken settings file gives the default, as the app
    does; the app reports it)."""
    from glutetui.settings import load_settings

    return load_settings(paths.settings_file).settings.units


def _exercise_names(paths: Paths) -> ExerciseNames:
    """The installed exercises' ids, names and aliases (a broken plugin is named on stderr)."""
    from glutetui.plugins.cache import load_result
    from glutetui.switches import STRICT_ENV, env_flag

    result = load_result(paths, strict=env_flag(STRICT_ENV))
    warn_plugin_problems(result.problems)
    return ExerciseNames(result.catalog.exercises.values())


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui import FILE``: add the sessions that are not in the log yet."""
    text, where = _read_text(args.file)
    unit = args.unit or _default_unit(paths)
    try:
        fmt, sessions = read_import(text, args.format, unit, lambda: _exercise_names(paths))
    except ImportFormatError as exc:
        raise ImportFormatError(f"{where}: {exc}") from None
    store = LogStore(paths)
    new = [s for s in sessions if not store.exists(s.id)]
    skipped = len(sessions) - len(new)
    if not args.dry_run:
        for s in new:
            store.save(s)
    verb = "would import" if args.dry_run else "imported"
    sets = sum(work_sets(s.sets) + warmup_sets(s.sets) for s in new)
    echo(
        f"{verb} {len(new)} session(s) with {sets} set(s) from {fmt} file {where}; "
        f"{skipped} already in the log"
    )
    return 0
