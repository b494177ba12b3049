"""The session file format: a :class:`~glutetui.model.Session` as TOML and back, versioned.

:func:`session_to_dict` produces plain values (str, int, float, bool, aware datetimes, lists and
dicts) that tomli-w writes as-is; keys whose value is ``None`` are left out, because TOML has no
null. :func:`session_from_dict` is strict about *types* and lenient about unknown keys (a newer
minor writer may add one): anything it cannot use raises :class:`LogFormatError` with a reason
a person can act on. :func:`parse_session_bytes` reads a whole file with rtoml, the fastest
reader that gives back exactly what tomli-w wrote (``bench/toml_readers.py`` compares them).
The full description is in ``docs/log-format.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NoReturn

import rtoml
import tomli_w

from glutetui.log.errors import LogFormatError
from glutetui.log.ranges import check_session
from glutetui.model import SET_KINDS, SIDES, ExerciseLog, Session, SetResult

FORMAT_VERSION = 1
"""Version of the session file format that this glutetui writes and the newest it reads."""

SUFFIX = ".toml"
STATUSES = ("in-progress", "complete", "incomplete")
_WORK_KINDS = ("drop", "failure")
"""Kinds a set with ``warmup = true`` cannot have (a file saying both is refused)."""

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


# --------------------------------------------------------------------------- reading

# Each table is read by a schema: (key, check, required, default). A check returns the value
# to keep or raises LogFormatError; one loop over a schema is several times cheaper than a
# method call per key, which matters when a new machine reads years of sessions at once.

_Check = Callable[[Any, str, str, Path | None], Any]
_Schema = tuple[tuple[str, _Check, bool, Any], ...]


def _fail(path: Path | None, reason: str) -> NoReturn:
    raise LogFormatError(path, reason)


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


def _text(value: Any, where: str, key: str, path: Path | None) -> str:
    if not isinstance(value, str):
        _fail(path, f"{where}.{key} must be text, not {_type_name(value)}")
    return value


def _whole(value: Any, where: str, key: str, path: Path | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(path, f"{where}.{key} must be a whole number, not {_type_name(value)}")
    return value


def _whole_from_0(value: Any, where: str, key: str, path: Path | None) -> int:
    number = _whole(value, where, key, path)
    if number < 0:
        _fail(path, f"{where}.{key} must be at least 0, not {number}")
    return number


def _number(value: Any, where: str, key: str, path: Path | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(path, f"{where}.{key} must be a number, not {_type_name(value)}")
    if not math.isfinite(value):
        _fail(path, f"{where}.{key} must be a finite number, not {value}")
    return float(value)


def _flag(value: Any, where: str, key: str, path: Path | None) -> bool:
    if not isinstance(value, bool):
        _fail(path, f"{where}.{key} must be true or false, not {_type_name(value)}")
    return value


_ZONES: dict[timedelta, timezone] = {timedelta(0): UTC}


def _plain_zone(value: datetime) -> datetime | None:
    """``value`` with a plain :class:`timezone` for its offset; ``None`` if it has none.

    rtoml gives its own tzinfo class; a plain timezone reads, compares and pickles like what
    every other part of glutetui makes (and what the index gives back).
    """
    tzinfo = value.tzinfo
    if type(tzinfo) is timezone:
        return value
    offset = value.utcoffset()
    if offset is None:
        return None
    zone = _ZONES.get(offset)
    if zone is None:
        zone = _ZONES.setdefault(offset, timezone(offset))
    # The constructor, not value.replace(tzinfo=...): a third of the cost, 26 times a file.
    v = value
    return datetime(v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond, zone)


def _moment(value: Any, where: str, key: str, path: Path | None) -> datetime:
    if not isinstance(value, datetime):
        _fail(
            path,
            f"{where}.{key} must be a date-time with offset (1979-05-27T07:32:00+01:00), "
            f"not {_type_name(value)}",
        )
    plain = _plain_zone(value)
    if plain is None:
        _fail(path, f"{where}.{key} must carry a UTC offset (like +01:00 or Z)")
    return plain


def _one_of(choices: tuple[str, ...]) -> _Check:
    def check(value: Any, where: str, key: str, path: Path | None) -> str:
        text = _text(value, where, key, path)
        if text not in choices:
            _fail(path, f"{where}.{key} must be one of {', '.join(choices)}, not {text!r}")
        return text

    return check


def _pair(value: Any, where: str, key: str, path: Path | None) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        _fail(path, f"{where}.{key} must be a pair of whole numbers like [8, 12]")
    return (value[0], value[1])


def _array(value: Any, where: str, key: str, path: Path | None) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"{where}.{key} must be an array, not {_type_name(value)}")
    return value


# The order of each schema is the order of the dataclass's fields.
_EXERCISE: _Schema = (
    ("exercise_id", _text, True, None),
    ("name", _text, True, None),
    ("per_side", _flag, False, False),
    ("target_sets", _whole, False, None),
    ("target_reps", _pair, False, None),
    ("pain", _whole, False, None),
    ("note", _text, False, ""),
    ("skipped", _flag, False, False),
    ("warmup_sets", _whole_from_0, False, 0),
    ("planned_load", _number, False, None),
    ("planned_unit", _text, False, None),
)
_SET: _Schema = (
    ("exercise_id", _text, True, None),
    ("set_number", _whole, True, None),
    ("reps", _whole, True, None),
    ("side", _one_of(SIDES), False, None),
    ("load", _number, False, None),
    ("unit", _text, False, None),
    ("rpe", _whole, False, None),
    ("warmup", _flag, False, False),
    ("finished_at", _moment, False, None),
    ("note", _text, False, ""),
    ("seconds", _whole_from_0, False, None),
    ("kind", _one_of(SET_KINDS), False, "work"),
)
_SESSION: _Schema = (
    ("id", _text, True, None),
    ("started_at", _moment, True, None),
    ("exercises", _array, False, []),
    ("sets", _array, False, []),
    ("ended_at", _moment, False, None),
    ("status", _one_of(STATUSES), True, None),
    ("note", _text, False, ""),
    ("routine_id", _text, False, None),
    ("cursor", _whole_from_0, False, 0),
    ("source", _text, False, "glutetui"),
)


def _set(raw: Any, number: int, path: Path | None) -> SetResult:
    """One ``[[sets]]`` table. Sets are most of a file, so the usual case (every value of the
    type tomli-w writes) is checked inline; anything else takes the schema, which gives the
    reason for what is wrong (tests/log/test_toml_format.py proves both agree)."""
    if type(raw) is dict:
        get = raw.get
        exercise_id, set_number, reps = get("exercise_id"), get("set_number"), get("reps")
        side, load, unit, rpe = get("side"), get("load"), get("unit"), get("rpe")
        warmup, finished_at, note = get("warmup", False), get("finished_at"), get("note", "")
        seconds, kind = get("seconds"), get("kind", "work")
        if (
            type(exercise_id) is str
            and type(set_number) is int
            and type(reps) is int
            and (side is None or (type(side) is str and side in SIDES))
            and (load is None or (type(load) is float and math.isfinite(load)))
            and (unit is None or type(unit) is str)
            and (rpe is None or type(rpe) is int)
            and type(warmup) is bool
            and type(note) is str
            and (
                finished_at is None
                or (type(finished_at) is datetime and (finished_at := _plain_zone(finished_at)))
            )
            and (seconds is None or (type(seconds) is int and seconds >= 0))
            and (kind == "work" or (type(kind) is str and kind in SET_KINDS))
            and not (warmup and kind in _WORK_KINDS)
        ):
            return SetResult(
                exercise_id,
                set_number,
                reps,
                side,
                load,
                unit,
                rpe,
                warmup,
                finished_at,
                note,
                seconds,
                kind,
            )
    values = _read(raw, _SET, f"sets[{number}]", path)
    if values[7] and values[11] in _WORK_KINDS:
        _fail(path, f"sets[{number}] is a warm-up (warmup = true) and a {values[11]} set at once")
    return SetResult(*values)


def _read(data: Any, schema: _Schema, where: str, path: Path | None) -> list[Any]:
    """The values of ``schema``'s keys in ``data``, checked; absent (or ``None``) means default."""
    if not isinstance(data, Mapping):
        _fail(path, f"{where} must be a table, not {_type_name(data)}")
    get = data.get
    values = []
    for key, check, required, default in schema:
        value = get(key)
        if value is None:
            if required:
                _fail(path, f"{where} is missing the key '{key}'")
            values.append(default)
        else:
            values.append(check(value, where, key, path))
    return values


def _items(data: Mapping[str, Any], key: str, path: Path | None) -> list[Any]:
    value = data.get(key)
    return [] if value is None else _array(value, "the file", key, path)


def _check_version(data: Mapping[str, Any], path: Path | None) -> None:
    version = data.get("format_version")
    if version is None:
        _fail(path, "it has no format_version, so it is not a glutetui session file")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        _fail(path, f"format_version must be a whole number from 1, not {_type_name(version)}")
    if version > FORMAT_VERSION:
        _fail(
            path,
            f"it was written by a newer glutetui (format {version}; this one reads up to "
            f"{FORMAT_VERSION}); upgrade glutetui to read it",
        )


def session_from_dict(data: Mapping[str, Any], path: Path | None = None) -> Session:
    """The :class:`Session` in ``data`` (a parsed session file); ``path`` is used in errors.

    Raises :class:`LogFormatError` on a missing key, a wrong type, an unknown status or side,
    or a ``format_version`` newer than :data:`FORMAT_VERSION`.
    """
    if not isinstance(data, Mapping):
        _fail(path, f"the file must be a table, not {_type_name(data)}")
    _check_version(data, path)
    exercises = tuple(
        ExerciseLog(*_read(raw, _EXERCISE, f"exercises[{i}]", path))
        for i, raw in enumerate(_items(data, "exercises", path), 1)
    )
    sets = tuple(_set(raw, i, path) for i, raw in enumerate(_items(data, "sets", path), 1))
    sid, started, _, _, ended, status, note, routine_id, cursor, source = _read(
        data, _SESSION, "the file", path
    )
    return Session(
        id=sid,
        started_at=started,
        exercises=exercises,
        sets=sets,
        ended_at=ended,
        status=status,
        note=note,
        routine_id=routine_id,
        cursor=cursor,
        source=source,
    )


def parse_session_bytes(raw: bytes, path: Path) -> Session:
    """Parse one session file's bytes; raises :class:`LogFormatError` with a plain reason."""
    if not raw.strip():
        raise LogFormatError(path, "the file is empty (a write may have been cut short)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LogFormatError(
            path, f"it is not UTF-8 text (bad byte at position {exc.start})"
        ) from None
    try:
        data = rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        raise LogFormatError(path, f"it is not valid TOML ({exc})") from None
    # Range-checked as well as typed: a value the app could not have logged makes the file a
    # reported problem, never a crash in a view later (log/ranges.py).
    session = check_session(session_from_dict(data, path), path)
    if session.id != path.stem:
        raise LogFormatError(
            path,
            f"its id {session.id!r} does not match its file name; rename it to {session.id}{SUFFIX}",
        )
    return session
