"""``glutetui due``: one line on what is due today; exit 0 when something is, 1 when not.

Something is due when the programme plans a session or a self-test today, or when the
next-morning check-in about the last session is waiting (with coaching on, programme or not).

Made for login scripts and cron jobs, so it must be quick: the answer is kept in the cache dir
with a key made of today's date, the UTC offset and the modification stamps of everything it
depends on (the programme state file, ``settings.toml``, the ``logs/``, ``checkins/``,
``programmes/`` and ``selftests/`` folders). Saving a session replaces a file in ``logs/`` and so changes the folder's stamp;
a new day changes the date. Only when the key differs is the answer worked out again, which
loads the plugins and reads the log's summaries.
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from glutetui.coach.checkins import CheckIns
    from glutetui.paths import Paths

CACHE_NAME = "due.txt"
EXIT_DUE = 0
EXIT_NOT_DUE = 1
NO_PROGRAMME = "Nothing due: you follow no programme (see `glutetui programme list`)"
WATCHED = ("programme.toml", "settings.toml", "logs", "checkins", "programmes", "selftests")
CHECKIN_DUE = (
    "Morning check-in due: how does the hip feel after your last session? (`glutetui checkin`)"
)


def configure_due(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui due``."""
    p.add_argument("--quiet", action="store_true", help="print nothing; only the exit status tells")
    p.set_defaults(handler=cmd_due)


def cache_key(config_root: str, now: time.struct_time) -> str:
    """What the answer depends on, as one line."""
    parts = [f"{now.tm_year:04d}-{now.tm_mon:02d}-{now.tm_mday:02d}", str(now.tm_gmtoff)]
    for name in WATCHED:
        try:
            found = os.stat(os.path.join(config_root, name))
            parts.append(f"{found.st_mtime_ns}:{found.st_size}:{found.st_ino}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


def _cached(cache_file: str, key: str) -> tuple[int, str] | None:
    try:
        with open(cache_file, encoding="utf-8") as handle:
            stored_key, code, line = handle.read().split("\n", 2)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if stored_key != key or code not in ("0", "1"):
        return None
    return int(code), line.rstrip("\n")


def checkin_due(paths: Paths, found: CheckIns, now: datetime) -> bool:
    """Whether the next-morning question is waiting now (never with coaching off)."""
    from glutetui.coach.checkins import due_checkin
    from glutetui.log import LogStore
    from glutetui.settings import load_settings

    if not load_settings(paths.settings_file).settings.coaching:
        return False
    # The same question the app asks at start: about the newest finished session with work.
    rows = (
        LogStore(paths)
        .summaries(limit=1, where=lambda row: row.status != "in-progress" and row.sets > 0)
        .rows
    )
    return due_checkin([(row.id, row.started_at) for row in rows], found, now) is not None


def work_out(paths: Paths, now: datetime) -> tuple[int, str]:
    """The exit status and line for ``now``, worked out from the programme, the log and the
    check-ins."""
    from glutetui.coach.checkins import read_all
    from glutetui.coach.programmes_context import load_context
    from glutetui.coach.programmes_state import state_path
    from glutetui.coach.programmes_words import due_line

    found = read_all(paths)
    asked = checkin_due(paths, found, now)
    if not os.path.exists(state_path(paths.config_root)):
        return (EXIT_DUE, CHECKIN_DUE) if asked else (EXIT_NOT_DUE, NO_PROGRAMME)
    context = load_context(paths, now.date(), found)
    if context.programme is None or context.position is None:
        return (EXIT_DUE, CHECKIN_DUE) if asked else (EXIT_NOT_DUE, NO_PROGRAMME)
    names = {t.id: t.name for t in context.self_tests.values()}
    line = due_line(context.programme, context.position, context.routine_names, names)
    if asked:
        return EXIT_DUE, f"{CHECKIN_DUE}; {line}"
    return (EXIT_DUE if context.position.anything_due else EXIT_NOT_DUE), line


def cmd_due(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui due``."""
    now = time.localtime()
    key = cache_key(paths.config_root, now)
    cache_file = os.path.join(paths.cache_root, CACHE_NAME)
    answer = _cached(cache_file, key)
    if answer is None:
        from datetime import datetime

        answer = work_out(paths, datetime(*now[:6]).astimezone())
        import contextlib

        from glutetui.fsutil import write_atomic

        # A cache that cannot be written only makes the next run slower.
        with contextlib.suppress(OSError):
            write_atomic(cache_file, f"{key}\n{answer[0]}\n{answer[1]}\n".encode(), durable=False)
    code, line = answer
    if not args.quiet:
        print(line, file=sys.stdout)
    return code
