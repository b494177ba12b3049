"""Ladders (the built-ins' and the model's checks) and histories read from real sessions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from glutetui.coach.checkins import CheckIn, CheckIns
from glutetui.coach.history import exercise_history
from glutetui.coach.ladder import Rung, band_parts, bottom, describe_load, step_down, step_up
from glutetui.plugins import load_plugins
from glutetui.settings import Settings
from glutetui.validation import InvalidExerciseError, normalise_exercise
from tests.coach.helpers import MACHINE, NOW, WALK, session

S = Settings()


def test_band_ladder_walks_positions_then_colours_then_sets() -> None:
    rung, seen = bottom(WALK), []
    while rung is not None:
        seen.append((rung.sets, describe_load(rung)))
        rung = step_up(WALK, rung, S)
    assert seen == [
        (2, "yellow band at the knees"),
        (2, "yellow band at the ankles"),
        (2, "yellow band at the feet"),
        (2, "red band at the knees"),
        (2, "red band at the ankles"),
        (2, "red band at the feet"),
        (3, "red band at the feet"),
    ]


def test_every_step_up_can_be_undone() -> None:
    rung = bottom(WALK)
    while (higher := step_up(WALK, rung, S)) is not None:
        assert step_down(WALK, higher, S) == rung
        rung = higher
    assert step_down(WALK, bottom(WALK), S) is None


def test_load_ladder_goes_to_bodyweight_and_then_the_easier_variant() -> None:
    ex = replace(MACHINE, easier="machine-light")
    assert step_down(ex, Rung(sets=3, load=5, unit="kg"), S) == Rung(sets=3)
    assert step_down(ex, Rung(sets=3), S) == Rung(sets=3, variant="machine-light")
    assert step_up(ex, Rung(sets=3), Settings(units="lb")) == Rung(sets=3, load=10, unit="lb")


def test_band_parts() -> None:
    assert band_parts("band:red@ankles") == ("red", "ankles")
    assert band_parts("band:red") == ("red", None)
    assert band_parts("kg") == (None, None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"load_step_kg": 0}, "load_step_kg must be a number above 0"),
        ({"load_step_lb": 500}, "load_step_lb must be a number above 0"),
        ({"band_colours": ("Red!",)}, "band_colours must be a short lower-case word"),
        ({"band_colours": ("red", "red")}, "must not repeat"),
        ({"band_colours": (), "band_positions": ("knees",)}, "band_positions need band_colours"),
        ({"harder": "Not A Slug"}, "harder must be an exercise id"),
        ({"easier": "walk"}, "must name another exercise"),
    ],
)
def test_ladder_fields_are_validated(change: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidExerciseError, match=message):
        normalise_exercise(replace(WALK, **change))  # type: ignore[arg-type]


def test_builtins_declare_their_ladders_from_the_seed() -> None:
    result = load_plugins()
    assert not result.problems
    ex = result.catalog.exercises
    assert ex["lateral-band-walk"].band_positions == ("knees", "ankles", "feet")
    assert ex["clamshell"].band_colours and not ex["clamshell"].band_positions
    for loaded in ("hip-abductor-machine", "single-leg-deadlift", "barbell-hip-thrust"):
        assert ex[loaded].load_step_kg and ex[loaded].load_step_lb
    # The bottom rung is the seed's dose: the fewest sets it gives.
    assert bottom(ex["lateral-band-walk"]).sets == 2 and bottom(ex["clamshell"]) == Rung(sets=3)


def test_history_keeps_sides_apart_and_reads_the_band() -> None:
    old = session("s-old", 3, WALK, {"left": (10, 11), "right": (15, 15)}, unit="band:red@knees")
    new = session(
        "s-new", 1, WALK, {"left": (12, 12), "right": (14, 15)}, unit="band:red@ankles", pain=4
    )
    other = session("s-other", 2, MACHINE, {None: (8, 8, 8)}, unit="kg", load=40)
    morning = CheckIn(when=NOW, pain=1, compared="better", follows="s-new")
    past = exercise_history("walk", [old, other, new], CheckIns((morning,)), "kg", NOW)
    assert [o.session_id for o in past.outings] == ["s-new", "s-old"]
    first = past.outings[0]
    assert first.reps == {"left": (12, 12), "right": (14, 15)}
    assert first.rung == Rung(sets=2, unit="band:red@ankles") and first.pain == 4
    assert first.morning == morning and past.outings[1].morning is None
    machine = exercise_history("machine", [old, other, new], CheckIns(), "lb", NOW).outings[0]
    assert machine.reps == {"both": (8, 8, 8)} and machine.rung.unit == "lb"
    assert machine.rung.load == pytest.approx(88.18, abs=0.01)


def test_in_progress_and_skipped_sessions_do_not_count() -> None:
    live = replace(session("s1", 1, WALK, {"left": (15,)}), status="in-progress")
    skipped = session("s2", 2, WALK, {"left": (15,)})
    skipped = replace(skipped, exercises=(replace(skipped.exercises[0], skipped=True),))
    assert exercise_history("walk", [live, skipped], CheckIns(), "kg", NOW).outings == ()


def test_recent_sessions_reads_only_each_exercises_newest(paths) -> None:
    from glutetui.coach.recent import recent_sessions
    from glutetui.log import LogStore

    store = LogStore(paths, durable=False)
    rare = session("20261001T000000-aaaaaa", 60, MACHINE, {None: (8, 8, 8)}, unit="kg", load=40)
    store.save(rare)
    walks = [
        session(f"202611{d:02d}T000000-bbbbbb", 30 - d, WALK, {"left": (12,), "right": (12,)})
        for d in range(1, 13)
    ]
    for one in walks:
        store.save(one)
    live = replace(session("20261129T000000-cccccc", 0, WALK, {"left": (9,)}), status="in-progress")
    store.save(live)
    found = recent_sessions(LogStore(paths), ["walk", "machine"], per_exercise=3)
    newest_walks = {s.id for s in sorted(walks, key=lambda s: s.started_at)[-3:]}
    assert {s.id for s in found.sessions} == newest_walks | {rare.id}
    assert not found.problems
