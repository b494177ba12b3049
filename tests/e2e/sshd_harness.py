"""A throwaway ``sshd`` on a loopback port whose one account's login command is glutetui.

:func:`start_sshd` runs the real OpenSSH server (``sshd -f CONFIG -D -e``) on a free port of
127.0.0.1 with a throwaway host key, public-key login only, and ``ForceCommand`` running this
venv's ``python -m glutetui`` with the account's own config dir, as docs/ssh.md sets it up.
:func:`make_account` is a throwaway user made with ``useradd`` when the tests run as root (and
that user can run this venv), else the current user. :func:`ssh_command` is the real ``ssh -tt``
client line that logs in. Whatever cannot be set up raises :class:`CannotStart`, which the test
turns into a skip (or a failure where ``GLUTETUI_REQUIRE_SSHD`` says sshd must run).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .pty_harness import make_config_dir

SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")
PRIVSEP_DIR = Path("/run/sshd")
"""Where sshd, started as root, confines its unprivileged half; the service would create it."""
READY_WITHIN = 10.0


class CannotStart(Exception):
    """sshd, the ssh client or the account cannot be set up here; says why."""


@dataclass(frozen=True)
class Account:
    """Who logs in, and where glutetui keeps that person's things on the server."""

    name: str
    uid: int
    gid: int
    home: Path
    config_dir: Path
    created: bool
    """A throwaway user made for the test (deleted afterwards), not the current user."""
    why_not_created: str = ""
    """When running as root but logging in as root: why no throwaway user could be used."""

    @property
    def pid_file(self) -> Path:
        """The login command writes the server-side glutetui's process id here."""
        return self.home / "glutetui.pid"


@dataclass(frozen=True)
class Server:
    """A running sshd and what the client needs to log in to it."""

    process: subprocess.Popen[bytes]
    port: int
    client_key: Path
    log: Path

    def log_text(self) -> str:
        return self.log.read_text("utf-8", "replace")


PACKAGES = {
    "ssh": "openssh-client",
    "ssh-keygen": "openssh-client",
    "useradd": "passwd",
    "userdel": "passwd",
}
"""The Debian package of each program needed, where it is not openssh-server."""


def find_program(name: str) -> str:
    """``name`` on PATH or in the sbin folders (PATH often leaves those out); absolute."""
    found = shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), *SBIN]))
    if found is None:
        package = PACKAGES.get(name, "openssh-server")
        raise CannotStart(f"no `{name}` here (Debian: apt-get install {package})")
    return os.path.abspath(found)


def _run(*argv: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)
    if done.returncode != 0:
        raise CannotStart(f"`{shlex.join(argv)}` failed: {done.stderr.strip()}")


def _can_run_glutetui(uid: int, gid: int, home: Path) -> str:
    """Why the user ``uid`` cannot run this venv's glutetui, or ``""`` when it can."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", "import glutetui.cli"],
            user=uid,
            group=gid,
            extra_groups=[],
            cwd=home,
            env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except OSError as exc:  # the interpreter itself is out of reach (under /root, say)
        return f"it cannot run {sys.executable}: {exc.strerror}"
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no output"]
        return f"it cannot import glutetui from {sys.executable}: {lines[-1]}"
    return ""


def make_account(root: Path) -> Account:
    """A throwaway user when running as root and it can run this venv, else the current user.

    ``root`` must be reachable by any user (mode 755): the account's home is made inside it.
    """
    home = root / "home"
    home.mkdir()
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.getuid())
        return Account(me.pw_name, me.pw_uid, me.pw_gid, home, make_config_dir(home), False)
    useradd, userdel = find_program("useradd"), find_program("userdel")
    name = f"gt-{secrets.token_hex(4)}"
    # '*': no password, yet not locked ('!'), which sshd without PAM would refuse.
    _run(useradd, "--home-dir", str(home), "--no-create-home", "--shell", "/bin/sh", "--password", "*", name)  # fmt: skip
    user = pwd.getpwnam(name)
    os.chown(home, user.pw_uid, user.pw_gid)
    why_not = _can_run_glutetui(user.pw_uid, user.pw_gid, home)
    if not why_not:
        config = make_config_dir(home)
        for path in (config, *config.rglob("*")):
            os.chown(path, user.pw_uid, user.pw_gid)
        return Account(name, user.pw_uid, user.pw_gid, home, config, True)
    _run(userdel, name)
    os.chown(home, 0, 0)
    me = pwd.getpwuid(0)
    why = f"a throwaway user could not be used: {why_not}"
    return Account(me.pw_name, 0, 0, home, make_config_dir(home), False, why)


def remove_account(account: Account) -> None:
    """Delete the throwaway user (its processes must be gone); the current user stays."""
    if account.created:
        _run(find_program("userdel"), account.name)


def login_command(account: Account) -> str:
    """The account's login command: note the process id, then become glutetui.

    sshd runs it with the user's shell and almost no environment, so the interpreter, the
    config dir and HOME are spelled out; ``exec`` makes glutetui the session leader, which the
    kernel sends SIGHUP when the link drops.
    """
    env = {"HOME": str(account.home), "GLUTETUI_CONFIG_DIR": str(account.config_dir)}
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    return (
        f"echo $$ > {shlex.quote(str(account.pid_file))} && "
        f"exec env {assignments} {shlex.quote(sys.executable)} -m glutetui"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _config(root: Path, port: int, account: Account) -> str:
    return f"""\
Port {port}
ListenAddress 127.0.0.1
HostKey {root / "host_key"}
PidFile none
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile {root / "authorized_keys"}
AllowUsers {account.name}
PermitRootLogin prohibit-password
PermitTTY yes
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no

Match User {account.name}
    ForceCommand {login_command(account)}
"""


def start_sshd(root: Path, account: Account) -> Server:
    """sshd on a free loopback port, listening by the time this returns."""
    sshd, keygen = find_program("sshd"), find_program("ssh-keygen")
    find_program("ssh")
    for key in ("host_key", "client_key"):
        _run(keygen, "-q", "-t", "ed25519", "-N", "", "-C", "glutetui-test", "-f", str(root / key))
    (root / "authorized_keys").write_text((root / "client_key.pub").read_text())
    (root / "authorized_keys").chmod(0o644)
    if os.geteuid() == 0:
        PRIVSEP_DIR.mkdir(mode=0o755, exist_ok=True)
    attempts = []
    for _ in range(3):  # another process may take the free port before sshd binds it
        port = _free_port()
        config = root / "sshd_config"
        config.write_text(_config(root, port, account))
        log = root / f"sshd-{port}.log"
        process = subprocess.Popen(
            [sshd, "-f", str(config), "-D", "-e"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert process.stdout is not None
        startup = _Startup(process.stdout, log)
        server = Server(process, port, root / "client_key", log)
        if startup.listening_within(READY_WITHIN):
            return server
        stop_sshd(server)
        attempts.append(server.log_text().strip() or f"exit status {process.returncode}")
    raise CannotStart("sshd did not start: " + " / ".join(attempts))


class _Startup:
    """Copies sshd's log lines to its log file, and tells when it says it is listening."""

    def __init__(self, stream: IO[bytes], log: Path) -> None:
        self.listening = False
        self._answered = threading.Event()
        log.write_bytes(b"")
        threading.Thread(target=self._copy, args=(stream, log), daemon=True).start()

    def _copy(self, stream: IO[bytes], log: Path) -> None:
        with log.open("ab") as sink:
            for line in stream:  # until sshd ends, so later lines are kept for diagnosis
                sink.write(line)
                sink.flush()
                if b"Server listening on" in line:
                    self.listening = True
                    self._answered.set()
        self._answered.set()  # sshd ended without listening

    def listening_within(self, timeout: float) -> bool:
        self._answered.wait(timeout)
        return self.listening


def stop_sshd(server: Server) -> None:
    """End the listening sshd (the per-connection ones end with their connections)."""
    with contextlib.suppress(ProcessLookupError):
        server.process.terminate()
    try:
        server.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def ssh_command(server: Server, account: Account) -> list[str]:
    """The real client, forcing a terminal (``-tt``), ignoring any ssh config and known hosts."""
    return [
        find_program("ssh"),
        "-tt",
        "-F", "/dev/null",
        "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null",
        "-o", "BatchMode=yes",
        "-o", "IdentitiesOnly=yes",
        "-o", "LogLevel=ERROR",
        "-o", "ConnectTimeout=10",
        "-i", str(server.client_key),
        "-p", str(server.port),
        f"{account.name}@127.0.0.1",
    ]  # fmt: skip
