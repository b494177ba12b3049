"""Self-tests: results checked against their test, one file each, scheduled by programme weeks."""

from __future__ import annotations

import argparse
import io
import os
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from glutetui.cli.selftest_cmd import cmd_selftest
from glutetui.coach.programmes import Programme, SelfTestSchedule, Stage
from glutetui.coach.programmes_schedule import position
from glutetui.coach.programmes_state import ProgrammeState
from glutetui.coach.selftests import (
    Field,
    SelfTest,
    SelfTestResult,
    result_problems,
    selftest_problems,
)
from glutetui.coach.selftests_registry import collect_self_tests
from glutetui.coach.selftests_store import read_results, save_result
from glutetui.errors import GlutetuiError
from glutetui.paths import Paths
from glutetui.plugins import load_plugins

TESTS, _ = collect_self_tests(load_plugins().manager)
STANCE = TESTS["single-leg-stance"]
WEEKLY = TESTS["weekly-check"]
WHEN = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
GOOD_STANCE = {
    "left_seconds": 30,
    "right_seconds": 22,
    "left_pain": 0,
    "right_pain": 3,
    "left_pelvis": "level",
    "right_pelvis": "dropped",
}


def test_the_built_ins_ask_what_coaching_md_lists() -> None:
    assert STANCE.result_keys() == tuple(GOOD_STANCE)
    assert WEEKLY.result_keys() == ("pain", "change")
    assert (WEEKLY.fields[1].low, WEEKLY.fields[1].high) == (-5, 5)  # 11 points
    assert "Grimaldi" in STANCE.source and "Mellor" in WEEKLY.source
    assert result_problems(STANCE, GOOD_STANCE) == []


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        (
            {**GOOD_STANCE, "left_seconds": 31},
            "left_seconds must be a whole number from 0 to 30, not 31",
        ),
        (
            {**GOOD_STANCE, "right_pelvis": "tilted"},
            "right_pelvis must be one of level, dropped, not 'tilted'",
        ),
        ({k: v for k, v in GOOD_STANCE.items() if k != "right_pain"}, "right_pain is missing"),
        (
            {**GOOD_STANCE, "left_pain": True},
            "left_pain must be a whole number from 0 to 10, not True",
        ),
        ({**GOOD_STANCE, "extra": 1}, "extra is not part of 30-second single-leg stance"),
    ],
)
def test_results_out_of_range_are_refused(values: dict[str, object], problem: str) -> None:
    assert result_problems(STANCE, values) == [problem]


def test_invalid_self_test_lists_every_problem() -> None:
    bad = SelfTest(
        "Bad Id",
        "",
        (),
        (
            Field("a-b", ""),
            Field("x", "X", kind="choice", choices=("one",)),
            Field("n", "N", low=5, high=5),
        ),
    )
    problems = " ".join(selftest_problems(bad))
    for words in (
        "slug",
        "name must not be empty",
        "at least one instruction",
        "lowercase letters and digits",
        "two or more choices",
        "low < high",
    ):
        assert words in problems


def test_results_round_trip_one_owner_only_file_each(tmp_path: Path) -> None:
    first = SelfTestResult(
        "20261123T083000-aaaaaa", "single-leg-stance", WHEN, GOOD_STANCE, "mirror"
    )
    second = SelfTestResult(
        "20261124T083000-bbbbbb",
        "weekly-check",
        WHEN + timedelta(days=1),
        {"pain": 4, "change": -2},
    )
    for result in (second, first):
        path = save_result(str(tmp_path), result)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    found, problems = read_results(str(tmp_path), TESTS)
    assert (found, problems) == ([first, second], [])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            'format_version = 1\nid = "X"\ntest = "weekly-check"\nwhen = 2026-11-23T08:00:00Z\n[values]\npain = 3\nchange = 0\n',
            "id must match the file name",
        ),
        (
            'format_version = 1\nid = "r"\ntest = "weekly-check"\nwhen = 2026-11-23T08:00:00\n[values]\npain = 3\nchange = 0\n',
            "UTC offset",
        ),
        (
            'format_version = 1\nid = "r"\ntest = "weekly-check"\nwhen = 2026-11-23T08:00:00Z\n[values]\npain = 30\nchange = 0\n',
            "pain must be a whole number from 0 to 10, not 30",
        ),
        (
            'format_version = 1\nid = "r"\ntest = "gone"\nwhen = 2026-11-23T08:00:00Z\n[values]\n',
            "self-test 'gone' is not installed",
        ),
        ("format_version = [", "TOML"),
    ],
)
def test_a_damaged_result_is_reported_and_left_alone(
    tmp_path: Path, text: str, reason: str
) -> None:
    folder = tmp_path / "selftests"
    folder.mkdir()
    (folder / "r.toml").write_text(text, "utf-8")
    found, problems = read_results(str(tmp_path), TESTS)
    assert found == []
    ((path, why),) = problems
    assert path.endswith("r.toml") and reason.lower() in why.lower()
    assert (folder / "r.toml").read_text("utf-8") == text


@dataclass(frozen=True)
class Done:
    test_id: str
    when: datetime


START = date(2026, 11, 2)
PLAN = Programme(
    "p", "P", (Stage("s", ("r",), 3),), self_tests=(SelfTestSchedule("weekly-check", (0, 4)),)
)


def due_tests(offset: int, done: list[Done]) -> tuple[str, ...]:
    return position(
        PLAN, ProgrammeState("p", START), set(), (), START + timedelta(days=offset), results=done
    ).self_tests_due


def at_day(offset: int) -> datetime:
    return datetime.combine(START + timedelta(days=offset), datetime.min.time(), UTC).replace(
        hour=9
    )


def test_a_programme_schedules_self_tests_by_week() -> None:
    assert due_tests(0, []) == ("weekly-check",)
    assert due_tests(3, [Done("weekly-check", at_day(1))]) == ()
    assert due_tests(10, []) == ()  # week 1: none planned
    # Week 4 wants a new one: week 0's result does not count.
    assert due_tests(29, [Done("weekly-check", at_day(1))]) == ("weekly-check",)
    assert due_tests(29, [Done("weekly-check", at_day(28))]) == ()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_missing_answers_are_asked(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["11", "4", "minus two", "-2"])  # two refused on the way
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    args = argparse.Namespace(name="weekly-check", answers=[], note="after a long walk")
    assert cmd_selftest(args, paths) == 0
    found, _ = read_results(paths.config_root, TESTS)
    assert [(r.values, r.note) for r in found] == [({"pain": 4, "change": -2}, "after a long walk")]
    err = capsys.readouterr().err
    assert "must be a whole number from 0 to 10, not 11" in err
    assert "not 'minus two'" in err


def test_without_a_terminal_missing_answers_are_an_error(paths: Paths) -> None:
    args = argparse.Namespace(name="Weekly check", answers=["pain=4"], note="")
    with pytest.raises(GlutetuiError, match="nothing recorded: change is missing"):
        cmd_selftest(args, paths)
    with pytest.raises(GlutetuiError, match="KEY one of pain, change"):
        cmd_selftest(argparse.Namespace(name="weekly-check", answers=["pian=4"], note=""), paths)
