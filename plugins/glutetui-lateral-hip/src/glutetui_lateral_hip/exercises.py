"""The early-stage exercises of a staged programme for lateral hip pain.

The LEAP trial's protocol (Mellor et al., BMJ 2018;361:k1662; protocol in BMC Musculoskelet
Disord 2016, doi:10.1186/s12891-016-1043-6) starts with light isometric hip abduction holds and
bridging before anything is loaded; glutetui's five built-ins start further along. Every sentence
below is written for this plugin; the figures come from the sources each exercise names.
"""

from __future__ import annotations

import glutetui

LEAP = (
    "LEAP trial protocol, week 1 (Mellor et al., BMJ 2018;361:k1662; BMC Musculoskelet Disord "
    "2016, doi:10.1186/s12891-016-1043-6)"
)
COMPRESSION = (
    "Tendons on the outside of the hip dislike being squeezed with the leg drawn across the "
    "body (Grimaldi et al., Sports Med 2015;45(8):1107–1119)"
)
OWN_DOSE = "The sets and reps are this plugin's starting point, not figures from a study."

ISOMETRIC_LYING = glutetui.Exercise(
    id="lateral-hip-isometric-hip-abduction-lying",
    name="Isometric hip abduction, lying",
    summary="Lying on your back beside a wall, press the outside of one leg gently into the wall and hold, without moving.",
    instructions=[
        "Lie on your back with your legs straight, one side close to a wall and a folded towel between the wall and the outside of that knee.",
        "Press the leg outwards into the towel gently, well short of your full effort, keeping the leg where it is.",
        "Hold the push for 5 to 10 seconds while breathing normally.",
        "Let go slowly and rest a few seconds.",
        "Do 3 to 5 holds, then lie the other way round and work the other side; twice a day suits the first weeks.",
    ],
    sets=(1, 2),
    reps=(3, 5),
    per_side=True,
    hold_seconds=10,
    equipment=["mat", "wall"],
    cues=[
        "Gentle push, not a maximal one",
        "Nothing moves: the leg stays still",
        "Breathe during the hold",
    ],
    tags=["floor", "home", "rehab", "beginner", "isometric", "early-stage"],
    evidence=f"Light isometric holds lying down open the {LEAP}.",
    # The ladder: a second round of holds, then the same holds standing up.
    harder="lateral-hip-isometric-hip-abduction-standing",
)

ISOMETRIC_STANDING = glutetui.Exercise(
    id="lateral-hip-isometric-hip-abduction-standing",
    name="Isometric hip abduction, standing",
    summary="Standing side-on to a wall, press the outer side of one leg into the wall and hold, one side at a time.",
    instructions=[
        "Stand side-on to a wall with a folded towel between the wall and the outside of the knee nearest to it.",
        "Stand tall on the other leg with the pelvis level and a hand on a chair for balance.",
        "Press the knee outwards into the towel without letting the pelvis tip or the trunk lean.",
        "Hold for 5 to 15 seconds, then ease off.",
        "Do 3 to 5 holds, then turn round and work the other side.",
    ],
    sets=(1, 2),
    reps=(3, 5),
    per_side=True,
    hold_seconds=15,
    equipment=["wall"],
    optional_equipment=["chair"],
    cues=[
        "Pelvis level, trunk upright",
        "Push out, do not lean into the wall",
        "Ease off slowly",
    ],
    tags=["standing", "home", "rehab", "beginner", "isometric", "early-stage"],
    evidence=f"Standing isometric holds of 5–15 s are part of the {LEAP}.",
    easier="lateral-hip-isometric-hip-abduction-lying",
)

BRIDGE = glutetui.Exercise(
    id="lateral-hip-bridge",
    name="Bridge",
    summary="Lying on your back with knees bent, lift the hips until the body makes a straight line from shoulders to knees.",
    instructions=[
        "Lie on your back with knees bent, feet flat and hip-width apart, arms by your sides.",
        "Tighten the buttocks, then lift the hips until shoulders, hips and knees line up.",
        "Hold the top for a breath without arching the lower back.",
        "Lower slowly, one vertebra at a time.",
        "Do 10 to 15 reps for 2 to 3 sets.",
    ],
    sets=(2, 3),
    reps=(10, 15),
    hold_seconds=2,
    equipment=["mat"],
    optional_equipment=["band"],
    aliases=["Glute Bridge", "Hip Bridge", "Bridge (Bodyweight)"],
    cues=[
        "Squeeze the glutes first, then lift",
        "Knees stay over the feet",
        "No arching at the top",
    ],
    tags=["floor", "home", "rehab", "beginner", "early-stage"],
    evidence=f"Light bridging is part of the {LEAP}. {OWN_DOSE}",
    # The ladder: one more set, then the offset bridge, which loads one leg more.
    harder="lateral-hip-offset-bridge",
)

OFFSET_BRIDGE = glutetui.Exercise(
    id="lateral-hip-offset-bridge",
    name="Offset bridge",
    summary="A bridge with one foot a little ahead of the other, so the back leg does most of the work: a step towards a single-leg bridge.",
    instructions=[
        "Lie on your back with knees bent; slide one foot forward so its heel sits level with the toes of the other.",
        "Push mostly through the back foot and lift the hips until shoulders, hips and knees line up.",
        "Keep the pelvis level: neither side drops or twists.",
        "Lower slowly and repeat, then swap the feet and work the other side.",
        "Do 8 to 12 reps on each side for 2 to 3 sets.",
    ],
    sets=(2, 3),
    reps=(8, 12),
    per_side=True,
    hold_seconds=2,
    equipment=["mat"],
    aliases=["Single Leg Biased Bridge", "Staggered Bridge"],
    cues=[
        "Weight through the back heel",
        "Pelvis level and square",
        "Slow on the way down",
    ],
    tags=["floor", "home", "rehab", "early-stage"],
    evidence=(
        "Single-leg-biased bridges come in at week 2 of the LEAP protocol (Mellor et al., BMJ "
        "2018;361:k1662). A full single-leg bridge showed 47–55 % MVIC of the gluteus medius "
        f"across studies (review table, Int J Sports Phys Ther 2014;9(2):157–167). {OWN_DOSE}"
    ),
    easier="lateral-hip-bridge",
)

SIDE_LYING_ABDUCTION = glutetui.Exercise(
    id="lateral-hip-side-lying-hip-abduction",
    name="Side-lying hip abduction",
    summary="Lying on one side, lift the straight top leg a little behind the line of the body: the most gluteus medius activity of the exercises in one EMG study.",
    instructions=[
        "Lie on the side that does not hurt, with the lower knee bent for balance and a pillow between the knees to start.",
        "Straighten the top leg in line with the body, toes pointing forwards, not up.",
        "Lift the top leg to about hip height, a little behind the line of the body, without rolling the pelvis back.",
        "Lower it slowly to rest on the pillow, never letting it drop across the lower leg.",
        "Do 10 to 15 reps, then turn over if the other side is comfortable to lie on; 2 to 3 sets.",
    ],
    sets=(2, 3),
    reps=(10, 15),
    per_side=True,
    hold_seconds=1,
    equipment=["mat"],
    optional_equipment=["ankle weight"],
    aliases=["Side Lying Hip Abduction", "Side Leg Raise", "Lying Lateral Leg Raise"],
    cues=[
        "Heel leads, toes forward",
        "Do not let the pelvis roll back",
        "Lower onto the pillow, not across the other leg",
    ],
    tags=["floor", "home", "rehab", "side-lying"],
    evidence=(
        "Surface EMG: 81 ± 42 % MVIC of the gluteus medius (Distefano et al. 2009, J Orthop "
        "Sports Phys Ther 39(7)); 42–81 % across studies (review table, Int J Sports Phys Ther "
        "2014;9(2):157–167). Not for the first weeks when the hip is sore: lying on the painful "
        f"side, or on the other side with the top leg resting across the body, presses on the "
        f"tendons. {COMPRESSION}. {OWN_DOSE}"
    ),
)

ALL = (ISOMETRIC_LYING, ISOMETRIC_STANDING, BRIDGE, OFFSET_BRIDGE, SIDE_LYING_ABDUCTION)


@glutetui.hookimpl
def register_exercises(register):  # type: ignore[no-untyped-def]
    """The five early-stage exercises."""
    for exercise in ALL:
        register(exercise)
