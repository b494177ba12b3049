"""Each export layout read from a small file written the way the app writes it, quirks and all.

Run in-process on ``read_import`` (the command around it is tested in ``test_import.py``).
"""

from __future__ import annotations

import contextlib
import re
from datetime import timedelta
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.cli.importing import ImportFormatError, ImportResult, read_import
from glutetui.cli.names import ExerciseNames
from glutetui.model import Session, SetResult
from glutetui.plugins import load_plugins
from tests.cli.runner import DATA


@cache
def names() -> ExerciseNames:
    return ExerciseNames(load_plugins().catalog.exercises.values())


def read(name: str, fmt: str | None = None, unit: str = "kg") -> ImportResult:
    return read_import((DATA / name).read_text(encoding="utf-8"), fmt, unit, names)


def sets_of(session: Session, exercise_id: str) -> list[SetResult]:
    return [x for x in session.sets if x.exercise_id == exercise_id]


def length(session: Session) -> timedelta:
    assert session.ended_at is not None
    return session.ended_at - session.started_at


def test_strong_classic_keeps_every_row_that_records_work() -> None:
    result = read("strong.csv")
    assert result.label == "Strong"
    assert result.skipped == {"rest timer": 1, "no reps, time or distance": 1}
    gym, home = result.sessions
    assert [(x.set_number, x.warmup, x.load, x.unit, x.reps) for x in sets_of(gym, "plank")] == [
        (1, False, None, None, 0)
    ]
    clam = sets_of(home, "clamshell")
    assert [(x.set_number, x.reps, x.kind, x.note) for x in clam] == [
        (1, 15, "work", "green band"), (2, 15, "work", ""), (3, 12, "drop", ""),
        (4, 9, "failure", ""),
    ]  # fmt: skip
    bridge = sets_of(home, "glute-bridge")
    assert [(x.set_number, x.side, x.reps) for x in bridge] == [(1, "left", 12), (1, "right", 12)]
    assert home.exercise("glute-bridge").per_side  # type: ignore[union-attr]
    assert bridge[0].note == "slow, controlled"  # a line break inside a quoted note
    assert result.controls == 1
    walk = sets_of(home, "walking")[0]
    assert (walk.seconds, walk.note) == (900, "distance 1.2")


def test_older_strong_weights_come_in_the_unit_the_header_names() -> None:
    result = read("strong-older.csv", unit="lb")
    assert result.label == "Strong (older)"
    glutes, morning = result.sessions
    thrust = sets_of(glutes, "barbell-hip-thrust")
    assert [(x.set_number, x.load, x.unit, x.reps) for x in thrust] == [
        (1, 60.0, "kg", 10), (2, 62.5, "kg", 10), (3, 65.0, "kg", 8),
    ]  # fmt: skip
    assert thrust[2].note == "hard"
    assert [(x.seconds, x.reps) for x in sets_of(glutes, "side-plank")] == [(40, 0)]
    row = sets_of(glutes, "rowing-machine")[0]
    assert (row.seconds, row.note) == (600, "2 km")
    assert result.skipped == {"no reps, time or distance": 1}
    assert glutes.ended_at is None and morning.sets[0].note == "band"


def test_strong_6_weights_kinds_and_durations() -> None:
    result = read("strong6.csv", unit="lb")  # the header says kg; the setting does not matter
    assert result.label == "Strong 6"
    assert result.skipped == {"rest timer": 1, "no reps, time or distance": 1}
    a, b = result.sessions
    assert length(a) == timedelta(seconds=3120) and length(b) == timedelta(seconds=1500)
    machine = sets_of(a, "hip-abductor-machine")
    assert [(x.set_number, x.warmup, x.load, x.unit, x.reps, x.rpe) for x in machine] == [
        (1, True, 20.0, "kg", 15, None), (1, False, 42.5, "kg", 12, 8),
        (2, False, 42.5, "kg", 10, 9), (3, False, 42.5, "kg", 7, 10),
    ]  # fmt: skip
    assert [x.kind for x in machine] == ["warm-up", "work", "work", "failure"]
    assert machine[3].note == "grip gave out"
    assert [x.kind for x in sets_of(a, "barbell-hip-thrust")] == ["work", "drop"]
    assert [(x.seconds, x.reps) for x in sets_of(a, "plank")] == [(75, 0)]
    mill = sets_of(b, "treadmill")[0]
    assert (mill.seconds, mill.note) == (600, "1500 m")


def test_strong_6_in_pounds() -> None:
    text = (DATA / "strong6.csv").read_text(encoding="utf-8").replace("Weight (kg)", "Weight (lbs)")
    (a, _) = read_import(text, None, "kg", names).sessions
    assert {x.unit for x in a.sets if x.load is not None} == {"lb"}


def test_a_translated_strong_header_is_read_by_its_column_order() -> None:
    for fmt in (None, "strong"):
        result = read("strong-zh.csv", fmt)
        assert result.label == "Strong (translated header)"
        (s,) = result.sessions
        assert s.note == "臀部" and length(s) == timedelta(minutes=52)
        machine = sets_of(s, "hip-abductor-machine")
        assert [(x.kind, x.load, x.reps, x.rpe) for x in machine] == [
            ("warm-up", 25.0, 15, None), ("work", 45.0, 12, 8), ("drop", 30.0, 10, None),
        ]  # fmt: skip
        assert result.skipped == {"rest timer": 1}
        (plank,) = (e for e in s.exercises if e.name == "平板支撑")
        assert plank.exercise_id.startswith("exercise-")


def test_hevy_kinds_supersets_and_timed_sets() -> None:
    result = read("hevy-quirks.csv")
    (s,) = result.sessions
    assert length(s) == timedelta(minutes=44)
    machine = sets_of(s, "hip-abductor-machine")
    assert [(x.set_number, x.kind, x.load) for x in machine] == [
        (1, "warm-up", 20.0), (1, "work", 45.0), (2, "drop", 30.0),
    ]  # fmt: skip
    assert s.exercise("hip-abductor-machine").note == "superset 0"  # type: ignore[union-attr]
    assert s.exercise("clamshell").note == "superset with the machine — superset 0"  # type: ignore[union-attr]
    assert [(x.reps, x.rpe, x.kind) for x in sets_of(s, "clamshell")] == [(22, 10, "failure")]
    assert [(x.seconds, x.reps) for x in sets_of(s, "side-plank")] == [(50, 0)]
    walk = sets_of(s, "walking")[0]
    assert (walk.seconds, walk.note) == (1200, "1.5 km")
    assert result.skipped == {"no reps, time or distance": 1}


def test_fitnotes_commas_in_names_sides_units_and_times() -> None:
    result = read("fitnotes.csv")
    assert result.label == "FitNotes"
    day, other = result.sessions
    assert day.started_at.hour == 12 and day.ended_at is None and day.source == "fitnotes"
    assert [e.name for e in day.exercises] == [
        "Hip Abductor (Machine)", "Squat, Front", "Clamshell", "Side Plank", "Treadmill, incline, slow",
    ]  # fmt: skip
    assert [(x.load, x.unit, x.reps) for x in sets_of(day, "squat-front")] == [(50.0, "kg", 5)]
    clam = sets_of(day, "clamshell")
    assert [(x.set_number, x.side, x.reps) for x in clam] == [
        (1, "left", 15), (1, "right", 15), (2, "left", 14), (2, "right", 14),
    ]  # fmt: skip
    assert day.exercise("clamshell").per_side  # type: ignore[union-attr]
    assert [(x.seconds, x.reps) for x in sets_of(day, "side-plank")] == [(60, 0)]
    mill = sets_of(day, "treadmill-incline-slow")[0]
    assert (mill.seconds, mill.note) == (1926, "1.53 mi")
    assert [(x.load, x.unit) for x in other.sets] == [(135.0, "lb")]
    assert result.skipped == {"no reps, time or distance": 1}


def test_fitnotes_with_a_comment_column_and_the_unit_in_the_header() -> None:
    text = (
        "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment\n"
        "2024-04-01,Squat, Front,Legs,95,5,,,,easy, deep\n"
        '2024-04-01,Clamshell,Glutes,,15,,,,"band, green"\n'
    )
    (s,) = read_import(text, None, "kg", names).sessions
    assert [(x.exercise_id, x.load, x.unit, x.note) for x in s.sets] == [
        ("squat-front", 95.0, "lb", "easy, deep"), ("clamshell", None, None, "band, green"),
    ]  # fmt: skip


def test_a_fitnotes_row_that_no_split_can_explain_is_refused() -> None:
    text = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
    text += "2024-04-01,Squat,Legs,heavy,kgs,5,,,,\n"
    with pytest.raises(ImportFormatError, match="line 2: 10 cells but the header has 9"):
        read_import(text, None, "kg", names)


def test_an_unknown_set_order_is_refused_not_dropped() -> None:
    text = "Date,Exercise Name,Set Order,Reps\n2025-01-01 10:00:00,Plank,X,10\n"
    with pytest.raises(ImportFormatError, match="line 2, column \"Set Order\": 'X' is not"):
        read_import(text, None, "kg", names)


HEADER = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Seconds,RPE\n"
GOOD = "2025-01-01 10:00:00,A,Plank,1,20,10,0,7\n"


@pytest.mark.parametrize(
    ("column", "cell", "reason"),
    [
        ("Reps", "1e400", "is not a number"),
        ("Reps", "nan", "is not a number"),
        ("Reps", "9" * 5000, "is not a number"),
        ("Reps", "1e12", "reps must be a whole number from 0 to 500"),
        ("Reps", "-3", "reps must be a whole number from 0 to 500"),
        ("Weight", "inf", "is not a number"),
        ("Weight", "1001", "load must be from 0 to 1000"),
        ("Weight", "-5", "load must be from 0 to 1000"),
        ("RPE", "1e400", "is not a number"),
        ("RPE", "11", "RPE must be a whole number from 1 to 10"),
        ("Seconds", "99999999", "seconds must be a whole number from 0 to 86400"),
        ("Date", "0001-01-01 00:00:00", "a date must fall in the years 1900 to 9998"),
        ("Date", "2025-02-30 10:00:00", "is not a date and time"),
    ],
)
def test_values_the_app_could_not_log_are_refused_by_line_and_column(
    column: str, cell: str, reason: str
) -> None:
    columns = HEADER.strip().split(",")
    bad = GOOD.strip().split(",")
    bad[columns.index(column)] = cell
    text = HEADER + GOOD * 3 + ",".join(bad) + "\n"
    with pytest.raises(ImportFormatError) as caught:
        read_import(text, None, "kg", names)
    message = str(caught.value)
    assert message.startswith(f'line 5, column "{column}": ') and reason in message


def test_a_duration_beyond_the_calendar_is_refused() -> None:
    text = "Date,Duration,Exercise Name,Set Order,Reps\n9998-12-31 10:00:00,999999999h,Plank,1,5\n"
    with pytest.raises(ImportFormatError, match='line 2, column "Duration"'):
        read_import(text, None, "kg", names)


def test_control_characters_are_taken_out_and_counted() -> None:
    text = HEADER.replace("RPE", "Notes") + (
        "2025-01-01 10:00:00,\x1b[31mA\x1b[0m,Plank\x07,1,20,10,0,go\tgo\x00\n"
    )
    result = read_import(text, None, "kg", names)
    (s,) = result.sessions
    assert s.note == "[31mA[0m" and s.exercises[0].name == "Plank"
    assert s.sets[0].note == "go go"
    assert result.controls == 5


@given(st.text(max_size=40))
def test_any_cell_is_read_or_refused_with_a_reason(cell: str) -> None:
    """Whatever a cell holds, the import ends in sessions or in one ImportFormatError."""
    for column in range(8):
        cells = GOOD.strip().split(",")
        cells[column] = '"' + cell.replace('"', '""') + '"'
        with contextlib.suppress(ImportFormatError):
            read_import(HEADER + ",".join(cells) + "\n", None, "kg", names)


def test_one_moment_written_two_ways_is_one_session() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Reps\n"
        "2025-01-01 10:00:00,A,Plank,1,10\n"
        "2025-01-01T10:00:00,A,Plank,2,10\n"
    )
    (s,) = read_import(text, None, "kg", names).sessions
    assert [x.set_number for x in s.sets] == [1, 2]


HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    'A,"9 Apr 2026, 17:18","9 Apr 2026, 18:02",,Clamshell,,,0,normal,{w},{r},,{s},{rpe}\n'
)
FITNOTES = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
    "2024-03-15,Clamshell,Glutes,{w},{u},{r},,,{t}\n"
)
STRONG6 = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
    '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
    '"1";"2024-02-03 09:15:00";"A";"{d}";"Plank";"1";"{w}";"{r}";"";"";"";"";""\n'
)
OWN = (
    "date,session_id,exercise_id,exercise_name,set,side,reps,load,unit,rpe,pain\n"
    "2026-01-01T10:00:00+01:00,{id},clamshell,Clamshell,{n},,{r},{w},kg,,{p}\n"
)
OK = {"w": "10", "r": "10", "s": "", "rpe": "", "u": "kgs", "t": "", "d": "60"}
OK |= {"id": "20260101T090000-aaaaaa", "n": "1", "p": ""}


@pytest.mark.parametrize(
    ("template", "change", "where"),
    [
        (HEVY, {"w": "1e400"}, "line 2, column \"weight_kg\": '1e400' is not a number"),
        (HEVY, {"r": "nan"}, "line 2, column \"reps\": 'nan' is not a number"),
        (HEVY, {"s": "1e9"}, "line 2, column \"duration_seconds\": '1e9': seconds must"),
        (HEVY, {"rpe": "99"}, "line 2, column \"rpe\": '99': RPE must"),
        (FITNOTES, {"w": "2000"}, "line 2, column \"Weight\": '2000': load must"),
        (FITNOTES, {"u": "stone"}, "line 2, column \"Weight Unit\": 'stone' is not kg or lbs"),
        (FITNOTES, {"t": "99999:00:00"}, "line 2, column \"Time\": '99999:00:00': seconds must"),
        (STRONG6, {"w": "1e400"}, "line 2, column \"Weight (kg)\": '1e400' is not a number"),
        (STRONG6, {"d": "9" * 40}, 'line 2, column "Duration (sec)"'),
        (OWN, {"id": "../../x"}, "line 2, column \"session_id\": '../../x' is not a session id"),
        (OWN, {"n": "0"}, "line 2, column \"set\": '0': a set number must"),
        (OWN, {"p": "11"}, "line 2, column \"pain\": '11': pain must"),
        (OWN, {"w": "-0.5"}, "line 2, column \"load\": '-0.5': load must"),
    ],
)
def test_every_layout_names_the_line_and_column_it_refuses(
    template: str, change: dict[str, str], where: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_import(template.format(**(OK | change)), None, "kg", names)
    assert str(caught.value).startswith(where)


def test_each_template_reads_as_it_stands() -> None:
    """The refusals above come from the one changed cell."""
    for template in (HEVY, FITNOTES, STRONG6, OWN):
        assert len(read_import(template.format(**OK), None, "kg", names).sessions) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"session_id": "a", "reps": 1e400}]', "row 1, column \"reps\": 'inf' is not a number"),
        ('[{"session_id": "a", "reps": NaN}]', "row 1, column \"reps\": 'nan' is not a number"),
        (f'[{{"reps": {"9" * 5000}}}]', "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_json_rows_of_earlier_versions_are_checked_the_same_way(text: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(message)):
        read_import(text.replace('"session_id": "a"', OWN_JSON), None, "kg", names)


OWN_JSON = (
    '"session_id": "20260101T090000-aaaaaa", "date": "2026-01-01T10:00:00+01:00", '
    '"exercise_id": "clamshell", "set": 1'
)
