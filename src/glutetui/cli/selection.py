"""Which sessions ``--since DATE`` and ``--exercise ID`` keep, for ``log`` and ``export``.

An exercise is chosen by id or by name (``--exercise Clamshell``); a name is compared by its
slug, so an exercise imported under a name that no plugin knows can be chosen by that name.
"""

from __future__ import annotations

import argparse
from datetime import date

from glutetui.cli.names import slug

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from datetime import datetime

    from glutetui.log import SessionRow
    from glutetui.model import Session, SetResult


def date_arg(text: str) -> date:
    """``--since``'s value: a date like 2026-01-31."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _wanted(exercise: str | None) -> set[str] | None:
    return None if exercise is None else {exercise, slug(exercise)}


def _keeps(
    since: date | None,
    wanted: set[str] | None,
    started_at: datetime,
    named: Iterable[tuple[str, str]],
    set_ids: Iterable[str],
) -> bool:
    """One session, told by its start, its ``(id, name)`` entries and its sets' ids."""
    if since is not None and _local_day(started_at) < since:
        return False
    return wanted is None or (
        any(i in wanted or slug(n) in wanted for i, n in named) or any(i in wanted for i in set_ids)
    )


def row_matcher(since: date | None, exercise: str | None) -> Callable[[SessionRow], bool] | None:
    """What ``--since`` and ``--exercise`` keep, as a test on summary rows (``None``: all)."""
    if since is None and exercise is None:
        return None
    wanted = _wanted(exercise)

    def keep(row: SessionRow) -> bool:
        named = (*row.exercises, *row.skipped)
        return _keeps(since, wanted, row.started_at, named, row.set_exercises)

    return keep


def select_sessions(
    sessions: Iterable[Session], since: date | None, exercise: str | None
) -> Iterator[Session]:
    """The sessions ``--since`` and ``--exercise`` keep, as :func:`row_matcher` does."""
    wanted = _wanted(exercise)
    for s in sessions:
        named = ((e.exercise_id, e.name) for e in s.exercises)
        if _keeps(since, wanted, s.started_at, named, (x.exercise_id for x in s.sets)):
            yield s


def _exercise_ids(session: Session, wanted: set[str]) -> set[str]:
    """The ids in ``session`` that ``--exercise`` names, by id or by name."""
    ids = {
        e.exercise_id
        for e in session.exercises
        if e.exercise_id in wanted or slug(e.name) in wanted
    }
    return ids | (wanted & {s.exercise_id for s in session.sets})


def select_sets(
    sessions: Iterable[Session], exercise: str | None
) -> Iterator[tuple[Session, SetResult]]:
    """Each set (of ``exercise`` only, if given) with its session: oldest session first, sets
    in the order logged."""
    wanted = _wanted(exercise)
    for s in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        only = None if wanted is None else _exercise_ids(s, wanted)
        for x in s.sets:
            if only is None or x.exercise_id in only:
                yield s, x
