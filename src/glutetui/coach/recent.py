"""The sessions the coach needs, and no more: each exercise's newest few, read from the log.

The policy looks at an exercise's last :data:`~glutetui.coach.history.MAX_OUTINGS` sessions at
most, so reading ten years of history for a suggestion would be waste. The store's summary
index finds each exercise's newest sessions; only those files are decoded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glutetui.coach.history import MAX_OUTINGS
from glutetui.log import LogStore, SessionRow
from glutetui.log.errors import FileProblem, StoreError
from glutetui.model import Session


@dataclass(frozen=True)
class Recent:
    """The sessions found, oldest and newest mixed, and the files that could not be read."""

    sessions: tuple[Session, ...]
    problems: tuple[FileProblem, ...]


def recent_sessions(
    store: LogStore, exercise_ids: Iterable[str], per_exercise: int = MAX_OUTINGS
) -> Recent:
    """Each of ``exercise_ids``' newest ``per_exercise`` finished sessions with work in them
    (at least: sessions found for one exercise are kept for all)."""
    counts = dict.fromkeys(exercise_ids, 0)
    wanted: dict[str, None] = {}
    problems: dict[FileProblem, None] = {}
    short = set(counts)
    # Usually one pass: the newest sessions hold every exercise of the plan. Each pass scans
    # the log folder, so the passes after the first only look for the exercises still short.
    while short:
        looking = frozenset(short)

        def has(row: SessionRow, looking: frozenset[str] = looking) -> bool:
            return (
                row.status != "in-progress"
                and row.id not in wanted
                and not looking.isdisjoint(row.set_exercises)
            )

        found = store.summaries(limit=per_exercise, where=has)
        problems.update(dict.fromkeys(found.problems))
        for row in found.rows:
            wanted[row.id] = None
            for exercise_id in looking.intersection(row.set_exercises):
                counts[exercise_id] += 1
        if len(found.rows) < per_exercise:
            break  # the whole log was looked through
        short = {e for e in short if counts[e] < per_exercise}
    sessions = []
    for session_id in wanted:
        try:
            sessions.append(store.load(session_id))
        except StoreError as exc:
            # Gone or damaged since the index was read: report it like any unreadable file.
            problems[FileProblem(store.path_for(session_id), str(exc))] = None
    return Recent(tuple(sessions), tuple(problems))
