"""With no terminal to draw on, ``glutetui`` says so in plain text and exits 2 at once.

Real runs of ``python -m glutetui``: stdin from /dev/null with its output piped (which used to
hang until killed, writing 30 KB of escape codes), the same in a new session (``setsid``), output
piped or errors sent to a file from a real terminal, a terminal that is not the controlling one,
and ``TERM`` dumb, empty or unset on a real pseudo-terminal (:mod:`tests.e2e.pty_harness`). Each
must end within a generous time limit, write no escape code anywhere, and name the sub-commands
that work without a screen.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from glutetui.cli import COMMANDS
from glutetui.cli.terminal import no_screen_message, screen_problem
from tests.e2e.pty_harness import Terminal, make_config_dir

ESC = b"\x1b"
LIMIT = 10.0
"""Seconds a refusal may take on a loaded machine; it takes about a tenth of one."""
PIPE, DEVNULL, PTY = "pipe", "/dev/null", "pty"


def _take_the_terminal() -> None:
    """In the child, after setsid: make stdin, a pty, the controlling terminal, as a login does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run_glutetui(
    config_dir: Path,
    stdin: str,
    stdout: str,
    stderr: str,
    *,
    controlling: bool,
) -> tuple[int, bytes, float]:
    """``python -m glutetui`` in a new session with each stream a pipe, /dev/null or one pty
    (the controlling terminal if ``controlling``); its status, all it wrote, and its seconds."""
    master, slave = os.openpty()
    kinds = {PIPE: subprocess.PIPE, DEVNULL: subprocess.DEVNULL, PTY: slave}
    env = os.environ | {"GLUTETUI_CONFIG_DIR": str(config_dir), "TERM": "xterm-256color"}
    started = time.monotonic()
    try:
        with subprocess.Popen(
            [sys.executable, "-m", "glutetui"],
            stdin=kinds[stdin],
            stdout=kinds[stdout],
            stderr=kinds[stderr],
            env=env,
            start_new_session=True,
            preexec_fn=_take_the_terminal if controlling else None,
        ) as proc:
            os.close(slave)
            try:
                out, err = proc.communicate(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise AssertionError(f"glutetui still running after {LIMIT} s") from None
            seconds = time.monotonic() - started
            shown = b""
            with contextlib.suppress(OSError):  # EIO once the pty's buffer is read
                while chunk := os.read(master, 65536):
                    shown += chunk
        return proc.returncode, (out or b"") + (err or b"") + shown, seconds
    finally:
        os.close(master)


def assert_refused(code: int, written: bytes, reason: str) -> None:
    assert ESC not in written, written[:200]
    text = written.decode().replace("\r\n", "\n")
    assert code == 2, text
    assert text.startswith("glutetui: the app needs a terminal to draw on, but "), text
    assert reason in text
    assert text.endswith(f"{', '.join(COMMANDS)} (see `glutetui --help`).\n"), text
    assert len(text.splitlines()) == 2


@pytest.mark.parametrize(
    ("stdin", "stdout", "stderr", "controlling", "reason"),
    [
        (DEVNULL, PIPE, PIPE, False, "standard input is not a terminal"),
        (PTY, PIPE, PTY, True, "standard output is not a terminal"),
        (PTY, PTY, PIPE, True, "standard error is not a terminal"),
        (PTY, PTY, PTY, False, "there is no controlling terminal"),
    ],
    ids=["stdin-from-devnull", "output-piped", "errors-to-a-file", "setsid-on-a-terminal"],
)
def test_without_a_terminal_the_app_says_which_commands_work_and_exits_2(
    tmp_path: Path, stdin: str, stdout: str, stderr: str, controlling: bool, reason: str
) -> None:
    code, written, seconds = run_glutetui(tmp_path, stdin, stdout, stderr, controlling=controlling)
    assert_refused(code, written, reason)
    assert seconds < LIMIT


def test_stdin_from_devnull_piped_to_cat_ends_at_once(tmp_path: Path) -> None:
    """The issue's reproduction, as typed: ``glutetui </dev/null | cat``, not in a new session."""
    with subprocess.Popen(
        f"{sys.executable} -m glutetui </dev/null | cat",
        shell=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ | {"GLUTETUI_CONFIG_DIR": str(tmp_path)},
        start_new_session=True,  # a process group to kill whole if it hangs, as it used to
    ) as shell:
        try:
            out, err = shell.communicate(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(shell.pid, signal.SIGKILL)
            raise AssertionError(
                f"glutetui </dev/null | cat still running after {LIMIT} s"
            ) from None
    assert out == b""
    assert ESC not in err
    assert b"standard input is not a terminal" in err
    # The pipeline's status is cat's; the app's own is checked above.


@pytest.mark.parametrize("term", ["dumb", "", None], ids=["dumb", "empty", "unset"])
def test_a_terminal_that_cannot_draw_gets_plain_text_and_status_2(
    tmp_path: Path, term: str | None
) -> None:
    """On a real pty that is the controlling terminal: only TERM stands in the way."""
    screen = Terminal(make_config_dir(tmp_path), env={"TERM": term})
    try:
        code = screen.wait_exit(timeout=LIMIT)
    finally:
        screen.close()
    said = "TERM is 'dumb'" if term else "TERM is not set"  # empty counts as unset
    assert_refused(code, screen.raw(), said)
    assert "TERM=xterm-256color" in screen.text()


def test_the_message_names_the_commands_that_need_no_screen() -> None:
    message = no_screen_message("standard input is not a terminal", COMMANDS)
    assert message.splitlines()[1] == (
        f"Without a screen, use a command: {', '.join(COMMANDS)} (see `glutetui --help`)."
    )
    assert "exercises, plugins, paths, log, export, import" in message


def test_a_pipe_is_no_terminal_whatever_term_says() -> None:
    read_fd, write_fd = os.pipe()
    try:
        streams = [(read_fd, "standard input"), (write_fd, "standard output")]
        assert screen_problem({"TERM": "xterm"}, streams) == "standard input is not a terminal"
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_a_pty_that_is_not_ours_is_no_controlling_terminal() -> None:
    master, slave = os.openpty()
    try:
        problem = screen_problem({"TERM": "xterm"}, [(slave, "standard input")])
    finally:
        os.close(master)
        os.close(slave)
    assert problem is not None and problem.startswith("there is no controlling terminal")


def test_the_refusal_comes_before_textual_is_imported(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from glutetui.cli import main\n"
        "status = main([])\n"
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=os.environ | {"GLUTETUI_CONFIG_DIR": str(tmp_path)},
        timeout=LIMIT,
        check=False,
    )
    assert done.stdout == "2 []\n", done.stderr
