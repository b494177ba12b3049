"""Reading session files for an index: the slow part of a cold read, done once per file.

A log synced to a new machine, or a cache that was deleted, means parsing every TOML file
once. With many files the work is shared out to worker processes (one per core the process
may use, up to :data:`MAX_WORKERS`), each turning whole chunks of files into index lines, so
only bytes cross between processes. ``progress(done, total)`` is called as files are read.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from glutetui.log.entries import CODECS, Codec, Entry
from glutetui.log.errors import LogFormatError, os_reason
from glutetui.log.index import Files, Parsed
from glutetui.log.toml_format import parse_session_bytes
from glutetui.model import Session

Progress = Callable[[int, int], None]
"""Called with ``(files read so far, files to read)`` while files are being read."""

PARALLEL_FROM = 300
"""Fewer files than this are read in this process: starting workers would cost more."""
MAX_WORKERS = 4
CHUNK = 50
"""Files per task handed to a worker: big enough to keep the hand-over cheap, small enough
for the progress bar to move."""


def read_session_file(path: Path) -> tuple[Session | None, str, str]:
    """``(session, problem, passing)``: the session, or why the file cannot be used.

    A *problem* is in the file itself and is remembered with its stat key; a *passing* one is
    not (such as a denied permission): it is reported, but the file is read again next time.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, "", os_reason(exc)
    try:
        return parse_session_bytes(raw, path), "", ""
    except LogFormatError as exc:
        return None, exc.reason, ""
    except (ValueError, TypeError, RecursionError) as exc:
        return None, f"it cannot be read ({exc})", ""


def _parsed(codec: Codec[Any], logs: Path, name: str, key: list[int]) -> Parsed:
    session, problem, passing = read_session_file(logs / name)
    if passing:
        return Parsed(name, None, passing)
    return Parsed(name, Entry.of_file(codec, name, key, session, problem))


def parse_files(
    logs: Path, files: Files, codec: Codec[Any], progress: Progress | None = None
) -> list[Parsed]:
    """Read ``files`` (names in ``logs``) into entries of an index of ``codec``."""
    total = len(files)
    if total >= PARALLEL_FROM and _can_fork():
        workers = min(MAX_WORKERS, _usable_cores(), -(-total // CHUNK))
        found = _in_workers(logs, files, codec, workers, progress) if workers > 1 else None
        if found is not None:
            return found
    out = []
    for done, (name, key) in enumerate(files, 1):
        out.append(_parsed(codec, logs, name, key))
        if progress is not None and (done % CHUNK == 0 or done == total):
            progress(done, total)
    return out


def _can_fork() -> bool:
    """Whether worker processes can be forked safely: on Linux, with no other thread.

    A fork copies only the calling thread, so a lock another thread holds stays locked in the
    child forever; and a fresh interpreter per worker (spawn) costs more than it saves here,
    and needs real standard streams, which a running app does not have. The app reads the
    log in a worker thread, so it reads in process (with its progress bar); the command line
    reads with every core.
    """
    return sys.platform == "linux" and threading.active_count() == 1


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunk_lines(kind: str, logs: str, chunk: Files) -> list[tuple[str, Any, str, bytes]]:
    """In a worker: ``(name, key, sort key, line)`` per file, or ``(name, None, reason, b"")``
    for a file unreadable for a passing reason."""
    codec = CODECS[kind]
    out: list[tuple[str, Any, str, bytes]] = []
    for name, key in chunk:
        parsed = _parsed(codec, Path(logs), name, key)
        entry = parsed.entry
        if entry is None:
            out.append((name, None, parsed.passing or "", b""))
        else:
            out.append((name, key, entry.sort_key, entry.line))
    return out


def _in_workers(
    logs: Path, files: Files, codec: Codec[Any], workers: int, progress: Progress | None
) -> list[Parsed] | None:
    """Entries read by forked worker processes (values decoded later, when asked for);
    ``None`` if workers cannot be started here, so the caller reads the files itself."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork")
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    found: list[Parsed] = []
    try:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_interrupts)
    except OSError:
        return None  # no processes to be had (limits, a sandbox): slower, not broken
    try:
        tasks = [pool.submit(_chunk_lines, codec.kind, str(logs), c) for c in chunks]
        for task in as_completed(tasks):
            for name, key, text, line in task.result():
                if key is None:
                    found.append(Parsed(name, None, text))
                else:
                    found.append(Parsed(name, Entry(key, text, line)))
            if progress is not None:
                progress(len(found), len(files))
    except (OSError, BrokenProcessPool):
        return None
    finally:
        # Ctrl-C (or a failing progress callback) ends the read now, not after every chunk.
        pool.shutdown(wait=True, cancel_futures=True)
    return found


def _leave_interrupts() -> None:
    """In a worker: Ctrl-C is for the reading process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
