"""How other apps' exercise names find installed exercises: ids, names, then aliases."""

from __future__ import annotations

import hashlib

import pytest

from glutetui.cli.names import ExerciseNames, normalise, slug
from glutetui.model import Exercise


def exercise(ex_id: str, name: str, *aliases: str) -> Exercise:
    return Exercise(id=ex_id, name=name, instructions=("Go.",), aliases=aliases)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hip Thrust (Barbell)", "hip-thrust-barbell"),
        ("  Single-Leg   RDL ", "single-leg-rdl"),
        ("Ümlaut & Co.", "umlaut-co"),
        ("!!!", "exercise"),
        ("平板支撑", "exercise-" + hashlib.sha256("平板支撑".encode()).hexdigest()[:6]),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_normalise_ignores_case_punctuation_and_spacing() -> None:
    assert normalise("Single-Leg  Deadlift (Dumbbell)") == "single leg deadlift dumbbell"
    assert normalise("侧卧 抬腿 (哑铃)") == "侧卧 抬腿 哑铃"


def test_names_in_other_scripts_keep_apart() -> None:
    assert slug("平板支撑") != slug("侧卧抬腿")


def test_names_ids_and_aliases_find_the_exercise() -> None:
    names = ExerciseNames([exercise("side-step", "Side step", "Lateral Step (Band)")])
    assert names.id_for("SIDE STEP") == "side-step"
    assert names.id_for("side-step") == "side-step"
    assert names.id_for("lateral step band") == "side-step"
    assert names.id_for("Goblet Squat") == "goblet-squat"


def test_an_exercises_own_name_beats_another_exercises_alias() -> None:
    names = ExerciseNames(
        [exercise("first", "First", "Second", "Shared"), exercise("second", "Second", "Shared")]
    )
    assert names.id_for("Second") == "second"
    assert names.id_for("Shared") == "first"  # between aliases, the first loaded wins
