"""The JSON backup: every session with every key of its file, read back into the same files.

``glutetui export --format json`` writes one object::

    {"glutetui_backup": 1, "log_format": 1, "sessions": [{...}, ...]}

Each session is the table its log file holds (``docs/log-format.md``), key for key, with
date-times as ISO 8601 text (JSON has no date-time). ``glutetui import`` reads it back through
the same reader as the log files, checks every value against what the app can log, and writes
files with exactly the content the originals had.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from glutetui.cli.importing.rows import ImportFormatError
from glutetui.log import FORMAT_VERSION, LogFormatError, session_from_dict, session_to_dict
from glutetui.log.ranges import check_session
from glutetui.log.store import SESSION_ID_RE
from glutetui.text import json_safe, strip_controls

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

    from glutetui.model import Session

BACKUP_KEY = "glutetui_backup"
"""The key that tells a backup from any other JSON."""
BACKUP_VERSION = 1
"""Version of the backup's outer shape (the sessions inside follow ``log_format``)."""
MOMENTS = frozenset({"started_at", "ended_at", "finished_at"})
"""Keys whose values are date-times, written as ISO 8601 text."""


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def write_backup(sessions: Iterable[Session], out: TextIO) -> int:
    """Every session of ``sessions`` as a backup to ``out``; returns how many."""
    tables = [_plain(session_to_dict(s)) for s in sessions]
    backup = {BACKUP_KEY: BACKUP_VERSION, "log_format": FORMAT_VERSION, "sessions": tables}
    # json_safe: the same JSON, with no character a terminal acts on (it may go to stdout).
    out.write(json_safe(json.dumps(backup, indent=1, ensure_ascii=False)))
    out.write("\n")
    return len(tables)


def is_backup(text: str) -> bool:
    """``text`` (stripped) is a JSON object, which only a backup is."""
    return text.startswith("{")


class _Reviver:
    """Turns a session's JSON table into the table its file holds: control characters out of
    its text (counted) and the date-times of :data:`MOMENTS` parsed."""

    def __init__(self) -> None:
        self.controls = 0

    def __call__(self, value: Any, key: str = "") -> Any:
        if isinstance(value, str):
            if key in MOMENTS:
                try:
                    return datetime.fromisoformat(value)
                except ValueError:
                    return value  # the log's reader names the key and says what it should be
            clean, n = strip_controls(value)
            self.controls += n
            return clean
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v, key) for v in value]
        return value


def read_backup(text: str) -> tuple[list[Session], int]:
    """The sessions of a backup, checked, and the number of control characters taken out.

    Raises :class:`ImportFormatError` naming the session and the key of the first value that
    is not what the log holds or that the app could not have logged.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFormatError(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or BACKUP_KEY not in data:
        raise ImportFormatError(f"a JSON object without {BACKUP_KEY!r} is not a glutetui backup")
    version = data[BACKUP_KEY]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFormatError(f"{BACKUP_KEY} must be a whole number from 1, not {version!r}")
    if version > BACKUP_VERSION:
        raise ImportFormatError(
            f"this backup was written by a newer glutetui (backup {version}; this one reads up "
            f"to {BACKUP_VERSION}); upgrade glutetui to read it"
        )
    tables = data.get("sessions")
    if not isinstance(tables, list):
        raise ImportFormatError("a backup's 'sessions' must be a list of sessions")
    revive = _Reviver()
    sessions = []
    for i, table in enumerate(tables, 1):
        try:
            session = session_from_dict(revive(table))
        except LogFormatError as exc:
            raise ImportFormatError(f"session {i}: {exc.reason}") from None
        _check(session, i)
        sessions.append(session)
    return sessions, revive.controls


def _check(session: Session, i: int) -> None:
    """Refuse a value the app could not have logged, naming the session and the key (the
    limits every session file is read with, :func:`glutetui.log.ranges.check_session`)."""
    where = f"session {i} ({session.id[:40]})"
    if not SESSION_ID_RE.match(session.id):
        raise ImportFormatError(f"{where}: id is not a session id (letters, digits, - and _)")
    try:
        check_session(session)
    except LogFormatError as exc:
        raise ImportFormatError(f"{where}: {exc.reason}") from None
