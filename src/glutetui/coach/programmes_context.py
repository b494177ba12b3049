"""Everything a view needs to show where a person stands in their programme, read in one go.

Loads the plugins (for their routines and programmes), the programme files, the state file and
the log's summaries, and works out the :class:`~glutetui.coach.programmes_schedule.Position`.
Used by ``glutetui programme``, ``glutetui due``, ``glutetui log --adherence`` and the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from glutetui.coach.checkins import CheckIns
from glutetui.coach.programmes import Programme
from glutetui.coach.programmes_registry import Programmes, collect
from glutetui.coach.programmes_schedule import Position, position
from glutetui.coach.programmes_state import ProgrammeState, ProgrammeStateError, load_state
from glutetui.coach.selftests import SelfTest, SelfTestResult
from glutetui.paths import Paths


@dataclass(frozen=True)
class ProgrammeContext:
    """The programmes on offer, the one followed (if any) and where the person stands."""

    offered: Programmes
    routine_names: dict[str, str]
    """Routine id -> name, for showing."""
    state: ProgrammeState | None
    programme: Programme | None
    position: Position | None
    problems: tuple[tuple[str, str], ...]
    """``(source, reason)`` for plugins and files that were left out."""
    self_tests: dict[str, SelfTest]
    results: tuple[SelfTestResult, ...]
    """Every readable self-test result, oldest first."""
    checkins: CheckIns = field(default_factory=CheckIns)
    """Every readable next-morning check-in, newest first (unreadable files among ``problems``)."""


@dataclass(frozen=True)
class Offer:
    """What the plugins and files offer: programmes, routine names and self-tests."""

    programmes: Programmes
    routine_names: dict[str, str]
    self_tests: dict[str, SelfTest]
    problems: tuple[tuple[str, str], ...]


def offered(paths: Paths) -> Offer:
    """Every programme and self-test on offer, routine names, and every problem on the way."""
    from glutetui.coach.selftests_registry import collect_self_tests
    from glutetui.plugins import load_plugins
    from glutetui.userfiles.catalog import with_user_files

    result = with_user_files(load_plugins(), paths.config_root)
    routines = {rid: r.name for rid, r in result.catalog.routines.items()}
    programmes = collect(result.manager, paths.config_root, set(routines))
    tests, test_problems = collect_self_tests(result.manager)
    problems = (*result.problems, *programmes.problems, *test_problems)
    return Offer(programmes, routines, tests, problems)


def read_training_days(paths: Paths, since: date) -> set[date]:
    """Training days on or after ``since``, from the log's summaries."""
    from glutetui.coach.adherence import training_days_of_rows
    from glutetui.log import LogStore

    found = LogStore(paths).summaries(where=lambda row: row.started_at.date() >= since)
    return training_days_of_rows(found.rows)


def load_context(paths: Paths, today: date, checkins: CheckIns | None = None) -> ProgrammeContext:
    """Read what is needed and work out the position on ``today``.

    The next-morning check-ins are read from ``checkins/`` unless given; whether one is settled
    follows the pain zones of ``settings.toml``. Raises :class:`ProgrammeStateError` when the
    state file is damaged, or names a programme that is no longer on offer.
    """
    from glutetui.coach.checkins import read_all
    from glutetui.coach.selftests_store import read_results
    from glutetui.settings import load_settings

    offer = offered(paths)
    results, unreadable = read_results(paths.config_root, offer.self_tests)
    found = read_all(paths) if checkins is None else checkins
    unread_checkins = tuple((str(p.path), p.reason) for p in found.problems)
    problems = (*offer.problems, *unreadable, *unread_checkins)
    state = load_state(paths.config_root)

    def context(
        state: ProgrammeState | None, programme: Programme | None, where: Position | None
    ) -> ProgrammeContext:
        return ProgrammeContext(
            offer.programmes,
            offer.routine_names,
            state,
            programme,
            where,
            problems,
            offer.self_tests,
            tuple(results),
            found,
        )

    if state is None:
        return context(None, None, None)
    programme = offer.programmes.by_id.get(state.programme_id)
    if programme is None:
        raise ProgrammeStateError(
            f"you follow programme {state.programme_id!r}, which is no longer installed or readable; "
            "reinstall it, fix its file, or run `glutetui programme end`"
        )
    days = read_training_days(paths, state.started)
    settings = load_settings(paths.settings_file).settings
    where = position(programme, state, days, found.items, today, settings=settings, results=results)
    return context(state, programme, where)
