"""Health data stays its owner's: every folder and file glutetui creates is 0700/0600 whatever
the umask, and folders someone else can read are reported with the command that fixes them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from glutetui.fsutil import make_private_dirs, write_atomic
from glutetui.log import LogStore
from glutetui.model import Session, SetResult
from glutetui.paths import Paths
from tests.cli.runner import run
from tests.tui.support import seen_first_run


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def everything_under(root: Path) -> list[Path]:
    return [root, *root.rglob("*")]


def assert_private(root: Path) -> None:
    for path in everything_under(root):
        want = 0o700 if path.is_dir() else 0o600
        assert mode(path) == want, f"{path} is {mode(path):o}"


def session(sid: str) -> Session:
    return Session(
        id=sid,
        started_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
        status="complete",
        note="knee hurt",
        sets=(SetResult("clamshell", 1, 10),),
    )


def test_the_store_creates_only_private_files_and_folders(paths: Paths, umask: int) -> None:
    paths.check()
    store = LogStore(paths)
    store.save(session("2026-01-05-0900"))
    store.save(session("2026-01-06-0900"))
    store.delete("2026-01-06-0900")
    store.history()  # writes the cache indexes
    store.summaries(limit=0)
    assert (paths.trash_dir / "2026-01-06-0900.toml").exists()
    assert any(paths.cache_dir.iterdir())
    assert_private(paths.config_dir)


def test_write_atomic_makes_missing_parents_private(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "a" / "b" / "c" / "file"
    write_atomic(target, b"x")
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert mode(folder) == 0o700
    assert mode(target) == 0o600
    make_private_dirs(tmp_path / "d" / "e")
    assert mode(tmp_path / "d") == mode(tmp_path / "d" / "e") == 0o700


def test_the_command_line_creates_only_private_files(
    paths: Paths, umask: int, tmp_path: Path
) -> None:
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        '2025-03-04 18:02:11,"Hip day",48m,"Clamshell",1,0,15,0,0,"sore","",\n'
    )
    assert run("import", "-", stdin=csv).returncode == 0
    assert run("exercises").returncode == 0
    assert run("log").returncode == 0
    out = tmp_path / "exports" / "all.csv"
    done = run("export", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "other users can read" not in done.stderr
    assert_private(paths.config_dir)
    assert mode(out) == 0o600 and mode(out.parent) == 0o700


def test_an_open_config_folder_is_reported_once_with_the_fix(paths: Paths) -> None:
    paths.check()
    paths.config_dir.chmod(0o755)
    paths.logs_dir.chmod(0o755)
    done = run("log")
    lines = [line for line in done.stderr.splitlines() if "other users can read" in line]
    assert len(lines) == 1, done.stderr
    assert f"chmod -R go-rwx {paths.config_dir}" in lines[0]
    assert "mode 755" in lines[0]
    os.system(f"chmod -R go-rwx '{paths.config_dir}'")  # the command given, as given
    assert "other users can read" not in run("log").stderr


async def test_the_app_reports_an_open_folder_in_a_toast(paths: Paths) -> None:
    from glutetui.clock import FakeClock
    from glutetui.tui.app import make_app

    seen_first_run(paths)
    paths.check()
    paths.config_dir.chmod(0o750)
    app = make_app(paths, clock=FakeClock(datetime(2026, 1, 6, tzinfo=UTC)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        toasts = [n for n in app._notifications if n.title == "Privacy"]
        assert len(toasts) == 1
        assert f"chmod -R go-rwx {paths.config_dir}" in toasts[0].message
