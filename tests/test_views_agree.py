"""Every view of a session tells the same figures (:mod:`glutetui.figures` is their one home).

The same sessions, per-side and not, with warm-ups, skips, kg, lb and band loads and one left
unfinished, go through the end-of-session report (the summary screen), the log's summary row
(the log screen's table and ``glutetui log``), the log screen's cells, the session detail,
``glutetui log --json`` and its table, the JSON export, and the weekly goal and calendar. Each
must count what figures.py counts: a set done on each side is one set.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from glutetui import figures, stats
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.tui.format import plural, session_cells
from glutetui.tui.screens.session_detail import describe_session
from glutetui.workout.report import session_report
from tests.cli.runner import ok

TZ = timezone(timedelta(hours=1))
MONDAY = date(2026, 11, 23)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def _sided(ex: str, n: int, reps: int, **kw: object) -> tuple[SetResult, SetResult]:
    return (
        SetResult(ex, n, reps, side="left", **kw),  # type: ignore[arg-type]
        SetResult(ex, n, reps - 1, side="right", **kw),  # type: ignore[arg-type]
    )


def _sessions() -> list[Session]:
    band = _at(23, 7)
    mixed = _at(24, 18)
    open_ = _at(26, 12)
    return [
        Session(  # per-side with a band, a warm-up pair and a note
            id="20261123T070000-aaaaaa",
            started_at=band,
            exercises=(ExerciseLog("clamshell", "Clamshell", per_side=True, pain=2),),
            sets=(
                *_sided("clamshell", 1, 8, warmup=True),
                *(s for n in (1, 2, 3) for s in _sided("clamshell", n, 15, unit="band:red")),
            ),
            ended_at=band + timedelta(minutes=21),
            status="complete",
            note="felt steady",
        ),
        Session(  # kg and lb, a warm-up, a skipped exercise, per-side and not mixed
            id="20261124T180000-bbbbbb",
            started_at=mixed,
            exercises=(
                ExerciseLog("hip-thrust", "Hip thrust", pain=1),
                ExerciseLog("single-leg-deadlift", "Single-leg deadlift", per_side=True),
                ExerciseLog("lateral-band-walk", "Lateral band walk", skipped=True),
            ),
            sets=(
                SetResult("hip-thrust", 1, 10, load=20, unit="kg", warmup=True),
                SetResult("hip-thrust", 1, 10, load=60, unit="kg", rpe=7),
                SetResult("hip-thrust", 2, 9, load=135, unit="lb", rpe=8),
                *_sided("single-leg-deadlift", 1, 10, load=12.5, unit="kg"),
                *_sided("single-leg-deadlift", 2, 10, load=12.5, unit="kg"),
            ),
            ended_at=mixed + timedelta(minutes=65),
            status="incomplete",
        ),
        Session(  # unfinished: its length runs to its last set
            id="20261126T120000-cccccc",
            started_at=open_,
            exercises=(ExerciseLog("clamshell", "Clamshell", per_side=True),),
            sets=(
                *_sided("clamshell", 1, 12, finished_at=open_ + timedelta(minutes=4)),
                SetResult(
                    "clamshell", 2, 12, side="left", finished_at=open_ + timedelta(minutes=9)
                ),
            ),
        ),
    ]


@pytest.fixture
def logged(paths: Paths) -> list[Session]:
    store = LogStore(paths)
    sessions = _sessions()
    for session in sessions:
        store.save(session)
    return sessions


def test_the_report_row_cells_and_detail_agree_with_figures(logged: list[Session]) -> None:
    for session in logged:
        want = figures.session_figures(session)
        report = session_report(session, logged)
        assert (report.work_sets, report.warmup_sets, report.reps, report.duration) == (
            want.work_sets,
            want.warmup_sets,
            want.reps,
            want.duration,
        ), session.id
        assert report.volume == pytest.approx(want.volume)
        assert sum(e.work_sets for e in report.exercises) == want.work_sets

        from glutetui.log import session_row

        row = session_row(session)
        assert (row.sets, row.reps, row.worked, row.max_pain, row.duration) == (
            want.work_sets,
            want.reps,
            want.exercises,
            want.max_pain,
            want.duration,
        ), session.id
        cells = session_cells(row)
        assert cells[1:5] == (
            figures.format_duration(want.duration),
            str(want.exercises),
            str(want.work_sets),
            str(want.reps),
        )
        words = f"{plural(want.work_sets, 'set')}, {plural(want.reps, 'rep')}"
        assert words in describe_session(session)
        assert figures.format_duration(want.duration) in describe_session(session)


def test_the_numbers_are_the_expected_ones(logged: list[Session]) -> None:
    counted = [figures.session_figures(s) for s in logged]
    assert [f.work_sets for f in counted] == [3, 4, 2]  # not 6, 6, 3: a pair is one set
    assert [f.warmup_sets for f in counted] == [1, 1, 0]
    assert [f.reps for f in counted] == [87, 57, 35]
    assert counted[1].volume == pytest.approx(
        600 + 9 * 135 * figures.KG_PER_LB + 2 * (10 + 9) * 12.5
    )
    assert counted[0].volume == 0  # bands are no weight
    assert counted[2].duration == timedelta(minutes=9)


def test_the_command_line_agrees(logged: list[Session]) -> None:
    want = {s.id: figures.session_figures(s) for s in logged}
    listed = json.loads(ok("log", "--json"))
    assert {r["id"]: (r["sets"], r["reps"]) for r in listed} == {
        i: (f.work_sets, f.reps) for i, f in want.items()
    }
    assert all(r["seconds"] == 0 for r in listed)
    table = ok("log").splitlines()[1:]
    newest_first = sorted(logged, key=lambda s: s.started_at, reverse=True)
    for line, session in zip(table, newest_first, strict=True):
        f = want[session.id]
        assert f" {figures.format_duration(f.duration)} " in line
        assert f" {f.work_sets} " in line and f" {f.reps} " in line

    exported = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv"))))
    for sid, f in want.items():
        rows = [r for r in exported if r["session_id"] == sid and r["kind"] != "warm-up"]
        assert len({(r["exercise_id"], r["set"]) for r in rows}) == f.work_sets
        assert sum(int(r["reps"]) for r in rows) == f.reps
    backup = json.loads(ok("export", "--format", "json"))["sessions"]
    assert {s["id"]: len(s["sets"]) for s in backup} == {s.id: len(s.sets) for s in logged}


def test_timed_drop_and_failure_sets_count_everywhere(paths: Paths) -> None:
    """A plank held for time is a set; its seconds add up in every view that shows them."""
    start = _at(27, 8)
    session = Session(
        id="20261127T080000-dddddd",
        started_at=start,
        exercises=(ExerciseLog("plank", "Plank"), ExerciseLog("hip-thrust", "Hip thrust")),
        sets=(
            SetResult("plank", 1, 0, seconds=45),
            SetResult("plank", 2, 0, seconds=40, kind="failure"),
            SetResult("plank", 1, 0, seconds=20, kind="warm-up"),
            SetResult("hip-thrust", 1, 8, load=60, unit="kg"),
            SetResult("hip-thrust", 2, 12, load=40, unit="kg", kind="drop"),
        ),
        ended_at=start + timedelta(minutes=20),
        status="complete",
    )
    LogStore(paths).save(session)
    want = figures.session_figures(session)
    assert (want.work_sets, want.warmup_sets, want.reps, want.seconds) == (4, 1, 20, 85)
    # The log's summary row, the log screen's cells and `glutetui log` (table and JSON).
    (row,) = LogStore(paths).summaries().rows
    assert (row.sets, row.reps, row.seconds, row.duration) == (4, 20, 85, want.duration)
    done = figures.format_work(want.reps, want.seconds)
    assert done == "20 · 1 min 25 s"
    assert session_cells(row)[3:5] == ("4", done)
    (listed,) = json.loads(ok("log", "--json"))
    assert (listed["sets"], listed["reps"], listed["seconds"]) == (4, 20, 85)
    (line,) = ok("log").splitlines()[1:]
    assert " 4 " in line and f" {done} " in line
    assert figures.sets_of_kind(session.sets, "drop") == 1
    report = session_report(session)
    assert (report.work_sets, report.seconds) == (4, 85)
    plank = next(e for e in report.exercises if e.exercise_id == "plank")
    assert figures.format_done(plank.reps_by_side, plank.seconds) == "1 min 25 s"
    assert "4 sets, 20 reps, 1 min 25 s timed" in describe_session(session)
    (point,) = stats.exercise_trend([session], "plank")
    assert (point.sets, point.reps, point.seconds) == (2, 0, 85)
    assert stats.personal_bests([session], "plank").max_seconds.value == 45  # type: ignore[union-attr]
    rows = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv"))))
    assert [(r["kind"], r["seconds"]) for r in rows if r["exercise_id"] == "plank"] == [
        ("work", "45"), ("failure", "40"), ("warm-up", "20"),
    ]  # fmt: skip
    strong = list(csv.DictReader(io.StringIO(ok("export", "--format", "strong"))))
    assert [(r["Set Order"], r["Seconds"]) for r in strong] == [
        ("1", "45"), ("F", "40"), ("W", "20"), ("1", "0"), ("D", "0"),
    ]  # fmt: skip


def test_the_weekly_goal_and_calendar_agree(logged: list[Session]) -> None:
    total = sum(figures.session_figures(s).work_sets for s in logged)
    (week,) = stats.weekly_sets(logged, MONDAY + timedelta(days=6), goal=30, weeks=1)
    assert week.sets == total
    calendar = stats.training_calendar(logged, MONDAY + timedelta(days=6), weeks=1)
    assert sum(calendar.sets.values()) == total
