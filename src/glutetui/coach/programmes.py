"""Programmes: named, staged plans of routines over weeks, and what it takes to move on.

A :class:`Programme` is a list of :class:`Stage`\\ s. Each stage names the routine(s) to do,
how many sessions a week, and :class:`Criteria` for moving on to the next stage. Plugins
register programmes through the ``register_programmes`` hook and people write them as TOML files
(:mod:`glutetui.coach.programmes_files`); both are checked by :func:`programme_problems`.

Everything here is plain data; the schedule (what is due, which stage is current) lives in
:mod:`glutetui.coach.programmes_schedule` and adherence in :mod:`glutetui.coach.adherence`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glutetui.model import SLUG_RE

MAX_STAGES = 20
MAX_STAGE_WEEKS = 52
MAX_SESSIONS_PER_WEEK = 7
MAX_SETTLED_CHECKINS = 28
MAX_TEST_WEEK = 520
DAYS_PER_WEEK = 7


def _as_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Criteria:
    """When a stage is done and the next one starts (every condition must hold).

    The stage moves on at the first end of a programme week at which all of these hold.
    """

    min_weeks: int = 1
    """Whole programme weeks spent in the stage, at least."""
    settled_checkins: int = 0
    """This many next-morning check-ins, the latest ones, all settled (0: not asked)."""
    min_adherence: float = 0.0
    """Share of the stage's planned sessions done, from 0 to 1 (0: not asked)."""


@dataclass(frozen=True)
class Stage:
    """One stage of a programme."""

    name: str
    routines: tuple[str, ...]
    """Routine ids, done in turn: the first session uses the first routine, and so on."""
    sessions_per_week: int = 3
    advance: Criteria = Criteria()
    note: str = ""
    """One line for the person (what this stage is for)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "routines", _as_tuple(self.routines))


@dataclass(frozen=True)
class SelfTestSchedule:
    """A self-test to do in some programme weeks (0 is the first week)."""

    test_id: str
    weeks: tuple[int, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "weeks", tuple(self.weeks))


@dataclass(frozen=True)
class Programme:
    """A named, staged plan. The last stage goes on until the programme is ended."""

    id: str
    """Stable slug: the state file refers to it."""
    name: str
    stages: tuple[Stage, ...]
    summary: str = ""
    source: str = ""
    """Where its doses and rules come from, shown with it."""
    self_tests: tuple[SelfTestSchedule, ...] = ()
    """Self-tests due in given programme weeks."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "self_tests", tuple(self.self_tests))


class InvalidProgrammeError(ValueError):
    """A programme whose values make no sense; the message lists every problem."""


def scheduled_days(sessions_per_week: int) -> tuple[int, ...]:
    """Days of a programme week (0 = the weekday it started on) with a planned session.

    Spread evenly, so that rest days fall between sessions: 3 a week gives days 0, 2 and 4.
    """
    return tuple(i * DAYS_PER_WEEK // sessions_per_week for i in range(sessions_per_week))


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def stage_problems(stage: object, label: str) -> list[str]:
    """Every reason ``stage`` cannot be part of a programme (``label`` names it)."""
    if not isinstance(stage, Stage):
        return [f"{label} must be a glutetui Stage, not {type(stage).__name__}"]
    problems: list[str] = []
    if not isinstance(stage.name, str) or not stage.name.strip():
        problems.append(f"{label} needs a name")
    if not stage.routines:
        problems.append(f"{label} needs at least one routine")
    for routine in stage.routines:
        if not isinstance(routine, str) or not SLUG_RE.fullmatch(routine):
            problems.append(f"{label} routine {routine!r} is not a routine id")
    if not _int_in(stage.sessions_per_week, 1, MAX_SESSIONS_PER_WEEK):
        problems.append(
            f"{label} sessions_per_week must be a whole number from 1 to {MAX_SESSIONS_PER_WEEK}, not {stage.sessions_per_week!r}"
        )
    if not isinstance(stage.note, str):
        problems.append(f"{label} note must be text")
    criteria = stage.advance
    if not isinstance(criteria, Criteria):
        return [*problems, f"{label} advance must be a Criteria"]
    if not _int_in(criteria.min_weeks, 1, MAX_STAGE_WEEKS):
        problems.append(
            f"{label} min_weeks must be a whole number from 1 to {MAX_STAGE_WEEKS}, not {criteria.min_weeks!r}"
        )
    if not _int_in(criteria.settled_checkins, 0, MAX_SETTLED_CHECKINS):
        problems.append(
            f"{label} settled_checkins must be a whole number from 0 to {MAX_SETTLED_CHECKINS}, not {criteria.settled_checkins!r}"
        )
    share = criteria.min_adherence
    if (
        not isinstance(share, int | float)
        or isinstance(share, bool)
        or not 0 <= share <= 1
        or share != share
    ):
        problems.append(f"{label} min_adherence must be a share from 0 to 1, not {share!r}")
    return problems


def programme_problems(programme: object, known_routines: Iterable[str] | None = None) -> list[str]:
    """Every reason ``programme`` cannot be offered; empty when it is fine.

    With ``known_routines``, a stage naming a routine nobody registered is a problem too.
    """
    if not isinstance(programme, Programme):
        return [f"expected a glutetui Programme, got {type(programme).__name__}"]
    problems: list[str] = []
    if not isinstance(programme.id, str) or not SLUG_RE.fullmatch(programme.id):
        problems.append(f"id {programme.id!r} must be a slug like 'hip-basics' (a-z, 0-9, hyphens)")
    if not isinstance(programme.name, str) or not programme.name.strip():
        problems.append("name must not be empty")
    for label, text in (("summary", programme.summary), ("source", programme.source)):
        if not isinstance(text, str):
            problems.append(f"{label} must be text")
    if not programme.stages:
        problems.append("needs at least one stage")
    if len(programme.stages) > MAX_STAGES:
        problems.append(f"has {len(programme.stages)} stages; at most {MAX_STAGES}")
    for plan in programme.self_tests:
        if not isinstance(plan, SelfTestSchedule):
            problems.append(f"self_tests entry {plan!r} must be a SelfTestSchedule")
            continue
        if not isinstance(plan.test_id, str) or not SLUG_RE.fullmatch(plan.test_id):
            problems.append(f"self-test {plan.test_id!r} is not a self-test id")
        if not plan.weeks or not all(_int_in(w, 0, MAX_TEST_WEEK) for w in plan.weeks):
            problems.append(
                f"self-test {plan.test_id!r} weeks must be whole numbers from 0 to {MAX_TEST_WEEK}"
            )
    known = None if known_routines is None else set(known_routines)
    for number, stage in enumerate(programme.stages, 1):
        label = f"stage {number}"
        found = stage_problems(stage, label)
        problems += found
        if known is not None and not found:
            missing = [r for r in stage.routines if r not in known]
            if missing:
                problems.append(f"{label} uses routines nobody registered: {', '.join(missing)}")
    return problems


def check_programme(programme: object, known_routines: Iterable[str] | None = None) -> Programme:
    """``programme`` if it is valid; raises :class:`InvalidProgrammeError` listing every problem."""
    problems = programme_problems(programme, known_routines)
    if problems:
        raise InvalidProgrammeError("; ".join(problems))
    assert isinstance(programme, Programme)
    return programme
