"""Lateral band walk."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="lateral-band-walk",
            name="Lateral band walk",
            # What Strong, Hevy and other apps call it, for `glutetui import`.
            aliases=[
                "Lateral Band Walks",
                "Lateral Band Walk (Band)",
                "Band Lateral Walk",
                "Lateral Walk (Band)",
                "Banded Lateral Walk",
            ],
            summary="Side steps against a band that keeps the gluteus medius working from the first step to the last.",
            instructions=[
                "Loop a resistance band around your legs, just above the knees or around the ankles.",
                "Stand with your feet roughly shoulder-width apart, soften the knees and tip your chest a little forward from the hips.",
                "Take short steps sideways in one direction without ever letting the band go slack.",
                "Walk back to where you began by stepping the other way.",
                "Do 10 to 15 steps to each side; that is one set. Aim for 2 to 3 sets.",
            ],
            sets=(2, 3),
            reps=(10, 15),
            per_side=True,
            equipment=["band"],
            # The ladder: the band from the knees to the ankles to the feet (Lewis et al. 2018),
            # then the next colour (TheraBand's order, lightest first); a third set last.
            band_positions=["knees", "ankles", "feet"],
            band_colours=["yellow", "red", "green", "blue", "black"],
            cues=[
                "Keep the band taut the whole time",
                "Short steps, knees soft, chest slightly forward",
            ],
            tags=["standing", "warm-up", "home", "gym"],
            evidence=(
                "Surface EMG: gluteus medius at 52 ± 18 % MVIC in the stance leg and 35 ± 16 % in the moving leg "
                "(Youdas et al. 2013, Physiother Theory Pract 29(2):113–123). Moving the band from the knees to the ankles "
                "to the feet raises activity (Lewis et al., J Athl Train): a way to progress without a heavier band."
            ),
        )
    )
