"""``glutetui import``: glutetui's own export and Strong's and Hevy's CSV, run as a user runs it.

Round trips of glutetui's own exports are in ``test_export.py``.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from glutetui.cli.importing import detect_layout
from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.cli.runner import DATA, one_line_error, run


@pytest.mark.parametrize(
    "args",
    [
        ("no-such-file.csv",),
        (str(DATA / "unknown.csv"),),
        (str(DATA / "bad-reps.csv"),),
        (str(DATA / "strong.csv"), "--format", "hevy"),
        (str(DATA),),
    ],
)
def test_bad_input_is_one_line_and_non_zero(args: tuple[str, ...]) -> None:
    assert one_line_error(run("import", *args)).startswith("glutetui: ")


def test_import_error_names_the_file_line_and_column() -> None:
    out = run("import", str(DATA / "bad-reps.csv"))
    assert "bad-reps.csv: line 2, column \"reps\": 'twelve' is not a number" in out.stderr


@pytest.mark.parametrize("cell", ["nan", "inf", "-Infinity", "1e400", "9" * 400])
@pytest.mark.parametrize("column", ["Reps", "RPE"])
def test_numbers_that_are_not_finite_are_refused(cell: str, column: str, paths: Paths) -> None:
    header = "Date,Exercise Name,Set Order,Reps,RPE\n"
    row = ["2025-01-01 10:00", "Plank", "1", "10", "7"]
    row[3 if column == "Reps" else 4] = cell
    done = run("import", "-", stdin=header + ",".join(row) + "\n")
    assert one_line_error(done) == (
        f'glutetui: standard input: line 2, column "{column}": {cell!r} is not a number'
    )
    assert not paths.logs_dir.exists() or not any(paths.logs_dir.iterdir())


def test_a_refused_file_writes_nothing_and_a_dry_run_says_the_same(paths: Paths) -> None:
    """Good sessions first, a bad value on the last line: nothing is written, and --dry-run
    refuses the file with the same message. (Line 21: one note in the file spans two lines.)"""
    good = (DATA / "strong.csv").read_text()
    bad = good + '2025-03-07 10:00:00,"Later",1h,"Plank",1,0,5,0,0,"","",11\n'
    for args in (("import", "-"), ("import", "-", "--dry-run")):
        done = run(*args, stdin=bad)
        assert one_line_error(done).startswith('glutetui: standard input: line 21, column "RPE"')
    assert not paths.logs_dir.exists() or not any(paths.logs_dir.iterdir())


def test_a_dry_run_prints_the_summary_and_writes_nothing(paths: Paths) -> None:
    dry = run("import", str(DATA / "strong6.csv"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert not paths.logs_dir.exists() or not any(paths.logs_dir.iterdir())
    real = run("import", str(DATA / "strong6.csv"))
    assert real.stdout == dry.stdout.replace("would import", "imported")
    assert real.stdout == (
        f"imported 2 session(s) with 9 set(s) from Strong 6 file {DATA / 'strong6.csv'}; "
        "0 already in the log; skipped 2 row(s) that record no work "
        "(1 no reps, time or distance, 1 rest timer)\n"
    )


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


def test_strong_import(paths: Paths) -> None:
    out = run("import", str(DATA / "strong.csv"))
    assert out.returncode == 0, out.stderr
    assert "imported 2 session(s) with 16 set(s) from Strong file" in out.stdout
    assert "skipped 2 row(s) that record no work (1 no reps, time or distance, 1 rest timer)" in (
        out.stdout
    )
    assert out.stdout.rstrip().endswith("; removed 1 control character(s) from the text")
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
    assert (plank.seconds, plank.reps, plank.note, plank.load) == (60, 0, "", None)
    assert home.started_at.hour == 19 and home.started_at.tzinfo is not None
    assert (home.ended_at - home.started_at).total_seconds() == 65 * 60  # type: ignore[operator]
    assert {e.exercise_id for e in home.exercises} == {
        "clamshell", "lateral-band-walk", "single-leg-deadlift", "glute-bridge", "walking",
    }  # fmt: skip
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
    assert "imported 2 session(s) with 7 set(s) from Hevy file" in out.stdout
    a, b = sorted(LogStore(paths).history().sessions, key=lambda s: s.started_at)
    assert a.source == "hevy" and a.note == "Glute med A — Morning, a bit stiff"
    assert (a.ended_at - a.started_at).total_seconds() == 45 * 60  # type: ignore[operator]
    abd = [s for s in a.sets if s.exercise_id == "hip-abductor-machine"]
    assert [(s.set_number, s.warmup, s.load, s.unit, s.rpe) for s in abd] == [
        (1, True, 20.0, "kg", None), (1, False, 40.0, "kg", 8), (2, False, 40.0, "kg", 10),
    ]  # fmt: skip
    assert [x.kind for x in abd] == ["warm-up", "work", "failure"] and abd[2].note == ""
    assert a.exercise("hip-abductor-machine").note == "seat 3"  # type: ignore[union-attr]
    assert any(s.exercise_id == "single-leg-deadlift" for s in a.sets)
    plank = next(s for s in a.sets if s.exercise_id == "side-plank")
    assert (plank.seconds, plank.reps, plank.note) == (45, 0, "")
    assert [x.exercise_id for x in b.sets] == ["clamshell", "lateral-band-walk"]
    run("import", str(DATA / "hevy-lbs.csv"))
    lbs = next(s for s in LogStore(paths).history().sessions if s.note.startswith("Week 12"))
    assert (lbs.sets[0].load, lbs.sets[0].unit) == (185.0, "lb")


def test_a_per_side_set_counts_once(paths: Paths) -> None:
    text = (
        "Date,Exercise Name,Set Order,Reps,Side\n"
        "2025-01-01 10:00:00,Clamshell,1,12,left\n"
        "2025-01-01 10:00:00,Clamshell,1,11,right\n"
        "2025-01-01 10:00:00,Clamshell,2,12,left\n"
        "2025-01-01 10:00:00,Clamshell,2,10,right\n"
        "2025-01-01 10:00:00,Clamshell,W,8,left\n"
        "2025-01-01 10:00:00,Clamshell,W,8,right\n"
    )
    out = run("import", "-", stdin=text)
    assert "imported 1 session(s) with 3 set(s) from Strong file" in out.stdout
    (session,) = LogStore(paths).history().sessions
    assert len(session.sets) == 6 and session.exercises[0].per_side


def format_of(header: list[str]) -> str | None:
    layout = detect_layout(header)
    return None if layout is None else layout.format


def test_detect_format() -> None:
    assert format_of(["Date", "Workout Name", "Exercise Name", "Set Order", "Reps"]) == "strong"
    assert (
        format_of(["title", "start_time", "exercise_title", "set_index", "reps", "weight_kg"])
        == "hevy"
    )
    assert format_of(["date", "session_id", "exercise_id", "set", "reps"]) == "glutetui"
    assert format_of(["a", "b"]) is None


# --------------------------------------------------------------------------- aliases

STRONG_HEADER = "Date,Exercise Name,Set Order,Reps\n"


def strong_rows(*names: str) -> str:
    """A Strong export of one workout with one set of each exercise in ``names``."""
    return STRONG_HEADER + "".join(f"2025-01-01 10:00:00,{name},1,10\n" for name in names)


def imported_ids(paths: Paths) -> list[str]:
    (session,) = LogStore(paths).history().sessions
    return [e.exercise_id for e in session.exercises]


def test_the_builtins_aliases_file_other_apps_names_under_their_ids(paths: Paths) -> None:
    names = [
        "Hip Abductor (Machine)",
        "clam shell",
        "Banded Lateral Walk",
        "Single Leg RDL",
        "Hip Thrust",
        "single-leg deadlift",  # the name itself, spelt otherwise: no alias needed
        "Cossack Squat",
    ]
    out = run("import", "-", stdin=strong_rows(*names))
    assert out.returncode == 0, out.stderr
    assert imported_ids(paths) == [
        "hip-abductor-machine", "clamshell", "lateral-band-walk", "single-leg-deadlift",
        "barbell-hip-thrust", "cossack-squat",
    ]  # fmt: skip


THIRD_PARTY = """
import glutetui

@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="cossack-squat",
            name="Cossack squat",
            aliases=["Side Lunge (Deep)", "Clamshell"],
            instructions=["Shift your weight to one side and sit deep."],
        )
    )
"""


def install(site: Path, name: str, source: str) -> str:
    """A real distribution providing plugin ``name`` in ``site``; returns the PYTHONPATH to use."""
    info = site / f"cli_{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (site / f"cli_{name}.py").write_text(textwrap.dedent(source))
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: cli-{name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[glutetui]\n{name} = cli_{name}\n")
    return os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)


def test_an_installed_plugins_aliases_work_through_the_catalog_cache(
    tmp_path: Path, paths: Paths
) -> None:
    """A real distribution on the path; `exercises` caches the catalog that `import` then reads."""
    path = install(tmp_path / "site", "cossack", THIRD_PARTY)
    assert "cossack-squat" in run("exercises", PYTHONPATH=path).stdout  # writes the cache
    out = run("import", "-", stdin=strong_rows("side lunge (deep)", "Clamshell"), PYTHONPATH=path)
    assert out.returncode == 0, out.stderr
    # An exercise's own name comes before another plugin's alias for it.
    assert imported_ids(paths) == ["cossack-squat", "clamshell"]


def test_a_broken_plugin_is_named_and_the_import_goes_on(tmp_path: Path, paths: Paths) -> None:
    path = install(tmp_path / "site", "broken", "raise RuntimeError('broken on purpose')\n")
    out = run("import", "-", stdin=strong_rows("Hip Thrust"), PYTHONPATH=path)
    assert out.returncode == 0, out.stderr
    assert out.stderr.startswith("glutetui: plugin 'broken': failed to import cli_broken")
    assert imported_ids(paths) == ["barbell-hip-thrust"]
