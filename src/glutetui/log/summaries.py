"""What one session amounts to in a list of sessions: :class:`SessionRow`, cheap to build.

The summary index in the cache dir holds one row per session file (in the compact form of
:func:`row_to_json`), so listing years of sessions never builds every set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from glutetui import figures
from glutetui.log.compact import iso
from glutetui.log.errors import FileProblem
from glutetui.model import Session

NOTE_PREVIEW = 120
"""Characters of a session's note kept in its summary (whitespace collapsed to single spaces)."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """What one session amounts to, for lists of sessions: small, and cheap to build.

    Derived from a :class:`Session` by :func:`session_row`.
    """

    id: str
    started_at: datetime
    ended_at: datetime | None
    last_set_at: datetime | None
    """When the last set with a finish time was finished (the end of an unfinished session)."""
    status: str
    source: str
    routine_id: str | None
    exercises: tuple[tuple[str, str], ...]
    """``(exercise id, name)`` of each exercise entry that was not skipped, in order."""
    skipped: tuple[tuple[str, str], ...]
    """``(exercise id, name)`` of each skipped exercise entry."""
    set_exercises: tuple[str, ...]
    """Distinct exercise ids of the logged sets (warm-ups included), in the order first logged."""
    worked: int
    """Exercises with at least one work set."""
    sets: int
    """Work sets, a per-side set counting once (:func:`glutetui.figures.work_sets`)."""
    reps: int
    """Reps of the work sets, both sides added up."""
    seconds: int
    """Seconds of the timed work sets (holds, planks), both sides added up
    (:func:`glutetui.figures.total_seconds`)."""
    max_pain: int | None
    """Highest pain reported for any exercise entry, ``None`` when none was."""
    note: str
    """The session's note, whitespace collapsed, at most :data:`NOTE_PREVIEW` characters."""

    @property
    def duration(self) -> timedelta | None:
        """End (or last set) minus start (:func:`glutetui.figures.duration`)."""
        return figures.duration(self.started_at, self.ended_at, self.last_set_at)


def session_row(session: Session) -> SessionRow:
    """The summary of ``session``."""
    sets = session.sets
    return SessionRow(
        id=session.id,
        started_at=session.started_at,
        ended_at=session.ended_at,
        last_set_at=figures.last_set_at(sets),
        status=session.status,
        source=session.source,
        routine_id=session.routine_id,
        exercises=tuple((e.exercise_id, e.name) for e in session.exercises if not e.skipped),
        skipped=tuple((e.exercise_id, e.name) for e in session.exercises if e.skipped),
        set_exercises=tuple(dict.fromkeys(s.exercise_id for s in sets)),
        worked=figures.worked_exercises(sets),
        sets=figures.work_sets(sets),
        reps=figures.total_reps(sets),
        seconds=figures.total_seconds(sets),
        max_pain=figures.max_pain(session.exercises),
        note=" ".join(session.note.split())[:NOTE_PREVIEW],
    )


def row_to_json(row: SessionRow) -> list[Any]:
    """A compact JSON-ready form of ``row`` for the summary index (not a public format)."""
    return [
        row.id,
        row.started_at.isoformat(),
        iso(row.ended_at),
        iso(row.last_set_at),
        row.status,
        row.source,
        row.routine_id,
        [list(e) for e in row.exercises],
        [list(e) for e in row.skipped],
        list(row.set_exercises),
        row.worked,
        row.sets,
        row.reps,
        row.seconds,
        row.max_pain,
        row.note,
    ]


def row_from_json(data: list[Any]) -> SessionRow:
    """The inverse of :func:`row_to_json`; raises ``ValueError``/``TypeError`` on a damaged row."""
    (sid, started, ended, last, status, source, routine_id, exercises, skipped, logged,
     worked, sets, reps, seconds, pain, note) = data  # fmt: skip
    return SessionRow(
        sid,
        datetime.fromisoformat(started),
        None if ended is None else datetime.fromisoformat(ended),
        None if last is None else datetime.fromisoformat(last),
        status,
        source,
        routine_id,
        tuple((i, n) for i, n in exercises),
        tuple((i, n) for i, n in skipped),
        tuple(logged),
        worked,
        sets,
        reps,
        seconds,
        pain,
        note,
    )


@dataclass(frozen=True)
class Summaries:
    """A :class:`SessionRow` per readable session, newest first, and every unreadable file."""

    rows: tuple[SessionRow, ...] = ()
    problems: tuple[FileProblem, ...] = field(default_factory=tuple)
    count: int = 0
    """Readable sessions in the log, whatever ``limit`` and ``where`` left out of ``rows``."""
