"""``glutetui checkin`` and ``glutetui suggest`` as a user runs them."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest

from glutetui.cli import main
from glutetui.coach import checkins
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from tests.cli.runner import one_line_error, run


def _walk_session(paths: Paths, days_ago: int, reps: int, pain: int) -> Session:
    start = datetime.now().astimezone() - timedelta(days=days_ago)
    sets = tuple(
        SetResult("lateral-band-walk", n, reps, side=side, unit="band:red@knees")  # type: ignore[arg-type]
        for n in (1, 2)
        for side in ("left", "right")
    )
    log = ExerciseLog(
        "lateral-band-walk",
        "Lateral band walk",
        per_side=True,
        target_sets=2,
        target_reps=(10, 15),
        pain=pain,
        planned_unit="band:red@knees",
    )
    session = Session(
        id=f"20261101T0000{days_ago:02d}-abcdef",
        started_at=start,
        ended_at=start + timedelta(minutes=20),
        status="complete",
        exercises=(log,),
        sets=sets,
    )
    LogStore(paths, durable=False).save(session)
    return session


def test_checkin_with_answers_records_one_file(paths: Paths) -> None:
    session = _walk_session(paths, 1, 15, 2)
    done = run("checkin", "--pain", "2", "--compared", "better")
    assert done.returncode == 0, done.stderr
    assert "pain 2 – fine, better than before" in done.stdout
    (one,) = checkins.read_all(paths).items
    assert (one.pain, one.compared, one.follows) == (2, "better", session.id)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "not a terminal to ask in"),
        (("--pain", "3"), "give both"),
        (("--skip", "--pain", "3"), "--skip records no answer"),
    ],
)
def test_checkin_errors_are_one_line(args: tuple[str, ...], words: str, paths: Paths) -> None:
    assert words in one_line_error(run("checkin", *args))
    assert checkins.read_all(paths).items == ()


@pytest.mark.parametrize("args", [("--pain", "11", "--compared", "same"), ("--compared", "meh")])
def test_checkin_refuses_values_out_of_range(args: tuple[str, ...]) -> None:
    assert "error" in one_line_error(run("checkin", *args))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bare_checkin_asks_on_a_terminal(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("eleven\n4\nworse\nyes\n"))
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert main(["checkin"]) == 0
    (one,) = checkins.read_all(paths).items
    assert (one.pain, one.compared, one.sharp) == (4, "worse", True)


def test_skip_is_remembered(paths: Paths) -> None:
    assert run("checkin", "--skip").returncode == 0
    (one,) = checkins.read_all(paths).items
    assert one.skipped and one.pain is None


def test_suggest_json_moves_after_a_session_at_the_top(paths: Paths) -> None:
    first = json.loads(run("suggest", "lateral-band-walk", "--json").stdout)
    assert [(s["exercise_id"], s["direction"], s["rule"]) for s in first] == [
        ("lateral-band-walk", "same", "first-session")
    ]
    _walk_session(paths, 2, 15, 2)
    (after,) = json.loads(run("suggest", "Lateral band walk", "--json").stdout)
    assert after["direction"] == "up" and after["rule"] == "double-progression-up"
    assert after["dose"]["unit"] == "band:red@ankles" and after["dose"]["sets"] == 2
    assert "Lewis et al. 2018" in after["reason"]
    assert set(after) >= {"exercise_id", "direction", "dose", "reason", "rule"}


def test_suggest_table_names_every_exercise_and_red_pain_steps_down(paths: Paths) -> None:
    _walk_session(paths, 1, 15, 7)
    done = run("suggest")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["EXERCISE", "NEXT", "DOSE", "WHY"]
    walk = next(line for line in lines if line.startswith("lateral-band-walk"))
    assert " down " in walk and "yellow band at the feet" in walk and "too much" in walk
    assert len([line for line in lines[1:] if line.strip()]) == 5


def test_suggest_unknown_exercise_and_bad_checkin_files(paths: Paths) -> None:
    assert "no installed exercise called 'nope'" in one_line_error(run("suggest", "nope"))
    bad = checkins.folder(paths) / "20261129T000000-000000.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text("pain = 'a lot'")
    done = run("suggest", "clamshell")
    assert done.returncode == 0 and f"{bad} cannot be read" in done.stderr
    assert bad.read_text() == "pain = 'a lot'"
