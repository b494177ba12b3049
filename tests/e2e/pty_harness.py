"""The real ``python -m glutetui`` on a pseudo-terminal, for the end-to-end tests.

:class:`Terminal` starts the app (or another command, ``ssh`` say) at 80x24 with a temporary
config dir and reads what it draws in the background. It can type, send signals and hang up:
closing the terminal's master side is what a dropped SSH link or a killed tmux session does (the
kernel hangs the terminal up and sends SIGHUP and SIGCONT to glutetui, the session leader).
Everything waits on events, with generous time limits: new output (the reader thread
notifies), a process's exit (a pidfd), never a sleep in a loop.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import threading
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>NOMc78]"
)
TIMEOUT = 30.0
GONE_WITHIN = 5.0
"""A process still there this long after a hang-up is left behind (the issue's bound)."""
FORKING = threading.Lock()
"""Held from forking until the master side is close-on-exec: every child forked meanwhile would
keep it open, and the terminal would not hang up when the test closes it."""


def make_config_dir(root: Path) -> Path:
    """A fresh config dir under ``root`` whose first-run notice was already shown."""
    config = root / "config"
    config.mkdir(mode=0o700)  # private, as glutetui makes it: no warning to read past
    (config / "state.toml").write_text("first_run_notice_shown = true\n")
    return config


class Terminal:
    """``python -m glutetui`` (or ``argv``) on a pseudo-terminal, its output read in the background."""

    def __init__(
        self,
        config_dir: Path,
        *,
        argv: Sequence[str] = (sys.executable, "-m", "glutetui"),
        env: Mapping[str, str | None] | None = None,
    ) -> None:
        """Run ``argv`` (glutetui by default); ``env`` adds to the environment, and a
        ``None`` value removes that variable."""
        environ = {
            **os.environ,
            "GLUTETUI_CONFIG_DIR": str(config_dir),
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
        }
        environ.pop("NO_COLOR", None)
        environ.pop("TEXTUAL", None)
        for name, value in (env or {}).items():
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        command = list(argv)
        with FORKING:
            self.pid, self.fd = pty.fork()
            if self.pid:
                os.set_inheritable(self.fd, False)  # pty.fork leaves it inheritable
        if self.pid == 0:  # the child: size the terminal, then become glutetui
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
                os.execvpe(command[0], command, environ)
            finally:
                os._exit(127)
        self.output = bytearray()
        self.status: int | None = None
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        """Notified by the reader for every chunk of output and when the output ends."""
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            self._read_until_closed()
        finally:
            with self._changed:
                self._changed.notify_all()  # waiters look again: the process may be gone

    def _read_until_closed(self) -> None:
        # A short select rather than a blocking read: a read in progress would keep the master
        # side open after hang_up closed it, and the terminal would never hang up.
        while not self._stop.is_set():
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            with self._changed:
                self.output.extend(chunk)
                self._changed.notify_all()

    def raw(self) -> bytes:
        """Everything written so far, escape sequences and all."""
        with self._lock:
            return bytes(self.output)

    def text(self) -> str:
        """Everything shown so far, with the escape sequences taken out."""
        return ANSI.sub(b"", self.raw()).decode("utf-8", "replace")

    def shows(self, needle: str) -> bool:
        """Whether ``needle`` was drawn (spaces may be drawn as cursor moves)."""
        text = self.text()
        return needle in text or needle.replace(" ", "") in text.replace(" ", "")

    def wait_for_text(self, needle: str, timeout: float = TIMEOUT) -> None:
        """Poll the output until ``needle`` appears."""
        self._wait_for(lambda: self.shows(needle), repr(needle), timeout)

    def wait_for_bytes(self, needle: bytes, timeout: float = TIMEOUT) -> None:
        """Poll the output until ``needle``, an escape sequence say, was written."""
        self._wait_for(lambda: needle in self.raw(), repr(needle), timeout)

    def _wait_for(self, shown: Callable[[], bool], what: str, timeout: float) -> None:
        """Wait for new output (the reader's notice) until ``shown()``; no sleeping."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not shown():
                self.assert_running()
                left = deadline - time.monotonic()
                if left <= 0 or not self._reader.is_alive():
                    raise AssertionError(
                        f"{what} never appeared; last output:\n{self.text()[-2000:]}"
                    )
                self._changed.wait(left)

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.fd, keys.encode())

    def hang_up(self) -> None:
        """Close the terminal, as a dropped SSH link or ``tmux kill-session`` does."""
        self._stop.set()
        self._reader.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = -1

    def assert_running(self) -> None:
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.status = status
            raise AssertionError(f"glutetui exited early ({status}):\n{self.text()[-2000:]}")

    def ended_within(self, timeout: float) -> bool:
        """Whether the process ended within ``timeout`` seconds (its status is kept)."""
        if self.status is not None:
            return True
        if not exits_within(self.pid, timeout):
            return False
        _, self.status = os.waitpid(self.pid, 0)
        return True

    def output_ended(self, timeout: float = 5.0) -> None:
        """Wait until everything the process wrote has been read (the terminal closed)."""
        self._reader.join(timeout)

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the process to end; return its exit code (fails on a signal death)."""
        if not self.ended_within(timeout):
            raise AssertionError(f"glutetui did not exit within {timeout} s")
        assert self.status is not None
        self._reader.join(timeout=5)
        assert os.WIFEXITED(self.status), (
            f"killed by signal {os.WTERMSIG(self.status)}, not a clean exit"
        )
        return os.WEXITSTATUS(self.status)

    def close(self) -> None:
        """Kill the process if it is still there and close the terminal."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self._stop.set()
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


def exits_within(pid: int, timeout: float) -> bool:
    """Whether process ``pid`` ends (or has ended) within ``timeout`` seconds.

    Waits on a pidfd, which becomes readable when the process exits: no polling.
    """
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
        return bool(ready)
    finally:
        os.close(fd)


def session_files(config_dir: Path) -> list[Path]:
    return sorted((config_dir / "logs").glob("*.toml"))


def read_session(config_dir: Path) -> dict[str, Any]:
    """The one session file's data, or ``{}`` when there is none yet."""
    files = session_files(config_dir)
    if not files:
        return {}
    try:
        return tomllib.loads(files[0].read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # not possible with atomic writes, but never fail on a race here


def wait_for_sets(
    term: Terminal, config_dir: Path, count: int, timeout: float = TIMEOUT
) -> dict[str, Any]:
    """Wait until the screen says ``count`` sets are saved, then return the session file's
    data, which must hold them (the screen says so only after the file is in place)."""
    term.wait_for_text(f"Saved {count} set", timeout)  # "1 set.", "2 sets."
    data = read_session(config_dir)
    assert len(data.get("sets", [])) >= count, f"the screen said saved, the log holds {data}"
    return data
