"""``glutetui log``, ``export`` and ``import``, run as a user runs them (a real subprocess)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from glutetui.log import LogStore
from glutetui.logcli import KNOWN_NAMES, detect_format, read_import, slug
from glutetui.paths import Paths
from tests.history_factory import make_session, write_history

DATA = Path(__file__).parent / "data"


def run(
    *args: str, config: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if config is not None:
        env["GLUTETUI_CONFIG_DIR"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "glutetui", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture
def logged(paths: Paths) -> list:
    return write_history(paths, 0.1)  # 36 sessions, oldest first


# --------------------------------------------------------------------------- log


def test_log_lists_newest_first(logged: list) -> None:
    out = run("log", "--limit", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:6] == ["DATE", "DURATION", "EXERCISES", "SETS", "REPS", "PAIN"]
    assert len(lines) == 4
    newest = logged[-1]
    assert lines[1].startswith(f"{newest.started_at.astimezone():%Y-%m-%d %H:%M}")
    assert f" {len(newest.work_sets)} " in lines[1]
    assert f" {sum(s.reps for s in newest.work_sets)} " in lines[1]


def test_log_since_exercise_and_json(logged: list, paths: Paths) -> None:
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


def test_log_check_lists_unreadable_files(logged: list, paths: Paths) -> None:
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


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--since", "2026-02-30"),
        ("log", "--limit", "-3"),
        ("export", "--format", "xml"),
        ("import", "no-such-file.csv"),
        ("import", str(DATA / "unknown.csv")),
        ("import", str(DATA / "bad-reps.csv")),
        ("import", str(DATA / "strong.csv"), "--format", "hevy"),
        ("import", str(DATA)),
    ],
)
def test_bad_input_is_one_line_and_non_zero(args: tuple[str, ...]) -> None:
    one_line_error(run(*args))


def test_import_error_names_the_line_and_file() -> None:
    out = run("import", str(DATA / "bad-reps.csv"))
    assert "bad-reps.csv: line 2: reps 'twelve' is not a number" in out.stderr


def test_malformed_and_non_utf8_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text('session_id,exercise_id,set,reps,date\n"unterminated,x,1,2,3\n')
    one_line_error(run("import", str(broken)))
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        "Date,Exercise Name,Set Order,Reps\n2025-01-01 10:00:00,Clamshell,1,10 \xe9\n".encode(
            "latin-1"
        )
    )
    out = run("import", str(latin))
    one_line_error(out)
    assert "not UTF-8" in out.stderr
    jsonish = tmp_path / "x.json"
    jsonish.write_text("[{]")
    one_line_error(run("import", str(jsonish)))


# --------------------------------------------------------------------------- export and import


def test_csv_export_round_trips_and_import_is_idempotent(logged: list, tmp_path: Path) -> None:
    exported = tmp_path / "all.csv"
    out = run("export", "-o", str(exported))
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(exported.open()))
    assert len(rows) == sum(len(s.sets) for s in logged)
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


def test_json_export_round_trips(logged: list, tmp_path: Path) -> None:
    out = run("export", "--format", "json")
    rows = json.loads(out.stdout)
    assert rows[0]["session_id"] == logged[0].id and isinstance(rows[0]["reps"], int)
    other = tmp_path / "other"
    imported = run("import", "-", config=other, stdin=out.stdout)
    assert imported.returncode == 0, imported.stderr
    assert run("export", "--format", "json", config=other).stdout == out.stdout


def test_importing_into_the_same_log_duplicates_nothing(logged: list, paths: Paths) -> None:
    exported = run("export").stdout
    out = run("import", "-", stdin=exported)
    assert out.returncode == 0 and "imported 0 session(s)" in out.stdout
    assert len(LogStore(paths).history().sessions) == len(logged)


def test_export_filters_by_exercise_and_date(logged: list) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run("export", "--exercise", "clamshell", "--since", "2026-11-01").stdout)
        )
    )
    assert rows and {r["exercise_id"] for r in rows} == {"clamshell"}
    assert min(r["date"][:10] for r in rows) >= "2026-11-01"


def test_strong_import(paths: Paths) -> None:
    out = run("import", str(DATA / "strong.csv"))
    assert out.returncode == 0, out.stderr
    assert "imported 2 session(s) with 12 set(s) from strong" in out.stdout
    sessions = sorted(LogStore(paths).history().sessions, key=lambda s: s.started_at)
    gym, home = sessions
    assert gym.source == "strong" and gym.note == "Hip day — Felt good after rest day"
    assert (gym.ended_at - gym.started_at).total_seconds() == 48 * 60  # type: ignore[operator]
    assert [e.exercise_id for e in gym.exercises] == [
        "hip-abductor-machine", "barbell-hip-thrust", "bulgarian-split-squat-dumbbell", "plank",
    ]  # fmt: skip
    assert gym.exercise("bulgarian-split-squat-dumbbell").name == "Bulgarian Split Squat (Dumbbell)"  # type: ignore[union-attr]
    abd = [s for s in gym.sets if s.exercise_id == "hip-abductor-machine"]
    assert [(s.set_number, s.warmup, s.load, s.reps, s.rpe) for s in abd] == [
        (1, True, 20.0, 15, None), (1, False, 35.0, 12, 7), (2, False, 35.0, 11, 8), (3, False, 37.5, 10, 9),
    ]  # fmt: skip
    assert abd[3].note == "last set, grindy" and abd[0].unit == "kg"
    plank = next(s for s in gym.sets if s.exercise_id == "plank")
    assert plank.note == "60 s" and plank.load is None
    assert home.started_at.hour == 19 and home.started_at.tzinfo is not None
    assert {e.exercise_id for e in home.exercises} == {
        "clamshell",
        "lateral-band-walk",
        "single-leg-deadlift",
    }
    again = run("import", str(DATA / "strong.csv"))
    assert "imported 0 session(s)" in again.stdout and "2 already in the log" in again.stdout


def test_strong_legacy_semicolon_layout(paths: Paths) -> None:
    out = run("import", str(DATA / "strong-legacy.csv"), "--format", "strong")
    assert out.returncode == 0, out.stderr
    (s,) = LogStore(paths).history().sessions
    assert [(x.exercise_id, x.load, x.unit) for x in s.sets] == [
        ("barbell-hip-thrust", 135.0, "lb"), ("barbell-hip-thrust", 135.0, "lb"), ("deadlift-barbell", 185.0, "lb"),
    ]  # fmt: skip
    assert s.sets[2].rpe == 8 and s.sets[2].note == "form check"
    assert (s.ended_at - s.started_at).total_seconds() == 45 * 60  # type: ignore[operator]


def test_hevy_import(paths: Paths) -> None:
    out = run("import", str(DATA / "hevy.csv"))
    assert out.returncode == 0, out.stderr
    assert "imported 2 session(s) with 7 set(s) from hevy" in out.stdout
    a, b = sorted(LogStore(paths).history().sessions, key=lambda s: s.started_at)
    assert a.source == "hevy" and a.note == "Glute med A — Morning, a bit stiff"
    assert (a.ended_at - a.started_at).total_seconds() == 45 * 60  # type: ignore[operator]
    abd = [s for s in a.sets if s.exercise_id == "hip-abductor-machine"]
    assert [(s.set_number, s.warmup, s.load, s.unit, s.rpe) for s in abd] == [
        (1, True, 20.0, "kg", None), (1, False, 40.0, "kg", 8), (2, False, 40.0, "kg", 10),
    ]  # fmt: skip
    assert abd[2].note == "failure"
    assert a.exercise("hip-abductor-machine").note == "seat 3"  # type: ignore[union-attr]
    assert any(s.exercise_id == "single-leg-deadlift" for s in a.sets)
    assert next(s for s in a.sets if s.exercise_id == "side-plank").note == "45 s"
    assert [x.exercise_id for x in b.sets] == ["clamshell", "lateral-band-walk"]
    run("import", str(DATA / "hevy-lbs.csv"))
    lbs = next(s for s in LogStore(paths).history().sessions if s.note.startswith("Week 12"))
    assert (lbs.sets[0].load, lbs.sets[0].unit) == (185.0, "lb")


def test_strong_export_keeps_sides_and_reimports(logged: list, tmp_path: Path) -> None:
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


# --------------------------------------------------------------------------- units


def test_detect_format() -> None:
    assert detect_format(["Date", "Workout Name", "Exercise Name", "Set Order", "Reps"]) == "strong"
    assert (
        detect_format(["title", "start_time", "exercise_title", "set_index", "reps", "weight_kg"])
        == "hevy"
    )
    assert detect_format(["date", "session_id", "exercise_id", "set", "reps"]) == "glutetui"
    assert detect_format(["a", "b"]) is None


def test_known_names_and_slugs() -> None:
    assert slug("Hip Thrust (Barbell)") == "hip-thrust-barbell"
    assert KNOWN_NAMES["hip abduction machine"] == "hip-abductor-machine"
    fmt, sessions = read_import(
        "Date,Exercise Name,Set Order,Reps\n"
        "2025-01-01 10:00:00,Clamshell,1,10\n"
        "2025-01-01 10:00:00,Lateral Band Walk,1,10\n"
        "2025-01-01 10:00:00,Single Leg Deadlift,1,10\n"
        "2025-01-01 10:00:00,Hip Thrust (Barbell),1,10\n"
        "2025-01-01 10:00:00,Hip Abduction (Machine),1,10\n",
        None,
        "kg",
    )
    assert fmt == "strong"
    assert [e.exercise_id for e in sessions[0].exercises] == [
        "clamshell", "lateral-band-walk", "single-leg-deadlift", "barbell-hip-thrust", "hip-abductor-machine",
    ]  # fmt: skip


def test_log_commands_do_not_import_textual(logged: list) -> None:
    code = (
        "import sys; from glutetui.cli import main; main(['log']); main(['export']);"
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
