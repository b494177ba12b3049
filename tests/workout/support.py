"""What the workout tests share: small exercises (one of them timed), a two-exercise plan, a way to walk it."""

from __future__ import annotations

from glutetui.catalog import Catalog
from glutetui.model import Exercise
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

CLAM = Exercise(
    id="clamshell",
    name="Clamshell",
    instructions=["Lift the knee."],
    sets=3,
    reps=(12, 15),
    per_side=True,
    hold_seconds=1,
    optional_equipment=["band", "mat"],
    cues=["Feet together"],
)
PLANK = Exercise(
    id="side-plank",
    name="Side plank",
    instructions=["Hold the line."],
    sets=3,
    seconds=(30, 45),
    per_side=True,
)
"""A timed exercise: logged in seconds per side."""
THRUST = Exercise(
    id="hip-thrust",
    name="Hip thrust",
    instructions=["Lift the hips."],
    sets=(3, 4),
    reps=(8, 12),
    equipment=["barbell", "bench"],
    rest_seconds=120,
)
WALK = Exercise(
    id="band-walk",
    name="Band walk",
    instructions=["Step sideways."],
    sets=(2, 3),
    reps=(10, 15),
    per_side=True,
    equipment=["band"],
)
CATALOG = Catalog(exercises={e.id: e for e in (CLAM, THRUST, WALK)})


def small_plan() -> Plan:
    """Clamshell 2 sets per side, then hip thrust 2 sets with one warm-up."""
    return Plan(
        (
            PlanItem(CLAM, sets=2, reps=(12, 15)),
            PlanItem(THRUST, sets=2, reps=(8, 12), load=40.0, unit="kg", warmup_sets=1),
        ),
        rest_seconds=90,
        switch_sides_seconds=10,
    )


def walk(runner: Runner, actions: str) -> None:
    """``r`` records (a set of 10 at 20 kg, or pain 1), ``s`` skips, ``x`` skips the exercise,
    ``u`` undoes."""
    for a in actions:
        step = runner.current
        if a == "r":
            assert step is not None
            if step.kind == "set":
                runner.record_set(10, load=20.0, unit="kg", rpe=6)
            else:
                runner.record_pain(1, "ok")
        elif a == "s":
            runner.skip()
        elif a == "x":
            runner.skip_exercise()
        elif a == "u":
            runner.undo()
