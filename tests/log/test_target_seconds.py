"""``target_seconds`` in a session file: written, read back, range-checked, and optional."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from glutetui.log import LogStore
from glutetui.log.index import INDEX_VERSION
from glutetui.log.toml_format import session_bytes
from glutetui.model import MAX_TIMED_SECONDS, ExerciseLog, Session, SetResult
from glutetui.paths import Paths

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SID = "20260302T180000-aaaaaa"


def plank_session(sid: str = SID) -> Session:
    return Session(
        id=sid,
        started_at=START,
        ended_at=START + timedelta(minutes=20),
        status="complete",
        exercises=(
            ExerciseLog(
                "side-plank", "Side plank", per_side=True, target_sets=3, target_seconds=(20, 30)
            ),
        ),
        sets=(
            SetResult("side-plank", 1, 0, side="left", seconds=28),
            SetResult("side-plank", 1, 0, side="right", seconds=24),
        ),
    )


GOOD = session_bytes(plank_session()).decode()
HELD = "target_seconds = [\n    20,\n    30,\n]"


def write(paths: Paths, sid: str, text: str) -> None:
    paths.logs_dir.mkdir(parents=True, exist_ok=True)
    (paths.logs_dir / f"{sid}.toml").write_text(text.replace(SID, sid))


def test_target_seconds_round_trip_through_the_file_and_both_indexes(paths: Paths) -> None:
    assert HELD in GOOD
    write(paths, SID, GOOD)
    cold = LogStore(paths).history()
    assert cold.sessions == (plank_session(),) and not cold.problems
    header, line = LogStore(paths).index_path.read_text().splitlines()
    assert f'"version":{INDEX_VERSION},' in header
    assert "[20,30]" in line  # the index keeps the target, so a warm read has it too
    warm = LogStore(paths).history()
    assert warm.sessions[0].exercises[0].target_seconds == (20, 30)


@pytest.mark.parametrize(
    ("held", "reason"),
    [
        ("[0, 30]", f"exercises[1].target_seconds must lie within 1–{MAX_TIMED_SECONDS}"),
        ("[30, 20]", "low first"),
        (f"[20, {MAX_TIMED_SECONDS + 1}]", "target_seconds must lie within"),
        ("[20]", "exercises[1].target_seconds must be a pair of whole numbers"),
        ('["20", "30"]', "target_seconds must be a pair of whole numbers"),
        ("30", "target_seconds must be a pair of whole numbers"),
    ],
)
def test_a_bad_target_seconds_makes_its_file_a_problem_not_a_crash(
    paths: Paths, held: str, reason: str
) -> None:
    write(paths, SID, GOOD)
    other = "20260303T180000-bbbbbb"
    write(paths, other, GOOD.replace(HELD, f"target_seconds = {held}"))
    history = LogStore(paths).history()
    assert [s.id for s in history.sessions] == [SID]
    (problem,) = history.problems
    assert problem.path.name == f"{other}.toml"
    assert reason in problem.reason


def test_a_file_from_before_target_seconds_reads_unchanged(paths: Paths) -> None:
    """A file glutetui wrote before the key existed (no such line) still reads, timed as it was."""
    old = GOOD.replace(HELD + "\n", "")
    assert "target_seconds" not in old
    write(paths, SID, old)
    history = LogStore(paths).history()
    assert not history.problems
    (read,) = history.sessions
    assert read.exercises[0].target_seconds is None
    assert [s.seconds for s in read.sets] == [28, 24]
