"""The per-user log: one TOML file per session under ``logs/``, the source of truth.

* :meth:`LogStore.save` writes the session's file with :func:`glutetui.fsutil.write_atomic`:
  a kill or power cut at any moment leaves either the old or the new file, whole; a failed write
  raises :class:`SaveError` and leaves the old file byte-identical. Saving touches only that
  session's file: it never scans the folder.
* :meth:`LogStore.history` reads every session and :meth:`LogStore.summaries` a
  :class:`SessionRow` per session, each through a derived index in the cache dir
  (:class:`glutetui.log.index.LogIndex`) that is checked against every file's
  (mtime_ns, size, inode) and rebuilt where they disagree.
* A file that cannot be read is never deleted or overwritten: it is reported as a
  :class:`FileProblem` and everything else still loads.

The format is described in ``docs/log-format.md``. This module never imports textual.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Any

from glutetui.fsutil import fsync_dir, is_temp_name, make_private_dirs, write_atomic
from glutetui.log.entries import SESSIONS, SUMMARIES, Codec
from glutetui.log.errors import (
    FileProblem,
    LogFormatError,
    SaveError,
    SessionNotFoundError,
    StoreError,
    UnreadableSessionError,
    os_reason,
)
from glutetui.log.index import Files, LogIndex, Page, Parsed
from glutetui.log.reading import Progress, parse_files
from glutetui.log.summaries import SessionRow, Summaries
from glutetui.log.toml_format import SUFFIX, parse_session_bytes, session_bytes
from glutetui.model import Session
from glutetui.paths import Paths

INDEX_NAME = "log-index.jsonl"
SUMMARY_INDEX_NAME = "log-summaries.jsonl"
STALE_TEMP_SECONDS = 60.0
"""A temp file older than this belongs to a write that died (a live write takes milliseconds)."""
_IN_PROGRESS = b'"in-progress"'
"""How an unfinished session's status reads in its summary line."""

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")


@dataclass(frozen=True)
class History:
    """Every readable session, newest first (by ``started_at``), and every unreadable file."""

    sessions: tuple[Session, ...] = ()
    problems: tuple[FileProblem, ...] = field(default_factory=tuple)


class LogStore:
    """Sessions on disk. Cheap to create: nothing is read until asked.

    ``durable=False`` skips the fsyncs (for tests and benchmarks that write thousands of files);
    the app always uses the default.
    """

    def __init__(self, paths: Paths, *, durable: bool = True) -> None:
        self.paths = paths
        self.durable = durable
        self._sessions = LogIndex(paths.cache_dir / INDEX_NAME, SESSIONS)
        self._summaries = LogIndex(paths.cache_dir / SUMMARY_INDEX_NAME, SUMMARIES)
        # One reader at a time: the app's start-up resume check and the log screen may ask
        # at once, and the second should find the first's work done (in memory, or in the
        # index file it wrote), not repeat it alongside.
        self._read_lock = threading.RLock()
        self.last_scan: Files = []
        """What the latest listing of ``logs/`` found (see :meth:`files`)."""

    # ------------------------------------------------------------------ ids and paths

    @property
    def logs_dir(self) -> Path:
        return self.paths.logs_dir

    @property
    def index_path(self) -> Path:
        """The derived index of whole sessions (safe to delete; it is rebuilt)."""
        return self._sessions.path

    @property
    def summary_index_path(self) -> Path:
        """The derived index of one :class:`SessionRow` per file (safe to delete)."""
        return self._summaries.path

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

    # ------------------------------------------------------------------ one session

    def save(self, session: Session) -> Path:
        """Write ``session`` to its file atomically and return the path.

        Raises :class:`SaveError` (with path and reason) if anything fails; the previous
        file is then byte-identical to what it was and no temp file is left behind.
        """
        target = self.path_for(session.id)
        try:
            payload = session_bytes(session)
        except (ValueError, TypeError) as exc:
            raise SaveError(target, f"the session cannot be written: {exc}") from exc
        try:
            write_atomic(target, payload, durable=self.durable)
        except OSError as exc:
            raise SaveError(target, os_reason(exc)) from exc
        return target

    def load(self, session_id: str) -> Session:
        """The session with ``session_id``; raises :class:`StoreError` with path and reason."""
        path = self.path_for(session_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SessionNotFoundError(path, session_id) from None
        except OSError as exc:
            raise UnreadableSessionError(path, os_reason(exc)) from exc
        try:
            return parse_session_bytes(raw, path)
        except LogFormatError as exc:
            raise UnreadableSessionError(path, exc.reason) from exc

    def exists(self, session_id: str) -> bool:
        """Whether a file for ``session_id`` is in the log (readable or not)."""
        return self.path_for(session_id).exists()

    # ------------------------------------------------------------------ every session

    def history(self, *, progress: Progress | None = None, fresh: bool = False) -> History:
        """Every readable session, newest first, plus a :class:`FileProblem` per unreadable file.

        Served from the session index for files whose (mtime_ns, size, inode) match it; other
        files are parsed (``progress(done, total)`` is called meanwhile) and the index
        rewritten. Stale temp files from killed writes are removed on the way (same scan).
        ``fresh`` reads every file itself, whatever the index says (for a backup: an edit in
        place can keep a file's stat key), and rewrites the index with what it found.
        """
        with self._reading():
            files, problems = self._scan()
            page = self._read(self._sessions, files, problems, progress, fresh=fresh)
            del files  # freed while the collector is off (see _reading)
        return History(sessions=page.values, problems=self._problems(page, problems))

    def summaries(
        self,
        *,
        limit: int | None = None,
        where: Callable[[SessionRow], bool] | None = None,
        progress: Progress | None = None,
        fresh: bool = False,
    ) -> Summaries:
        """A :class:`SessionRow` per readable session, newest first, plus the unreadable files.

        Served from the summary index, checked file by file like :meth:`history`'s. With
        ``limit`` (and optionally ``where``), only the newest ``limit`` rows that ``where``
        accepts are returned, and only those are decoded: ``Summaries.count`` still counts
        every readable session. A store that has read nothing yet first tries the index's
        first page (:meth:`glutetui.log.index.LogIndex.first_page`: no line checked when the
        log is exactly as the index was written for); it then remembers nothing, so a later
        call checks every line. ``progress(done, total)`` is called while files are parsed.
        ``fresh`` reads every file itself, as :meth:`history`'s does (for a check).
        """
        with self._reading():
            files, problems = self._scan()
            page = None
            if limit is not None and not fresh and not self._summaries.remembers:
                page = self._summaries.first_page(files, limit, where)
            if page is None:
                page = self._read(
                    self._summaries, files, problems, progress, limit, where, fresh=fresh
                )
            del files  # freed while the collector is off (see _reading)
        return Summaries(page.values, self._problems(page, problems), page.count)

    def unfinished(self, *, progress: Progress | None = None) -> list[Session]:
        """Sessions still ``in-progress`` (to offer resuming), newest first.

        Found by a byte search of the summary lines instead of decoding thousands of rows (a
        note that happens to contain the words only costs reading that one file); only those
        sessions' files are read in full. A file that cannot be read any more (changed since
        it was summarised) is left out. ``progress(done, total)`` is called while files are
        parsed (a cold log).
        """
        with self._reading():
            files, problems = self._scan()
            names = None
            if not self._summaries.remembers:
                names = self._summaries.names_with(files, _IN_PROGRESS)
            if names is None:
                self._read(self._summaries, files, problems, progress, 0)
                names = self._summaries.names_remembered_with(_IN_PROGRESS)
            del files  # freed while the collector is off (see _reading)
        found = []
        for name in names:
            try:
                session = self.load(name[: -len(SUFFIX)])
            except StoreError:
                continue
            if session.status == "in-progress":
                found.append(session)
        return found

    def files(self) -> Files:
        """Every session file's name and stat key ``[mtime_ns, size, inode]``, now.

        Any save, new file, removal or edit (by this process or any other) changes it, and it
        costs one listing of ``logs/`` (no file is read): a screen compares it with
        :attr:`last_scan` (see :func:`same_files`) to know whether to read the log again.
        """
        return self._scan()[0]

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the read lock, with the cyclic collector off."""
        # Building ~100k small objects triggers many needless cyclic-GC passes (they roughly
        # double the cost); none of these objects form cycles. A scan's objects are freed
        # before the collector is back on: alive then, the first allocation after would
        # make it walk them all (a few milliseconds on every warm read).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            with self._read_lock:
                yield
        finally:
            if was_enabled:
                gc.enable()

    def _read(
        self,
        index: LogIndex[Any],
        files: Files,
        problems: list[FileProblem],
        progress: Progress | None,
        limit: int | None = None,
        where: Callable[[Any], bool] | None = None,
        *,
        fresh: bool = False,
    ) -> Page[Any]:
        """``index.read`` with files it lacks (every file if ``fresh``) parsed from ``logs/``;
        files unreadable for a passing reason are added to ``problems``."""
        codec: Codec[Any] = index.codec

        def parse(missing: Files) -> list[Parsed]:
            return parse_files(self.logs_dir, missing, codec, progress)

        page, passing = index.read(files, parse, limit=limit, where=where, fresh=fresh)
        problems += [FileProblem(self.logs_dir / name, reason) for name, reason in passing]
        return page

    def _problems(self, page: Page[Any], problems: list[FileProblem]) -> tuple[FileProblem, ...]:
        found = problems + [FileProblem(self.logs_dir / n, reason) for n, reason in page.problems]
        return tuple(sorted(found, key=lambda p: p.path.name))

    def _scan(self) -> tuple[Files, list[FileProblem]]:
        """``(name, [mtime_ns, size, inode])`` per session file, by name, and the files in the
        way.

        Every file is stat'ed: an edit in place changes a file's stat key but not its folder's,
        so the folder's own mtime cannot vouch for the files in it. Each stat is made relative
        to the open folder (no path walked per file), and the names come sorted, as
        :func:`glutetui.log.index.fingerprint` takes them. Stale temp files from killed writes
        are removed on the way.
        """
        now = time.time()
        logs = self.logs_dir
        try:
            folder = _open_folder(logs)
        except FileNotFoundError:
            return [], []
        except OSError as exc:
            raise StoreError(f"cannot read the log folder {logs}: {os_reason(exc)}") from exc
        try:
            files, problems = _stat_files(logs, folder, now)
            self.last_scan = files
            return files, problems
        except OSError as exc:
            raise StoreError(f"cannot read the log folder {logs}: {os_reason(exc)}") from exc
        finally:
            if folder is not None:
                os.close(folder)

    # ------------------------------------------------------------------ housekeeping

    def delete(self, session_id: str) -> Path:
        """Move the session's file to the trash folder and return its new path."""
        source = self.path_for(session_id)
        if not source.exists():
            raise SessionNotFoundError(source, session_id)
        trash = self.paths.trash_dir
        try:
            make_private_dirs(trash)
            target = trash / source.name
            n = 1
            while target.exists():
                target = trash / f"{source.stem}.{n}{SUFFIX}"
                n += 1
            os.replace(source, target)
        except OSError as exc:
            raise StoreError(
                f"could not move {source} to the trash {trash}: {os_reason(exc)}"
            ) from exc
        if self.durable:
            fsync_dir(self.logs_dir)
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
            _remove_if_stale(Path(e.path), now, max_age) for e in entries if is_temp_name(e.name)
        )


def same_files(one: Files, other: Files) -> bool:
    """Whether two listings (:meth:`LogStore.files`) found the same files, unchanged."""
    return {name: tuple(key) for name, key in one} == {name: tuple(key) for name, key in other}


_STAT_IN_FOLDER = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd


def _open_folder(logs: Path) -> int | None:
    """A descriptor of ``logs`` to list and stat relative to, where the platform can (else
    ``None``); raises ``OSError`` if the folder cannot be opened."""
    if not _STAT_IN_FOLDER:
        os.stat(logs)  # the same errors as opening it
        return None
    return os.open(logs, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _stat_files(logs: Path, folder: int | None, now: float) -> tuple[Files, list[FileProblem]]:
    """The session files in ``logs`` (open as ``folder``), by name, with their stat keys."""
    stat = os.stat
    problems: list[FileProblem] = []
    files: Files = []
    for name in sorted(os.listdir(logs if folder is None else folder)):
        if name[0] == "." or not name.endswith(SUFFIX):
            if is_temp_name(name):
                _remove_if_stale(logs / name, now)
            continue
        try:
            st = stat(logs / name) if folder is None else stat(name, dir_fd=folder)
        except OSError as exc:
            problems.append(FileProblem(logs / name, os_reason(exc)))
            continue
        if not S_ISREG(st.st_mode):
            reason = "it is a folder, not a file" if S_ISDIR(st.st_mode) else "it is not a file"
            problems.append(FileProblem(logs / name, reason))
            continue
        files.append((name, [st.st_mtime_ns, st.st_size, st.st_ino]))
    return files, problems


def _remove_if_stale(path: Path, now: float, max_age: float = STALE_TEMP_SECONDS) -> bool:
    try:
        if now - path.stat().st_mtime < max_age:
            return False
        os.unlink(path)
    except OSError:
        return False
    return True
