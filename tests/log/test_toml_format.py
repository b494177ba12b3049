"""The session file format: exact round trips, and clear reasons for everything it refuses."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glutetui import figures
from glutetui.log import toml_format
from glutetui.log.compact import session_from_json, session_to_json
from glutetui.log.errors import LogFormatError
from glutetui.log.summaries import NOTE_PREVIEW, row_from_json, row_to_json, session_row
from glutetui.log.toml_format import (
    FORMAT_VERSION,
    parse_session_bytes,
    session_bytes,
    session_from_dict,
    session_to_dict,
)
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.toml_reading import parse_toml
from tests.history_factory import make_session
from tests.log.strategies import sessions

TZ = timezone(timedelta(hours=1))
P = Path("logs/x.toml")


def same_values(a: Any, b: Any) -> bool:
    """Equal, of the same types all the way down, and datetimes at the same offset (``==``
    on aware datetimes compares only the instants)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_values(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_values(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime):
        return a == b and a.utcoffset() == b.utcoffset() and type(a.tzinfo) is type(b.tzinfo)
    if isinstance(a, float) and a == 0:
        return str(a) == str(b)  # -0.0 stays -0.0
    return bool(a == b)


def same_session(a: Session, b: Session) -> bool:
    return a == b and same_values(session_to_dict(a), session_to_dict(b))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
@example(
    Session(
        id="20261123T180000-abcdef",
        started_at=datetime(1900, 1, 1, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=14))),
        ended_at=datetime(9998, 12, 31, tzinfo=timezone(-timedelta(hours=23, minutes=59))),
        sets=(
            SetResult(
                "x",
                1,
                0,
                load=-0.0,
                note='\x7f\u2028"\\',
                finished_at=datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
            ),
        ),
    )
)
def test_any_session_reads_back_exactly_as_tomli_w_wrote_it(session: Session) -> None:
    raw = session_bytes(session)
    # The reader gives exactly what the standard library's reader gives, offsets included.
    text = raw.decode()
    assert same_values(session_from_dict(parse_toml(text)), session_from_dict(tomllib.loads(text)))
    back = parse_session_bytes(raw, Path(f"logs/{session.id}.toml"))
    # Equal instants are not enough: the offset the person trained in is kept too, as a plain
    # timezone whatever the reader's own tzinfo class.
    assert same_session(back, session)
    moments = [back.started_at, back.ended_at, *(s.finished_at for s in back.sets)]
    assert all(type(m.tzinfo) is timezone for m in moments if m is not None)


@given(sessions)
def test_any_session_survives_the_index_form(session: Session) -> None:
    back = session_from_json(json.loads(json.dumps(session_to_json(session))))
    assert same_session(back, session)


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
    row = session_row(session)
    back = row_from_json(json.loads(json.dumps(row_to_json(row))))
    assert back == row
    assert back.started_at.utcoffset() == row.started_at.utcoffset()
    # The row gives the figures the Sessions table shows, as the full session does.
    summary = figures.session_figures(session)
    assert (back.worked, back.sets, back.reps, back.seconds, back.max_pain, back.duration) == (
        summary.exercises,
        summary.work_sets,
        summary.reps,
        summary.seconds,
        summary.max_pain,
        summary.duration,
    )
    assert back.note == " ".join(session.note.split())[:NOTE_PREVIEW]


def test_a_damaged_summary_row_is_refused() -> None:
    data = row_to_json(session_row(make_session(datetime(2026, 3, 4).date())))
    with pytest.raises((ValueError, TypeError)):
        row_from_json(data[:-1])
    with pytest.raises((ValueError, TypeError)):
        row_from_json([*data[:1], "not a date", *data[2:]])


ODD_VALUES = st.sampled_from(
    [None, True, False, 0, -1, 7, 2.5, -0.0, float("nan"), float("inf"), "", "left", "middle",
     "kg", [], [1, 2], {}, {"a": 1}, datetime(2026, 1, 1), datetime(2026, 1, 1, tzinfo=TZ),
     datetime(2026, 1, 1, tzinfo=UTC)]
)  # fmt: skip
SET_KEYS = st.sampled_from(
    ["exercise_id", "set_number", "reps", "side", "load", "unit", "rpe", "warmup",
     "finished_at", "note", "tempo"]
)  # fmt: skip


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions, st.lists(st.tuples(st.integers(0, 11), SET_KEYS, ODD_VALUES), max_size=4))
def test_the_inline_check_of_sets_agrees_with_the_schema(
    session: Session, changes: list[tuple[int, str, Any]]
) -> None:
    """Sets are checked inline for speed; whatever a file holds, the outcome (the session, or
    the reason it is refused) is the schema's."""
    data = parse_toml(session_bytes(session).decode())
    for at, key, value in changes:
        if data["sets"]:
            data["sets"][at % len(data["sets"])][key] = value

    def outcome() -> object:
        try:
            return session_from_dict(data, P)
        except LogFormatError as exc:
            return exc.reason

    inline = outcome()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(toml_format, "_set", lambda raw, n, path: SetResult(
            *toml_format._read(raw, toml_format._SET, f"sets[{n}]", path)))  # fmt: skip
        schema = outcome()
    if isinstance(schema, Session):
        assert isinstance(inline, Session) and same_session(inline, schema)
    else:
        assert inline == schema


EXERCISE_KEYS = st.sampled_from(
    ["exercise_id", "name", "per_side", "target_sets", "target_reps", "target_seconds", "pain",
     "note", "skipped", "warmup_sets", "planned_load", "planned_unit", "tempo"]
)  # fmt: skip


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions, st.lists(st.tuples(st.integers(0, 11), EXERCISE_KEYS, ODD_VALUES), max_size=4))
def test_the_inline_check_of_exercises_agrees_with_the_schema(
    session: Session, changes: list[tuple[int, str, Any]]
) -> None:
    """Exercises are checked inline too; whatever a file holds, the outcome is the schema's."""
    data = parse_toml(session_bytes(session).decode())
    for at, key, value in changes:
        if data["exercises"]:
            data["exercises"][at % len(data["exercises"])][key] = value

    def outcome() -> object:
        try:
            return session_from_dict(data, P)
        except LogFormatError as exc:
            return exc.reason

    inline = outcome()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(toml_format, "_exercise", lambda raw, n, path: ExerciseLog(
            *toml_format._read(raw, toml_format._EXERCISE, f"exercises[{n}]", path)))  # fmt: skip
        schema = outcome()
    if isinstance(schema, Session):
        assert isinstance(inline, Session) and same_session(inline, schema)
    else:
        assert inline == schema
