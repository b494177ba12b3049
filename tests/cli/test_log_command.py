"""``glutetui log``: the newest sessions from the summary index, and ``--check``."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from glutetui import figures
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
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
    assert lines[1].startswith(f"{newest.started_at:%Y-%m-%d %H:%M}")
    counted = figures.session_figures(newest)
    assert f" {counted.work_sets} " in lines[1]  # 15: each side of a per-side set is one set
    assert f" {counted.reps} " in lines[1]


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


TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)


def per_side_sessions() -> list[Session]:
    """A finished per-side session with a warm-up, and one left unfinished after 25 minutes."""
    sets = []
    for n, (left, right) in enumerate([(12, 11), (12, 10), (10, 10)], 1):
        for side, reps in (("left", left), ("right", right)):
            sets.append(SetResult("clamshell", n, reps, side=side, load=None, unit="band:red"))  # type: ignore[arg-type]
    warmup = SetResult("hip-thrust", 1, 10, load=20, unit="kg", warmup=True)
    thrust = SetResult("hip-thrust", 1, 8, load=132.5, unit="lb")
    finished = Session(
        id="20261123T170000-aaaaaa",
        started_at=START,
        exercises=(
            ExerciseLog("clamshell", "Clamshell", per_side=True, pain=3),
            ExerciseLog("hip-thrust", "Hip thrust", pain=1),
        ),
        sets=(*sets, warmup, thrust),
        ended_at=START + timedelta(minutes=42),
        status="complete",
    )
    later = START + timedelta(days=1)
    unfinished = Session(
        id="20261124T170000-bbbbbb",
        started_at=later,
        exercises=(ExerciseLog("clamshell", "Clamshell", per_side=True),),
        sets=tuple(
            SetResult("clamshell", 1, 12, side=side, finished_at=later + timedelta(minutes=m))  # type: ignore[arg-type]
            for side, m in (("left", 20), ("right", 25))
        ),
        status="in-progress",
        cursor=2,
    )
    return [finished, unfinished]


def test_log_counts_as_every_screen_does(paths: Paths) -> None:
    sessions = per_side_sessions()
    for s in sessions:
        LogStore(paths).save(s)
    data = {d["id"]: d for d in json.loads(run("log", "--json").stdout)}
    for s in sessions:
        counted = figures.session_figures(s)
        assert (data[s.id]["sets"], data[s.id]["reps"]) == (counted.work_sets, counted.reps)
        assert data[s.id]["pain"] == counted.max_pain
    assert (data[sessions[0].id]["sets"], data[sessions[0].id]["reps"]) == (4, 73)
    table = run("log").stdout.splitlines()
    assert table[1].split()[2:] == ["25", "min", "Clamshell", "1", "24", "–", "in-progress"]
    assert table[2].split()[2:] == ["42", "min", "Clamshell,", "Hip", "thrust", "4", "73", "3"]


def test_log_shows_the_zone_the_session_was_recorded_in(paths: Paths) -> None:
    """18:30 in Tokyo reads 18:30 wherever the log is looked at, as on the log screen."""
    from glutetui.tui.format import session_cells

    tokyo = timezone(timedelta(hours=9))
    session = Session(
        id="20261123T093000-abcdef",
        started_at=datetime(2026, 11, 23, 18, 30, tzinfo=tokyo),
        ended_at=datetime(2026, 11, 23, 19, 0, tzinfo=tokyo),
        status="complete",
    )
    LogStore(paths).save(session)
    for zone in ("America/New_York", "UTC", "Asia/Tokyo"):
        out = run("log", TZ=zone)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines()[1].startswith("2026-11-23 18:30"), zone
    (row,) = LogStore(paths).summaries().rows
    assert session_cells(row)[0] == "2026-11-23 18:30"
