"""A staged programme for lateral hip pain, after the LEAP trial: weeks 1, 2 and 3–8.

Each stage is one routine done every day at home, as the trial's home programme was; the moving-on
rule is the next-morning check of the pain-monitoring model that glutetui's own programme uses.
"""

from __future__ import annotations

import glutetui

SOURCE = (
    "Stages and exercises: the LEAP trial's education-plus-exercise programme (Mellor et al., "
    "BMJ 2018;361:k1662; protocol BMC Musculoskelet Disord 2016, "
    "doi:10.1186/s12891-016-1043-6): daily home exercise for 8 weeks, isometric holds and light "
    "bridges in week 1, offset bridges from week 2, progressive loading in weeks 3–8. "
    "Side-lying hip abduction in weeks 3–8 is this plugin's addition, for its EMG figures "
    "(Distefano et al. 2009, J Orthop Sports Phys Ther 39(7)). Moving on: the next-morning rule "
    "of the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007;35(6):897–906)."
)

WEEK_1 = "lateral-hip-week-1"
WEEK_2 = "lateral-hip-week-2"
WEEKS_3_TO_8 = "lateral-hip-weeks-3-8"


@glutetui.hookimpl
def register_routines(register):  # type: ignore[no-untyped-def]
    """One routine for each stage of the programme."""
    register(
        glutetui.Routine(
            id=WEEK_1,
            name="Lateral hip, week 1",
            summary="Gentle hip abduction holds lying and standing, then light bridges.",
            items=[
                "lateral-hip-isometric-hip-abduction-lying",
                "lateral-hip-isometric-hip-abduction-standing",
                "lateral-hip-bridge",
            ],
        )
    )
    register(
        glutetui.Routine(
            id=WEEK_2,
            name="Lateral hip, week 2",
            summary="Standing holds, bridges, and offset bridges that bias one leg.",
            items=[
                "lateral-hip-isometric-hip-abduction-standing",
                "lateral-hip-bridge",
                "lateral-hip-offset-bridge",
            ],
        )
    )
    register(
        glutetui.Routine(
            id=WEEKS_3_TO_8,
            name="Lateral hip, weeks 3–8",
            summary="Offset bridges, side-lying leg lifts on the side that does not hurt, and band side steps.",
            items=[
                "lateral-hip-offset-bridge",
                "lateral-hip-side-lying-hip-abduction",
                "lateral-band-walk",
            ],
        )
    )


@glutetui.hookimpl
def register_programmes(register):  # type: ignore[no-untyped-def]
    """The staged programme, from the routines above."""
    register(
        glutetui.Programme(
            id="lateral-hip-leap",
            name="Lateral hip pain, staged (LEAP)",
            summary="Eight weeks of daily home exercise for pain on the outside of the hip: holds, then bridges, then load.",
            source=SOURCE,
            # The trial's outcomes (past-week pain, global change) were taken at these weeks.
            self_tests=[glutetui.SelfTestSchedule("weekly-check", [0, 4, 8, 12, 26, 52])],
            stages=[
                glutetui.Stage(
                    name="Week 1: gentle holds and bridges",
                    routines=[WEEK_1],
                    sessions_per_week=7,
                    note="Light holds lying and standing, and easy bridges; the holds may be done twice a day.",
                    advance=glutetui.Criteria(min_weeks=1, settled_checkins=2),
                ),
                glutetui.Stage(
                    name="Week 2: offset bridges",
                    routines=[WEEK_2],
                    sessions_per_week=7,
                    note="The bridge moves one foot forward so the back leg does more.",
                    advance=glutetui.Criteria(min_weeks=1, settled_checkins=2),
                ),
                glutetui.Stage(
                    name="Weeks 3–8: load step by step",
                    routines=[WEEKS_3_TO_8],
                    sessions_per_week=7,
                    note="Harder one-leg work and band side steps, each raised a step at a time while the next mornings stay settled.",
                ),
            ],
        )
    )
