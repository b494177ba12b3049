"""Unit tests and properties of :mod:`glutetui.stats` (pure: no files, no clock, no textual)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutetui import balance as sides
from glutetui import stats
from glutetui.figures import KG_PER_LB
from glutetui.model import ExerciseLog, Session, SetResult

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 23)  # a Monday


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def sided(
    exercise_id: str, set_number: int, left: int, right: int, load: float | None = None, **kw
) -> tuple[SetResult, SetResult]:
    return (
        SetResult(exercise_id, set_number, left, side="left", load=load, **kw),
        SetResult(exercise_id, set_number, right, side="right", load=load, **kw),
    )


def session(
    day: date,
    sets: tuple[SetResult, ...] = (),
    *,
    sid: str | None = None,
    exercises: tuple[ExerciseLog, ...] = (),
    minutes: int | None = 30,
    hour: int = 18,
) -> Session:
    start = at(day, hour)
    return Session(
        id=sid or f"{day.isoformat()}-{hour:02d}",
        started_at=start,
        exercises=exercises,
        sets=sets,
        ended_at=start + timedelta(minutes=minutes) if minutes is not None else None,
        status="complete",
    )


def simple(day: date, n_sets: int = 3, *, hour: int = 18) -> Session:
    return session(day, tuple(SetResult("hip-thrust", i + 1, 10) for i in range(n_sets)), hour=hour)


# --------------------------------------------------------------------------- streaks


def test_streak_counts_consecutive_weeks_and_survives_an_untrained_current_week() -> None:
    monday = stats.monday_of(TODAY)
    days = [monday - timedelta(weeks=w, days=-2) for w in (1, 2, 3)]  # Wednesdays
    days += [monday - timedelta(weeks=w) for w in (6, 7)]  # an older run of two
    history = [simple(d) for d in days]
    result = stats.streak(history, TODAY)
    assert result == stats.Streak(current=3, longest=3)
    # Trained today: the streak grows to four.
    assert stats.streak([*history, simple(TODAY)], TODAY).current == 4
    # Two whole weeks without training break it.
    assert stats.streak(history, TODAY + timedelta(weeks=1)).current == 0
    assert stats.streak(history, TODAY + timedelta(weeks=1)).longest == 3


def test_streak_ignores_sessions_without_work_sets_and_future_sessions() -> None:
    warm_only = session(TODAY, (SetResult("a", 1, 5, warmup=True),))
    empty = session(TODAY - timedelta(weeks=1), ())
    future = simple(TODAY + timedelta(days=14))
    assert stats.streak([warm_only, empty, future], TODAY) == stats.Streak(0, 0)


def test_streak_of_nothing_is_zero() -> None:
    assert stats.streak([], TODAY) == stats.Streak(0, 0)


# --------------------------------------------------------------------------- calendar, weeks


def test_calendar_covers_whole_weeks_up_to_today_with_sets_per_day() -> None:
    today = date(2026, 11, 25)  # a Wednesday
    history = [
        simple(today, 2),
        simple(today, 3, hour=7),  # two sessions on one day add up
        simple(today - timedelta(days=10), 4),
        simple(today - timedelta(weeks=20), 5),  # too old to show
        simple(today + timedelta(days=1), 6),  # the future is not shown
    ]
    cal = stats.training_calendar(history, today, weeks=4)
    assert cal.start == date(2026, 11, 2) and cal.start.weekday() == 0
    assert cal.end == today
    assert cal.weeks == 4
    assert len(cal.sets) == 21 + 3
    assert cal.sets[today] == 5
    assert cal.sets[today - timedelta(days=10)] == 4
    assert sum(cal.sets.values()) == 9
    assert cal.peak == 5 and cal.active_days == 2


@pytest.mark.parametrize(
    ("sets", "peak", "level"), [(0, 9, 0), (1, 9, 1), (5, 9, 3), (9, 9, 4), (3, 0, 0), (12, 9, 4)]
)
def test_heat_level(sets: int, peak: int, level: int) -> None:
    assert stats.heat_level(sets, peak) == level


def test_weekly_sets_against_the_goal() -> None:
    today = date(2026, 11, 26)  # Thursday
    history = [
        simple(today, 4),
        simple(today - timedelta(days=3), 6),  # Monday of this week
        simple(today - timedelta(days=4), 30),  # Sunday of last week
    ]
    weeks = stats.weekly_sets(history, today, goal=20, weeks=3)
    assert [w.monday for w in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert [w.sets for w in weeks] == [0, 30, 10]
    assert weeks[-1].iso_week == (2026, 48)
    assert weeks[-1].fraction == pytest.approx(0.5)
    assert weeks[1].met and weeks[1].fraction == 1.0
    assert not weeks[-1].met


# --------------------------------------------------------------------------- per exercise


def _thrust(day: date, *sets: tuple[int, float | None, str | None], warm: int = 0) -> Session:
    results = [SetResult("hip-thrust", 1, warm, load=20, unit="kg", warmup=True)] if warm else []
    results += [
        SetResult("hip-thrust", i + 1, reps, load=load, unit=unit)
        for i, (reps, load, unit) in enumerate(sets)
    ]
    return session(
        day,
        tuple(results),
        exercises=(ExerciseLog("hip-thrust", "Barbell hip thrust", pain=len(sets)),),
    )


def test_trend_and_bests_convert_units_and_skip_warmups_and_bands() -> None:
    d1, d2, d3 = (TODAY - timedelta(days=n) for n in (14, 7, 0))
    history = [
        _thrust(d3, (10, 50, "kg"), (8, None, None)),
        _thrust(d1, (10, 40, "kg"), (12, 40, "kg"), warm=20),
        _thrust(d2, (10, 110, "lb"), (15, 2, "band:red")),
    ]
    trend = stats.exercise_trend(history, "hip-thrust")
    assert [p.day for p in trend] == [d1, d2, d3]
    assert [p.reps for p in trend] == [22, 25, 18]
    assert trend[0].top_load == 40
    assert trend[1].top_load == pytest.approx(110 * KG_PER_LB)
    assert trend[0].volume == 880
    assert trend[2].volume == 500

    bests = stats.personal_bests(history, "hip-thrust")
    assert bests.max_reps == stats.Best(15, f"{d2.isoformat()}-18", d2)
    assert bests.max_load == stats.Best(50, f"{d3.isoformat()}-18", d3)  # 50 kg beats 110 lb
    assert bests.max_volume == stats.Best(880, f"{d1.isoformat()}-18", d1)

    in_lb = stats.personal_bests(history, "hip-thrust", unit="lb")
    assert in_lb.max_load is not None and in_lb.max_load.value == pytest.approx(50 / 0.45359237)


def test_a_tie_keeps_the_first_session_that_reached_the_best() -> None:
    early, late = TODAY - timedelta(days=5), TODAY
    history = [_thrust(late, (12, 40, "kg")), _thrust(early, (12, 40, "kg"))]
    bests = stats.personal_bests(history, "hip-thrust")
    assert bests.max_reps is not None and bests.max_reps.day == early
    assert bests.max_load is not None and bests.max_load.day == early


def test_bests_without_numeric_loads() -> None:
    history = [session(TODAY, sided("clamshell", 1, 12, 14))]
    bests = stats.personal_bests(history, "clamshell")
    assert bests.max_reps is not None and bests.max_reps.value == 14
    assert bests.max_load is None and bests.max_volume is None
    assert stats.personal_bests(history, "nothing") == stats.PersonalBests(None, None, None)


def test_pain_trend_is_oldest_first_and_skips_missing_reports() -> None:
    history = [
        session(TODAY, exercises=(ExerciseLog("a", "A", pain=1),), sid="3"),
        session(TODAY - timedelta(days=1), exercises=(ExerciseLog("a", "A"),), sid="2"),
        session(TODAY - timedelta(days=2), exercises=(ExerciseLog("a", "A", pain=5),), sid="1"),
    ]
    assert [(p.session_id, p.pain) for p in stats.pain_trend(history, "a")] == [("1", 5), ("3", 1)]


def test_exercises_in_uses_the_latest_name_and_sorts_by_name() -> None:
    old = session(
        TODAY - timedelta(days=3),
        (SetResult("b", 1, 5),),
        exercises=(ExerciseLog("b", "Old name"),),
    )
    new = session(
        TODAY, (SetResult("b", 1, 5), SetResult("a", 1, 5)), exercises=(ExerciseLog("b", "Zed"),)
    )
    assert list(stats.exercises_in([new, old]).items()) == [("a", "a"), ("b", "Zed")]


# --------------------------------------------------------------------------- balance


def test_compare_sides_flags_a_weaker_side_beyond_the_threshold() -> None:
    even = sides.compare_sides(sided("c", 1, 10, 10))
    assert even is not None and even.imbalance == 0 and even.weaker is None and not even.flagged

    slight = sides.compare_sides(sided("c", 1, 10, 11))  # 9 % below
    assert slight is not None and slight.weaker == "left" and not slight.flagged

    weak = sides.compare_sides((*sided("c", 1, 12, 12), *sided("c", 2, 12, 8)))  # 20/24
    assert weak is not None and weak.basis == "reps" and weak.compared == 2
    assert weak.weaker == "right" and weak.flagged
    assert weak.imbalance == pytest.approx(1 - 20 / 24)
    assert weak.amount("left") == 24 and weak.amount("right") == 20


def test_a_skipped_side_is_not_done_never_weaker() -> None:
    only_left = sides.compare_sides([SetResult("c", 1, 12, side="left")])
    assert only_left is not None
    assert only_left.weaker is None and not only_left.flagged and only_left.imbalance == 0
    assert only_left.compared == 0 and only_left.not_done("right") == 1
    # One set skipped on the right among three: the two done on both sides are compared.
    sets = (*sided("c", 1, 12, 12), *sided("c", 2, 12, 12), SetResult("c", 3, 12, side="left"))
    result = sides.compare_sides(sets)
    assert result is not None and result.compared == 2 and result.weaker is None
    assert result.not_done("right") == 1 and result.not_done("left") == 0
    assert result.amount("left") == result.amount("right") == 24


def test_only_sets_at_the_same_load_or_band_are_compared() -> None:
    sets = (
        SetResult("d", 1, 10, side="left", load=10, unit="kg"),
        SetResult("d", 1, 14, side="right", load=8, unit="kg"),  # lighter: more reps
        SetResult("d", 2, 10, side="left", unit="band:red"),
        SetResult("d", 2, 15, side="right", unit="band:yellow"),
    )
    apart = sides.compare_sides(sets)
    assert apart is not None and apart.compared == 0 and apart.mismatched == 2
    assert apart.weaker is None and not apart.flagged
    # The same load in kg and in lb is the same load.
    same = sides.compare_sides(
        (
            SetResult("d", 3, 10, side="left", load=10, unit="kg"),
            SetResult("d", 3, 8, side="right", load=10 / 0.45359237, unit="lb"),
        )
    )
    assert same is not None and same.compared == 1 and same.weaker == "right" and same.flagged


def test_timed_sets_compare_seconds() -> None:
    result = sides.compare_sides(
        (
            SetResult("p", 1, 0, side="left", seconds=30),
            SetResult("p", 1, 0, side="right", seconds=20),
        )
    )
    assert result is not None and result.basis == "seconds" and result.weaker == "right"


def test_compare_sides_without_sides_is_none() -> None:
    assert sides.compare_sides([SetResult("x", 1, 10)]) is None
    assert sides.compare_sides([SetResult("x", 1, 10, side="left", warmup=True)]) is None


def test_recent_balance_adds_up_the_last_sessions_of_each_exercise() -> None:
    history = [
        session(TODAY - timedelta(days=n), sided("clamshell", 1, 10, 10 if n > 2 else 5))
        for n in range(8)
    ]
    history.append(session(TODAY, (SetResult("hip-thrust", 1, 10),), sid="unsided"))
    result = sides.recent_balance(history, last=4)
    assert [b.exercise_id for b in result] == ["clamshell"]
    (clam,) = result
    assert clam.sessions == 4
    assert clam.balance.amount("left") == 40
    assert clam.balance.amount("right") == 5 * 3 + 10
    assert clam.balance.weaker == "right" and clam.balance.flagged


# --------------------------------------------------------------------------- properties

days_st = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def histories(draw: st.DrawFn) -> list[Session]:
    out = []
    for i, day in enumerate(draw(st.lists(days_st, max_size=40))):
        n = draw(st.integers(0, 4))
        warm = draw(st.booleans())
        sets = tuple(SetResult("e", k + 1, 10, warmup=warm and k == 0) for k in range(n))
        out.append(session(day, sets, sid=f"s{i}", hour=draw(st.integers(0, 23))))
    return out


@given(histories(), days_st)
@settings(deadline=None)
def test_streak_properties(history: list[Session], today: date) -> None:
    result = stats.streak(history, today)
    days = {d for d in stats.training_days(history) if d <= today}
    assert 0 <= result.current <= result.longest <= len(days)
    # Order of the input never matters.
    assert stats.streak(list(reversed(history)), today) == result


@given(histories(), days_st, st.integers(1, 30))
@settings(deadline=None)
def test_calendar_and_weeks_agree(history: list[Session], today: date, weeks: int) -> None:
    cal = stats.training_calendar(history, today, weeks)
    per_week = stats.weekly_sets(history, today, goal=10, weeks=weeks)
    assert cal.weeks == weeks == len(per_week)
    assert sum(cal.sets.values()) == sum(w.sets for w in per_week)
    assert all(cal.start <= d <= today for d in cal.sets)


reps_st = st.integers(0, 50)
load_st = st.one_of(st.none(), st.floats(0.5, 200, allow_nan=False))


@given(st.lists(st.tuples(reps_st, reps_st, load_st, load_st), min_size=1, max_size=8))
@settings(deadline=None)
def test_balance_is_symmetric_under_swapping_sides(
    pairs: list[tuple[int, int, float | None, float | None]],
) -> None:
    sets = []
    for n, (lr, rr, ll, rl) in enumerate(pairs):
        sets.append(SetResult("e", n + 1, lr, side="left", load=ll, unit="kg"))
        sets.append(SetResult("e", n + 1, rr, side="right", load=rl, unit="kg"))
    swap = {"left": "right", "right": "left"}
    mirrored = [replace(s, side=swap[s.side]) for s in sets]  # type: ignore[index]
    a, b = sides.compare_sides(sets), sides.compare_sides(mirrored)
    assert a is not None and b is not None
    assert a.imbalance == pytest.approx(b.imbalance)
    assert 0.0 <= a.imbalance <= 1.0
    assert a.flagged == b.flagged and a.basis == b.basis and a.compared == b.compared
    assert a.weaker == (swap[b.weaker] if b.weaker else None)
    assert a.left == b.right and a.right == b.left
