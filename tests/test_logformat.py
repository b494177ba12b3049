"""The session file format: round trips, and clear reasons for everything it refuses."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glutetui import figures
from glutetui.logformat import (
    FORMAT_VERSION,
    NOTE_PREVIEW,
    LogFormatError,
    row_from_json,
    row_to_json,
    session_from_dict,
    session_from_json,
    session_row,
    session_to_dict,
    session_to_json,
)
from glutetui.model import ExerciseLog, Session, SetResult
from tests.history_factory import make_session

TZ = timezone(timedelta(hours=1))
P = Path("logs/x.toml")

# --------------------------------------------------------------------------- strategies

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
ids = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True).filter(lambda s: len(s) < 40)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9998, 12, 30)),
    offsets,
)
small = st.integers(min_value=0, max_value=10_000)
sets = st.builds(
    SetResult,
    exercise_id=ids,
    set_number=st.integers(1, 50),
    reps=small,
    side=st.sampled_from([None, "left", "right"]),
    load=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
    unit=st.none() | text,
    rpe=st.none() | st.integers(1, 10),
    warmup=st.booleans(),
    finished_at=st.none() | moments,
    note=text,
)
exercises = st.builds(
    ExerciseLog,
    exercise_id=ids,
    name=text,
    per_side=st.booleans(),
    target_sets=st.none() | st.integers(1, 20),
    target_reps=st.none() | st.tuples(st.integers(1, 200), st.integers(1, 200)),
    pain=st.none() | st.integers(0, 10),
    note=text,
    skipped=st.booleans(),
    warmup_sets=st.integers(0, 3),
    planned_load=st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
    planned_unit=st.none() | text,
)
sessions = st.builds(
    Session,
    id=st.from_regex(r"[0-9]{8}T[0-9]{6}-[0-9a-f]{6}", fullmatch=True),
    started_at=moments,
    exercises=st.lists(exercises, max_size=5).map(tuple),
    sets=st.lists(sets, max_size=12).map(tuple),
    ended_at=st.none() | moments,
    status=st.sampled_from(["in-progress", "complete", "incomplete"]),
    note=text,
    routine_id=st.none() | ids,
    cursor=st.integers(0, 500),
    source=st.sampled_from(["glutetui", "strong", "hevy"]),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_any_session_survives_toml(session: Session) -> None:
    text = tomli_w.dumps(session_to_dict(session))
    back = session_from_dict(tomllib.loads(text), P)
    assert back == session
    # Equal instants are not enough: the offset the person trained in is kept too.
    assert back.started_at.utcoffset() == session.started_at.utcoffset()
    for a, b in zip(back.sets, session.sets, strict=True):
        if b.finished_at is not None:
            assert a.finished_at.utcoffset() == b.finished_at.utcoffset()  # type: ignore[union-attr]


@given(sessions)
def test_any_session_survives_the_index_form(session: Session) -> None:
    import json

    assert session_from_json(json.loads(json.dumps(session_to_json(session)))) == session


def test_index_rows_from_before_the_planned_load_still_read() -> None:
    session = Session(
        id="20261123T180000-abcdef",
        started_at=datetime(2026, 11, 23, 18, tzinfo=TZ),
        exercises=(ExerciseLog("clamshell", "Clamshell", planned_load=20.0, planned_unit="kg"),),
    )
    row = session_to_json(session)
    row[8] = [e[:9] for e in row[8]]  # as an older index wrote it
    old = session_from_json(row)
    assert old.exercises[0].planned_load is None and old.exercises[0].planned_unit is None
    assert session_from_json(session_to_json(session)) == session


def test_none_values_are_left_out_and_version_comes_first() -> None:
    s = Session(
        id="a",
        started_at=datetime(2026, 1, 1, 9, tzinfo=TZ),
        sets=(SetResult("clamshell", 1, 12),),
        exercises=(ExerciseLog("clamshell", "Clamshell"),),
    )
    d = session_to_dict(s)
    assert next(iter(d)) == "format_version"
    assert d["format_version"] == FORMAT_VERSION == 1
    assert "ended_at" not in d and "routine_id" not in d
    assert d["sets"] == [{"exercise_id": "clamshell", "set_number": 1, "reps": 12}]
    assert tomli_w.dumps(d).startswith("format_version = 1\n")


def test_naive_datetimes_and_nan_loads_are_refused_on_write() -> None:
    naive = Session(id="a", started_at=datetime(2026, 1, 1, 9))
    with pytest.raises(ValueError, match="timezone-aware"):
        session_to_dict(naive)
    nan = Session(
        id="a",
        started_at=datetime(2026, 1, 1, 9, tzinfo=TZ),
        sets=(SetResult("x", 1, 1, load=float("nan")),),
    )
    with pytest.raises(ValueError, match="finite"):
        session_to_dict(nan)


def _good() -> dict:
    return tomllib.loads(tomli_w.dumps(session_to_dict(make_session(datetime(2026, 3, 1).date()))))


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.pop("format_version"), "no format_version"),
        (lambda d: d.update(format_version=2), "newer glutetui"),
        (lambda d: d.update(format_version="1"), "format_version must be a whole number"),
        (lambda d: d.pop("id"), "missing the key 'id'"),
        (lambda d: d.pop("started_at"), "missing the key 'started_at'"),
        (lambda d: d.update(started_at="yesterday"), "started_at must be a date-time"),
        (lambda d: d.update(started_at=datetime(2026, 1, 1)), "must carry a UTC offset"),
        (lambda d: d.update(status="done"), "status must be one of"),
        (lambda d: d.update(cursor=-1), "cursor must be at least 0"),
        (lambda d: d.update(sets={"a": 1}), "sets must be an array"),
        (lambda d: d["sets"][0].update(reps="twelve"), "sets[1].reps must be a whole number"),
        (lambda d: d["sets"][0].update(reps=True), "sets[1].reps must be a whole number"),
        (lambda d: d["sets"][2].update(side="middle"), "sets[3].side must be one of left, right"),
        (lambda d: d["sets"][0].update(load="heavy"), "sets[1].load must be a number"),
        (lambda d: d["sets"][0].pop("exercise_id"), "sets[1] is missing the key 'exercise_id'"),
        (lambda d: d["sets"].__setitem__(0, 5), "sets[1] must be a table"),
        (lambda d: d["exercises"][1].update(name=3), "exercises[2].name must be text"),
        (lambda d: d["exercises"][0].update(target_reps=[8]), "target_reps must be a pair"),
        (lambda d: d["exercises"][0].update(per_side="yes"), "per_side must be true or false"),
    ],
)
def test_bad_content_is_refused_with_a_reason(mutate, reason: str) -> None:
    data = _good()
    mutate(data)
    with pytest.raises(LogFormatError, match=reason.replace("[", r"\[").replace("]", r"\]")) as err:
        session_from_dict(data, P)
    assert err.value.path == P
    assert str(P) in str(err.value)


def test_unknown_keys_are_ignored() -> None:
    data = _good()
    data["mood"] = "great"
    data["sets"][0]["tempo"] = "3-1-1"
    assert session_from_dict(data, P) == session_from_dict(_good(), P)


def test_int_loads_read_as_floats() -> None:
    data = _good()
    data["sets"][0]["load"] = 20
    assert session_from_dict(data, P).sets[0].load == 20.0


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_any_sessions_summary_row_survives_the_summary_index_form(session: Session) -> None:
    import json

    row = session_row(session)
    back = row_from_json(json.loads(json.dumps(row_to_json(row))))
    assert back == row
    assert back.started_at.utcoffset() == row.started_at.utcoffset()
    # The row gives the figures the Sessions table shows, as the full session does.
    summary = figures.session_figures(session)
    assert (back.worked, back.sets, back.reps, back.max_pain, back.duration) == (
        summary.exercises,
        summary.work_sets,
        summary.reps,
        summary.max_pain,
        summary.duration,
    )
    assert back.entries == sum(1 for s in session.sets if not s.warmup)
    assert back.note == " ".join(session.note.split())[:NOTE_PREVIEW]


def test_a_damaged_summary_row_is_refused() -> None:
    data = row_to_json(session_row(make_session(datetime(2026, 3, 4).date())))
    with pytest.raises((ValueError, TypeError)):
        row_from_json(data[:-1])
    with pytest.raises((ValueError, TypeError)):
        row_from_json([*data[:1], "not a date", *data[2:]])
