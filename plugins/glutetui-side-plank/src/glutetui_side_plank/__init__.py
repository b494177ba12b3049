"""Side plank (a timed hold) and side plank with leg lift, for glutetui.

The side plank (side bridge) is among the highest gluteus medius activations measured with
surface EMG; lifting the top leg adds hip abduction against gravity on top of it.
"""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    """Register the side plank (a timed hold) and the side plank with leg lift."""
    register(
        glutetui.Exercise(
            id="side-plank",
            name="Side plank",
            summary="A held side bridge: the bottom hip keeps the pelvis up and level for as long as the set lasts.",
            instructions=[
                "Lie on your side with your forearm on the floor, elbow under your shoulder, legs straight and stacked.",
                "Raise your hips until your body is one straight line from head to feet, hips square.",
                "Hold the line for the set's time, breathing steadily; lower the hips before the shape breaks down.",
                "Switch sides and hold the same time.",
                "To make it easier, bend the knees and rest the bottom knee on the floor. Stop if the shoulder or hip hurts.",
            ],
            sets=3,
            seconds=(10, 30),
            per_side=True,
            optional_equipment=["mat"],
            cues=["Elbow under shoulder", "Hips high, body in one line", "Don't let the hips sag"],
            tags=["floor", "home", "core", "bodyweight", "timed", "isometric", "side-lying"],
            evidence=(
                "Surface EMG: 74–103 % MVIC for the side bridge (side plank) across studies "
                "(review table, Int J Sports Phys Ther 2014;9(2):157–167). Dose: 10 s holds "
                "repeated on each side, worked up over time (Rehab Links, side bridges); "
                "3 × 30 s each side (ARC running, lateral core progression)."
            ),
            rest_seconds=60,
            harder="side-plank-leg-lift",
        )
    )
    register(
        glutetui.Exercise(
            id="side-plank-leg-lift",
            name="Side plank with leg lift",
            summary="Holds the pelvis level on the bottom hip while the top hip lifts the leg: both sides of the gluteus medius at work.",
            instructions=[
                "Lie on your side with your forearm on the floor, elbow under your shoulder, legs straight and stacked.",
                "Raise your hips until your body is one straight line from head to feet; keep the hips square, not rolled forward or back.",
                "Keeping the plank, lift the top leg a hand's width or two with the toes pointing forward, and pause for 2 seconds.",
                "Lower the leg with control, without letting the hips sag; do 8 to 12 lifts, then switch sides.",
                "To make it easier, bend the bottom knee and rest it on the floor. Stop if the shoulder or hip hurts.",
            ],
            sets=(2, 3),
            reps=(8, 12),
            per_side=True,
            hold_seconds=2,
            optional_equipment=["mat"],
            cues=[
                "Elbow under shoulder",
                "Hips high, body in one line",
                "Toes forward, lead with the heel",
                "Don't let the hips sag",
            ],
            tags=["floor", "home", "core", "bodyweight", "advanced", "side-lying"],
            evidence=(
                "Surface EMG: 74–103 % MVIC for the side bridge (side plank) across studies "
                "(review table, Int J Sports Phys Ther 2014;9(2):157–167). "
                "The figures are for the plain side bridge, without the leg lift."
            ),
            rest_seconds=60,
            easier="side-plank",
        )
    )


@glutetui.hookimpl
def register_routines(register):
    """A short circuit: the side plank with two built-in exercises."""
    register(
        glutetui.Routine(
            id="side-plank-circuit",
            name="Side plank circuit",
            summary="Band walks to warm up, clamshells, then side planks with a leg lift.",
            items=[
                glutetui.RoutineItem("lateral-band-walk", sets=2),
                "clamshell",
                "side-plank-leg-lift",
            ],
        )
    )
