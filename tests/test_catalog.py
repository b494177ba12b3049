"""The catalog: lookups, search words and the equipment filter, on the real built-ins."""

from __future__ import annotations

import pytest

from glutetui.catalog import Catalog, UnknownExerciseError
from glutetui.plugins import load_plugins


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_plugins(disabled=[]).catalog


def ids(found: list) -> set[str]:
    return {ex.id for ex in found}


def test_band_and_no_machine(catalog: Catalog) -> None:
    found = ids(catalog.search(have=["band"]))
    assert found == {"lateral-band-walk", "clamshell"}
    assert "hip-abductor-machine" not in found


def test_no_equipment_keeps_only_what_needs_nothing(catalog: Catalog) -> None:
    # The clamshell's band and mat are optional: they never exclude it.
    assert ids(catalog.search(have=[])) == {"clamshell"}


def test_no_filter_keeps_everything_in_registration_order(catalog: Catalog) -> None:
    assert [ex.id for ex in catalog.search()] == list(catalog.exercises)
    assert len(catalog.search()) == 5


def test_full_gym(catalog: Catalog) -> None:
    have = ["band", "dumbbell", "barbell", "bench", "hip abductor machine"]
    assert len(catalog.search(have=have)) == 5
    assert "barbell-hip-thrust" not in ids(catalog.search(have=["barbell"]))  # needs a bench too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clamshell", {"clamshell"}),
        ("CLAM", {"clamshell"}),
        ("band", {"lateral-band-walk", "clamshell"}),  # name, and optional equipment
        ("resistance band", {"lateral-band-walk", "clamshell"}),  # the display name
        ("dumbbell", {"single-leg-deadlift"}),
        ("hip thrust", {"barbell-hip-thrust"}),
        ("thrust hip", {"barbell-hip-thrust"}),  # every word, any order
        ("rehab", {"clamshell"}),  # a tag
        ("single_leg_deadlift", {"single-leg-deadlift"}),  # the plugin's name
        ("clamshell walk", set()),
        ("zzz", set()),
    ],
)
def test_search_words(catalog: Catalog, text: str, expected: set[str]) -> None:
    assert ids(catalog.search(text)) == expected


def test_search_words_and_equipment_together(catalog: Catalog) -> None:
    assert ids(catalog.search("walk", have=["band"])) == {"lateral-band-walk"}
    assert ids(catalog.search("walk", have=[])) == set()


def test_lookups(catalog: Catalog) -> None:
    assert catalog.get("clamshell").name == "Clamshell"
    assert "clamshell" in catalog
    assert "nope" not in catalog
    assert catalog.source("clamshell") == "clamshell"
    assert catalog.source("nope") == "?"
    assert catalog.routine("home-no-machines").items[0].exercise_id == "lateral-band-walk"
    assert catalog.source("home-no-machines") == "routines"


def test_unknown_ids_raise_a_readable_error(catalog: Catalog) -> None:
    with pytest.raises(UnknownExerciseError) as err:
        catalog.get("side-plank")
    assert str(err.value) == (
        "no exercise or routine with id 'side-plank' is installed (see `glutetui exercises`)"
    )
    with pytest.raises(UnknownExerciseError):
        catalog.routine("clamshell")


def test_equipment_is_every_key_sorted_by_display_name(catalog: Catalog) -> None:
    assert catalog.equipment() == [
        "barbell",
        "bench",
        "dumbbell",
        "hip abductor machine",
        "mat",
        "band",  # shown as "resistance band"
    ]


def test_empty_catalog() -> None:
    empty = Catalog()
    assert len(empty) == 0
    assert empty.search("anything") == []
    assert empty.equipment() == []
