"""A set's kind and seconds in the model and in the file: additive keys, read by every version."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from glutetui.log.errors import LogFormatError
from glutetui.log.toml_format import session_bytes, session_from_dict
from glutetui.model import Session, SetResult
from glutetui.toml_reading import parse_toml

START = datetime(2026, 1, 1, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def test_warmup_and_kind_say_the_same_thing() -> None:
    assert SetResult("plank", 1, 5, warmup=True).kind == "warm-up"
    assert SetResult("plank", 1, 5, kind="warm-up").warmup is True
    assert SetResult("plank", 1, 5, warmup=True) == SetResult("plank", 1, 5, kind="warm-up")
    assert SetResult("plank", 1, 5, kind="drop").warmup is False
    with pytest.raises(ValueError, match="a warm-up set cannot also be a failure set"):
        SetResult("plank", 1, 5, warmup=True, kind="failure")


def file_sets(*sets: SetResult) -> list[dict[str, object]]:
    """The ``[[sets]]`` tables of a session holding ``sets``, as its file says them (and read
    back as the same sets)."""
    session = Session(id="s-1", started_at=START, sets=sets, status="complete")
    table = parse_toml(session_bytes(session).decode())
    assert session_from_dict(table).sets == sets
    sets_tables: list[dict[str, object]] = table["sets"]
    return sets_tables


def test_a_warm_up_is_written_as_every_version_reads_it() -> None:
    (warm, drop, failure, timed, work) = file_sets(
        SetResult("x", 1, 8, kind="warm-up"),
        SetResult("x", 1, 10, kind="drop"),
        SetResult("x", 2, 6, kind="failure", seconds=40),
        SetResult("plank", 1, 0, seconds=60),
        SetResult("x", 3, 10),
    )
    assert warm["warmup"] is True and "kind" not in warm
    assert drop["kind"] == "drop" and "warmup" not in drop
    assert (failure["kind"], failure["seconds"]) == ("failure", 40)
    assert timed == {"exercise_id": "plank", "set_number": 1, "reps": 0, "seconds": 60}
    assert set(work) == {"exercise_id", "set_number", "reps"}


def session_table(**set_keys: object) -> dict[str, object]:
    return {
        "format_version": 1, "id": "s-1", "status": "complete",
        "started_at": START,
        "sets": [{"exercise_id": "x", "set_number": 1, "reps": 5, **set_keys}],
    }  # fmt: skip


def test_a_file_written_before_kinds_reads_unchanged() -> None:
    (s,) = session_from_dict(session_table(warmup=True)).sets
    assert (s.warmup, s.kind, s.seconds) == (True, "warm-up", None)
    (s,) = session_from_dict(session_table()).sets
    assert (s.warmup, s.kind, s.seconds) == (False, "work", None)


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ({"warmup": True, "kind": "drop"}, "sets[1] is a warm-up (warmup = true) and a drop set"),
        ({"kind": "heavy"}, "sets[1].kind must be one of warm-up, work, drop, failure"),
        ({"seconds": -5}, "sets[1].seconds must be at least 0"),
        ({"seconds": 4.5}, "sets[1].seconds must be a whole number"),
    ],
)
def test_a_kind_or_seconds_a_set_cannot_have_is_refused(
    keys: dict[str, object], reason: str
) -> None:
    with pytest.raises(LogFormatError) as caught:
        session_from_dict(session_table(**keys))
    assert reason in str(caught.value)


def test_kind_warm_up_in_a_file_is_a_warm_up() -> None:
    (s,) = session_from_dict(session_table(kind="warm-up")).sets
    assert s.warmup and s.kind == "warm-up"
