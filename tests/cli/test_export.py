"""``glutetui export``: glutetui's CSV and JSON, and Strong's CSV, each read back by ``import``."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from glutetui import figures
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from tests.cli.runner import one_line_error, run
from tests.history_factory import write_history


@pytest.fixture
def logged(paths: Paths) -> list[Session]:
    return write_history(paths, 0.1)  # 36 sessions, oldest first


def test_csv_export_round_trips_and_import_is_idempotent(
    logged: list[Session], tmp_path: Path
) -> None:
    exported = tmp_path / "all.csv"
    out = run("export", "-o", str(exported))
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(exported.open()))
    assert len(rows) == sum(len(s.sets) for s in logged)
    assert out.stderr == f"wrote {len(rows)} row(s) from {len(logged)} session(s) to {exported}\n"
    assert list(rows[0])[:12] == [
        "date", "session_id", "exercise_id", "exercise_name", "set", "side", "reps", "load",
        "unit", "rpe", "pain", "note",
    ]  # fmt: skip
    other = tmp_path / "other-config"
    first = run("import", str(exported), config=other)
    assert first.returncode == 0, first.stderr
    assert f"imported {len(logged)} session(s)" in first.stdout
    again = run("import", str(exported), config=other)
    assert (
        f"imported 0 session(s) with 0 set(s) from glutetui file {exported}; {len(logged)} already in the log"
        in again.stdout
    )
    # What comes back exports to exactly the same file, set for set.
    assert run("export", config=other).stdout == exported.read_text()
    back = {s.id: s for s in LogStore(Paths.resolve(other)).history().sessions}
    for s in logged:
        assert back[s.id].sets == s.sets
        assert back[s.id].started_at == s.started_at and back[s.id].ended_at == s.ended_at


def test_json_export_round_trips(logged: list[Session], tmp_path: Path) -> None:
    out = run("export", "--format", "json")
    rows = json.loads(out.stdout)
    assert rows[0]["session_id"] == logged[0].id and isinstance(rows[0]["reps"], int)
    other = tmp_path / "other"
    imported = run("import", "-", config=other, stdin=out.stdout)
    assert imported.returncode == 0, imported.stderr
    assert run("export", "--format", "json", config=other).stdout == out.stdout


def test_importing_into_the_same_log_duplicates_nothing(
    logged: list[Session], paths: Paths
) -> None:
    exported = run("export").stdout
    out = run("import", "-", stdin=exported)
    assert out.returncode == 0 and "imported 0 session(s)" in out.stdout
    assert len(LogStore(paths).history().sessions) == len(logged)


def test_export_filters_by_exercise_and_date(logged: list[Session]) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run("export", "--exercise", "clamshell", "--since", "2026-11-01").stdout)
        )
    )
    assert rows and {r["exercise_id"] for r in rows} == {"clamshell"}
    assert min(r["date"][:10] for r in rows) >= "2026-11-01"


def test_strong_export_keeps_sides_and_reimports(logged: list[Session], tmp_path: Path) -> None:
    text = run("export", "--format", "strong").stdout
    header = next(csv.reader(io.StringIO(text)))
    assert header == [
        "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
        "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side",
    ]  # fmt: skip
    other = tmp_path / "o"
    out = run("import", "-", config=other, stdin=text)
    assert "from strong" in out.stdout and f"imported {len(logged)} session(s)" in out.stdout
    back = sorted(LogStore(Paths.resolve(other)).history().sessions, key=lambda s: s.started_at)
    for original, again in zip(logged, back, strict=True):
        assert [(x.exercise_id, x.set_number, x.side, x.reps) for x in again.sets] == [
            (x.exercise_id, x.set_number, x.side, x.reps) for x in original.sets
        ]
        assert again.exercise("clamshell").per_side  # type: ignore[union-attr]


def test_an_unknown_format_is_one_line_and_non_zero() -> None:
    one_line_error(run("export", "--format", "xml"))


def test_numbers_are_written_whole_and_unrounded(paths: Paths, tmp_path: Path) -> None:
    """A load converted from pounds keeps every digit, and comes back as the same number."""
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    load = 50 * figures.KG_PER_LB
    session = Session(
        id="20260301T090000-cccccc",
        started_at=start,
        exercises=(ExerciseLog("hip-thrust", "Hip thrust"),),
        sets=(
            SetResult("hip-thrust", 1, 8, load=load, unit="kg", finished_at=start),
            SetResult("hip-thrust", 2, 8, load=60.0, unit="kg"),
        ),
        status="in-progress",
    )
    LogStore(paths).save(session)
    rows = list(csv.DictReader(io.StringIO(run("export").stdout)))
    assert [r["load"] for r in rows] == [figures.format_number(load), "60"] == ["22.6796185", "60"]
    strong = list(csv.DictReader(io.StringIO(run("export", "--format", "strong").stdout)))
    assert [r["Weight"] for r in strong] == ["22.6796185", "60"]
    other = tmp_path / "other"
    assert run("import", "-", config=other, stdin=run("export").stdout).returncode == 0
    (back,) = LogStore(Paths.resolve(other)).history().sessions
    assert back.sets[0].load == load


def test_strong_duration_is_the_sessions_length(paths: Paths) -> None:
    """Strong's ``1h 5m``, from the one definition of a duration: an unfinished session lasts
    until its last set."""
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    finished = Session(
        id="20260301T090000-dddddd",
        started_at=start,
        sets=(SetResult("plank", 1, 1),),
        ended_at=start + timedelta(minutes=65),
        status="complete",
    )
    unfinished = Session(
        id="20260302T090000-eeeeee",
        started_at=start + timedelta(days=1),
        sets=(SetResult("plank", 1, 1, finished_at=start + timedelta(days=1, minutes=12)),),
        status="in-progress",
    )
    for s in (finished, unfinished):
        LogStore(paths).save(s)
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "strong").stdout)))
    assert [r["Duration"] for r in rows] == ["1h 5m", "12m"]
