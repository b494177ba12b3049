"""Key press to screen during a session, in a real pty, against a minimal Textual app.

glutetui is started as people run it (``python -m glutetui``, 80x24, a fresh config dir), a
session of the first exercise is planned and started from the library (``s``, ``g``), the reps
are typed to 100, and then ``+`` is pressed again and again: each press is timed from writing
the key to the pty until the new number's big digits are on screen. The baseline is
``minimal_counter_app.py``, a Static whose number ``+`` increments, measured press for press
in turn with glutetui (A, B, A, B, ...) so the noise of a shared machine hits both alike.

The limit, "within one frame": glutetui's median ≤ max(16.7 ms, 1.5x the minimal app's median).

    .venv/bin/python -c "import sys; sys.path.insert(0, 'bench'); from bench_session import bench_session; from pathlib import Path; import tempfile; bench_session(9, Path(tempfile.mkdtemp()))"

Not part of the test run.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from rich.style import Style
from textual.renderables.digits import Digits

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ptyrun import ANSI_RE, take_the_terminal  # noqa: E402

PY = sys.executable
FRAME = 1 / 60  # one frame at 60 fps
LIMIT_RATIO = 1.5  # ... or this many times the minimal app, whichever is larger
PRESSES_PER_RUN = 5  # presses of each app per run (the first one of each is a warm-up, not kept)
START = 100  # the reps are typed to this before timing: three big digits are easy to recognise
MAX_REPS = 500  # the reps picker's maximum
QUIET = 0.15  # seconds without output before a key is pressed: the last frame is done
LIBRARY_MARKER = "Barbell hip thrust"


def squeeze(raw: bytes) -> str:
    """Terminal output as text without escape sequences or spaces (spaces may be cursor moves)."""
    return ANSI_RE.sub(b"", raw).decode("utf-8", "replace").replace(" ", "")


def glyphs(number: int, bold: bool) -> str:
    """``number`` as the Digits widget draws it, rows joined, spaces out."""
    text = "".join(seg.text for seg in Digits(str(number)).render(Style(bold=bold)))
    return text.replace(" ", "").replace("\n", "")


GLYPH_CHARS = frozenset("".join(glyphs(d, b) for d in range(10) for b in (False, True)))
"""Every character of the big digits: the rest of a redrawn line (borders, labels) is dropped."""


def big_digits(number: int) -> tuple[str, ...]:
    """``number`` in big digits (regular and bold), to find among the :data:`GLYPH_CHARS`."""
    return glyphs(number, False), glyphs(number, True)


class PtyApp:
    """A program kept running under an 80x24 pty, for timing one key press after another."""

    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], size: tuple[int, int] = (80, 24)
    ) -> None:
        master, slave = os.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = dict(env)
        full_env.setdefault("TERM", "xterm-256color")
        full_env.pop("NO_COLOR", None)
        full_env.pop("TEXTUAL", None)
        self.argv = list(argv)
        self.fd = master
        self.output = bytearray()
        self.proc = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
            preexec_fn=take_the_terminal,
            close_fds=True,
        )
        os.close(slave)

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False if nothing came."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            raise RuntimeError(f"{self.argv} exited: {squeeze(bytes(self.output[-2000:]))!r}")
        self.output.extend(chunk)
        return True

    def wait_for(
        self,
        *markers: str,
        since: int = 0,
        timeout: float = 30.0,
        only: frozenset[str] | None = None,
    ) -> float:
        """Seconds until one of ``markers`` (spaces ignored) is in the output after ``since``;
        with ``only``, every other character of the output is dropped before looking."""
        wanted = [m.replace(" ", "") for m in markers]
        started = time.perf_counter()
        while True:
            seen = squeeze(bytes(self.output[since:]))
            if only is not None:
                seen = "".join(c for c in seen if c in only)
            if any(m in seen for m in wanted):
                return time.perf_counter() - started
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                raise TimeoutError(f"{markers!r} not drawn within {timeout}s: {seen[-400:]!r}")
            self._read(min(left, 0.5))

    def settle(self, quiet: float = QUIET, timeout: float = 10.0) -> None:
        """Read until nothing has been drawn for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while self._read(quiet) and time.perf_counter() < deadline:
            pass

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def press_and_time(
        self, key: str, *markers: str, only: frozenset[str] | None = None, timeout: float = 10.0
    ) -> float:
        """Seconds from writing ``key`` until one of ``markers`` is drawn after it."""
        self.settle()
        since = len(self.output)
        started = time.perf_counter()
        self.send(key)
        self.wait_for(*markers, since=since, timeout=timeout, only=only)
        return time.perf_counter() - started

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        try:
            while select.select([self.fd], [], [], 0)[0] and os.read(self.fd, 65536):
                pass
        except OSError:
            pass
        os.close(self.fd)


def start_glutetui_session(cfg: Path, env: Mapping[str, str]) -> PtyApp:
    """``python -m glutetui`` with a fresh config dir, in a session with the reps at START."""
    cfg.mkdir(parents=True, exist_ok=True)
    config = Path(tempfile.mkdtemp(prefix="session-", dir=cfg))  # no unfinished session to resume
    (config / "state.toml").write_text("first_run_notice_shown = true\n")  # no welcome toast
    app = PtyApp([PY, "-m", "glutetui"], {**env, "GLUTETUI_CONFIG_DIR": str(config)})
    try:
        app.wait_for(LIBRARY_MARKER)
        app.settle()
        app.send("s")  # plan a session with the highlighted exercise
        app.wait_for("Plan a session")
        app.settle()
        app.send("g")  # go
        app.wait_for("Set 1 of")
        app.settle()
        for key, shown in (("1", 1), ("0", 10), ("0", START)):  # the reps picker has the focus
            app.press_and_time(key, *big_digits(shown), only=GLYPH_CHARS)
    except BaseException:
        app.close()
        raise
    return app


def start_minimal(env: Mapping[str, str]) -> PtyApp:
    app = PtyApp([PY, str(HERE / "minimal_counter_app.py")], env)
    try:
        app.wait_for(f"reps {START}")
    except BaseException:
        app.close()
        raise
    return app


def p90(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def report_latency(title: str, times: dict[str, list[float]], base: str, target: str) -> bool:
    """Print medians and p90s with ratios to ``base`` (as bench/run.py's report does) and
    check ``target``'s median against the one-frame rule."""
    medians = {name: statistics.median(v) for name, v in times.items()}
    limit = max(FRAME, LIMIT_RATIO * medians[base])
    ok = medians[target] <= limit
    print(f"\n## {title}")
    print(
        f"  rule: within one frame = {target} median <= max({FRAME * 1000:.1f} ms, "
        f"{LIMIT_RATIO}x {base} median) = {limit * 1000:.1f} ms"
    )
    for name, value in medians.items():
        mark = (
            f"  (limit {limit * 1000:.1f} ms: {'ok' if ok else 'OVER'})" if name == target else ""
        )
        print(
            f"  {name + ' median':<34} {value * 1000:8.1f} ms  {value / medians[base]:5.2f}x{mark}"
        )
    for name, values in times.items():
        value = p90(values)
        print(f"  {name + ' p90':<34} {value * 1000:8.1f} ms  {value / p90(times[base]):5.2f}x")
    frame = "one frame at 60 fps"
    print(f"  {frame:<34} {FRAME * 1000:8.1f} ms  {FRAME / medians[base]:5.2f}x")
    counts = ", ".join(f"{len(v)} {name}" for name, v in times.items())
    print(f"  ({counts} presses)")
    return ok


def bench_session(runs: int, cfg: Path, env: Mapping[str, str] | None = None) -> bool:
    """Time ``+`` on the reps during a session against the minimal counter app; report."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-code caches on, as for an installed app
    presses = min(runs * PRESSES_PER_RUN, MAX_REPS - START - 1)
    glutetui = start_glutetui_session(cfg, env)
    try:
        minimal = start_minimal(env)
        try:
            count = {"minimal_counter_app": START, "glutetui_session_reps": START}
            apps = {"minimal_counter_app": minimal, "glutetui_session_reps": glutetui}
            shapes: dict[str, Callable[[int], tuple[str, ...]]] = {
                "minimal_counter_app": lambda n: (f"reps {n}",),
                "glutetui_session_reps": big_digits,
            }
            only = {"minimal_counter_app": None, "glutetui_session_reps": GLYPH_CHARS}
            times: dict[str, list[float]] = {name: [] for name in apps}
            for i in range(presses + 1):  # round-robin; the first round warms up
                for name, app in apps.items():
                    count[name] += 1
                    elapsed = app.press_and_time("+", *shapes[name](count[name]), only=only[name])
                    if i:
                        times[name].append(elapsed)
        finally:
            minimal.close()
    finally:
        glutetui.close()
    return report_latency(
        "key press to screen during a session: `+` on the reps (real pty, 80x24)",
        times,
        "minimal_counter_app",
        "glutetui_session_reps",
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        raise SystemExit(0 if bench_session(9, Path(tmp)) else 1)
