"""The session file format: a :class:`~glutetui.model.Session` as TOML and back, versioned.

:func:`session_to_dict` (in :mod:`glutetui.log.toml_writing`) produces plain values (str,
int, float, bool, aware datetimes, lists and dicts) that tomli-w writes as-is; keys whose value
is ``None`` are left out, because TOML has no null. :func:`session_from_dict` is strict about *types* and lenient about unknown keys (a newer
minor writer may add one): anything it cannot use raises :class:`LogFormatError` with a reason
a person can act on. :func:`parse_session_bytes` reads a whole file with :func:`glutetui.toml_reading.parse_toml`,
the fastest reader that gives back exactly what tomli-w wrote (``bench/toml_readers.py``).
The full description is in ``docs/log-format.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NoReturn

from glutetui.log.errors import LogFormatError
from glutetui.log.ranges import check_session
from glutetui.log.toml_writing import FORMAT_VERSION as FORMAT_VERSION
from glutetui.log.toml_writing import session_bytes as session_bytes
from glutetui.log.toml_writing import session_to_dict as session_to_dict
from glutetui.model import SET_KINDS, SIDES, ExerciseLog, Session, SetResult
from glutetui.toml_reading import TomlError, parse_toml

SUFFIX = ".toml"
STATUSES = ("in-progress", "complete", "incomplete")
_WORK_KINDS = ("drop", "failure")
"""Kinds a set with ``warmup = true`` cannot have (a file saying both is refused)."""

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
"""Plain zones by offset: a log's datetimes share a handful of offsets."""


def _plain_zone(value: datetime) -> datetime | None:
    """``value`` with a plain :class:`timezone` for its offset; ``None`` if it has none.

    The TOML readers give plain timezones already (the usual case, returned as it is); a
    datetime made elsewhere may carry another tzinfo, and a plain one reads, compares and
    pickles like what every other part of glutetui makes (and what the index gives back).
    """
    tzinfo = value.tzinfo
    if type(tzinfo) is timezone:  # a file's datetimes: a couple of dozen per session
        return value
    offset = value.utcoffset()
    if offset is None:
        return None
    zone = _ZONES.get(offset)
    if zone is None:
        zone = _ZONES.setdefault(offset, timezone(offset))
    # combine, not value.replace(tzinfo=...): a third of the cost.
    return datetime.combine(value, value.time(), zone)


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
    ("target_seconds", _pair, False, None),
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


_new = object.__new__
_set_fields = object.__setattr__
"""A checked value is stored as the instance's ``__dict__`` in one step: a frozen dataclass's
``__init__`` sets each field through ``object.__setattr__``, which costs more than the checks
and, at two dozen sets a file, most of a cold read. The objects are the same ones ``__init__``
makes (same fields, equal, same pickle); what ``__post_init__`` would do is done here too."""

_SET_DEFAULTS: dict[str, Any] = {
    "exercise_id": None,
    "set_number": None,
    "reps": None,
    "side": None,
    "load": None,
    "unit": None,
    "rpe": None,
    "warmup": False,
    "finished_at": None,
    "note": "",
    "seconds": None,
    "kind": "work",
}
_EXERCISE_DEFAULTS: dict[str, Any] = {
    "exercise_id": None,
    "name": None,
    "per_side": False,
    "target_sets": None,
    "target_reps": None,
    "target_seconds": None,
    "pain": None,
    "note": "",
    "skipped": False,
    "warmup_sets": 0,
    "planned_load": None,
    "planned_unit": None,
}


def _set(raw: Any, number: int, path: Path | None) -> SetResult:
    """One ``[[sets]]`` table. Sets are most of a file, so the usual case (only keys of a set,
    each value of the type tomli-w writes) is checked inline; anything else takes the schema,
    which gives the reason for what is wrong (tests/log/test_toml_format.py proves both agree)."""
    if type(raw) is dict:
        d = _SET_DEFAULTS | raw  # one dict, in the fields' order; an unknown key makes it longer
        finished_at, kind, warmup = d["finished_at"], d["kind"], d["warmup"]
        side, load, unit, rpe, seconds = d["side"], d["load"], d["unit"], d["rpe"], d["seconds"]
        if (
            len(d) == 12
            and type(d["exercise_id"]) is str
            and type(d["set_number"]) is int
            and type(d["reps"]) is int
            and (side is None or (type(side) is str and side in SIDES))
            and (load is None or (type(load) is float and math.isfinite(load)))
            and (unit is None or type(unit) is str)
            and (rpe is None or type(rpe) is int)
            and type(warmup) is bool
            and type(d["note"]) is str
            and (
                finished_at is None
                or (type(finished_at) is datetime and (finished_at := _plain_zone(finished_at)))
            )
            and (seconds is None or (type(seconds) is int and seconds >= 0))
            and (kind == "work" or (type(kind) is str and kind in SET_KINDS))
            and not (warmup and kind in _WORK_KINDS)
        ):
            d["finished_at"] = finished_at
            if warmup:  # SetResult.__post_init__: each of warmup and kind implies the other
                d["kind"] = "warm-up"
            elif kind == "warm-up":
                d["warmup"] = True
            made = _new(SetResult)
            _set_fields(made, "__dict__", d)
            return made
    values = _read(raw, _SET, f"sets[{number}]", path)
    if values[7] and values[11] in _WORK_KINDS:
        _fail(path, f"sets[{number}] is a warm-up (warmup = true) and a {values[11]} set at once")
    return SetResult(*values)


def _exercise(raw: Any, number: int, path: Path | None) -> ExerciseLog:
    """One ``[[exercises]]`` table: the usual case inline, as for sets; else the schema."""
    if type(raw) is dict:
        d = _EXERCISE_DEFAULTS | raw
        sets, reps, held, pain, load, unit = (
            d["target_sets"], d["target_reps"], d["target_seconds"], d["pain"],
            d["planned_load"], d["planned_unit"],
        )  # fmt: skip
        if (
            len(d) == 12
            and type(d["exercise_id"]) is str
            and type(d["name"]) is str
            and type(d["per_side"]) is bool
            and (sets is None or type(sets) is int)
            and (
                reps is None
                or (type(reps) is list and len(reps) == 2 and type(reps[0]) is type(reps[1]) is int)
            )
            and (
                held is None
                or (type(held) is list and len(held) == 2 and type(held[0]) is type(held[1]) is int)
            )
            and (pain is None or type(pain) is int)
            and type(d["note"]) is str
            and type(d["skipped"]) is bool
            and type(d["warmup_sets"]) is int
            and d["warmup_sets"] >= 0
            and (load is None or (type(load) is float and math.isfinite(load)))
            and (unit is None or type(unit) is str)
        ):
            if reps is not None:
                d["target_reps"] = (reps[0], reps[1])
            if held is not None:
                d["target_seconds"] = (held[0], held[1])
            made = _new(ExerciseLog)
            _set_fields(made, "__dict__", d)
            return made
    return ExerciseLog(*_read(raw, _EXERCISE, f"exercises[{number}]", path))


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
        _exercise(raw, i, path) for i, raw in enumerate(_items(data, "exercises", path), 1)
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
        data = parse_toml(text)
    except TomlError as exc:
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
