"""One owner per unfinished session: a lease that dies with its process.

A running session is owned by the process that holds ``logs/.<id>.lease``: an exclusive
:func:`fcntl.flock` on that open file. The kernel drops the lock when the process ends, however
it ends (a kill, a dropped SSH link, a crash), so a lease is never stale: a lease file whose lock
nobody holds belongs to nobody. The file also says who holds it (:class:`Holder`: pid, host,
since when, and how the session is reached, a terminal or an SSH link), so a second instance can
say where the session is open before it offers to take it over.

Taking over replaces the lease file with a new one, already locked by the new owner. The old
owner still holds a lock, but on a file that is no longer the lease: :meth:`Lease.check`, called
before every save, sees that and raises :class:`SessionTakenOverError`.

Limits (see docs/log-format.md): the lock is only as good as the filesystem's ``flock``. On a
local filesystem it is exact. On NFS, Linux emulates ``flock`` with byte-range locks, which work
between machines only where the lock service runs. A folder synced between machines (Syncthing,
a cloud folder, git) carries the lease file but never the lock: each machine can own the same
session. On Windows there is no ``flock``: no lease is taken there. In all those cases the
recorder's other guard still holds: it never overwrites a session file that changed since it
last wrote it (:mod:`glutetui.workout.recorder`).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from glutetui.fsutil import temp_name
from glutetui.log.errors import SaveError, StoreError, os_reason
from glutetui.text import neutralise

if sys.platform != "win32":
    import fcntl

LEASE_SUFFIX = ".lease"
MAX_LEASE_BYTES = 4096
"""A lease file is a few hundred bytes; anything longer was not written by glutetui."""
MAX_FIELD = 200
"""The longest host name or way in that a lease file may give."""
ATTEMPTS = 5
"""Tries at locking the lease file while other processes replace or probe it."""


def lease_path(logs_dir: Path, session_id: str) -> Path:
    """``logs/.<id>.lease``: hidden, so every reader of ``logs/`` passes it by."""
    return logs_dir / f".{session_id}{LEASE_SUFFIX}"


@dataclass(frozen=True)
class Holder:
    """Who holds a lease: enough for a person to find the other screen."""

    pid: int
    host: str
    since: datetime | None
    """When the lease was taken (an aware datetime), if the lease file said."""
    via: str = ""
    """``over SSH from 10.1.2.3``, ``on /dev/pts/4``, or empty when neither is known."""

    @classmethod
    def here(cls, now: datetime) -> Holder:
        """This process, as a lease file records it."""
        return cls(os.getpid(), socket.gethostname(), now, _way_in())

    @property
    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def describe(self) -> str:
        """``open in another glutetui since 17:02, pid 1234 on host, over SSH from …``."""
        if self.is_this_process:
            return "open in this glutetui"
        if self.pid <= 0:  # held, but its file did not say by whom (being written just now)
            return "open in another glutetui"
        since = f" since {self.since.astimezone():%H:%M}" if self.since is not None else ""
        via = f", {self.via}" if self.via else ""
        return f"open in another glutetui{since}, pid {self.pid} on {self.host}{via}"

    def to_json(self) -> bytes:
        since = self.since.isoformat() if self.since is not None else None
        data = {"pid": self.pid, "host": self.host, "since": since, "via": self.via}
        return json.dumps(data).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, raw: bytes) -> Holder | None:
        """The holder a lease file names, or ``None`` if it names none that glutetui could
        have written (empty, cut short, hand-made)."""
        if not raw or len(raw) > MAX_LEASE_BYTES:
            return None
        try:
            data = json.loads(raw)
            pid, host, since, via = data["pid"], data["host"], data["since"], data["via"]
        except (ValueError, TypeError, KeyError):
            return None
        if not (isinstance(pid, int) and not isinstance(pid, bool) and 0 < pid < 2**31):
            return None
        if not (isinstance(host, str) and isinstance(via, str)):
            return None
        if len(host) > MAX_FIELD or len(via) > MAX_FIELD:
            return None
        when = None
        if isinstance(since, str):
            with contextlib.suppress(ValueError):
                when = datetime.fromisoformat(since)
            if when is not None and when.tzinfo is None:
                when = None
        # Shown on screens and in messages: never a control character from a file.
        return cls(pid, neutralise(host), when, neutralise(via))


def _way_in() -> str:
    """How this process is reached: the SSH link it came in on, or its terminal."""
    ssh = os.environ.get("SSH_CONNECTION", "").split()
    if ssh:
        return f"over SSH from {ssh[0][:MAX_FIELD]}"
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            if os.isatty(fd):
                return f"on {os.ttyname(fd)}"
    return ""


class SessionClaimError(StoreError):
    """A save refused so as not to overwrite what another owner (or a person) wrote.

    ``path`` and ``reason`` say where and why. The session is kept in memory: it can be saved
    under a new id (:meth:`glutetui.workout.recorder.Recorder.save_apart`).
    """

    path: Path
    reason: str


class SessionHeldError(SessionClaimError):
    """The session is open in another process (or already in this one)."""

    def __init__(self, path: Path, session_id: str, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        where = holder.describe() if holder is not None else "open in another glutetui"
        self.reason = f"session {session_id} is {where}"
        super().__init__(self.reason)


class SessionTakenOverError(SessionClaimError):
    """Another process took the session over: this one must not write it any more."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe().replace("open in", "by") if holder is not None else "elsewhere"
        self.reason = f"the session was taken over {who}"
        super().__init__(self.reason)


class Lease:
    """This process's hold on one session. Make one with :meth:`acquire`."""

    def __init__(self, path: Path, fd: int | None, holder: Holder) -> None:
        self.path = path
        self._fd = fd
        """The locked lease file; ``None`` where there is no ``flock`` (Windows)."""
        self._held = True
        self.holder = holder

    @classmethod
    def acquire(cls, path: Path, now: datetime, *, take_over: bool = False) -> Lease:
        """Hold the lease at ``path``; raise :class:`SessionHeldError` if another process does.

        With ``take_over`` a held lease is taken from its holder, who finds out before its next
        save (:meth:`check`). Raises :class:`StoreError` when the folder cannot be written.
        """
        holder = Holder.here(now)
        if sys.platform == "win32":
            return cls(path, None, holder)
        try:
            return cls._acquire(path, holder, take_over)
        except OSError as exc:  # the folder is missing, read-only or full: as a save would fail
            raise SaveError(path, os_reason(exc)) from exc

    @classmethod
    def _acquire(cls, path: Path, holder: Holder, take_over: bool) -> Lease:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        held_by: Holder | None = None
        for _ in range(ATTEMPTS):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                held_by = _read_holder(fd)
                os.close(fd)
                if take_over:
                    return cls._replace(path, holder)
                if held_by is not None and _gone(held_by):
                    continue  # a probe (holder_of) has it for a moment, not its dead owner
                break
            if not _names(path, fd):  # replaced between open and lock: lock the new one
                os.close(fd)
                continue
            _write_holder(fd, holder)
            return cls(path, fd, holder)
        raise SessionHeldError(path, path.name[1 : -len(LEASE_SUFFIX)], held_by)

    @classmethod
    def _replace(cls, path: Path, holder: Holder) -> Lease:
        """A new lease file, locked and filled in, put in the old one's place in one rename."""
        temp = path.with_name(temp_name(path.name))
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _write_holder(fd, holder)
            os.replace(temp, path)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        return cls(path, fd, holder)

    @property
    def held(self) -> bool:
        """This process still holds the lease (nobody took it over; not released)."""
        return self._held and (self._fd is None or _names(self.path, self._fd))

    def check(self) -> None:
        """Raise :class:`SessionTakenOverError` if the lease is not this process's any more.

        A lease file that vanished (removed by hand, its folder moved away) is taken again if
        nobody else took it meanwhile; if it cannot be (the folder is missing or read-only),
        :class:`SaveError` says so, as the save itself would.
        """
        if not self._held:
            raise SessionTakenOverError(self.path, holder_of(self.path))
        if self._fd is None:
            return
        try:
            on_disk = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            self._renew()
            return
        except OSError as exc:
            raise SaveError(self.path, os_reason(exc)) from exc
        mine = os.fstat(self._fd)
        if (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino):
            raise SessionTakenOverError(self.path, holder_of(self.path))

    def _renew(self) -> None:
        try:
            fresh = Lease.acquire(self.path, self.holder.since or datetime.now().astimezone())
        except SessionHeldError as exc:  # someone took the vanished lease: theirs now
            raise SessionTakenOverError(self.path, exc.holder) from exc
        old, self._fd = self._fd, fresh._fd
        fresh._fd, fresh._held = None, False
        if old is not None:
            os.close(old)

    def release(self) -> None:
        """Let the session go (it is finished, or saved under another id). Idempotent."""
        fd, self._fd, self._held = self._fd, None, False
        if fd is None:
            return
        try:
            if _names(self.path, fd):  # ours still: nobody needs the file any more
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
        finally:
            os.close(fd)


def holder_of(path: Path) -> Holder | None:
    """Who holds the lease at ``path`` now (this process included); ``None`` if nobody does."""
    if sys.platform == "win32":
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None  # no lease file: nobody ever held it, or its owner let it go
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(fd) or Holder(0, "", None)  # held: by whom, unsaid
        except OSError:
            return None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` is still the file open as ``fd`` (not replaced, not removed)."""
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _read_holder(fd: int) -> Holder | None:
    try:
        return Holder.from_json(os.pread(fd, MAX_LEASE_BYTES + 1, 0))
    except OSError:
        return None


def _write_holder(fd: int, holder: Holder) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, holder.to_json(), 0)


def _gone(holder: Holder) -> bool:
    """Whether ``holder`` is a process of this machine that no longer runs."""
    if holder.host != socket.gethostname() or holder.pid <= 0:
        return False
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # another account's process: alive
        return False
    return False
