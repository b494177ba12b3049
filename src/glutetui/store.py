"""The per-user log: one TOML file per session under ``logs/``, written atomically.

* :meth:`LogStore.save` writes a temp file in ``logs/``, fsyncs it, ``os.replace``\\ s it over the
  session's file and fsyncs the folder. A kill or power cut at any moment leaves either the old
  or the new file, whole; a failed write raises :class:`SaveError` and leaves the old file
  byte-identical. Saving touches only that session's file: it never scans the folder.
* :meth:`LogStore.history` reads every session. The TOML files are the source of truth; a
  derived index (``log-index.jsonl`` in the cache dir) holds each file's parsed content keyed by
  its (mtime_ns, size, inode), so a warm read is one JSON Lines read plus one ``scandir``.
  Files whose stat disagrees with the index are parsed again and the index rewritten.
* A file that cannot be read is never deleted or overwritten: it is reported as a
  :class:`FileProblem` and everything else still loads.

The format is described in ``docs/log-format.md``. This module never imports textual.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import re
import secrets
import threading
import time
import tomllib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from glutetui.errors import GlutetuiError
from glutetui.logformat import (
    FORMAT_VERSION,
    LogFormatError,
    SessionRow,
    row_from_json,
    row_to_json,
    session_from_dict,
    session_from_json,
    session_row,
    session_to_dict,
    session_to_json,
)
from glutetui.model import Session
from glutetui.paths import Paths

SUFFIX = ".toml"
_IN_PROGRESS = b'"in-progress"'
"""How an unfinished session's status reads in its summary index line."""
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
INDEX_NAME = "log-index.jsonl"
INDEX_VERSION = 2
"""2: exercises carry warmup_sets (version 1 dropped it)."""
SUMMARY_INDEX_NAME = "log-summaries.jsonl"
SUMMARY_INDEX_VERSION = 2
"""2: rows newest first, and a header naming the files they were written for (see
:func:`_files_fingerprint`), so a log that has not changed is read without checking each line."""
INDEX_WORTH_READING = 64
"""Below this many unseen files, parsing them beats reading the whole index."""
STALE_TEMP_SECONDS = 60.0
"""A temp file older than this belongs to a write that died (a live write takes milliseconds)."""

_Files = list[tuple[str, list[int]]]
"""Each session file's name and stat key ``[mtime_ns, size, inode]``, as a scan found them."""
_RowFilter = Callable[[SessionRow], bool]

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")


class StoreError(GlutetuiError):
    """The log cannot be read or written; the message says what to do."""


class SaveError(StoreError):
    """A session could not be written. The previous file, if any, is untouched.

    The caller keeps the session in memory and may simply call :meth:`LogStore.save` again.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"could not save {path}: {reason}; the previous copy is untouched "
            "(free some space or fix the folder's permissions, then try again)"
        )


class UnreadableSessionError(StoreError):
    """A session file exists but cannot be used."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class SessionNotFoundError(StoreError):
    """No file for this session id."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.reason = "no such session"
        super().__init__(f"no session {session_id!r} in the log (looked for {path})")


@dataclass(frozen=True)
class FileProblem:
    """A file in ``logs/`` that could not be read, and why. The file is left alone."""

    path: Path
    reason: str


@dataclass(frozen=True)
class History:
    """Every readable session, newest first (by ``started_at``), and every unreadable file."""

    sessions: tuple[Session, ...] = ()
    problems: tuple[FileProblem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Summaries:
    """A :class:`SessionRow` per readable session, newest first, and every unreadable file."""

    rows: tuple[SessionRow, ...] = ()
    problems: tuple[FileProblem, ...] = field(default_factory=tuple)
    count: int = 0
    """Readable sessions in the log, whatever ``limit`` and ``where`` left out of ``rows``."""


__all__ = [
    "FileProblem",
    "History",
    "LogStore",
    "SaveError",
    "SessionNotFoundError",
    "SessionRow",
    "StoreError",
    "Summaries",
    "UnreadableSessionError",
]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc) or type(exc).__name__


def parse_session_bytes(raw: bytes, path: Path) -> Session:
    """Parse one session file's bytes; raises :class:`LogFormatError` with a plain reason."""
    if not raw.strip():
        raise LogFormatError(path, "the file is empty (a write may have been cut short)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LogFormatError(
            path, f"it is not UTF-8 text (bad byte at position {exc.start})"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LogFormatError(path, f"it is not valid TOML ({exc})") from None
    session = session_from_dict(data, path)
    if session.id != path.stem:
        raise LogFormatError(
            path,
            f"its id {session.id!r} does not match its file name; rename it to {session.id}{SUFFIX}",
        )
    return session


class LogStore:
    """Sessions on disk. Cheap to create: nothing is read until asked.

    ``durable=False`` skips the fsyncs (for tests and benchmarks that write thousands of files);
    the app always uses the default.
    """

    def __init__(self, paths: Paths, *, durable: bool = True) -> None:
        self.paths = paths
        self.durable = durable
        self._memo: dict[str, _Known] = {}
        self._row_memo: dict[str, _KnownRow] = {}
        self._summary_fingerprint = ""
        """The ``files`` fingerprint of the summary index as this store last read or wrote it."""
        # One reader at a time: the app's start-up resume check and the log screen may ask
        # at once, and the second should find the first's work done (in memory, or in the
        # index file it wrote), not repeat it alongside.
        self._read_lock = threading.RLock()

    # ------------------------------------------------------------------ ids and paths

    @property
    def logs_dir(self) -> Path:
        return self.paths.logs_dir

    @property
    def index_path(self) -> Path:
        """The derived index (safe to delete; it is rebuilt)."""
        return self.paths.cache_dir / INDEX_NAME

    @property
    def summary_index_path(self) -> Path:
        """The derived summary index, one :class:`SessionRow` per file (safe to delete)."""
        return self.paths.cache_dir / SUMMARY_INDEX_NAME

    @staticmethod
    def new_session_id(started_at: datetime) -> str:
        """``20261123T174502-3f9a1c``: the UTC start second, then 24 random bits.

        Sorts by start time across time zones and machines; the random part keeps two
        instances (or two synced machines) that start in the same second apart.
        """
        moment = started_at.astimezone(UTC) if started_at.tzinfo else started_at
        return f"{moment:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"

    def path_for(self, session_id: str) -> Path:
        """``logs/<id>.toml``. Raises :class:`StoreError` for an id that is not a safe file name."""
        if not isinstance(session_id, str) or not SESSION_ID_RE.match(session_id):
            raise StoreError(
                f"session id {session_id!r} is not valid (letters, digits, '-' and '_' only)"
            )
        return self.logs_dir / f"{session_id}{SUFFIX}"

    # ------------------------------------------------------------------ writing

    def save(self, session: Session) -> Path:
        """Write ``session`` to its file atomically and return the path.

        Raises :class:`SaveError` (with path and reason) if anything fails; the previous
        file is then byte-identical to what it was and no temp file is left behind.
        """
        target = self.path_for(session.id)
        try:
            payload = tomli_w.dumps(session_to_dict(session)).encode("utf-8")
        except (ValueError, TypeError) as exc:
            raise SaveError(target, f"the session cannot be written: {exc}") from exc
        self._write_atomic(target, payload, durable=self.durable)
        return target

    def _write_atomic(self, target: Path, payload: bytes, *, durable: bool) -> None:
        folder = target.parent
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = str(folder / f"{TEMP_PREFIX}{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                view = memoryview(payload)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                if durable:
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise SaveError(target, _reason(exc)) from exc
        if durable:
            _fsync_dir(folder)

    # ------------------------------------------------------------------ reading

    def load(self, session_id: str) -> Session:
        """The session with ``session_id``; raises :class:`StoreError` with path and reason."""
        path = self.path_for(session_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SessionNotFoundError(path, session_id) from None
        except OSError as exc:
            raise UnreadableSessionError(path, _reason(exc)) from exc
        try:
            return parse_session_bytes(raw, path)
        except LogFormatError as exc:
            raise UnreadableSessionError(path, exc.reason) from exc

    def exists(self, session_id: str) -> bool:
        """Whether a file for ``session_id`` is in the log (readable or not)."""
        return self.path_for(session_id).exists()

    def history(self) -> History:
        """Every readable session, newest first, plus a :class:`FileProblem` per unreadable file.

        Served from the index for files whose (mtime_ns, size, inode) match it; other files are
        parsed and the index rewritten. Stale temp files from killed writes are removed on the
        way (same scan).
        """
        with self._reading():
            return self._history()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the read lock, with the cyclic collector off."""
        # Building ~100k small objects triggers many needless cyclic-GC passes (they roughly
        # double the cost); none of these objects form cycles.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            with self._read_lock:
                yield
        finally:
            if was_enabled:
                gc.enable()

    def _scan(self) -> tuple[_Files, list[FileProblem]]:
        """``(name, [mtime_ns, size, inode])`` per session file, and the files in the way.

        Stale temp files from killed writes are removed on the way.
        """
        now = time.time()
        try:
            entries = list(os.scandir(self.logs_dir))
        except FileNotFoundError:
            entries = []
        except OSError as exc:
            raise StoreError(f"cannot read the log folder {self.logs_dir}: {_reason(exc)}") from exc
        problems: list[FileProblem] = []
        files: _Files = []
        for entry in entries:
            name = entry.name
            if name.startswith(TEMP_PREFIX):
                if name.endswith(TEMP_SUFFIX):
                    self._remove_if_stale(entry, now)
                continue
            if not name.endswith(SUFFIX):
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                problems.append(FileProblem(Path(entry.path), _reason(exc)))
                continue
            if not entry.is_file():
                problems.append(FileProblem(Path(entry.path), "it is a folder, not a file"))
                continue
            files.append((name, [st.st_mtime_ns, st.st_size, st.st_ino]))
        return files, problems

    def _history(self) -> History:
        files, problems = self._scan()
        logs = self.logs_dir
        memo = self._memo
        # Files this store has not seen as they are now. A few (the session being logged, a
        # synced file) are cheaper to parse than the whole index is to read.
        unseen = sum(1 for name, key in files if (m := memo.get(name)) is None or m.key != key)
        if memo and unseen <= INDEX_WORTH_READING:
            index: dict[str, list[Any]] = {}
            raw_lines: dict[str, bytes] = {}
            previous = memo.keys()
        else:
            index, raw_lines = self._read_index()
            previous = index.keys()
        new_memo: dict[str, _Known] = {}
        changed = False
        sessions: list[Session] = []
        for name, key in files:
            path = logs / name
            known = memo.get(name)
            if known is None or known.key != key:
                cached = index.get(name)
                known = None
                if cached is not None and cached[0] == key:
                    known = _Known.from_record(cached, raw_lines[name])
                if known is None:
                    record = self._parse_record(path, key)
                    if record[1] is None and record[2] is None:
                        # Unreadable for a passing reason (such as permissions): not cached.
                        problems.append(FileProblem(path, record[3]))
                        changed = True
                        continue
                    known = _Known.from_record(record, None)
                    changed = True
                    if known is None:  # pragma: no cover - a record we just made is sound
                        continue
            new_memo[name] = known
            if known.session is not None:
                sessions.append(known.session)
            else:
                problems.append(FileProblem(path, known.problem or "unreadable"))
        if changed or new_memo.keys() != previous:
            self._write_index(new_memo)
        self._memo = new_memo
        sessions.sort(key=lambda s: (s.started_at, s.id), reverse=True)
        problems.sort(key=lambda p: p.path.name)
        return History(sessions=tuple(sessions), problems=tuple(problems))

    def summaries(
        self, *, limit: int | None = None, where: Callable[[SessionRow], bool] | None = None
    ) -> Summaries:
        """A :class:`SessionRow` per readable session, newest first, plus the unreadable files.

        Served from the summary index (``log-summaries.jsonl`` in the cache dir), checked file
        by file against each file's (mtime_ns, size, inode) exactly like :meth:`history`'s
        index. With ``limit`` (and optionally ``where``), only the newest ``limit`` rows that
        ``where`` accepts are returned, and only those are decoded: ``Summaries.count`` still
        counts every readable session. A store that has read nothing yet first tries the
        index's fingerprint of every file instead of checking line by line
        (:meth:`_first_page`); it then remembers nothing, so a later call checks every line.
        """
        with self._reading():
            files, problems = self._scan()
            if limit is not None and not self._row_memo:
                page = self._first_page(files, problems, limit, where)
                if page is not None:
                    return page
            return self._summaries_checked(files, problems, limit, where)

    def _summaries_checked(
        self,
        files: _Files,
        problems: list[FileProblem],
        limit: int | None,
        where: _RowFilter | None,
    ) -> Summaries:
        """:meth:`summaries` with every line checked against its file, filling the in-memory
        index (the caller holds :meth:`_reading`)."""
        try:
            return self._summaries(files, list(problems), limit, where)
        except _DamagedLine:
            # A line that passed its key check but does not decode: trust none of it.
            self._row_memo = {}
            with contextlib.suppress(OSError):
                os.unlink(self.summary_index_path)
            return self._summaries(files, list(problems), limit, where)

    def _fingerprinted_body(self, files: _Files) -> tuple[_SummaryHeader, bytes] | None:
        """The summary index's header and lines if it was written for exactly these files.

        The header carries a fingerprint of every (name, stat key) the index was written for,
        and a checksum of its lines: when both agree, no line needs checking against its file.
        """
        try:
            with open(self.summary_index_path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        header_end = data.find(b"\n")
        header = _summary_header(data[:header_end]) if header_end > 0 else None
        if header is None or not header.files or header.files != _files_fingerprint(files):
            return None
        body = data[header_end + 1 :]
        if not _summary_body_intact(header, body):
            return None  # damaged since it was written
        return header, body

    def _first_page(
        self,
        files: _Files,
        problems: list[FileProblem],
        limit: int | None,
        where: _RowFilter | None,
    ) -> Summaries | None:
        """The newest rows straight from a fingerprinted index (stored newest first), only
        those returned decoded; ``None`` if the index does not vouch for these files."""
        vouched = self._fingerprinted_body(files)
        if vouched is None:
            return None
        header, body = vouched
        lines = iter(body.splitlines() if header.problems else _lines(body))
        rows: list[SessionRow] = []
        try:
            for _ in range(header.rows):
                if limit is not None and len(rows) >= limit:
                    break
                record = json.loads(next(lines))
                row = row_from_json(record[3])
                if where is None or where(row):
                    rows.append(row)
            found = list(problems)
            if header.problems:
                logs = self.logs_dir
                tail = list(lines)[-header.problems :]
                for line in tail:
                    name, _key, sort_key, _row, reason = json.loads(line)
                    if sort_key or not isinstance(reason, str):
                        return None
                    found.append(FileProblem(logs / name, reason))
        except (ValueError, TypeError, IndexError, KeyError, StopIteration):
            return None  # the full read below sorts out whatever is wrong with the index
        found.sort(key=lambda p: p.path.name)
        return Summaries(rows=tuple(rows), problems=tuple(found), count=header.rows)

    def _summaries(
        self,
        files: _Files,
        problems: list[FileProblem],
        limit: int | None,
        where: _RowFilter | None,
    ) -> Summaries:
        logs = self.logs_dir
        memo = self._row_memo
        unseen = sum(1 for name, key in files if (m := memo.get(name)) is None or m.key != key)
        if memo and unseen <= INDEX_WORTH_READING:
            lines: dict[str, bytes] = {}
            previous = memo.keys()
        else:
            lines = self._read_summary_lines()
            previous = lines.keys()
        found: dict[str, _KnownRow] = {}
        for name, key in files:
            known = memo.get(name)
            if known is None or known.key != key:
                line = lines.get(name)
                known = None if line is None else _KnownRow.from_line(name, key, line)
            if known is not None:
                found[name] = known
        # Many files neither remembered nor summarised (a cache from before summaries, say):
        # taking them from the full index beats parsing their TOML.
        full: dict[str, list[Any]] = {}
        if len(files) - len(found) > INDEX_WORTH_READING:
            full, _ = self._read_index()
        new_memo: dict[str, _KnownRow] = {}
        changed = False
        for name, key in files:
            known = found.get(name)
            if known is None:
                whole = full.get(name)
                if whole is not None and whole[0] == key:
                    known = _KnownRow.from_full_record(name, whole)
                if known is None:
                    session, problem, passing = self._parse_file(logs / name)
                    if passing is not None:
                        problems.append(FileProblem(logs / name, passing))
                        changed = True
                        continue
                    known = _KnownRow.make(name, key, session, problem)
                changed = True
            new_memo[name] = known
        # Only an index that covers every file scanned may vouch for them all.
        covered = _files_fingerprint(files) if files and len(new_memo) == len(files) else ""
        if changed or new_memo.keys() != previous or covered != self._summary_fingerprint:
            self._write_summary_index(new_memo, covered)
        self._row_memo = new_memo

        newest = sorted(
            (
                (k.sort_key, name[: -len(SUFFIX)], name)
                for name, k in new_memo.items()
                if k.sort_key
            ),
            reverse=True,
        )
        rows: list[SessionRow] = []
        for _, _, name in newest:
            if limit is not None and len(rows) >= limit:
                break
            row = new_memo[name].row()
            if where is None or where(row):
                rows.append(row)
        problems += [
            FileProblem(logs / name, k.problem()) for name, k in new_memo.items() if not k.sort_key
        ]
        problems.sort(key=lambda p: p.path.name)
        return Summaries(rows=tuple(rows), problems=tuple(problems), count=len(newest))

    def _read_summary_lines(self) -> dict[str, bytes]:
        """``{file name: its line}`` from the summary index, nothing decoded; empty if unusable."""
        try:
            with open(self.summary_index_path, "rb") as fh:
                data = fh.read()
        except OSError:
            return {}
        header_end = data.find(b"\n")
        header = _summary_header(data[:header_end]) if header_end > 0 else None
        body = data[header_end + 1 :]
        if header is None or not _summary_body_intact(header, body):
            return {}  # rebuilt, so the next fresh read can serve its first page again
        self._summary_fingerprint = header.files
        out: dict[str, bytes] = {}
        for line in body.splitlines():
            end = line.find(b'"', 2)
            name = line[2:end]
            if line[:2] != b'["' or end < 0 or b"\\" in name:
                try:  # an unusual name, written with escapes
                    name_text = json.loads(line)[0]
                except (ValueError, TypeError, IndexError, KeyError):
                    continue
                if isinstance(name_text, str):
                    out[name_text] = line
                continue
            try:
                out[name.decode("utf-8")] = line
            except UnicodeDecodeError:
                continue
        return out

    def unfinished(self) -> list[Session]:
        """Sessions still ``in-progress`` (to offer resuming), newest first.

        Found by a byte search of the summary index's lines instead of decoding thousands of
        rows (a note that happens to contain the words only costs reading that one file); only
        those sessions' files are read in full. A file that cannot be read any more (changed
        since it was summarised) is left out.
        """
        found = []
        for name in self._unfinished_candidates():
            try:
                session = self.load(name[: -len(SUFFIX)])
            except StoreError:
                continue
            if session.status == "in-progress":
                found.append(session)
        return found

    def _unfinished_candidates(self) -> list[str]:
        """Names of the files whose summary line mentions ``in-progress``, newest first."""
        with self._reading():
            files, problems = self._scan()
            if not self._row_memo:
                vouched = self._fingerprinted_body(files)
                if vouched is not None:  # rows are stored newest first
                    with contextlib.suppress(ValueError, TypeError, IndexError, KeyError):
                        lines = _lines_with(vouched[1], _IN_PROGRESS)
                        return [str(json.loads(line)[0]) for line in lines]
            self._summaries_checked(files, problems, 0, None)  # decodes no row
            candidates = sorted(
                (
                    (known.sort_key, name[: -len(SUFFIX)], name)  # as summaries() orders rows
                    for name, known in self._row_memo.items()
                    if _IN_PROGRESS in known.line
                ),
                reverse=True,
            )
            return [name for _, _, name in candidates]

    # ------------------------------------------------------------------ housekeeping

    def delete(self, session_id: str) -> Path:
        """Move the session's file to the trash folder and return its new path."""
        source = self.path_for(session_id)
        if not source.exists():
            raise SessionNotFoundError(source, session_id)
        trash = self.paths.trash_dir
        try:
            trash.mkdir(parents=True, exist_ok=True)
            target = trash / source.name
            n = 1
            while target.exists():
                target = trash / f"{source.stem}.{n}{SUFFIX}"
                n += 1
            os.replace(source, target)
        except OSError as exc:
            raise StoreError(
                f"could not move {source} to the trash {trash}: {_reason(exc)}"
            ) from exc
        if self.durable:
            _fsync_dir(self.logs_dir)
        return target

    def clean_temp_files(self, max_age: float = STALE_TEMP_SECONDS) -> int:
        """Remove temp files left by writes that were killed; returns how many were removed.

        Only files older than ``max_age`` seconds go, so a write in progress in another
        instance is never disturbed. :meth:`history` does this on its own scan too.
        """
        try:
            entries = list(os.scandir(self.logs_dir))
        except OSError:
            return 0
        now = time.time()
        return sum(
            self._remove_if_stale(e, now, max_age)
            for e in entries
            if e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX)
        )

    @staticmethod
    def _remove_if_stale(
        entry: os.DirEntry[str], now: float, max_age: float = STALE_TEMP_SECONDS
    ) -> bool:
        try:
            if now - entry.stat().st_mtime < max_age:
                return False
            os.unlink(entry.path)
        except OSError:
            return False
        return True

    # ------------------------------------------------------------------ the index

    @staticmethod
    def _parse_file(path: Path) -> tuple[Session | None, str | None, str | None]:
        """``(session, problem, passing_problem)``: one of them is set.

        A *problem* is in the file (cached with its stat key); a *passing* one is not (such as
        permissions) and is not cached.
        """
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return None, None, _reason(exc)
        try:
            return parse_session_bytes(raw, path), None, None
        except LogFormatError as exc:
            return None, exc.reason, None
        except (ValueError, TypeError, RecursionError) as exc:
            return None, f"it cannot be read ({exc})", None

    def _parse_record(self, path: Path, key: list[int]) -> list[Any]:
        """``[key, session_json | None, problem | None, passing_problem | None]``."""
        session, problem, passing = self._parse_file(path)
        return [key, None if session is None else session_to_json(session), problem, passing]

    def _read_index(self) -> tuple[dict[str, list[Any]], dict[str, bytes]]:
        """``{file name: record}`` and ``{file name: its raw line}``; empty if unusable."""
        return self._read_lines(self.index_path, {"index": INDEX_VERSION, "format": FORMAT_VERSION})

    @staticmethod
    def _read_lines(
        path: Path, expected_header: dict[str, int]
    ) -> tuple[dict[str, list[Any]], dict[str, bytes]]:
        try:
            with open(path, "rb") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return {}, {}
        if not lines:
            return {}, {}
        try:
            header = json.loads(lines[0])
            if header != expected_header:
                return {}, {}
            index: dict[str, list[Any]] = {}
            raw: dict[str, bytes] = {}
            for line in lines[1:]:
                name, *record = json.loads(line)
                index[name] = record
                raw[name] = line
        except (ValueError, TypeError):
            return {}, {}  # a damaged index is simply rebuilt
        return index, raw

    def _write_index(self, known: dict[str, _Known]) -> None:
        lines = [json.dumps({"index": INDEX_VERSION, "format": FORMAT_VERSION}).encode()]
        for name, k in known.items():
            if k.line is None:
                k.line = _json_line([name, k.key, k.json, k.problem, None])
            lines.append(k.line)
        payload = b"\n".join(lines) + b"\n"
        with contextlib.suppress(SaveError):
            # Derived data: a cache that cannot be written only costs speed next time.
            self._write_atomic(self.index_path, payload, durable=False)

    def _write_summary_index(self, known: dict[str, _KnownRow], files: str) -> None:
        """Rows newest first (as :meth:`summaries` returns them), then unreadable files."""
        rows = sorted(
            ((k.sort_key, name[: -len(SUFFIX)], k.line) for name, k in known.items() if k.sort_key),
            reverse=True,
        )
        unreadable = sorted((name, k.line) for name, k in known.items() if not k.sort_key)
        header = {
            "summaries": SUMMARY_INDEX_VERSION,
            "format": FORMAT_VERSION,
            "files": files,
            "rows": len(rows),
            "problems": len(unreadable),
        }
        body = b"".join(
            [line + b"\n" for _, _, line in rows] + [line + b"\n" for _, line in unreadable]
        )
        header["lines"] = _lines_check(body)
        payload = json.dumps(header, separators=(",", ":")).encode() + b"\n" + body
        with contextlib.suppress(SaveError):
            self._write_atomic(self.summary_index_path, payload, durable=False)
        # Even if the write failed: like the rows, it is retried when something changes.
        self._summary_fingerprint = files


@dataclass(eq=False)
class _Known:
    """One file as last seen: its stat key, and its session or the reason it is unreadable."""

    key: list[int]
    session: Session | None
    problem: str | None
    json: list[Any] | None
    line: bytes | None
    """Its line in the index, once written or read (reused so unchanged lines are not re-encoded)."""

    @classmethod
    def from_record(cls, record: list[Any], line: bytes | None) -> _Known | None:
        """From an index record; ``None`` if the record is damaged."""
        try:
            key, data, problem, _passing = record
            if data is not None:
                return cls(key, session_from_json(data), None, data, line)
            if isinstance(problem, str):
                return cls(key, None, problem, None, line)
        except (ValueError, TypeError, IndexError):
            pass
        return None


@dataclass(frozen=True)
class _SummaryHeader:
    """The first line of the summary index."""

    files: str
    """:func:`_files_fingerprint` of the files the index covers; empty if it covers not all."""
    lines: str
    """:func:`_lines_check` of every line after the header, as written."""
    rows: int
    problems: int


def _summary_header(line: bytes) -> _SummaryHeader | None:
    """The header if ``line`` is one this version wrote, else ``None`` (rebuild the index)."""
    try:
        data = json.loads(line)
        if data.get("summaries") != SUMMARY_INDEX_VERSION or data.get("format") != FORMAT_VERSION:
            return None
        files, lines = data["files"], data["lines"]
        rows, problems = data["rows"], data["problems"]
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if not isinstance(files, str) or not isinstance(lines, str):
        return None
    if not isinstance(rows, int) or not isinstance(problems, int) or rows < 0 or problems < 0:
        return None
    return _SummaryHeader(files, lines, rows, problems)


def _files_fingerprint(files: _Files) -> str:
    """A digest of every session file's name and (mtime_ns, size, inode)."""
    ordered = sorted(files)
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\0".join([name for name, _ in ordered]).encode("utf-8", "surrogateescape"))
    digest.update(repr([key for _, key in ordered]).encode())
    return digest.hexdigest()


def _summary_body_intact(header: _SummaryHeader, body: bytes) -> bool:
    """Whether ``body``, what follows the header line, is what was written with it."""
    if body.count(b"\n") != header.rows + header.problems:
        return False
    return _lines_check(body) == header.lines


def _lines_check(body: bytes) -> str:
    """A checksum of the index lines, to notice a cache damaged after it was written."""
    return f"{zlib.crc32(body):08x}"


def _lines_with(data: bytes, needle: bytes) -> list[bytes]:
    """The lines of ``data`` that contain ``needle``, in order, found without splitting."""
    found = []
    at = data.find(needle)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        if end < 0:
            end = len(data)
        found.append(data[start:end])
        at = data.find(needle, end)
    return found


def _lines(data: bytes) -> Iterator[bytes]:
    """The lines of ``data``, split only as far as they are read."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        yield data[start:end]
        start = end + 1


class _DamagedLine(Exception):
    """A summary index line passed its key check but cannot be decoded."""


def _json_line(value: list[Any]) -> bytes:
    """``value`` as one compact JSON line, UTF-8; all-ASCII escapes if it holds a file name
    that is not valid UTF-8 (as os.scandir gives them, with surrogates)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def _line_head(name: str, key: list[int]) -> bytes:
    """How the summary index line of ``name`` with stat ``key`` begins."""
    if '"' not in name and "\\" not in name and name.isprintable():  # as json.dumps writes it
        return f'["{name}",[{key[0]},{key[1]},{key[2]}],'.encode()
    return _json_line([name, key])[:-1] + b","


def _sort_key(session_row_: SessionRow) -> str:
    """The start as a fixed-width UTC text: sorts like the instants themselves."""
    started = session_row_.started_at
    try:
        moment = started.replace(tzinfo=None) - started.utcoffset()  # type: ignore[operator]
    except OverflowError:
        moment = datetime.min if started.year < 5000 else datetime.max
    return moment.isoformat(timespec="microseconds")


class _KnownRow:
    """One file as last seen by :meth:`LogStore.summaries`.

    Its line in the summary index is ``[name, [mtime_ns, size, inode], sort_key, row, problem]``
    with ``sort_key`` the start as UTC text (empty for an unreadable file). Checking a line
    against the file and sorting need only its head; the row is decoded when it is asked for.
    """

    __slots__ = ("_problem", "_row", "key", "line", "sort_key")

    def __init__(
        self,
        key: list[int],
        sort_key: str,
        line: bytes,
        row: SessionRow | None = None,
        problem: str | None = None,
    ) -> None:
        self.key = key
        self.sort_key = sort_key
        self.line = line
        self._row = row
        self._problem = problem

    @classmethod
    def make(
        cls, name: str, key: list[int], session: Session | None, problem: str | None
    ) -> _KnownRow:
        if session is None:
            problem = problem or "unreadable"
            line = _json_line([name, key, "", None, problem])
            return cls(key, "", line, problem=problem)
        row = session_row(session)
        sort_key = _sort_key(row)
        line = _json_line([name, key, sort_key, row_to_json(row), None])
        return cls(key, sort_key, line, row=row)

    @classmethod
    def from_line(cls, name: str, key: list[int], line: bytes) -> _KnownRow | None:
        """The line's entry if it was written for the file as it is now, else ``None``."""
        head = _line_head(name, key)
        if not line.startswith(head) or line[len(head) : len(head) + 1] != b'"':
            return None
        start = len(head) + 1
        end = line.find(b'"', start)
        if end < 0:
            return None
        return cls(key, line[start:end].decode("ascii", "replace"), line)

    @classmethod
    def from_full_record(cls, name: str, record: list[Any]) -> _KnownRow | None:
        """From a full index record ``[key, session_json, problem, passing]``."""
        known = _Known.from_record(record, None)
        if known is None:
            return None
        return cls.make(name, known.key, known.session, known.problem)

    def _decoded(self) -> list[Any]:
        try:
            data = json.loads(self.line)
            if not isinstance(data, list) or len(data) != 5:
                raise _DamagedLine
            return data
        except (ValueError, TypeError) as exc:
            raise _DamagedLine from exc

    def row(self) -> SessionRow:
        """The summary (decoded on first use); raises :class:`_DamagedLine`."""
        if self._row is None:
            try:
                self._row = row_from_json(self._decoded()[3])
            except (ValueError, TypeError, IndexError) as exc:
                raise _DamagedLine from exc
        return self._row

    def problem(self) -> str:
        """Why the file cannot be read (for an entry with no sort key)."""
        if self._problem is None:
            problem = self._decoded()[4]
            if not isinstance(problem, str):
                raise _DamagedLine
            self._problem = problem
        return self._problem


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable. Some file systems cannot fsync a folder; that is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # EINVAL and friends on file systems without folder fsync; the rename stands
    finally:
        os.close(fd)
