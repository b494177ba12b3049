"""The one atomic write: whole files only, nothing left behind, owner-only health data."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from glutetui import fsutil
from glutetui.fsutil import is_temp_name, write_atomic


@pytest.fixture(autouse=True)
def usual_umask() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_holds_the_data_and_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "session.toml"
    write_atomic(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700  # the folder it had to create, too
    assert os.listdir(target.parent) == ["session.toml"]


def test_a_replaced_file_keeps_the_permissions_it_had(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o640


def test_mode_applies_to_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "shared.txt"
    write_atomic(target, b"x", mode=0o644)
    assert mode(target) == 0o644


@pytest.mark.parametrize(
    ("call", "code"),
    [
        ("open", errno.EACCES),
        ("write", errno.ENOSPC),
        ("fsync", errno.EIO),
        ("replace", errno.EROFS),
    ],
)
def test_a_failure_at_any_step_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    target = tmp_path / "log.toml"
    target.write_bytes(b"previous content")
    real = getattr(os, call)

    def failing(*args: object, **kwargs: object) -> object:
        if call == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)  # the folder's fsync opens the folder
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fsutil.os, call, failing)
    with pytest.raises(OSError) as err:
        write_atomic(target, b"new content that never lands")
    monkeypatch.undo()
    assert err.value.errno == code
    assert target.read_bytes() == b"previous content"
    assert os.listdir(tmp_path) == ["log.toml"]


def test_durable_writes_fsync_the_file_and_the_folder_caches_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    write_atomic(tmp_path / "a", b"1")
    assert len(synced) == 2
    synced.clear()
    write_atomic(tmp_path / "b", b"2", durable=False)
    assert synced == []


def test_temp_names_are_hidden_and_recognised() -> None:
    names = {fsutil.temp_name("x.toml") for _ in range(100)}
    assert len(names) == 100
    assert all(n.startswith(".x.toml.") and is_temp_name(n) for n in names)
    assert not is_temp_name("x.toml")


WRITER = """
import sys
sys.path.insert(0, {src!r})
from glutetui.fsutil import write_atomic
n = 0
while True:
    write_atomic({target!r}, (b"a" if n % 2 else b"b") * 400_000, durable=False)
    n += 1
"""


def test_a_reader_never_sees_a_partial_file_even_when_the_writer_is_killed(
    tmp_path: Path,
) -> None:
    target = tmp_path / "big.bin"
    write_atomic(target, b"a" * 400_000)
    src = str(Path(fsutil.__file__).resolve().parent.parent)
    code = textwrap.dedent(WRITER.format(src=src, target=str(target)))
    child = subprocess.Popen([sys.executable, "-c", code])
    try:
        seen = set()
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            content = target.read_bytes()
            assert len(content) == 400_000
            assert content.count(content[:1]) == 400_000  # all a or all b, never a mix
            seen.add(content[:1])
    finally:
        child.kill()  # mid-write, most likely
        child.wait()
    assert seen <= {b"a", b"b"}
    content = target.read_bytes()
    assert len(content) == 400_000 and content.count(content[:1]) == 400_000
