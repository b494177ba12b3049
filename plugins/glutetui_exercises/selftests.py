"""Self-tests a person can log: the 30-second single-leg stance and a weekly check."""

import glutetui

STANCE_SOURCE = (
    "Grimaldi et al., Br J Sports Med 2017 (65 people): outer-hip pain of 2/10 or more within 30 s "
    "of standing on one leg was the positive test; the pelvis dropping on the lifted side is the "
    "Trendelenburg sign. A test, never a diagnosis."
)
WEEKLY_SOURCE = (
    "The LEAP trial's primary outcomes (Mellor et al., BMJ 2018;361:k1662): past-week pain 0–10 and "
    "an 11-point global rating of change, at weeks 0, 4 and 8 and later."
)


@glutetui.hookimpl
def register_self_tests(register):
    register(
        glutetui.SelfTest(
            id="single-leg-stance",
            name="30-second single-leg stance",
            instructions=[
                "Stand side-on to a wall with one fingertip touching it for balance.",
                "Lift the foot nearest the wall and stand on the other leg for up to 30 seconds.",
                "Note how long you held it, any pain at the outside of the standing hip (0 to 10), and whether your pelvis stayed level or dropped on the lifted side (a mirror helps).",
                "Do the same on the other leg.",
            ],
            fields=[
                glutetui.SelfTestField("seconds", "Seconds held", low=0, high=30, per_side=True),
                glutetui.SelfTestField(
                    "pain",
                    "Outer-hip pain",
                    low=0,
                    high=10,
                    per_side=True,
                    help="0 none, 10 worst imaginable",
                ),
                glutetui.SelfTestField(
                    "pelvis",
                    "Pelvis",
                    kind="choice",
                    choices=("level", "dropped"),
                    per_side=True,
                    help="level, or dropped on the lifted side",
                ),
            ],
            source=STANCE_SOURCE,
        )
    )
    register(
        glutetui.SelfTest(
            id="weekly-check",
            name="Weekly check",
            instructions=[
                "Think of the past seven days.",
                "Rate your usual hip pain over the week from 0 (none) to 10 (worst imaginable).",
                "Rate how your hip is now compared with when you started, from -5 (very much worse) through 0 (no change) to +5 (very much better).",
            ],
            fields=[
                glutetui.SelfTestField(
                    "pain", "Past-week pain", low=0, high=10, help="0 none, 10 worst imaginable"
                ),
                glutetui.SelfTestField(
                    "change",
                    "Change since you started",
                    low=-5,
                    high=5,
                    help="-5 very much worse, 0 no change, +5 very much better",
                ),
            ],
            source=WEEKLY_SOURCE,
        )
    )
