"""One session file's line in a derived index, and what an index keeps for each file.

A line is ``[name, [mtime_ns, size, inode], sort_key, value, problem]``: the file's name and
stat key as they were when it was read, its start as fixed-width UTC text (empty for an
unreadable file), and either the value kept for it (in the JSON form of the index's
:class:`Codec`) or the reason the file cannot be read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from glutetui.log.compact import session_from_json, session_to_json
from glutetui.log.summaries import SessionRow, row_from_json, row_to_json, session_row
from glutetui.model import Session

T = TypeVar("T")


@dataclass(frozen=True)
class Codec(Generic[T]):
    """What an index keeps for each readable file, and its JSON form."""

    kind: str
    """Names the index in its header, so one is never read as another."""
    make: Callable[[Session], T]
    to_json: Callable[[T], Any]
    from_json: Callable[[Any], T]


def _whole_session(session: Session) -> Session:
    return session


SESSIONS: Codec[Session] = Codec("sessions", _whole_session, session_to_json, session_from_json)
SUMMARIES: Codec[SessionRow] = Codec("summaries", session_row, row_to_json, row_from_json)
CODECS: dict[str, Codec[Any]] = {c.kind: c for c in (SESSIONS, SUMMARIES)}


class DamagedLineError(Exception):
    """An index line passed its key check but cannot be decoded: the index is not trusted."""


def sort_key(started_at: datetime) -> str:
    """The start as fixed-width UTC text: sorts like the instants themselves."""
    try:
        moment = started_at.replace(tzinfo=None) - (started_at.utcoffset() or timedelta(0))
    except OverflowError:
        moment = datetime.min if started_at.year < 5000 else datetime.max
    return moment.isoformat(timespec="microseconds")


def json_line(value: list[Any]) -> bytes:
    """``value`` as one compact JSON line, UTF-8; all-ASCII escapes if it holds a file name
    that is not valid UTF-8 (as os.scandir gives them, with surrogates)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def _line_head(name: str, key: list[int]) -> bytes:
    """How the line of ``name`` with stat ``key`` begins."""
    if '"' not in name and "\\" not in name and name.isprintable():  # as json.dumps writes it
        return f'["{name}",[{key[0]},{key[1]},{key[2]}],'.encode()
    return json_line([name, key])[:-1] + b","


class Entry:
    """One file as an index knows it: its stat key, sort key and line; its value is decoded
    from the line when first asked for (a first page decodes only what it shows)."""

    __slots__ = ("_value", "key", "line", "sort_key")

    def __init__(self, key: list[int], sort_key: str, line: bytes, value: Any = None) -> None:
        self.key = key
        self.sort_key = sort_key
        self.line = line
        self._value = value

    @classmethod
    def of_file(
        cls, codec: Codec[Any], name: str, key: list[int], session: Session | None, problem: str
    ) -> Entry:
        """The entry of a file just read: ``session``, or the ``problem`` that kept it out."""
        if session is None:
            return cls(key, "", json_line([name, key, "", None, problem]))
        value = codec.make(session)
        start = sort_key(session.started_at)
        return cls(key, start, json_line([name, key, start, codec.to_json(value), None]), value)

    @classmethod
    def from_line(cls, name: str, key: list[int], line: bytes) -> Entry | None:
        """The line's entry if it was written for the file as it is now, else ``None``."""
        head = _line_head(name, key)
        if not line.startswith(head) or line[len(head) : len(head) + 1] != b'"':
            return None
        start = len(head) + 1
        end = line.find(b'"', start)
        if end < 0:
            return None
        return cls(key, line[start:end].decode("ascii", "replace"), line)

    def _decoded(self) -> list[Any]:
        try:
            data = json.loads(self.line)
        except ValueError as exc:
            raise DamagedLineError from exc
        if not isinstance(data, list) or len(data) != 5:
            raise DamagedLineError
        return data

    def value(self, codec: Codec[T]) -> T:
        """The session or row; raises :class:`DamagedLineError`."""
        if self._value is None:
            try:
                self._value = codec.from_json(self._decoded()[3])
            except (ValueError, TypeError, IndexError) as exc:
                raise DamagedLineError from exc
        value: T = self._value
        return value

    def problem(self) -> str:
        """Why the file cannot be read (for an entry with no sort key)."""
        problem = self._decoded()[4]
        if not isinstance(problem, str):
            raise DamagedLineError
        return problem


def line_name(line: bytes) -> str | None:
    """The file name a line is for, read from its head without decoding the rest."""
    end = line.find(b'"', 2)
    name = line[2:end]
    if line[:2] != b'["' or end < 0 or b"\\" in name:
        try:  # an unusual name, written with escapes
            found = json.loads(line)[0]
        except (ValueError, TypeError, IndexError, KeyError):
            return None
        return found if isinstance(found, str) else None
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        return None
