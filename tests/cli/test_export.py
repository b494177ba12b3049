"""``glutetui export``: glutetui's CSV and JSON, and Strong's CSV, each read back by ``import``."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from glutetui import figures
from glutetui.cli.exporting.glutetui import export_rows
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.text import FORMULA_STARTS
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


def test_json_rows_of_earlier_versions_still_import(logged: list[Session], tmp_path: Path) -> None:
    """Before the backup, ``--format json`` wrote the CSV's rows as a list of objects."""
    rows = json.dumps(list(export_rows(logged)))
    other = tmp_path / "other"
    done = run("import", "-", config=other, stdin=rows)
    assert done.stdout.startswith(f"imported {len(logged)} session(s)"), done.stderr
    assert "from glutetui JSON file" in done.stdout
    assert run("export", config=other).stdout == run("export").stdout


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


def test_strong_export_keeps_sides_and_bands_and_reimports_without_duplicates(
    logged: list[Session], paths: Paths, tmp_path: Path
) -> None:
    text = run("export", "--format", "strong").stdout
    header = next(csv.reader(io.StringIO(text)))
    assert header == [
        "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
        "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side", "Band", "Session ID",
    ]  # fmt: skip
    same = run("import", "-", stdin=text)
    assert "imported 0 session(s)" in same.stdout
    assert f"{len(logged)} already in the log" in same.stdout
    assert len(LogStore(paths).history().sessions) == len(logged)
    other = tmp_path / "o"
    out = run("import", "-", config=other, stdin=text)
    assert "from glutetui's Strong export file" in out.stdout
    assert f"imported {len(logged)} session(s)" in out.stdout
    back = sorted(LogStore(Paths.resolve(other)).history().sessions, key=lambda s: s.started_at)
    for original, again in zip(logged, back, strict=True):
        assert again.id == original.id
        assert [(x.exercise_id, x.set_number, x.side, x.reps, x.unit) for x in again.sets] == [
            (x.exercise_id, x.set_number, x.side, x.reps, x.unit) for x in original.sets
        ]
        assert again.exercise("clamshell").per_side  # type: ignore[union-attr]


def test_strong_export_writes_every_load_in_the_units_setting(paths: Paths) -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    session = Session(
        id="20260301T090000-ffffff",
        started_at=start,
        exercises=(ExerciseLog("hip-thrust", "Hip thrust"),),
        sets=(
            SetResult("hip-thrust", 1, 8, load=90.0, unit="lb"),
            SetResult("hip-thrust", 2, 8, load=40.0, unit="kg"),
            SetResult("hip-thrust", 3, 8, load=40.0),
            SetResult("hip-thrust", 4, 8, load=2.0, unit="band:red"),
        ),
        status="complete",
    )
    LogStore(paths).save(session)
    strong = list(csv.DictReader(io.StringIO(run("export", "--format", "strong").stdout)))
    assert [(r["Weight"], r["Band"]) for r in strong] == [
        (figures.format_number(90 * figures.KG_PER_LB), ""), ("40", ""), ("40", ""), ("2", "red"),
    ]  # fmt: skip
    paths.settings_file.write_text('units = "lb"\n')
    strong = list(csv.DictReader(io.StringIO(run("export", "--format", "strong").stdout)))
    assert [r["Weight"] for r in strong] == [
        "90", figures.format_number(40 / figures.KG_PER_LB), "40", "2",
    ]  # fmt: skip
    assert "in your `units` setting (kg or lb)" in " ".join(run("export", "--help").stdout.split())


def test_cells_a_spreadsheet_would_run_are_written_inert_and_read_back(
    paths: Paths, tmp_path: Path
) -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    notes = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "'quoted", "fine"]
    session = Session(
        id="20260301T090000-abcdef",
        started_at=start,
        exercises=(ExerciseLog("plank", "=Plank"),),
        sets=tuple(SetResult("plank", n, 1, note=note) for n, note in enumerate(notes, 1)),
        status="complete",
        note="=cmd|' /C calc'!A0",
    )
    LogStore(paths).save(session)
    for fmt, column in (("csv", "note"), ("strong", "Notes")):
        text = run("export", "--format", fmt).stdout
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r[column] for r in rows] == ["'" + n for n in notes[:5]] + ["fine"]
        assert all(not cell.startswith(FORMULA_STARTS) for r in rows for cell in r.values())
        other = tmp_path / fmt
        assert run("import", "-", config=other, stdin=text).returncode == 0
        (back,) = LogStore(Paths.resolve(other)).history().sessions
        assert [x.note for x in back.sets] == notes
        assert back.exercises[0].name == "=Plank"
    # Strong's layout has a column for the session's note (CSV rows are sets, the backup is JSON).
    assert back.note == "=cmd|' /C calc'!A0"


def test_csv_export_says_each_sets_kind(logged: list[Session]) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export").stdout)))
    assert {r["kind"] for r in rows} == {"work"}
    assert all(r["unit"] for r in rows if r["load"])


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


def test_an_exercise_filter_that_matches_nothing_says_so(logged: list[Session]) -> None:
    done = run("export", "--exercise", "clamshel")
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1  # the header alone
    assert "no logged set is of 'clamshel'" in done.stderr
    assert "glutetui exercises" in done.stderr
    assert run("export", "--exercise", "clamshell").stderr == ""
