"""Writing a session file: a :class:`~glutetui.model.Session` as the plain values tomli-w
writes (keys whose value is ``None`` left out: TOML has no null). Reading it back is
:mod:`glutetui.log.toml_format`'s job; ``docs/log-format.md`` describes the format."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import tomli_w

from glutetui.model import ExerciseLog, Session, SetResult

FORMAT_VERSION = 1
"""Version of the session file format that this glutetui writes and the newest it reads."""


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value.isoformat()}")
    return value


def _set_to_dict(s: SetResult) -> dict[str, Any]:
    d: dict[str, Any] = {"exercise_id": s.exercise_id, "set_number": s.set_number, "reps": s.reps}
    if s.side is not None:
        d["side"] = s.side
    if s.load is not None:
        if not math.isfinite(s.load):
            raise ValueError(f"load must be a finite number, got {s.load!r}")
        d["load"] = s.load
    if s.unit is not None:
        d["unit"] = s.unit
    if s.rpe is not None:
        d["rpe"] = s.rpe
    if s.warmup:
        d["warmup"] = True
    if s.finished_at is not None:
        d["finished_at"] = _aware(s.finished_at, "finished_at")
    if s.note:
        d["note"] = s.note
    if s.seconds is not None:
        d["seconds"] = s.seconds
    if s.kind in ("drop", "failure"):  # a warm-up is written as `warmup`, which every version reads
        d["kind"] = s.kind
    return d


def _exercise_to_dict(e: ExerciseLog) -> dict[str, Any]:
    d: dict[str, Any] = {"exercise_id": e.exercise_id, "name": e.name, "per_side": e.per_side}
    if e.target_sets is not None:
        d["target_sets"] = e.target_sets
    if e.target_reps is not None:
        d["target_reps"] = list(e.target_reps)
    if e.target_seconds is not None:
        d["target_seconds"] = list(e.target_seconds)
    if e.pain is not None:
        d["pain"] = e.pain
    if e.note:
        d["note"] = e.note
    if e.skipped:
        d["skipped"] = True
    if e.warmup_sets:
        d["warmup_sets"] = e.warmup_sets
    if e.planned_load is not None:
        d["planned_load"] = e.planned_load
    if e.planned_unit is not None:
        d["planned_unit"] = e.planned_unit
    return d


def session_to_dict(session: Session) -> dict[str, Any]:
    """``session`` as a dict ready for :func:`tomli_w.dumps`, with ``format_version`` first.

    Raises :class:`ValueError` for values no file may hold (naive datetimes, non-finite loads).
    """
    d: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "id": session.id,
        "status": session.status,
        "started_at": _aware(session.started_at, "started_at"),
    }
    if session.ended_at is not None:
        d["ended_at"] = _aware(session.ended_at, "ended_at")
    if session.routine_id is not None:
        d["routine_id"] = session.routine_id
    d["cursor"] = session.cursor
    d["source"] = session.source
    if session.note:
        d["note"] = session.note
    d["exercises"] = [_exercise_to_dict(e) for e in session.exercises]
    d["sets"] = [_set_to_dict(s) for s in session.sets]
    return d


def session_bytes(session: Session) -> bytes:
    """The file content for ``session`` (UTF-8 TOML); raises ``ValueError``/``TypeError``."""
    return tomli_w.dumps(session_to_dict(session)).encode("utf-8")
