"""A plan: the steps it expands into, the pauses between them, its equipment and its checks."""

from __future__ import annotations

import pytest

from glutetui.model import Routine, RoutineItem
from glutetui.workout.entries import InvalidEntry
from glutetui.workout.plan import Plan

from .support import CATALOG, CLAM, THRUST, WALK, small_plan


def test_steps_order_sides_warmups_and_pain() -> None:
    labels = [(s.item, s.label) for s in small_plan().steps]
    assert labels == [
        (0, "Set 1 of 2 · Left side"),
        (0, "Set 1 of 2 · Right side"),
        (0, "Set 2 of 2 · Left side"),
        (0, "Set 2 of 2 · Right side"),
        (0, "How did it feel?"),
        (1, "Warm-up 1 of 1"),
        (1, "Set 1 of 2"),
        (1, "Set 2 of 2"),
        (1, "How did it feel?"),
    ]
    assert [s.index for s in small_plan().steps] == list(range(9))
    assert small_plan().set_steps == 7


def test_pauses_between_steps() -> None:
    plan = small_plan()
    kinds = [(p.kind, p.seconds) if (p := plan.pause_after(i)) else None for i in range(9)]
    assert kinds == [
        ("switch-sides", 10),
        ("rest", 90),
        ("switch-sides", 10),
        None,  # last set: the pain question comes next
        None,  # between exercises
        ("rest", 120),  # warm-up -> work set, the exercise's own rest
        ("rest", 120),
        None,
        None,
    ]
    pause = plan.with_item(1, rest_seconds=45).pause_after(6)
    assert pause is not None and pause.seconds == 45


def test_equipment_for_the_whole_session_gathered_once() -> None:
    plan = Plan.for_exercises([WALK, CLAM, THRUST])
    assert plan.equipment() == ("band", "barbell", "bench")
    assert plan.optional_equipment() == ("mat",)  # band is already required
    assert plan.equipment_names() == ("resistance band", "barbell", "bench")


def test_plan_defaults_and_routine_overrides() -> None:
    plan = Plan.for_exercises([THRUST])
    assert (plan.items[0].sets, plan.items[0].reps) == (3, (8, 12))
    routine = Routine(
        id="r",
        name="R",
        items=[RoutineItem("hip-thrust", sets=(4, 4), reps=10, load=60), "clamshell"],
    )
    plan = Plan.for_routine(routine, CATALOG, unit="lb")
    assert plan.routine_id == "r"
    first = plan.items[0]
    assert (first.sets, first.reps, first.load, first.unit) == (4, (10, 10), 60.0, "lb")
    assert first.describe() == "4 sets of 10 reps · 60 lb"
    with pytest.raises(KeyError):
        Plan.for_routine(Routine(id="x", name="X", items=["nope"]), CATALOG)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sets": 0}, "sets"),
        ({"sets": 21}, "sets"),
        ({"reps": (5, 3)}, "reps"),
        ({"warmup_sets": -1}, "warmup_sets"),
        ({"warmup_sets": 6}, "warmup_sets"),
        ({"load": -5.0}, "load"),
    ],
)
def test_plan_item_rejects_nonsense_naming_the_field(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidEntry) as refused:
        small_plan().with_item(0, **changes)
    assert refused.value.field == field


def test_plan_rejects_empty_and_duplicates() -> None:
    with pytest.raises(InvalidEntry) as refused:
        Plan(())
    assert refused.value.field == "exercises"
    with pytest.raises(InvalidEntry, match="only once") as refused:
        Plan.for_exercises([CLAM, CLAM])
    assert refused.value.field == "exercises"


def test_a_plan_knows_its_exercises_and_their_pain_steps() -> None:
    plan = small_plan()
    assert plan.includes("hip-thrust") and not plan.includes("band-walk")
    assert (plan.pain_step("clamshell"), plan.pain_step("hip-thrust")) == (4, 8)
