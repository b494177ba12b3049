"""A real SSH login: the set logged survives a dropped link, and the next login offers to resume.

A throwaway ``sshd`` on a loopback port (:mod:`tests.e2e.sshd_harness`) has glutetui as its one
account's login command (``ForceCommand``, as in docs/ssh.md). The real ``ssh -tt`` client logs
in under a pseudo-terminal (:mod:`tests.e2e.pty_harness`), plans a session from the library and
logs a set; then the client is killed, which closes its connection as a dropped link does once
sshd notices. glutetui on the server must be gone within a few seconds with the set on disk in
the account's own config dir, and the next login must offer to resume.

docs/ssh.md stays true too: its ``Match`` block passes ``sshd -t`` and its login script runs
nothing but glutetui.

Skipped, saying why, only where sshd cannot start here (no openssh-server, no way to make an
account); ``GLUTETUI_REQUIRE_SSHD=1`` (set by .ci/run once sshd is installed) fails instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from .pty_harness import GONE_WITHIN, Terminal, exits_within, read_session, wait_for_sets
from .sshd_harness import (
    Account,
    CannotStart,
    Server,
    find_program,
    make_account,
    remove_account,
    ssh_command,
    start_sshd,
    stop_sshd,
)

pytestmark = [pytest.mark.e2e, pytest.mark.ssh]

REQUIRE_ENV = "GLUTETUI_REQUIRE_SSHD"
TIMEOUT = 30.0
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "ssh.md"


def cannot_start(exc: CannotStart) -> NoReturn:
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set, but {exc}")
    pytest.skip(str(exc))


@pytest.fixture
def root() -> Iterator[Path]:
    """A folder every user can reach (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="glutetui-ssh-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def account(root: Path) -> Iterator[Account]:
    try:
        made = make_account(root)
    except CannotStart as exc:
        cannot_start(exc)
    yield made
    with contextlib.suppress(OSError, ValueError):  # a failed test may leave glutetui running
        left = int(made.pid_file.read_text())
        os.kill(left, signal.SIGKILL)
        seconds_until_gone(left)
    remove_account(made)


@pytest.fixture
def server(root: Path, account: Account) -> Iterator[Server]:
    try:
        started = start_sshd(root, account)
    except CannotStart as exc:
        cannot_start(exc)
    yield started
    stop_sshd(started)
    print(f"sshd log:\n{started.log_text()}")  # shown when the test fails


def log_in(server: Server, account: Account) -> Terminal:
    account.pid_file.unlink(missing_ok=True)
    return Terminal(account.config_dir, argv=ssh_command(server, account))


def server_side_pid(account: Account, term: Terminal) -> int:
    """The process id of the glutetui the login started on the server.

    Call once the app has drawn: the login command writes it before it becomes glutetui.
    """
    term.assert_running()
    return int(account.pid_file.read_text())


def running(pid: int) -> bool:
    """Whether ``pid`` is there and not a zombie (an unreaped exit counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def seconds_until_gone(pid: int, within: float = GONE_WITHIN) -> float:
    started = time.monotonic()
    if running(pid) and not exits_within(pid, within):
        raise AssertionError(f"glutetui (pid {pid}) still running {within} s after the drop")
    return time.monotonic() - started


def drop_the_link(term: Terminal) -> None:
    """Kill the client: its connection closes and sshd hangs up the session's terminal."""
    os.kill(term.pid, signal.SIGKILL)
    assert term.ended_within(GONE_WITHIN)


def test_a_dropped_ssh_link_keeps_the_set_and_the_next_login_resumes(
    server: Server, account: Account
) -> None:
    print(f"logging in as {account.name}; {account.why_not_created or 'throwaway user'}")
    term = log_in(server, account)
    try:
        term.wait_for_text("Library", TIMEOUT)
        term.wait_for_text("Barbell hip thrust", TIMEOUT)
        pid = server_side_pid(account, term)
        term.send("s")
        term.wait_for_text("Plan a session", TIMEOUT)
        term.send("g")
        term.wait_for_text("Set 1 of 3", TIMEOUT)
        term.send("\r")
        wait_for_sets(term, account.config_dir, 1)
        term.wait_for_text("Saved 1 set.", TIMEOUT)
        drop_the_link(term)
        gone_after = seconds_until_gone(pid)
    finally:
        term.close()
    print(f"server-side glutetui gone {gone_after:.2f} s after the client was killed")

    data = read_session(account.config_dir)
    assert data["status"] == "in-progress"
    assert [(s["exercise_id"], s["set_number"]) for s in data["sets"]] == [
        ("barbell-hip-thrust", 1)
    ]
    assert "Traceback" not in term.text()

    again = log_in(server, account)
    try:
        again.wait_for_text("Resume your unfinished session?", TIMEOUT)
        again.wait_for_text("Set 2 of 3", TIMEOUT)
        second = server_side_pid(account, again)
        drop_the_link(again)
        seconds_until_gone(second)  # and the account can be deleted: nothing of it runs
    finally:
        again.close()


# --------------------------------------------------------------------------- docs/ssh.md


def guide_block(first_line: str) -> str:
    """The fenced block of docs/ssh.md that starts with ``first_line``."""
    blocks = re.findall(r"^```\w*\n(.*?)^```", GUIDE.read_text("utf-8"), re.MULTILINE | re.DOTALL)
    found = [block for block in blocks if block.startswith(first_line)]
    assert len(found) == 1, f"docs/ssh.md has {len(found)} blocks starting {first_line!r}"
    return found[0]


def test_the_guides_match_block_is_valid_sshd_config(tmp_path: Path) -> None:
    try:
        sshd, keygen = find_program("sshd"), find_program("ssh-keygen")
    except CannotStart as exc:
        cannot_start(exc)
    key = tmp_path / "host_key"
    subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    config = tmp_path / "sshd_config"
    head = f"Port 2222\nListenAddress 127.0.0.1\nHostKey {key}\nUsePAM no\n"
    config.write_text(head + guide_block("Match Group glutetui"))
    done = subprocess.run([sshd, "-t", "-f", str(config)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("asked", "runs"),
    [
        ("", []),
        ("glutetui export --format csv", ["export", "--format", "csv"]),
        ("log *", ["log", "*"]),
        ("export; id", ["export;", "id"]),
    ],
    ids=["the-app", "a-command", "no-glob", "no-shell"],
)
def test_the_guides_login_script_runs_only_glutetui(
    tmp_path: Path, asked: str, runs: list[str]
) -> None:
    glutetui = tmp_path / "glutetui"
    glutetui.write_text('#!/bin/sh\nfor arg in "$@"; do echo "$arg"; done\n')
    glutetui.chmod(0o755)
    script = tmp_path / "glutetui-login"
    script.write_text(guide_block("#!/bin/sh").replace("/opt/glutetui/bin/glutetui", str(glutetui)))
    script.chmod(0o755)
    done = subprocess.run(
        [str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # where a glob would find files
        env={"PATH": "/usr/bin:/bin", "SSH_ORIGINAL_COMMAND": asked},
        check=True,
    )
    assert done.stdout.splitlines() == runs
