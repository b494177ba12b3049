"""The default policy: one table row per rule id, then the properties it must keep."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.coach.history import ExerciseHistory, Outing
from glutetui.coach.ladder import step_down, step_up
from glutetui.coach.policy import RULES, default_policy
from glutetui.settings import Settings
from tests.coach.helpers import MACHINE, WALK, history, morning, outing

S = Settings()
TOP = (15, 15)

# (rule id, exercise, history, expected direction, expected unit / load, extra check)
CASES = [
    ("first-session", WALK, history(), "same", "band:yellow@knees"),
    (
        "red-pain",
        WALK,
        history(outing(left=TOP, pain=7, unit="band:red@ankles")),
        "down",
        "band:red@knees",
    ),
    (
        "worse-morning",
        WALK,
        history(outing(left=TOP, unit="band:red@knees", after=morning("worse"))),
        "down",
        "band:yellow@feet",
    ),
    (
        "missed-week",
        WALK,
        history(outing(9, left=TOP, unit="band:yellow@ankles")),
        "down",
        "band:yellow@knees",
    ),
    (
        "pain-rising",
        WALK,
        history(outing(left=TOP, pain=3), outing(4, pain=1)),
        "same",
        "band:yellow@knees",
    ),
    ("amber-stay", WALK, history(outing(left=TOP, pain=5)), "same", "band:yellow@knees"),
    (
        "double-progression-up",
        WALK,
        history(outing(left=TOP, after=morning())),
        "up",
        "band:yellow@ankles",
    ),
    (
        "top-of-ladder",
        WALK,
        history(outing(left=(15, 15, 15), sets=3, unit="band:red@feet")),
        "same",
        "band:red@feet",
    ),
    (
        "lagging-side",
        WALK,
        history(outing(left=(11, 10), right=(15, 15))),
        "same",
        "band:yellow@knees",
    ),
    ("double-progression-stay", WALK, history(outing(left=(14, 15))), "same", "band:yellow@knees"),
]


@pytest.mark.parametrize(
    ("rule", "exercise", "past", "direction", "unit"), CASES, ids=[c[0] for c in CASES]
)
def test_each_rule(rule, exercise, past, direction, unit) -> None:
    got = default_policy(exercise, past, S)
    assert (got.rule, got.direction, got.unit) == (rule, direction, unit)
    assert got.source == RULES[rule] or got.source.startswith(RULES[rule] + ";")
    assert got.reason and got.exercise_id == exercise.id


def test_harder_variant_names_the_plugins_exercise() -> None:
    # MACHINE has a load step, so the ladder only ends when there is no load step: a copy.
    ex = replace(MACHINE, load_step_kg=None, load_step_lb=None)
    past = history(outing(left=(12,) * 4, sets=4, unit=None, target=(8, 12)), exercise_id="machine")
    got = default_policy(ex, past, S)
    assert (got.rule, got.variant, got.direction) == ("harder-variant", "machine-heavy", "up")


def test_load_steps_follow_the_unit_setting() -> None:
    past = history(
        outing(left=(12,) * 3, sets=3, unit="lb", load=100, target=(8, 12)), exercise_id="machine"
    )
    got = default_policy(MACHINE, past, Settings(units="lb"))
    assert (got.rule, got.load, got.unit) == ("double-progression-up", 110, "lb")


def test_band_position_step_cites_lewis() -> None:
    got = default_policy(WALK, history(outing(left=TOP)), S)
    assert "Lewis et al. 2018" in got.reason and "ankles" in got.reason


def test_lagging_side_leads_with_the_weaker_side() -> None:
    got = default_policy(WALK, history(outing(left=(15, 15), right=(12, 11))), S)
    assert got.lead_side == "right" and "start with the right side" in got.reason


@pytest.mark.parametrize(
    ("rule", "past"),
    [
        ("help-pain-twice", history(outing(pain=6), outing(4, pain=8))),
        (
            "help-worse-mornings",
            history(outing(after=morning("worse")), outing(4, after=morning("worse"))),
        ),
        ("help-sharp-pain", history(outing(after=morning("same", sharp=True)))),
    ],
)
def test_each_notice(rule: str, past: ExerciseHistory) -> None:
    got = default_policy(WALK, past, S)
    assert got.notice_rule == rule and got.notice
    assert "physiotherapist" in got.notice and "diagnos" not in got.notice


def test_no_notice_after_one_red_session() -> None:
    assert default_policy(WALK, history(outing(pain=7), outing(4, pain=2)), S).notice is None


def test_zone_limits_come_from_settings() -> None:
    past = history(outing(left=TOP, pain=5))
    assert default_policy(WALK, past, Settings(pain_red_from=5)).rule == "red-pain"
    assert (
        default_policy(WALK, past, Settings(pain_amber_from=6, pain_red_from=8)).direction == "up"
    )


# --------------------------------------------------------------------------- properties

UNITS = st.sampled_from(
    [
        None,
        "band:yellow@knees",
        "band:yellow@ankles",
        "band:yellow@feet",
        "band:red@knees",
        "band:red@feet",
        "kg",
    ]
)
PAIN = st.one_of(st.none(), st.integers(0, 10))
REPS = st.lists(st.integers(0, 20), min_size=1, max_size=4).map(tuple)
MORNING = st.one_of(
    st.none(),
    st.builds(morning, st.sampled_from(["better", "same", "worse"]), st.integers(0, 10)),
)


@st.composite
def outings(draw: st.DrawFn) -> Outing:
    unit = draw(UNITS)
    return outing(
        draw(st.floats(0.5, 20)),
        left=draw(REPS),
        right=draw(REPS),
        pain=draw(PAIN),
        sets=draw(st.integers(2, 3)),
        unit=unit,
        load=draw(st.sampled_from([5.0, 20.0])) if unit == "kg" else None,
        after=draw(MORNING),
    )


HISTORIES = st.lists(outings(), max_size=3).map(
    lambda found: history(*sorted(found, key=lambda o: o.started_at, reverse=True))
)


@given(HISTORIES, st.sampled_from([WALK, MACHINE]))
def test_never_more_than_one_rung(past: ExerciseHistory, ex) -> None:
    got = default_policy(ex, past, S)
    if not past.outings:
        return
    last = past.outings[0].rung
    if got.direction == "up":
        assert step_up(ex, last, S) == got.rung
    elif got.direction == "down":
        assert step_down(ex, last, S) == got.rung
    else:
        assert got.rung == last


@given(HISTORIES)
def test_never_up_after_red_or_a_worse_morning(past: ExerciseHistory) -> None:
    got = default_policy(WALK, past, S)
    if past.outings:
        last = past.outings[0]
        red = (last.pain or 0) >= 6 or (last.morning is not None and (last.morning.pain or 0) >= 6)
        worse = last.morning is not None and last.morning.compared == "worse"
        if red or worse:
            assert got.direction != "up"


@given(HISTORIES)
def test_same_history_same_suggestion(past: ExerciseHistory) -> None:
    rebuilt = ExerciseHistory(past.exercise_id, past.now, tuple(replace(o) for o in past.outings))
    assert default_policy(WALK, past, S) == default_policy(WALK, rebuilt, S)


@given(REPS, REPS)
def test_sides_never_mixed(left: tuple[int, ...], right: tuple[int, ...]) -> None:
    """Only when each side on its own reached the top does the dose go up."""
    got = default_policy(WALK, history(outing(left=left, right=right, after=morning())), S)
    each_side_top = all(len(r) >= 2 and min(r) >= 15 for r in (left, right))
    assert (got.direction == "up") == each_side_top
