"""``glutetui log``: the newest sessions from the summary index, and ``--check``."""

from __future__ import annotations

import json
from datetime import date

import pytest

from glutetui.model import Session
from glutetui.paths import Paths
from glutetui.store import LogStore
from tests.cli.runner import one_line_error, run
from tests.history_factory import make_session, write_history


@pytest.fixture
def logged(paths: Paths) -> list[Session]:
    return write_history(paths, 0.1)  # 36 sessions, oldest first


def test_log_lists_newest_first(logged: list[Session]) -> None:
    out = run("log", "--limit", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:6] == ["DATE", "DURATION", "EXERCISES", "SETS", "REPS", "PAIN"]
    assert len(lines) == 4
    newest = logged[-1]
    assert lines[1].startswith(f"{newest.started_at.astimezone():%Y-%m-%d %H:%M}")
    assert f" {len(newest.work_sets)} " in lines[1]
    assert f" {sum(s.reps for s in newest.work_sets)} " in lines[1]


def test_log_since_exercise_and_json(logged: list[Session], paths: Paths) -> None:
    store = LogStore(paths)
    other = make_session(date(2026, 11, 23))
    other = type(other)(id="20261123T180000-000001", started_at=other.started_at)
    store.save(other)
    out = run("log", "--since", "2026-11-20", "--json", "--limit", "0")
    data = json.loads(out.stdout)
    assert [d["started_at"][:10] for d in data] == [
        "2026-11-23",
        "2026-11-22",
        "2026-11-21",
        "2026-11-20",
    ]
    out = run("log", "--exercise", "clamshell", "--json", "--limit", "0")
    assert len(json.loads(out.stdout)) == len(logged)  # the empty session has no clamshell
    out = run("log", "--exercise", "Clamshell", "--json", "--limit", "0")
    assert len(json.loads(out.stdout)) == len(logged)


def test_log_check_lists_unreadable_files(logged: list[Session], paths: Paths) -> None:
    ok = run("log", "--check")
    assert ok.returncode == 0 and f"all {len(logged)} session file(s)" in ok.stdout
    bad = LogStore(paths).path_for(logged[3].id)
    bad.write_bytes(b"format_version = 7\n")
    out = run("log", "--check")
    assert out.returncode == 1
    assert (
        out.stdout.strip()
        == f"{bad}: it was written by a newer glutetui (format 7; this one reads up to 1); upgrade glutetui to read it"
    )
    assert bad.read_bytes() == b"format_version = 7\n"
    listing = run("log", "--limit", "0")
    assert listing.returncode == 0
    assert len(listing.stdout.splitlines()) == len(logged)  # header + all but one
    assert "1 log file(s) cannot be read" in listing.stderr


def test_log_on_an_empty_log() -> None:
    out = run("log")
    assert out.returncode == 0
    assert "no sessions logged yet" in out.stderr


@pytest.mark.parametrize("args", [("--since", "2026-02-30"), ("--limit", "-3")])
def test_bad_arguments_are_one_line_and_non_zero(args: tuple[str, ...]) -> None:
    one_line_error(run("log", *args))
