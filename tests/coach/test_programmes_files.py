"""Programme files, plugin programmes and the state file: bad ones reported by name, others kept."""

from __future__ import annotations

import os
import stat
import types
from datetime import date
from pathlib import Path

import pytest

import glutetui
from glutetui.coach.programmes import (
    Criteria,
    InvalidProgrammeError,
    Programme,
    Stage,
    check_programme,
)
from glutetui.coach.programmes_files import load_files
from glutetui.coach.programmes_registry import collect
from glutetui.coach.programmes_state import (
    ProgrammeState,
    ProgrammeStateError,
    load_state,
    save_state,
    state_path,
)
from glutetui.plugins import load_plugins

GOOD = """\
id = "physio-plan"
name = "My physio's plan"
source = "Given by my physiotherapist, 2026-11-20"

[[stages]]
name = "Weeks 1-2"
routines = ["home-no-machines"]
sessions_per_week = 2

[stages.advance]
min_weeks = 2
min_adherence = 0.75

[[stages]]
name = "Then"
routines = ["gluteus-medius-basics"]
"""


def write(folder: Path, name: str, text: str) -> None:
    (folder / "programmes").mkdir(parents=True, exist_ok=True)
    (folder / "programmes" / name).write_text(text, "utf-8")


ROUTINES = {"home-no-machines", "gluteus-medius-basics"}


def test_a_good_file_loads(tmp_path: Path) -> None:
    write(tmp_path, "physio.toml", GOOD)
    found, problems = load_files(str(tmp_path), ROUTINES)
    assert problems == []
    ((_, programme),) = found
    assert programme.stages[0].advance == Criteria(min_weeks=2, min_adherence=0.75)
    assert programme.stages[1].sessions_per_week == 3


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            GOOD.replace("sessions_per_week = 2", "sessions_per_week = 9"),
            8,
            "sessions_per_week must be a whole number from 1 to 7",
        ),
        (GOOD.replace('name = "Then"', 'name = "Then"\nrepeat = 3'), None, "unknown key 'repeat'"),
        (
            GOOD.replace('routines = ["gluteus-medius-basics"]', 'routines = ["nope"]'),
            16,
            "routines nobody registered: nope",
        ),
        (GOOD.replace("min_weeks = 2", "min_weeks = "), 11, "not valid TOML"),
        (GOOD.replace('id = "physio-plan"', 'id = "Physio Plan"'), 1, "must be a slug"),
    ],
)
def test_a_bad_file_is_reported_by_name_and_line(
    tmp_path: Path, text: str, line: int | None, words: str
) -> None:
    write(tmp_path, "bad.toml", text)
    write(tmp_path, "good.toml", GOOD.replace("physio-plan", "other-plan"))
    found, problems = load_files(str(tmp_path), ROUTINES)
    assert [p.id for _, p in found] == ["other-plan"]
    (problem,) = problems
    assert os.path.basename(problem.path) == "bad.toml"
    assert words in problem.reason
    if line is not None:
        assert problem.line == line
        assert problem.describe().startswith(f"bad.toml, line {line}: ")


def test_unreadable_and_binary_files_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "binary.toml", "")
    (tmp_path / "programmes" / "binary.toml").write_bytes(b"\xff\xfe")
    _, problems = load_files(str(tmp_path), ROUTINES)
    assert [p.reason for p in problems] == ["is not UTF-8 text"]


def test_invalid_programme_lists_every_problem() -> None:
    bad = Programme("x", "", (Stage("", (), 0, Criteria(min_weeks=0, min_adherence=2)),))
    with pytest.raises(InvalidProgrammeError) as caught:
        check_programme(bad)
    message = str(caught.value)
    for words in (
        "name must not be empty",
        "stage 1 needs a name",
        "at least one routine",
        "sessions_per_week",
        "min_weeks",
        "min_adherence",
    ):
        assert words in message


def broken_plugin() -> types.ModuleType:
    module = types.ModuleType("broken")

    @glutetui.hookimpl
    def register_programmes(register):  # type: ignore[no-untyped-def]
        raise RuntimeError("oops")

    module.register_programmes = register_programmes  # type: ignore[attr-defined]
    return module


def invalid_plugin() -> types.ModuleType:
    module = types.ModuleType("invalid")

    @glutetui.hookimpl
    def register_programmes(register):  # type: ignore[no-untyped-def]
        register(
            glutetui.Programme(
                id="ghost", name="Ghost", stages=[glutetui.Stage("s", ["no-such-routine"])]
            )
        )
        register("not a programme")

    module.register_programmes = register_programmes  # type: ignore[attr-defined]
    return module


def test_broken_plugins_and_files_leave_the_rest_on_offer(tmp_path: Path) -> None:
    result = load_plugins(extra=[("broken", broken_plugin()), ("invalid", invalid_plugin())])
    write(tmp_path, "clash.toml", GOOD.replace("physio-plan", "gluteus-medius-basics-3x"))
    write(tmp_path, "mine.toml", GOOD)
    offered = collect(result.manager, str(tmp_path), set(result.catalog.routines))
    assert sorted(offered.by_id) == ["gluteus-medius-basics-3x", "physio-plan"]
    assert offered.sources["gluteus-medius-basics-3x"] == "programmes"
    reasons = dict((os.path.basename(k), v) for k, v in offered.problems if k != "invalid")
    assert "RuntimeError: oops" in reasons["broken"]
    assert "already registered by 'programmes'" in reasons["clash.toml"]
    invalid = [v for k, v in offered.problems if k == "invalid"]
    assert any("no-such-routine" in v for v in invalid) and any("got str" in v for v in invalid)
    assert (
        offered.find("gluteus medius basics, 3 TIMES a week")
        is offered.by_id["gluteus-medius-basics-3x"]
    )


def test_state_round_trips_owner_only(tmp_path: Path) -> None:
    state = (
        ProgrammeState("physio-plan", date(2026, 11, 2))
        .pause(date(2026, 11, 5))
        .resume(date(2026, 11, 9))
        .pause(date(2026, 11, 20))
    )
    save_state(str(tmp_path), state)
    assert load_state(str(tmp_path)) == state
    assert stat.S_IMODE(os.stat(state_path(str(tmp_path))).st_mode) == 0o600
    save_state(str(tmp_path), None)
    assert load_state(str(tmp_path)) is None


@pytest.mark.parametrize(
    "text",
    [
        "format_version = 1\nprogramme = 'x'\nstarted = 2026-11-02T10:00:00\n",
        "format_version = 2\nprogramme = 'x'\nstarted = 2026-11-02\n",
        "format_version = 1\nprogramme = '../x'\nstarted = 2026-11-02\n",
        "format_version = 1\nprogramme = 'x'\nstarted = 2026-11-02\n[[pauses]]\nfrom = 2026-10-01\n",
        "format_version = 1\nprogramme = 'x'\nstarted = 2026-11-02\n[[pauses]]\nfrom = 2026-11-05\n[[pauses]]\nfrom = 2026-11-06\n",
        "format_version = 1\nprogramme = 'x\n",
    ],
)
def test_a_damaged_state_file_is_reported_not_guessed(tmp_path: Path, text: str) -> None:
    Path(state_path(str(tmp_path))).write_text(text, "utf-8")
    with pytest.raises(ProgrammeStateError, match=r"programme\.toml"):
        load_state(str(tmp_path))


def test_pausing_twice_is_refused() -> None:
    state = ProgrammeState("x", date(2026, 11, 2)).pause(date(2026, 11, 3))
    with pytest.raises(ProgrammeStateError, match="already paused"):
        state.pause(date(2026, 11, 4))
    with pytest.raises(ProgrammeStateError, match="not paused"):
        state.resume(date(2026, 11, 4)).resume(date(2026, 11, 5))
