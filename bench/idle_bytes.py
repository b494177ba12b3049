"""Bytes per second glutetui sends to an 80x24 terminal while idle and during a rest countdown.

A slow link (a phone on SSH over a weak signal) pays for every byte. The target: an idle app
sends nothing; a running timer at most one small update a second.

    .venv/bin/python bench/idle_bytes.py [--seconds 5]

Runs the real ``python -m glutetui`` in a pseudo-terminal with a throwaway config dir, waits
for the library, counts what arrives over ``--seconds`` of doing nothing, then starts a
session (s, g, enter: one set logged, the rest starts) and counts again.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ptyrun import ANSI_RE, take_the_terminal


class App:
    """glutetui on a pty; :meth:`read` drains its output for a while."""

    def __init__(self, config: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "GLUTETUI_CONFIG_DIR": str(config),
        }
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "glutetui"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=take_the_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.seen = b""

    def read(self, seconds: float) -> int:
        """Bytes received over ``seconds``."""
        end = time.monotonic() + seconds
        total = 0
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                chunk = os.read(self.master, 65536)
                total += len(chunk)
                self.seen = (self.seen + chunk)[-200_000:]
        return total

    def wait_for(self, marker: str, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while marker not in ANSI_RE.sub(b"", self.seen).decode("utf-8", "replace"):
            if time.monotonic() > end:
                raise SystemExit(f"{marker!r} never showed")
            self.read(0.2)
        self.seen = b""

    def keys(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        os.close(self.master)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp)
        (config / "state.toml").write_text("first_run_notice_shown = true\n")
        app = App(config)
        try:
            app.wait_for("exercises")
            app.read(1.0)  # let the first frame's stragglers arrive
            idle = app.read(args.seconds)
            app.keys("s")
            app.wait_for("Plan")
            app.keys("g")
            app.wait_for("Set 1 of")
            app.keys("\r")
            app.wait_for("Rest")
            app.read(1.0)
            rest = app.read(args.seconds)
        finally:
            app.close()
    print(f"idle at 80x24:        {idle / args.seconds:8.0f} bytes/s")
    print(f"rest countdown 80x24: {rest / args.seconds:8.0f} bytes/s")


if __name__ == "__main__":
    main()
