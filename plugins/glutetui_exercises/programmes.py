"""Programmes built from the built-in routines."""

import glutetui


@glutetui.hookimpl
def register_programmes(register):
    register(
        glutetui.Programme(
            id="gluteus-medius-basics-3x",
            name="Gluteus medius basics, 3 times a week",
            summary="Start at home with the band, clamshell and single-leg work; add the machine and hip thrusts once your next mornings stay settled.",
            source=(
                "Exercises and doses: the five built-in exercises. Moving on: the next-morning rule of the "
                "pain-monitoring model (Silbernagel et al., Am J Sports Med 2007;35(6):897–906)."
            ),
            # The trial's outcomes were collected at weeks 0, 4, 8, 12, 26 and 52 (Mellor et al., BMJ 2018).
            self_tests=[
                glutetui.SelfTestSchedule("weekly-check", [0, 4, 8, 12, 26, 52]),
                glutetui.SelfTestSchedule("single-leg-stance", [0, 4, 8]),
            ],
            stages=[
                glutetui.Stage(
                    name="Learn the movements at home",
                    routines=["home-no-machines"],
                    sessions_per_week=3,
                    note="Band walks, clamshells and single-leg deadlifts at the doses shown with each exercise.",
                    advance=glutetui.Criteria(min_weeks=2, settled_checkins=4),
                ),
                glutetui.Stage(
                    name="All five exercises",
                    routines=["gluteus-medius-basics"],
                    sessions_per_week=3,
                    note="The hip abductor machine and barbell hip thrusts join the three home exercises.",
                ),
            ],
        )
    )
