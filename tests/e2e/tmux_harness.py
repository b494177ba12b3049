"""The real ``python -m glutetui`` inside a real tmux server, read back with ``capture-pane``.

Each :class:`Tmux` has its own server (a socket and a two-line config of its own under the test's
temp dir) and a control-mode client whose ``%output`` notices say when the pane changed: waits
look at the screen again on each notice, never in a sleep loop. ``capture-pane`` returns the
screen as a person sees it, so the tests read states from words, not colours.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

TIMEOUT = 30.0


def have_tmux() -> bool:
    """Whether a tmux client is on the PATH."""
    return shutil.which("tmux") is not None


class Tmux:
    """glutetui in a detached tmux session of ``width`` x ``height``."""

    def __init__(
        self,
        root: Path,
        config_dir: Path,
        *,
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.socket = str(root / "tmux.sock")
        # Read as the server starts: the pane stays after glutetui exits, to be read. (tmux 3.3a
        # dies on window-size in a config file, so that option is set once the server runs.)
        self.config = root / "tmux.conf"
        self.config.write_text("set -g remain-on-exit on\n")
        settings = {"GLUTETUI_CONFIG_DIR": str(config_dir), **(env or {})}
        exports = " ".join(f"{k}={v}" for k, v in settings.items())
        width, height = size
        # glutetui starts only once the window has its final size (an enter below): a resize
        # before its first frame may come before it listens for one, and it would draw at the
        # size the control client briefly gave the window.
        # COLUMNS and LINES out: Textual would take them over the terminal's own size.
        command = (
            f"sh -c 'read go; exec env -u COLUMNS -u LINES {exports} {sys.executable} -m glutetui'"
        )
        self.tmux(
            "new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height), command,
            ";", "set", "-g", "window-size", "manual",
        )  # fmt: skip
        self._changed = threading.Condition()
        self._client = subprocess.Popen(
            ["tmux", "-S", self.socket, "-f", str(self.config), "-C", "attach", "-t", "main"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        # A control client has a size of its own (80x24): make sure it never wins.
        self.resize(width, height)
        self.keys("Enter")

    def tmux(self, *args: str, stdin: bytes | None = None) -> str:
        """Run a tmux command against this server; its output."""
        done = subprocess.run(
            ["tmux", "-S", self.socket, "-f", str(self.config), *args],
            input=stdin,
            capture_output=True,
            check=True,
            timeout=TIMEOUT,
        )
        return done.stdout.decode("utf-8", "replace")

    def _read(self) -> None:
        assert self._client.stdout is not None
        for _line in self._client.stdout:
            with self._changed:
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def screen(self) -> str:
        """The pane as shown now, one line per row."""
        return self.tmux("capture-pane", "-p", "-t", "main")

    def wait_for(self, needle: str, timeout: float = TIMEOUT) -> str:
        """Wait until ``needle`` is on screen (woken by each change of the pane); the screen."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while needle not in (shown := self.screen()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{needle!r} never showed; the screen:\n{shown}")
                self._changed.wait(min(left, 1.0))
        return shown

    def wait_gone(self, needle: str, timeout: float = TIMEOUT) -> str:
        """Wait until ``needle`` has left the screen; the screen."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while needle in (shown := self.screen()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{needle!r} never went; the screen:\n{shown}")
                self._changed.wait(min(left, 1.0))
        return shown

    def wait_dead(self, timeout: float = TIMEOUT) -> None:
        """Wait until glutetui has exited (woken by each change of the pane)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not self.dead():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"glutetui did not exit; the screen:\n{self.screen()}")
                self._changed.wait(min(left, 1.0))

    def keys(self, *keys: str) -> None:
        """Press tmux keys (``Enter``, ``Escape``, ``s`` ...), one each."""
        for key in keys:
            self.tmux("send-keys", "-t", "main", key)

    def paste(self, text: str) -> None:
        """Paste ``text`` as a terminal paste (bracketed when the app asked for it)."""
        self.tmux("load-buffer", "-b", "paste", "-", stdin=text.encode())
        self.tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", "main")

    def resize(self, width: int, height: int) -> None:
        """Resize the window, as a phone turning or a terminal being dragged does."""
        self.tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height))

    def dead(self) -> bool:
        """Whether glutetui has exited."""
        return self.tmux("display-message", "-p", "-t", "main", "#{pane_dead}").strip() == "1"

    def close(self) -> None:
        """Stop the server and the control client."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.tmux("kill-server")
        with contextlib.suppress(OSError):
            self._client.kill()
        self._client.wait(timeout=TIMEOUT)
        self._reader.join(timeout=5)
