"""``glutetui exercises``, ``glutetui plugins`` and ``glutetui paths``, run for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import glutetui
from tests.cli.runner import ok, run

BUILTINS = [
    "barbell-hip-thrust",
    "clamshell",
    "hip-abductor-machine",
    "lateral-band-walk",
    "single-leg-deadlift",
]


def test_exercises_table() -> None:
    lines = ok("exercises").splitlines()
    assert lines[0].split() == ["ID", "NAME", "DOSE", "EQUIPMENT", "PLUGIN"]
    assert sorted(line.split()[0] for line in lines[1:]) == BUILTINS
    clamshell = next(line for line in lines if line.startswith("clamshell "))
    assert "3 sets of 12–15 reps, each side, hold 1 s at the top" in clamshell
    assert "resistance band (optional), mat (optional)" in clamshell


def test_exercises_json() -> None:
    found = json.loads(ok("exercises", "--json"))
    assert sorted(ex["id"] for ex in found) == BUILTINS
    walk = next(ex for ex in found if ex["id"] == "lateral-band-walk")
    assert walk["dose"] == "2–3 sets of 10–15 reps, each side"
    assert (walk["sets"], walk["reps"], walk["per_side"]) == ([2, 3], [10, 15], True)
    assert walk["equipment"] == ["band"]
    assert walk["plugin"] == "lateral_band_walk"
    assert walk["instructions"]
    assert "Banded Lateral Walk" in walk["aliases"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--equipment", "band"], ["clamshell", "lateral-band-walk"]),
        (["--equipment", "Resistance Band"], ["clamshell", "lateral-band-walk"]),
        (["--equipment", "none"], ["clamshell"]),
        (
            ["--equipment", "barbell,bench,db"],
            ["barbell-hip-thrust", "clamshell", "single-leg-deadlift"],
        ),
        (["hip", "thrust"], ["barbell-hip-thrust"]),
        (["band"], ["clamshell", "lateral-band-walk"]),
        (["walk", "--equipment", "none"], []),
    ],
)
def test_exercises_filters(args: list[str], expected: list[str]) -> None:
    done = run("exercises", "--json", *args)
    assert done.returncode == 0
    assert sorted(ex["id"] for ex in json.loads(done.stdout)) == expected


def test_exercises_without_match_says_so_on_stderr() -> None:
    done = run("exercises", "zzz")
    assert done.returncode == 0
    assert done.stdout.split() == ["ID", "NAME", "DOSE", "EQUIPMENT", "PLUGIN"]
    assert done.stderr == "no exercise matches\n"


def test_plugins_table_and_json() -> None:
    lines = ok("plugins").splitlines()
    assert lines[0].split() == ["PLUGIN", "DISTRIBUTION", "STATUS", "REGISTERED"]
    assert len(lines) == 11  # five exercises, routines, importers, programmes, self-tests, policy
    assert all(f"glutetui {glutetui.__version__}" in line and " ok " in line for line in lines[1:])
    plugins = json.loads(ok("plugins", "--json"))
    assert {p["status"] for p in plugins} == {"ok"}
    assert sorted(ex for p in plugins for ex in p["exercises"]) == BUILTINS
    assert [i for p in plugins for i in p["importers"]] == [
        "glutetui",
        "strong",
        "hevy",
        "fitnotes",
    ]
    # What the hooks called on demand offer is said too, not a bare "-".
    offers = {p["name"]: p["offers"] for p in plugins if p["offers"]}
    assert offers == {
        "coach_policy": ["dose policy"],
        "programmes": ["programmes"],
        "selftests": ["self-tests"],
    }
    assert not any(line.rstrip().endswith(" -") for line in lines[1:])


def test_paths_follow_the_environment(isolated_config: Path) -> None:
    out = ok("paths")
    assert out.splitlines()[0].split() == ["config", str(isolated_config)]
    data = json.loads(ok("paths", "--json"))
    assert data == {
        "config": str(isolated_config),
        "settings": str(isolated_config / "settings.toml"),
        "logs": str(isolated_config / "logs"),
        "trash": str(isolated_config / "trash"),
        "cache": str(isolated_config / "cache"),
        "exercises": str(isolated_config / "exercises"),
        "routines": str(isolated_config / "routines"),
        "programmes": str(isolated_config / "programmes"),
    }
