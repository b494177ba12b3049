"""What is due, which stage is current and how adherence adds up, over weeks, pauses and zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from glutetui.coach.adherence import training_days_of_rows
from glutetui.coach.checkins import CheckIn, Compared
from glutetui.coach.programmes import Criteria, Programme, Stage, scheduled_days
from glutetui.coach.programmes_schedule import position
from glutetui.coach.programmes_state import ProgrammeState
from glutetui.stats import training_days
from tests.history_factory import make_session

START = date(2026, 11, 2)  # a Monday
TWO_STAGES = Programme(
    id="two",
    name="Two stages",
    stages=(
        Stage("First", ("home",), 3, Criteria(min_weeks=2, settled_checkins=4)),
        Stage("Second", ("full", "home"), 3),
    ),
)


def days(*offsets: int) -> set[date]:
    return {START + timedelta(days=o) for o in offsets}


def mornings(*offsets: int, compared: Compared = "same") -> list[CheckIn]:
    tz = UTC
    return [
        CheckIn(
            datetime.combine(START + timedelta(days=o), datetime.min.time(), tz).replace(hour=8),
            1,
            compared,
        )
        for o in offsets
    ]


def at(
    offset: int,
    trained: set[date],
    checks: list[CheckIn] | None = None,
    state: ProgrammeState | None = None,
):
    return position(
        TWO_STAGES,
        state or ProgrammeState("two", START),
        trained,
        checks or [],
        START + timedelta(days=offset),
    )


def test_three_a_week_spreads_rest_days_between_sessions() -> None:
    assert scheduled_days(3) == (0, 2, 4)
    assert scheduled_days(1) == (0,)
    assert scheduled_days(7) == tuple(range(7))


def test_first_day_is_due_then_rest_until_the_next_planned_day() -> None:
    first = at(0, set())
    assert first.due and first.next_session == START and first.routine == "home"
    done = at(0, days(0))
    assert not done.due and done.trained_today
    assert done.next_session == START + timedelta(days=2)
    assert not at(1, days(0)).due
    assert at(2, days(0)).due


def test_a_missed_day_stays_due_until_caught_up() -> None:
    assert at(1, set()).due  # Monday's session was missed: Tuesday can catch up
    assert not at(1, days(1)).due
    tuesday = at(1, days(1))
    assert tuesday.next_session == START + timedelta(days=2)


def test_a_full_week_leaves_the_rest_of_it_free() -> None:
    week = at(5, days(0, 2, 4))
    assert not week.due
    assert week.done_this_week == 3
    assert week.next_session == START + timedelta(days=7)


def test_stage_moves_on_only_with_weeks_and_settled_mornings() -> None:
    trained = days(0, 2, 4, 7, 9, 11, 14)
    assert at(14, trained, mornings(1, 3, 5, 8)).stage_index == 1
    # Two weeks, but one of the last four mornings was worse.
    stay = at(14, trained, [*mornings(1, 3, 5), *mornings(8, compared="worse")])
    assert stay.stage_index == 0
    assert stay.readiness is not None and not stay.readiness.ready
    words = dict(stay.readiness.conditions)
    assert words["the last 4 next-morning answers settled (3 of 4 are)"] is False
    # Settled mornings, but only one week gone.
    assert at(7, trained, mornings(1, 2, 3, 5)).stage_index == 0


def test_stage_moves_on_at_the_first_week_its_criteria_hold() -> None:
    trained = days(0, 2, 4, 7, 9, 11, 14, 16, 18, 21)
    later = at(21, trained, [*mornings(1, 3, 5, 8), *mornings(15, compared="worse")])
    # Week 2 ended with all criteria met: the worse answer in week 3 does not send it back.
    assert later.stage_index == 1 and later.stage_week == 1
    assert later.final_stage


def test_routines_of_a_stage_are_done_in_turn() -> None:
    trained = days(0, 2, 4, 7, 9, 11)
    second = at(14, trained, mornings(1, 3, 5, 8))
    assert second.routine == "full"
    assert at(16, trained | days(14), mornings(1, 3, 5, 8)).routine == "home"


def test_missed_weeks_count_as_planned_and_not_done() -> None:
    trained = days(0, 2, 4, 21)  # weeks 1 and 2 missed entirely
    now = at(27, trained)
    shares = [(w.planned, w.done) for w in now.adherence.weeks]
    assert shares == [(3, 3), (3, 0), (3, 0), (3, 1)]
    assert now.adherence.share == 4 / 12


def test_current_week_plans_only_the_days_so_far() -> None:
    now = at(2, days(0))
    assert (now.adherence.weeks[-1].planned, now.adherence.weeks[-1].done) == (2, 1)


def test_two_sessions_a_day_count_once() -> None:
    s1 = make_session(START, session_id="a")
    s2 = make_session(START, session_id="b")
    now = at(0, training_days([s1, s2]))
    assert now.adherence.weeks[-1].done == 1


def test_pause_stops_the_clock() -> None:
    state = ProgrammeState("two", START).pause(START + timedelta(days=3))
    paused = at(10, days(0, 2), state=state)
    assert paused.paused and not paused.due and paused.next_session is None
    assert paused.week == 0 and paused.day == 3
    resumed = state.resume(START + timedelta(days=10))
    back = at(10, days(0, 2), state=resumed)
    # Day 10 of the calendar is day 3 of the programme: the week carries on where it stopped.
    assert (back.week, back.day) == (0, 3) and not back.paused
    assert at(11, days(0, 2), state=resumed).due  # programme day 4


def test_training_day_is_the_day_where_the_session_was_recorded() -> None:
    # 23:30 on Monday in Auckland is Monday morning in UTC... and Sunday evening in Honolulu;
    # each session counts on the day its own clock showed.
    far_east = make_session(START, tz=timezone(timedelta(hours=13)))
    far_west = make_session(START, tz=timezone(timedelta(hours=-10)))
    for session in (far_east, far_west):
        assert training_days([session]) == {START}
        assert at(0, training_days([session])).trained_today


def test_rows_and_sessions_agree_on_training_days() -> None:
    from glutetui.log.summaries import session_row

    sessions = [make_session(START + timedelta(days=d), session_id=f"s{d}") for d in (0, 3, 8)]
    assert training_days_of_rows(session_row(s) for s in sessions) == training_days(sessions)


@given(
    offsets=st.sets(st.integers(0, 120), max_size=80),
    checks=st.lists(
        st.tuples(st.integers(0, 120), st.sampled_from(["better", "same", "worse"])), max_size=40
    ),
    today=st.integers(0, 140),
    per_week=st.integers(1, 7),
    min_weeks=st.integers(1, 6),
    settle=st.integers(0, 6),
    share=st.sampled_from([0.0, 0.5, 0.75, 1.0]),
)
def test_adherence_stays_within_bounds_and_stages_need_their_criteria(
    offsets: set[int],
    checks: list[tuple[int, Compared]],
    today: int,
    per_week: int,
    min_weeks: int,
    settle: int,
    share: float,
) -> None:
    criteria = Criteria(min_weeks=min_weeks, settled_checkins=settle, min_adherence=share)
    programme = Programme(
        "p",
        "P",
        (
            Stage("a", ("r",), per_week, criteria),
            Stage("b", ("r",), per_week, criteria),
            Stage("c", ("r",), per_week),
        ),
    )
    answers = [c for o, word in sorted(checks) for c in mornings(o, compared=word)]
    state = ProgrammeState("p", START)
    now = position(programme, state, days(*offsets), answers, START + timedelta(days=today))
    for week in now.adherence.weeks:
        assert 0 <= week.done <= week.planned <= per_week
    assert 0.0 <= now.adherence.share <= 1.0
    # Each stage reached took at least its minimum weeks, and the mornings it needed.
    assert now.stage_index * min_weeks <= now.week
    if now.stage_index > 0 and settle:
        assert sum(1 for _, word in checks if word != "worse") >= settle
    if now.stage_index > 0 and share == 1.0:
        first = [w for w in now.adherence.weeks if w.stage == 0]
        assert all(w.done == w.planned for w in first)
