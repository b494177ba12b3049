"""Routines built from the built-in exercises."""

import glutetui


@glutetui.hookimpl
def register_routines(register):
    register(
        glutetui.Routine(
            id="gluteus-medius-basics",
            name="Gluteus medius basics",
            summary="All five built-in exercises, from warm-up band walks to loaded hip thrusts.",
            items=[
                "lateral-band-walk",
                "clamshell",
                "hip-abductor-machine",
                "single-leg-deadlift",
                "barbell-hip-thrust",
            ],
        )
    )
    register(
        glutetui.Routine(
            id="home-no-machines",
            name="At home, no machines",
            summary="Band walks, clamshells and single-leg deadlifts: a band and one dumbbell are all you need.",
            items=["lateral-band-walk", "clamshell", "single-leg-deadlift"],
        )
    )
