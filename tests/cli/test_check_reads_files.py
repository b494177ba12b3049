"""``log --check`` and ``export`` read every file themselves: the cache is never evidence.

A file edited in place that keeps its modification time, size and inode looks to the derived
indexes exactly as it did; the warm views may serve it from there, but a check or a backup
must see what the file says now.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.cli.runner import ok, run
from tests.history_factory import write_history


def _edit_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (same length) in the file itself, then put its times back."""
    assert len(old) == len(new)
    before = path.stat()
    data = path.read_bytes()
    assert old in data
    with open(path, "r+b") as fh:  # the same inode, not a new file renamed over it
        fh.write(data.replace(old, new, 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns,
        before.st_size,
        before.st_ino,
    )


@pytest.fixture
def warm(paths: Paths) -> Path:
    """A small log whose indexes are built, and the newest session's file."""
    sessions = write_history(paths, 0.05)
    store = LogStore(paths)
    store.history()
    store.summaries()
    assert ok("log", "--check").startswith(f"all {len(sessions)} session file(s)")
    newest = max(sessions, key=lambda s: s.started_at)
    return store.path_for(newest.id)


def test_check_sees_a_file_broken_in_place(warm: Path) -> None:
    _edit_in_place(warm, b"[[sets]]", b"[[sets]}")
    done = run("log", "--check")
    assert done.returncode == 1, done.stdout
    assert str(warm) in done.stdout


def test_export_carries_what_the_file_says_now(warm: Path) -> None:
    data = warm.read_bytes()
    old = next(line for line in data.splitlines() if line.startswith(b"reps = "))
    assert len(old) == len(b"reps = 12")
    new = b"reps = 99"
    _edit_in_place(warm, old, new)
    session_id = warm.stem
    rows = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv"))))
    assert "99" in [r["reps"] for r in rows if r["session_id"] == session_id]
    backup = json.loads(ok("export", "--format", "json"))["sessions"]
    (mine,) = [s for s in backup if s["id"] == session_id]
    assert 99 in [s["reps"] for s in mine["sets"]]
