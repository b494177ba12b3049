"""Single-leg deadlift."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="single-leg-deadlift",
            name="Single-leg deadlift",
            # What Strong, Hevy and other apps call it, for `glutetui import`.
            aliases=[
                "Single Leg Deadlift (Dumbbell)",
                "Single Leg Romanian Deadlift",
                "Single Leg Romanian Deadlift (Dumbbell)",
                "Single Leg RDL",
                "Romanian Deadlift (Single Leg)",
            ],
            summary="A hip hinge balanced on one leg: the gluteus medius works hard to keep the pelvis steady.",
            instructions=[
                "Stand tall holding a dumbbell in one hand, in front of your body.",
                "Hinge forward from the hips, lowering the weight toward the floor while the opposite leg lifts out behind you.",
                "Come back up to standing and set the lifted foot back down.",
                "Do 10 to 12 reps on one side, then the other; 3 sets on each side.",
            ],
            sets=3,
            reps=(10, 12),
            # The ladder: the lightest step dumbbells and plates commonly come in.
            load_step_kg=2.5,
            load_step_lb=5,
            per_side=True,
            equipment=["dumbbell"],
            cues=[
                "Hinge at the hips, back long",
                "Keep the pelvis level: don't let the hip open up",
                "Slow and balanced beats heavy",
            ],
            tags=["standing", "balance", "gym", "home", "strength"],
        )
    )
