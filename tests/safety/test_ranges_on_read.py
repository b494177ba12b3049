"""A value no glutetui could have logged makes its file a reported problem, never a crash: read
in the store, in every CLI command over the log, and (Hypothesis) anything the reader accepts
renders in every view."""

from __future__ import annotations

import io
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui import balance as sides
from glutetui import figures, stats
from glutetui.cli.backup import write_backup
from glutetui.cli.exporting.glutetui import write_csv
from glutetui.cli.exporting.strong import write_strong
from glutetui.log import LogFormatError, LogStore, reading, session_from_dict, session_row
from glutetui.log.ranges import check_session
from glutetui.log.toml_format import session_bytes
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.tui.format import session_cells
from glutetui.workout.entries import MAX_LOADS, InvalidEntry, check_load, parse_load
from tests.cli.runner import run

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def good_session(sid: str = "2026-03-02-1800") -> Session:
    return Session(
        id=sid,
        started_at=START,
        ended_at=START + timedelta(minutes=30),
        status="complete",
        exercises=(ExerciseLog("clamshell", "Clamshell", per_side=True, pain=1),),
        sets=(
            SetResult("clamshell", 1, 12, side="left", load=5.0, unit="kg"),
            SetResult("clamshell", 1, 12, side="right", load=5.0, unit="kg"),
        ),
    )


def edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


GOOD = session_bytes(good_session()).decode()
"""The file glutetui writes; each case below edits one value of it by hand."""
BAD_EDITS = {
    "huge-load": ("load = 5.0", "load = 1e300"),
    "lb-over-limit": ('load = 5.0\nunit = "kg"', 'load = 2300.0\nunit = "lb"'),
    "negative-load": ("load = 5.0", "load = -5.0"),
    "year-1": ("started_at = 2026-03-02 18:00:00+00:00", "started_at = 0001-01-01T00:30:00+01:00"),
    "year-9999": (
        "started_at = 2026-03-02 18:00:00+00:00",
        "started_at = 9999-12-31T23:30:00-01:00",
    ),
    "ended-year-9999": ("ended_at = 2026", "ended_at = 9999"),
    "infinite-reps": ("reps = 12", "reps = 1e309"),
    "negative-reps": ("reps = 12", "reps = -3"),
    "too-many-reps": ("reps = 12", "reps = 4000000000"),
    "pain-10e60": ("pain = 1", "pain = 1e60"),
    "pain-11": ("pain = 1", "pain = 11"),
    "rpe-99": ("reps = 12", "reps = 12\nrpe = 99"),
    "seconds": ("reps = 12", "reps = 12\nseconds = 99999999"),
    "set-number": ("set_number = 1", "set_number = 0"),
}


@pytest.fixture
def bad_log(paths: Paths) -> Paths:
    """One good session and one file for each bad edit."""
    logs = paths.logs_dir
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "2026-03-02-1800.toml").write_text(GOOD)
    for n, (old, new) in enumerate(BAD_EDITS.values()):
        sid = f"2026-03-{n + 3:02d}-1800"
        text = edited(GOOD.replace("2026-03-02-1800", sid), old, new)
        (logs / f"{sid}.toml").write_text(text)
    return paths


def test_every_out_of_range_value_makes_its_file_a_problem(bad_log: Paths) -> None:
    store = LogStore(bad_log)
    history = store.history()
    assert [s.id for s in history.sessions] == ["2026-03-02-1800"]
    assert len(history.problems) == len(BAD_EDITS)
    for problem in history.problems:
        assert "must" in problem.reason or "overflowed" in problem.reason, problem.reason
    found = store.summaries(limit=0)
    assert found.count == 1 and len(found.problems) == len(BAD_EDITS)


@pytest.mark.parametrize(
    "args",
    [["log"], ["log", "--check"], ["export"], ["export", "--format", "strong"], ["log", "--json"]],
)
def test_commands_over_the_log_report_and_never_crash(bad_log: Paths, args: list[str]) -> None:
    done = run(*args)
    assert "Traceback" not in done.stderr, done.stderr
    if args == ["log", "--check"]:
        assert done.returncode == 1
        assert done.stdout.count(".toml:") == len(BAD_EDITS)
        assert "started_at: 0001-01-01T00:30:00+01:00: a date must" in done.stdout
    else:
        assert done.returncode == 0
        assert f"{len(BAD_EDITS)} log file(s) cannot be read" in done.stderr


def test_a_real_heavy_lb_set_is_kept_and_the_limit_is_the_same_in_both_units() -> None:
    assert check_load(1100.0, "lb") == 1100.0
    assert parse_load("1100 lb") == (1100.0, "lb")
    assert figures.convert(MAX_LOADS["lb"], "lb", "kg") == pytest.approx(MAX_LOADS["kg"], abs=0.01)
    with pytest.raises(InvalidEntry, match=r"2204\.62 lb"):
        check_load(2300.0, "lb")
    with pytest.raises(InvalidEntry, match="1000 kg"):
        check_load(1100.0, "kg")
    check_session(replace_load(good_session(), 1100.0, "lb"))


def replace_load(session: Session, load: float, unit: str) -> Session:
    from dataclasses import replace

    return replace(session, sets=tuple(replace(s, load=load, unit=unit) for s in session.sets))


def test_a_1100_lb_strong_file_imports() -> None:
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        '2025-03-04 18:02:11,"Pull",48m,"Hip Thrust (Barbell)",1,1100,3,0,0,"","",\n'
    )
    done = run("import", "--unit", "lb", "-", stdin=csv)
    assert done.returncode == 0, done.stderr
    assert "1100" in run("export").stdout


# --------------------------------------------------------------------------- any value read

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
anywhen = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    offsets,
)
wide_ints = st.integers(-(10**12), 10**12) | st.integers(0, 20)
wide_loads = st.floats(allow_nan=False, allow_infinity=False) | st.floats(0, 2500)
units = st.sampled_from([None, "kg", "lb", "band:red"])
any_sets = st.builds(
    SetResult,
    exercise_id=st.sampled_from(["clamshell", "walk"]),
    set_number=wide_ints,
    reps=wide_ints,
    side=st.sampled_from([None, "left", "right"]),
    load=st.none() | wide_loads,
    unit=units,
    rpe=st.none() | wide_ints,
    finished_at=st.none() | anywhen,
    seconds=st.none() | wide_ints,
    kind=st.sampled_from(["work", "drop", "failure"]),
)
any_sessions = st.builds(
    Session,
    id=st.just("2026-03-02-1800"),
    started_at=anywhen,
    ended_at=st.none() | anywhen,
    status=st.sampled_from(["complete", "incomplete"]),
    exercises=st.just((ExerciseLog("clamshell", "Clamshell", per_side=True),)),
    sets=st.lists(any_sets, max_size=6).map(tuple),
)


@given(st.lists(any_sessions, min_size=1, max_size=3))
def test_whatever_the_reader_accepts_renders_in_every_view(sessions: list[Session]) -> None:
    accepted = []
    for session in sessions:
        try:
            accepted.append(check_session(session_from_dict(session_to_plain(session))))
        except LogFormatError:
            continue
    today = date(2026, 3, 9)
    for session in accepted:
        session_cells(session_row(session))
        figures.session_figures(session)
    sides.recent_balance(accepted)
    stats.streak(accepted, today)
    stats.training_calendar(accepted, today)
    stats.weekly_sets(accepted, today, goal=30)
    for exercise_id in ("clamshell", "walk"):
        stats.exercise_trend(accepted, exercise_id, unit="lb")
        stats.personal_bests(accepted, exercise_id, unit="kg")
        stats.pain_trend(accepted, exercise_id)
    for write in (write_csv, write_strong):
        write(accepted, io.StringIO(), None, "lb")
    write_backup(accepted, io.StringIO())


def session_to_plain(session: Session) -> dict[str, object]:
    from glutetui.log import session_to_dict

    return session_to_dict(session)


@pytest.mark.parametrize("workers", [False, True], ids=["in-process", "forked-workers"])
def test_every_path_of_reading_reports_each_out_of_range_file(
    bad_log: Paths, workers: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one reader range-checks every file whichever way it is read: cold (in this process
    or in forked workers, both indexes), warm (from the indexes just written) and by
    ``log --check`` both cold and warm; none of them lets a value out of range through."""
    if workers:
        monkeypatch.setattr(reading, "PARALLEL_FROM", 1)
        monkeypatch.setattr(reading, "CHUNK", 4)
        monkeypatch.setattr(reading, "_can_fork", lambda: True)
        monkeypatch.setattr(reading, "_usable_cores", lambda: 2)
    forked: list[bool] = []
    real = reading._in_workers

    def spy(*args: Any) -> Any:
        found = real(*args)
        forked.append(found is not None)
        return found

    monkeypatch.setattr(reading, "_in_workers", spy)
    bad = len(BAD_EDITS)
    for _ in ("cold", "warm"):
        store = LogStore(bad_log)
        found = store.summaries(limit=0)
        assert (found.count, len(found.problems)) == (1, bad)
        history = store.history()
        assert [s.id for s in history.sessions] == ["2026-03-02-1800"]
        assert len(history.problems) == bad
    assert forked == ([True, True] if workers else [])  # both indexes read cold, by workers
    shutil.rmtree(bad_log.cache_dir)
    for _ in ("cold", "warm"):
        done = run("log", "--check")
        assert (done.returncode, done.stdout.count(".toml:")) == (1, bad), done.stdout
