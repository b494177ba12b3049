"""``glutetui import FILE``: add sessions from an export, never duplicating one already logged."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from glutetui.cli.importing import IMPORT_FORMATS, ImportFormatError, ImportResult, read_import
from glutetui.cli.names import ExerciseNames
from glutetui.cli.output import echo, warn_plugin_problems
from glutetui.errors import GlutetuiError
from glutetui.figures import warmup_sets, work_sets
from glutetui.log import LogStore, StoreError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from glutetui.importers import Importer
    from glutetui.model import Session
    from glutetui.paths import Paths
    from glutetui.plugins.result import LoadResult


def configure_import(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui import``."""
    p.add_argument("file", metavar="FILE", help="the exported file ('-' for standard input)")
    p.add_argument(
        "--format",
        metavar="NAME",
        help=f"the file's format: {', '.join(IMPORT_FORMATS)} or one a plugin adds "
        "(default: recognised from its header)",
    )
    p.add_argument(
        "--unit",
        choices=("kg", "lb"),
        help="load unit for files that do not say, such as Strong's (default: your settings)",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="import again the sessions of this file that are already in the log and differ "
        "(after fixing --unit, say); their old versions go to the trash",
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


def _plugins(paths: Paths) -> LoadResult:
    """The plugins' catalog and report (each broken plugin named on stderr)."""
    from glutetui.plugins.cache import load_result
    from glutetui.switches import STRICT_ENV, env_flag

    result = load_result(paths, strict=env_flag(STRICT_ENV))
    warn_plugin_problems(result.problems)
    return result


def _importers(result: LoadResult, fmt: str | None) -> Sequence[Importer] | None:
    """The importers the plugins registered (the plugins loaded for it, with a time limit);
    ``None`` (the built-in ones) when they could not be loaded in time. Checks ``fmt``."""
    live = result.live()
    importers = None if live is None else list(live.importers)
    known = [i.name for i in importers] if importers is not None else list(IMPORT_FORMATS)
    if fmt is not None and fmt not in known:
        raise GlutetuiError(f"unknown --format {fmt!r} (choose from {', '.join(known)})")
    if importers is not None and fmt is not None:
        importers = [i for i in importers if i.name == fmt]
    return importers


@dataclass
class ImportPlan:
    """What an import will do with each session of the file."""

    new: list[Session] = field(default_factory=list)
    replace: list[Session] = field(default_factory=list)
    """In the log, different from the file, and ``--replace`` asked for."""
    present: int = 0
    """In the log already, left as they are."""
    unreadable: int = 0
    """In the log, but their files cannot be read: never replaced."""


def same_zone(session: Session, logged: Session) -> Session:
    """``session`` with the UTC offset ``logged`` was given, when both start at the same time
    as written: a file without offsets imported again in another time zone is the same file."""
    zone = logged.started_at.tzinfo
    if session.started_at.replace(tzinfo=None) != logged.started_at.replace(tzinfo=None):
        return session
    return replace(
        session,
        started_at=session.started_at.replace(tzinfo=zone),
        ended_at=None if session.ended_at is None else session.ended_at.replace(tzinfo=zone),
    )


def plan_import(sessions: list[Session], store: LogStore, *, replace: bool) -> ImportPlan:
    """Sort ``sessions`` into new ones, ones to replace and ones to leave (reading only)."""
    plan = ImportPlan()
    for s in sessions:
        if not store.exists(s.id):
            plan.new.append(s)
        elif not replace:
            plan.present += 1
        else:
            try:
                logged = store.load(s.id)
            except StoreError:
                plan.unreadable += 1
                continue
            s = same_zone(s, logged)
            if logged == s:
                plan.present += 1
            else:
                plan.replace.append(s)
    return plan


def summary(result: ImportResult, plan: ImportPlan, where: str, *, dry: bool) -> str:
    """The one line that says what was imported, what was not, and why."""
    written = plan.new + plan.replace
    sets = sum(work_sets(s.sets) + warmup_sets(s.sets) for s in written)
    text = f"{'would import' if dry else 'imported'} {len(plan.new)} session(s)"
    if plan.replace:
        text += (
            f" and {'would replace' if dry else 'replaced'} {len(plan.replace)} (the old "
            f"version(s) {'going' if dry else 'moved'} to the trash)"
        )
    text += f" with {sets} set(s) from {result.label} file {where}"
    text += f"; {plan.present} already in the log"
    if plan.unreadable:
        text += (
            f"; {plan.unreadable} in the log but unreadable, left as they are "
            "(see `glutetui log --check`)"
        )
    if result.skipped:
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(result.skipped.items()))
        text += f"; skipped {sum(result.skipped.values())} row(s) that record no work ({reasons})"
    if result.controls:
        text += f"; removed {result.controls} control character(s) from the text"
    return text


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui import FILE``: add the sessions that are not in the log yet (and, with
    ``--replace``, the ones that changed)."""
    text, where = _read_text(args.file)
    unit = args.unit or _default_unit(paths)
    plugins = _plugins(paths)
    importers = _importers(plugins, args.format)
    names = ExerciseNames(plugins.catalog.exercises.values())
    try:
        result = read_import(text, args.format, unit, lambda: names, importers)
    except ImportFormatError as exc:
        raise ImportFormatError(f"{where}: {exc}") from None
    for problem in result.problems:
        echo(f"glutetui: {problem}; the other importers were tried", err=True)
    store = LogStore(paths)
    plan = plan_import(result.sessions, store, replace=args.replace)
    if not args.dry_run:
        for s in plan.new:
            store.save(s)
        for s in plan.replace:
            store.delete(s.id)  # to the trash: a replaced version can always be had back
            store.save(s)
    echo(summary(result, plan, where, dry=args.dry_run))
    return 0
