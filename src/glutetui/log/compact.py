"""The compact JSON form of a session kept in the derived session index (not a public format).

Positional rows keep the index small and fast to parse (a set is ~60 bytes instead of ~200).
:func:`session_from_json` trusts its input, which the store wrote itself from a file that had
passed :func:`glutetui.log.toml_format.session_from_dict`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from glutetui.model import ExerciseLog, Session, SetResult


def iso(value: datetime | None) -> str | None:
    """``value.isoformat()``, or ``None``."""
    return None if value is None else value.isoformat()


def from_iso(value: str | None) -> datetime | None:
    """The inverse of :func:`iso`."""
    return None if value is None else datetime.fromisoformat(value)


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return None if value is None else (value[0], value[1])


def session_to_json(session: Session) -> list[Any]:
    """A compact JSON-ready form of ``session`` for the index (not a public format)."""
    return [
        session.id,
        session.started_at.isoformat(),
        iso(session.ended_at),
        session.status,
        session.note,
        session.routine_id,
        session.cursor,
        session.source,
        [
            [
                e.exercise_id,
                e.name,
                e.per_side,
                e.target_sets,
                None if e.target_reps is None else list(e.target_reps),
                None if e.target_seconds is None else list(e.target_seconds),
                e.pain,
                e.note,
                e.skipped,
                e.warmup_sets,
                e.planned_load,
                e.planned_unit,
            ]
            for e in session.exercises
        ],
        [
            [
                s.exercise_id,
                s.set_number,
                s.reps,
                s.side,
                s.load,
                s.unit,
                s.rpe,
                s.warmup,
                iso(s.finished_at),
                s.note,
                s.seconds,
                s.kind,
            ]
            for s in session.sets
        ],
    ]


def session_from_json(row: list[Any]) -> Session:
    """The inverse of :func:`session_to_json`; raises ``ValueError``/``TypeError`` on a damaged row."""
    sid, started, ended, status, note, routine_id, cursor, source, exercises, sets = row
    return Session(
        id=sid,
        started_at=datetime.fromisoformat(started),
        exercises=tuple(
            ExerciseLog(x, n, ps, ts, _pair(tr), _pair(th), p, nt, sk, w, pl, pu)
            for x, n, ps, ts, tr, th, p, nt, sk, w, pl, pu in exercises
        ),
        sets=tuple(
            SetResult(x, sn, rp, sd, ld, u, rpe, w, from_iso(f), nt, sec, k)
            for x, sn, rp, sd, ld, u, rpe, w, f, nt, sec, k in sets
        ),
        ended_at=from_iso(ended),
        status=status,
        note=note,
        routine_id=routine_id,
        cursor=cursor,
        source=source,
    )
