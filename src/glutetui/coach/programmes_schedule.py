"""Where a person stands in a programme on a given day: stage, what is due, what it takes to move on.

Pure: the caller passes the programme, its state, the training days (from the log), the
next-morning check-ins and today's date. The current stage is *derived*, never stored: walking
the programme week by week from its start, a stage ends at the first end of a week at which every
one of its :class:`~glutetui.coach.programmes.Criteria` held. So a stage cannot move on without
its criteria, and the answer is the same on every machine that has the same log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from glutetui.coach.adherence import Adherence, WeekAdherence, summarise, week_adherence, week_days
from glutetui.coach.programmes import DAYS_PER_WEEK, Programme, Stage, scheduled_days
from glutetui.coach.programmes_state import ProgrammeState
from glutetui.coach.zones import is_settled
from glutetui.settings import Settings

if TYPE_CHECKING:
    from glutetui.coach.checkins import CheckIn


class ResultLike(Protocol):
    """What the schedule needs of a self-test result."""

    @property
    def test_id(self) -> str: ...

    @property
    def when(self) -> datetime: ...


@dataclass(frozen=True)
class Readiness:
    """Whether the current stage may move on at the end of this week, and what is missing."""

    ready: bool
    conditions: tuple[tuple[str, bool], ...]
    """Each condition in words, with whether it holds now."""


@dataclass(frozen=True)
class Position:
    """Where the person stands on ``today``."""

    today: date
    paused: bool
    week: int
    """Programme week, 0 for the first."""
    day: int
    """Day of the programme week, 0 to 6."""
    stage_index: int
    stage: Stage
    stage_week: int
    """Weeks already completed in this stage."""
    due: bool
    """A session is due today."""
    trained_today: bool
    routine: str
    """Routine of the next session."""
    next_session: date | None
    """Today when due; otherwise the next planned day (``None`` while paused)."""
    done_this_week: int
    planned_this_week: int
    adherence: Adherence
    readiness: Readiness | None
    """``None`` in the last stage: it goes on until the programme is ended."""
    self_tests_due: tuple[str, ...] = ()
    """Ids of the self-tests planned for this programme week and not done in it yet."""

    @property
    def final_stage(self) -> bool:
        return self.readiness is None

    @property
    def anything_due(self) -> bool:
        """A session or a self-test is due today."""
        return self.due or bool(self.self_tests_due)


def _settled_before(
    checkins: Sequence[CheckIn],
    count: int,
    state: ProgrammeState,
    day_index: int,
    settled: Callable[[CheckIn], bool],
) -> tuple[bool, int]:
    """Whether the last ``count`` check-ins before programme day ``day_index`` are settled,
    and how many of those last ``count`` are."""
    before = [c for c in checkins if state.active_days_before(c.when.date()) < day_index]
    last = before[-count:] if count else []
    good = sum(1 for c in last if settled(c))
    return (len(last) == count and good == count), good


def _conditions(
    stage: Stage,
    weeks: Sequence[WeekAdherence],
    checkins: Sequence[CheckIn],
    state: ProgrammeState,
    boundary_day: int,
    settled: Callable[[CheckIn], bool],
) -> Readiness:
    criteria = stage.advance
    spent = len(weeks)
    conditions = [
        (
            f"at least {criteria.min_weeks} week{'s' if criteria.min_weeks != 1 else ''} in this stage ({spent} so far)",
            spent >= criteria.min_weeks,
        )
    ]
    if criteria.settled_checkins:
        ok, good = _settled_before(
            checkins, criteria.settled_checkins, state, boundary_day, settled
        )
        n = criteria.settled_checkins
        conditions.append((f"the last {n} next-morning answers settled ({good} of {n} are)", ok))
    if criteria.min_adherence:
        planned = sum(w.planned for w in weeks)
        done = sum(w.done for w in weeks)
        share = done / planned if planned else 0.0
        conditions.append(
            (
                f"{criteria.min_adherence:.0%} of planned sessions done ({share:.0%} so far)",
                planned > 0 and share >= criteria.min_adherence,
            )
        )
    return Readiness(all(ok for _, ok in conditions), tuple(conditions))


def position(
    programme: Programme,
    state: ProgrammeState,
    training_days: Iterable[date],
    checkins: Iterable[CheckIn],
    today: date,
    *,
    settings: Settings | None = None,
    results: Iterable[ResultLike] = (),
) -> Position:
    """Where the person stands on ``today`` (see the module's docstring for the rules).

    A check-in is settled by :func:`glutetui.coach.zones.is_settled` under ``settings`` (its
    pain zones; the defaults when ``None``); a skipped question is no answer and not counted.
    """
    rules = Settings() if settings is None else settings

    def settled(checkin: CheckIn) -> bool:
        return is_settled(checkin, rules)

    checks = sorted((c for c in checkins if not c.skipped), key=lambda c: c.when)
    today = max(today, state.started)
    paused = state.is_paused_on(today)
    current = state.active_days_before(today)
    week, day = divmod(current, DAYS_PER_WEEK)
    trained = week_days(state, training_days, today)
    stage_index, stage_start = 0, 0
    all_weeks: list[WeekAdherence] = []
    last = len(programme.stages) - 1
    for w in range(week + 1):
        stage = programme.stages[stage_index]
        up_to = day if w == week else None
        if w == week and paused:
            up_to = day - 1  # a paused day plans nothing
        all_weeks.append(
            week_adherence(w, stage_index, stage.sessions_per_week, trained.get(w, set()), up_to)
        )
        if w < week and stage_index < last:
            stage_weeks = all_weeks[stage_start:]
            if _conditions(
                stage, stage_weeks, checks, state, (w + 1) * DAYS_PER_WEEK, settled
            ).ready:
                stage_index, stage_start = stage_index + 1, w + 1
    stage = programme.stages[stage_index]
    this_week = trained.get(week, set())
    trained_today = not paused and day in this_week
    planned_so_far = [d for d in scheduled_days(stage.sessions_per_week) if d <= day]
    done_so_far = len([d for d in this_week if d <= day])
    due = not paused and not trained_today and done_so_far < len(planned_so_far)
    readiness: Readiness | None = None
    if stage_index < last:
        full = [
            *all_weeks[stage_start:week],
            week_adherence(week, stage_index, stage.sessions_per_week, this_week, None),
        ]
        readiness = _conditions(stage, full, checks, state, (week + 1) * DAYS_PER_WEEK, settled)
    in_stage = sum(len(trained.get(w, set())) for w in range(stage_start, week + 1))
    routine = stage.routines[in_stage % len(stage.routines)]
    return Position(
        today=today,
        paused=paused,
        week=week,
        day=day,
        stage_index=stage_index,
        stage=stage,
        stage_week=week - stage_start,
        due=due,
        trained_today=trained_today,
        routine=routine,
        next_session=None
        if paused
        else (today if due else _next_day(stage, this_week, day, today)),
        done_this_week=min(len(this_week), stage.sessions_per_week),
        planned_this_week=stage.sessions_per_week,
        adherence=summarise(all_weeks),
        readiness=readiness,
        self_tests_due=() if paused else _tests_due(programme, state, results, week, today),
    )


def _tests_due(
    programme: Programme,
    state: ProgrammeState,
    results: Iterable[ResultLike],
    week: int,
    today: date,
) -> tuple[str, ...]:
    """Self-tests planned for ``week`` with no result since that week began."""
    done = {
        r.test_id
        for r in results
        if r.when.date() <= today
        and not state.is_paused_on(r.when.date())
        and state.active_days_before(r.when.date()) >= week * DAYS_PER_WEEK
        and r.when.date() >= state.started
    }
    return tuple(
        p.test_id for p in programme.self_tests if week in p.weeks and p.test_id not in done
    )


def _next_day(stage: Stage, trained: set[int], day: int, today: date) -> date:
    """The first day after ``today`` on which a session would be due if none is done before."""
    planned = scheduled_days(stage.sessions_per_week)
    done = len([d for d in trained if d <= day])
    for later in range(day + 1, DAYS_PER_WEEK):
        if done < len([d for d in planned if d <= later]):
            return today + timedelta(days=later - day)
    return today + timedelta(days=DAYS_PER_WEEK - day + planned[0])
