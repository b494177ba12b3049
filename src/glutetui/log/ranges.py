"""Every value of a session read from a file, checked against what glutetui itself could log.

A file is the user's and can be edited by hand: a load of 1e300, reps of -3 or 10^309, pain of
10^60 or a date in the year 1 are all valid TOML, and each one used to crash a view (the Balance
tab, ``glutetui log``, an export) or blank a tab for the whole history. Here such a file becomes
a reported problem like any unreadable file, with the key and the reason, and nothing past the
reader ever sees the value. The limits are :mod:`glutetui.workout.entries`' (the same ones a
typed entry and an import are held to), so what the app writes it always reads back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from glutetui.log.errors import LogFormatError
from glutetui.model import MAX_REPS, MAX_SETS, MAX_TIMED_SECONDS, Session
from glutetui.workout.entries import (
    MAX_LOADS,
    MAX_REPS_DONE,
    MAX_SET_NUMBER,
    MAX_SET_SECONDS,
    MAX_UNIT_LENGTH,
    MAX_WARMUP_SETS,
    RPE_RANGE,
    YEARS,
    InvalidEntry,
    check_load,
    check_moment,
    check_pain,
    check_reps,
    check_rpe,
    check_seconds,
    check_set_number,
    check_unit,
)

if TYPE_CHECKING:
    from pathlib import Path


def _within(
    path: Path | None, where: str, key: str, check: Callable[..., object], *values: Any
) -> None:
    try:
        check(*values)
    except InvalidEntry as exc:
        value = values[0]
        shown = value.isoformat() if isinstance(value, datetime) else repr(value)
        if len(shown) > 40:
            shown = shown[:39] + "…"
        at = f"{where}.{key}" if where else key
        raise LogFormatError(path, f"{at}: {shown}: {exc}") from None


def check_session(session: Session, path: Path | None = None) -> Session:
    """``session`` if every value is one glutetui could have logged; else
    :class:`LogFormatError` naming the key (``sets[3].reps``) and the range it must be in."""
    _within(path, "", "started_at", check_moment, session.started_at)
    if session.ended_at is not None:
        _within(path, "", "ended_at", check_moment, session.ended_at)
    for n, e in enumerate(session.exercises, 1):
        at = f"exercises[{n}]"
        _within(path, at, "pain", check_pain, e.pain)
        if e.planned_load is not None:
            _within(path, at, "planned_load", check_load, e.planned_load, e.planned_unit)
        _within(path, at, "planned_unit", check_unit, e.planned_unit)
        if e.target_sets is not None and not 1 <= e.target_sets <= MAX_SETS:
            raise LogFormatError(path, f"{at}.target_sets must be from 1 to {MAX_SETS}")
        if e.target_reps is not None and not 1 <= e.target_reps[0] <= e.target_reps[1] <= MAX_REPS:
            raise LogFormatError(path, f"{at}.target_reps must lie within 1–{MAX_REPS}, low first")
        held = e.target_seconds
        if held is not None and not 1 <= held[0] <= held[1] <= MAX_TIMED_SECONDS:
            raise LogFormatError(
                path, f"{at}.target_seconds must lie within 1–{MAX_TIMED_SECONDS}, low first"
            )
        if e.warmup_sets > MAX_WARMUP_SETS:
            raise LogFormatError(path, f"{at}.warmup_sets must be from 0 to {MAX_WARMUP_SETS}")
    lb, kg = MAX_LOADS["lb"], MAX_LOADS["kg"]
    first, last = YEARS
    for n, s in enumerate(session.sets, 1):
        # Sets are most of a file: the usual set passes in one expression (the same limits,
        # several times cheaper than a call per value); anything else gets the checks below,
        # which name what is wrong.
        load, unit, rpe, seconds, done = s.load, s.unit, s.rpe, s.seconds, s.finished_at
        if (
            1 <= s.set_number <= MAX_SET_NUMBER
            and 0 <= s.reps <= MAX_REPS_DONE
            and (load is None or 0 <= load <= (lb if unit == "lb" else kg))
            and (unit is None or 0 < len(unit) <= MAX_UNIT_LENGTH)
            and (rpe is None or RPE_RANGE[0] <= rpe <= RPE_RANGE[1])
            and (seconds is None or 0 <= seconds <= MAX_SET_SECONDS)
            and (done is None or first <= done.year <= last)
        ):
            continue
        at = f"sets[{n}]"
        _within(path, at, "set_number", check_set_number, s.set_number)
        _within(path, at, "reps", check_reps, s.reps)
        if s.load is not None:
            _within(path, at, "load", check_load, s.load, s.unit)
        _within(path, at, "unit", check_unit, s.unit)
        _within(path, at, "rpe", check_rpe, s.rpe)
        _within(path, at, "seconds", check_seconds, s.seconds)
        if s.finished_at is not None:
            _within(path, at, "finished_at", check_moment, s.finished_at)
    return session
