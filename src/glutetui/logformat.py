"""The session file format: a :class:`~glutetui.model.Session` as a TOML-ready dict and back.

``session_to_dict`` produces plain values (str, int, float, bool, aware datetimes, lists and
dicts) that tomli-w writes as-is; keys whose value is ``None`` are left out, because TOML has no
null. ``session_from_dict`` is strict about *types* and lenient about unknown keys (a newer
minor writer may add one): anything it cannot use raises :class:`LogFormatError` with a reason
a person can act on. The full description is in ``docs/log-format.md``.

This module also holds the compact JSON form used by the derived index in the cache dir
(``session_to_json`` / ``session_from_json``); it trusts its input, which the store wrote itself
from a file that had passed ``session_from_dict``. :class:`SessionRow` is the small summary of a
session kept in the summary index (``session_row``, ``row_to_json`` / ``row_from_json``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from glutetui import figures
from glutetui.errors import GlutetuiError
from glutetui.model import ExerciseLog, Session, SetResult

FORMAT_VERSION = 1
"""Version of the session file format that this glutetui writes and the newest it reads."""

STATUSES = ("in-progress", "complete", "incomplete")
SIDES = ("left", "right")


class LogFormatError(GlutetuiError, ValueError):
    """A session file's content cannot be used; ``reason`` says why, ``path`` says where."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f"{path}: " if path is not None else ""
        super().__init__(f"{where}{reason}")


# --------------------------------------------------------------------------- writing


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
    return d


def _exercise_to_dict(e: ExerciseLog) -> dict[str, Any]:
    d: dict[str, Any] = {"exercise_id": e.exercise_id, "name": e.name, "per_side": e.per_side}
    if e.target_sets is not None:
        d["target_sets"] = e.target_sets
    if e.target_reps is not None:
        d["target_reps"] = list(e.target_reps)
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


# --------------------------------------------------------------------------- reading


class _Reader:
    """Typed access to one table, naming the table in every complaint."""

    def __init__(self, data: Any, where: str, path: Path | None) -> None:
        self.where = where
        self.path = path
        if not isinstance(data, Mapping):
            self.fail(f"{where} must be a table, not {_type_name(data)}")
        self.data = data

    def fail(self, reason: str) -> Any:
        raise LogFormatError(self.path, reason)

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                self.fail(f"{self.where} is missing the key '{key}'")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = False, default: str | None = "") -> str | None:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(f"{self.where}.{key} must be text, not {_type_name(value)}")
        return value

    def integer(self, key: str, *, required: bool = False, lo: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{self.where}.{key} must be a whole number, not {_type_name(value)}")
        if lo is not None and value < lo:
            self.fail(f"{self.where}.{key} must be at least {lo}, not {value}")
        return value

    def number(self, key: str) -> float | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{self.where}.{key} must be a number, not {_type_name(value)}")
        if not math.isfinite(value):
            self.fail(f"{self.where}.{key} must be a finite number, not {value}")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"{self.where}.{key} must be true or false, not {_type_name(value)}")
        return value

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, datetime):
            self.fail(
                f"{self.where}.{key} must be a date-time with offset (1979-05-27T07:32:00+01:00), "
                f"not {_type_name(value)}"
            )
        if value.tzinfo is None:
            self.fail(f"{self.where}.{key} must carry a UTC offset (like +01:00 or Z)")
        return value

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = False) -> str | None:
        value = self.text(key, required=required, default=None)
        if value is not None and value not in choices:
            self.fail(f"{self.where}.{key} must be one of {', '.join(choices)}, not {value!r}")
        return value

    def array(self, key: str) -> list[Any]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{self.where}.{key} must be an array, not {_type_name(value)}")
        return value


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the whole number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _check_version(r: _Reader) -> None:
    version = r._get("format_version", False)
    if version is None:
        r.fail("it has no format_version, so it is not a glutetui session file")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        r.fail(f"format_version must be a whole number from 1, not {_type_name(version)}")
    if version > FORMAT_VERSION:
        r.fail(
            f"it was written by a newer glutetui (format {version}; this one reads up to "
            f"{FORMAT_VERSION}); upgrade glutetui to read it"
        )


def session_from_dict(data: Mapping[str, Any], path: Path | None = None) -> Session:
    """The :class:`Session` in ``data`` (a parsed session file); ``path`` is used in errors.

    Raises :class:`LogFormatError` on a missing key, a wrong type, an unknown status or side,
    or a ``format_version`` newer than :data:`FORMAT_VERSION`.
    """
    r = _Reader(data, "the file", path)
    _check_version(r)
    exercises = []
    for i, raw in enumerate(r.array("exercises"), 1):
        e = _Reader(raw, f"exercises[{i}]", path)
        target_reps = e._get("target_reps", False)
        if target_reps is not None:
            if (
                not isinstance(target_reps, list)
                or len(target_reps) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in target_reps)
            ):
                e.fail(f"{e.where}.target_reps must be a pair of whole numbers like [8, 12]")
            target_reps = (target_reps[0], target_reps[1])
        exercises.append(
            ExerciseLog(
                exercise_id=e.text("exercise_id", required=True),  # type: ignore[arg-type]
                name=e.text("name", required=True),  # type: ignore[arg-type]
                per_side=e.flag("per_side"),
                target_sets=e.integer("target_sets"),
                target_reps=target_reps,
                pain=e.integer("pain"),
                note=e.text("note"),  # type: ignore[arg-type]
                skipped=e.flag("skipped"),
                warmup_sets=e.integer("warmup_sets", lo=0) or 0,
                planned_load=e.number("planned_load"),
                planned_unit=e.text("planned_unit", default=None),
            )
        )
    sets = []
    for i, raw in enumerate(r.array("sets"), 1):
        s = _Reader(raw, f"sets[{i}]", path)
        sets.append(
            SetResult(
                exercise_id=s.text("exercise_id", required=True),  # type: ignore[arg-type]
                set_number=s.integer("set_number", required=True),  # type: ignore[arg-type]
                reps=s.integer("reps", required=True),  # type: ignore[arg-type]
                side=s.choice("side", SIDES),  # type: ignore[arg-type]
                load=s.number("load"),
                unit=s.text("unit", default=None),
                rpe=s.integer("rpe"),
                warmup=s.flag("warmup"),
                finished_at=s.moment("finished_at"),
                note=s.text("note"),  # type: ignore[arg-type]
            )
        )
    return Session(
        id=r.text("id", required=True),  # type: ignore[arg-type]
        started_at=r.moment("started_at", required=True),  # type: ignore[arg-type]
        exercises=tuple(exercises),
        sets=tuple(sets),
        ended_at=r.moment("ended_at"),
        status=r.choice("status", STATUSES, required=True),  # type: ignore[arg-type]
        note=r.text("note"),  # type: ignore[arg-type]
        routine_id=r.text("routine_id", default=None),
        cursor=r.integer("cursor", lo=0) or 0,
        source=r.text("source", default="glutetui"),  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- index form

# Positional rows keep the index small and fast to parse (a set is ~60 bytes instead of ~200).


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def session_to_json(session: Session) -> list[Any]:
    """A compact JSON-ready form of ``session`` for the index (not a public format)."""
    return [
        session.id,
        session.started_at.isoformat(),
        _iso(session.ended_at),
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
                _iso(s.finished_at),
                s.note,
            ]
            for s in session.sets
        ],
    ]


def session_from_json(row: list[Any]) -> Session:
    """The inverse of :func:`session_to_json`."""
    sid, started, ended, status, note, routine_id, cursor, source, exercises, sets = row
    return Session(
        id=sid,
        started_at=datetime.fromisoformat(started),
        exercises=tuple(
            # Rows of an index written before planned_load/planned_unit have 9 fields.
            ExerciseLog(x, n, ps, ts, None if tr is None else (tr[0], tr[1]), p, nt, sk, w, *more)
            for x, n, ps, ts, tr, p, nt, sk, w, *more in exercises
        ),
        sets=tuple(
            SetResult(x, sn, rp, sd, ld, u, rpe, w, _from_iso(f), nt)
            for x, sn, rp, sd, ld, u, rpe, w, f, nt in sets
        ),
        ended_at=_from_iso(ended),
        status=status,
        note=note,
        routine_id=routine_id,
        cursor=cursor,
        source=source,
    )


# --------------------------------------------------------------------------- summary rows

NOTE_PREVIEW = 120
"""Characters of a session's note kept in its summary (whitespace collapsed to single spaces)."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """What one session amounts to, for lists of sessions: small, and cheap to build.

    Derived from a :class:`Session` by :func:`session_row`; the summary index in the cache dir
    holds one per session file, so listing years of sessions never builds every set.
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
    entries: int
    """Work set entries, each side its own (kept for the index's layout; no view shows it)."""
    reps: int
    """Reps of the work sets, both sides added up."""
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
    totals = figures.session_figures(session)
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
        worked=totals.exercises,
        sets=totals.work_sets,
        entries=sum(1 for s in sets if not s.warmup),
        reps=totals.reps,
        max_pain=totals.max_pain,
        note=" ".join(session.note.split())[:NOTE_PREVIEW],
    )


def row_to_json(row: SessionRow) -> list[Any]:
    """A compact JSON-ready form of ``row`` for the summary index (not a public format)."""
    return [
        row.id,
        row.started_at.isoformat(),
        _iso(row.ended_at),
        _iso(row.last_set_at),
        row.status,
        row.source,
        row.routine_id,
        [list(e) for e in row.exercises],
        [list(e) for e in row.skipped],
        list(row.set_exercises),
        row.worked,
        row.sets,
        row.entries,
        row.reps,
        row.max_pain,
        row.note,
    ]


def row_from_json(data: list[Any]) -> SessionRow:
    """The inverse of :func:`row_to_json`; raises ``ValueError``/``TypeError`` on a damaged row."""
    (sid, started, ended, last, status, source, routine_id, exercises, skipped, logged,
     worked, sets, entries, reps, pain, note) = data  # fmt: skip
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
        entries,
        reps,
        pain,
        note,
    )
