"""Run a program under a pseudo-terminal and time how long it takes to draw a marker."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

ANSI_RE = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)


def take_the_terminal() -> None:
    """``preexec_fn`` after ``start_new_session``: stdin, the pty, becomes the controlling
    terminal, as a login's does (glutetui refuses to start without one)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def time_to_marker(
    argv: Sequence[str],
    marker: str,
    env: Mapping[str, str] | None = None,
    size: tuple[int, int] = (80, 24),
    timeout: float = 20.0,
    then: Sequence[tuple[bytes, str]] = (),
) -> float:
    """Seconds from spawning ``argv`` in an 80x24 pty until ``marker`` is on screen.

    With ``then``, once ``marker`` is drawn each ``(keys, next_marker)`` in turn sends ``keys``
    and waits for ``next_marker`` in the output that follows them; the result is then the
    seconds from sending the last keys until their marker was drawn (start-up not included).

    Escape sequences are stripped before searching, so a marker only has to be drawn as
    contiguous text. The process is killed afterwards.
    """
    master, slave = os.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = dict(os.environ if env is None else env)
    full_env.setdefault("TERM", "xterm-256color")
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        start_new_session=True,
        preexec_fn=take_the_terminal,
        close_fds=True,
    )
    os.close(slave)
    steps = [(b"", marker), *then]
    try:
        for keys, step_marker in steps:
            if keys:
                started = time.perf_counter()
                os.write(master, keys)
            _wait_for(master, step_marker, started, timeout, argv)
        return time.perf_counter() - started
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        # Drain so the child never blocks on a full pty before dying.
        try:
            while select.select([master], [], [], 0)[0] and os.read(master, 65536):
                pass
        except OSError:
            pass
        os.close(master)


def _wait_for(
    master: int, marker: str, started: float, timeout: float, argv: Sequence[str]
) -> None:
    """Read the pty until ``marker`` is in what was drawn since this call began."""
    seen = b""
    want = marker.encode()
    while True:
        left = timeout - (time.perf_counter() - started)
        if left <= 0:
            raise TimeoutError(
                f"{marker!r} not drawn within {timeout}s by {argv}; last output: {ANSI_RE.sub(b'', seen)[-400:]!r}"
            )
        ready, _, _ = select.select([master], [], [], min(left, 0.5))
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            raise RuntimeError(
                f"{argv} exited before drawing {marker!r}: {ANSI_RE.sub(b'', seen)[-400:]!r}"
            )
        seen += chunk
        if want in ANSI_RE.sub(b"", seen):
            return


def time_command(argv: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """Seconds for ``argv`` to run to completion with output discarded."""
    started = time.perf_counter()
    subprocess.run(
        list(argv),
        env=None if env is None else dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started
