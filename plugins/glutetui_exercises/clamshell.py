"""Clamshell."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="clamshell",
            name="Clamshell",
            # What Strong, Hevy and other apps call it, for `glutetui import`.
            aliases=[
                "Clamshells",
                "Clam Shell",
                "Clamshell (Band)",
                "Side Lying Clam",
            ],
            summary="A side-lying knee lift that works the gluteus medius very directly; add a band to make it harder.",
            instructions=[
                "Lie on one side with your head resting on your lower arm, knees bent and spine in a straight line.",
                "Keeping your feet touching, raise the top knee as far as you can without rolling your trunk back.",
                "Pause for one second at the top and squeeze the glute.",
                "Lower the knee back to the start.",
                "Do 12 to 15 reps, then switch sides; 3 sets on each side. A band around the thighs makes it harder.",
            ],
            sets=3,
            reps=(12, 15),
            per_side=True,
            hold_seconds=1,
            optional_equipment=["band", "mat"],
            # The ladder: bodyweight first, then a band around the thighs, lightest colour first.
            band_colours=["yellow", "red", "green", "blue", "black"],
            cues=[
                "Feet stay together",
                "Don't let the trunk roll back",
                "Squeeze at the top for 1 s",
            ],
            tags=["floor", "home", "rehab", "beginner", "side-lying"],
            evidence=(
                "Surface EMG: 40 ± 38 % and 38 ± 29 % MVIC for two clamshell variants (Distefano et al. 2009, "
                "J Orthop Sports Phys Ther 39(7)); 38–67 % across studies (review table, Int J Sports Phys Ther 2014;9(2):157–167)."
            ),
        )
    )
