"""The real ``python -m glutetui`` under a pseudo-terminal: a hang-up mid-session loses no set.

Starts the app at 80x24 with a temporary config dir, plans a session from the library (``s``,
``g``), logs two sets (enter, enter), sends SIGHUP and checks that the process leaves cleanly
and that the log file holds both sets, still in progress. A second run must offer to resume.
Everything waits by polling the output or the file system, with generous time limits.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>NOMc78]"
)
TIMEOUT = 30.0


class Terminal:
    """``python -m glutetui`` on a pseudo-terminal, with its output read in the background."""

    def __init__(self, config_dir: Path) -> None:
        env = {
            **os.environ,
            "GLUTETUI_CONFIG_DIR": str(config_dir),
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
        }
        env.pop("NO_COLOR", None)
        env.pop("TEXTUAL", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become glutetui
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
                os.execve(sys.executable, [sys.executable, "-m", "glutetui"], env)
            finally:
                os._exit(127)
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.status: int | None = None

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def text(self) -> str:
        """Everything shown so far, with the escape sequences taken out."""
        with self._lock:
            raw = bytes(self.output)
        return ANSI.sub(b"", raw).decode("utf-8", "replace")

    def wait_for_text(self, needle: str, timeout: float = TIMEOUT) -> None:
        """Poll the output until ``needle`` appears (spaces may be drawn as cursor moves)."""
        squeeze = needle.replace(" ", "")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text()
            if needle in text or squeeze in text.replace(" ", ""):
                return
            self.assert_running()
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; last output:\n{self.text()[-2000:]}")

    def send(self, keys: str) -> None:
        """Type ``keys``."""
        os.write(self.fd, keys.encode())

    def assert_running(self) -> None:
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.status = status
            raise AssertionError(f"glutetui exited early ({status}):\n{self.text()[-2000:]}")

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the process to end; return its exit code (fails on a signal death)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                self._reader.join(timeout=5)
                assert os.WIFEXITED(status), (
                    f"killed by signal {os.WTERMSIG(status)}, not a clean exit"
                )
                return os.WEXITSTATUS(status)
            time.sleep(0.05)
        raise AssertionError(f"glutetui did not exit within {timeout} s")

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        with contextlib.suppress(OSError):
            os.close(self.fd)


def session_files(config_dir: Path) -> list[Path]:
    return sorted((config_dir / "logs").glob("*.toml"))


def wait_for_sets(config_dir: Path, count: int, timeout: float = TIMEOUT) -> dict:
    """Poll the logs folder until the session file holds ``count`` sets; return its data."""
    deadline = time.monotonic() + timeout
    data: dict = {}
    while time.monotonic() < deadline:
        files = session_files(config_dir)
        if files:
            try:
                data = tomllib.loads(files[0].read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError):
                data = {}  # not possible with atomic writes, but never fail on a race here
            if len(data.get("sets", [])) >= count:
                return data
        time.sleep(0.05)
    raise AssertionError(f"the log never held {count} sets: {data}")


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    (config / "state.toml").write_text("first_run_notice_shown = true\n")
    return config


def test_sighup_mid_session_keeps_every_logged_set(config_dir: Path) -> None:
    term = Terminal(config_dir)
    try:
        term.wait_for_text("Library")
        term.wait_for_text("Barbell hip thrust")
        term.send("s")
        term.wait_for_text("Plan a session")
        term.send("g")
        term.wait_for_text("Set 1 of 3")
        term.send("\r")
        wait_for_sets(config_dir, 1)
        term.wait_for_text("Set 2 of 3")
        term.send("\r")
        data = wait_for_sets(config_dir, 2)
        os.kill(term.pid, signal.SIGHUP)
        code = term.wait_exit()
    finally:
        term.close()
    assert code == 128 + signal.SIGHUP
    assert "Traceback" not in term.text()
    files = session_files(config_dir)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text("utf-8"))
    assert data["status"] == "in-progress"
    assert [(s["exercise_id"], s["set_number"]) for s in data["sets"]] == [
        ("barbell-hip-thrust", 1),
        ("barbell-hip-thrust", 2),
    ]
    assert data["cursor"] == 2

    # The next start offers to resume exactly there; SIGTERM ends that run cleanly too.
    again = Terminal(config_dir)
    try:
        again.wait_for_text("Resume your unfinished session?")
        again.wait_for_text("Set 3 of 3")
        os.kill(again.pid, signal.SIGTERM)
        assert again.wait_exit() == 128 + signal.SIGTERM
    finally:
        again.close()
    assert tomllib.loads(files[0].read_text("utf-8"))["status"] == "in-progress"
