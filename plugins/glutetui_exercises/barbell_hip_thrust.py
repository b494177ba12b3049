"""Barbell hip thrust."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="barbell-hip-thrust",
            name="Barbell hip thrust",
            # What Strong, Hevy and other apps call it, for `glutetui import`.
            aliases=[
                "Hip Thrust (Barbell)",
                "Hip Thrust",
            ],
            summary="A loaded hip lift for the whole gluteal group; the gluteus medius holds the hips level side to side.",
            instructions=[
                "Sit on the floor with a barbell lying across your hips.",
                "Bend your knees and set your feet flat, about hip-width apart; lean your upper back against a bench and hold the bar with both hands.",
                "Push through your feet to raise the hips, squeezing the glutes and keeping the knees in line with the feet.",
                "Hold at the top for a few seconds.",
                "Lower slowly back to the start. Do 8 to 12 reps per set, for 3 to 4 sets.",
            ],
            sets=(3, 4),
            reps=(8, 12),
            # The ladder: the lightest step dumbbells and plates commonly come in.
            load_step_kg=5,
            load_step_lb=10,
            hold_seconds=3,
            equipment=["barbell", "bench"],
            cues=[
                "Drive through the feet",
                "Knees track over the feet",
                "Hold a few seconds at the top, lower slowly",
            ],
            tags=["floor", "gym", "strength", "loaded"],
        )
    )
