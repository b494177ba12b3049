"""What people type during a workout: the limits, the checks and the parsing of each entry.

Every refusal is an :class:`InvalidEntry` that names the :data:`EntryField` it belongs to, so
a screen can flag the right input without reading the message.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Literal

from glutetui.figures import KG_PER_LB
from glutetui.model import MAX_REPS, Range

MAX_REPS_DONE = 500
"""Most reps one entry may log (a lateral band walk can run long; a typo of 1200 cannot)."""
MAX_LOAD_KG = 1000.0
"""Heaviest load one entry may log: a tonne, beyond any hip machine or barbell lift."""
MAX_LOADS: dict[str, float] = {"kg": MAX_LOAD_KG, "lb": round(MAX_LOAD_KG / KG_PER_LB, 2)}
"""Heaviest load per unit: the same physical limit in each (2,204.62 lb), so a 1,100 lb set
that a real lifter logged is kept. Any other unit (a band, none) is held to the kg figure."""
MAX_LOAD = MAX_LOAD_KG
"""Heaviest load in kg (or a unit-less number)."""
MAX_UNIT_LENGTH = 40
"""Longest unit text (``band:`` and a colour) a set may log."""
MAX_WARMUP_SETS = 5
"""Most warm-up sets one exercise of a plan may have."""
MAX_PAIN = 10
"""Top of the 0–10 pain scale."""
RPE_RANGE = (1, 10)
"""Lowest and highest rate of perceived exertion."""
MAX_SET_SECONDS = 24 * 60 * 60
"""Longest time one set may log: a hold, a carry or a ride; a day or more is a typo."""
MAX_SET_NUMBER = 999
"""Highest number a logged set may carry among one exercise's sets in a session."""
YEARS = (1900, 9998)
"""First and last year a logged date may fall in: what every date sum, UTC conversion and
four-digit session id the app makes can hold."""

EntryField = Literal[
    "exercises", "sets", "warmup_sets", "reps", "load", "unit", "rpe", "pain", "seconds",
    "set_number", "date", "kind",
]  # fmt: skip
"""What an entry is about: a plan's exercises, an item's dose, or one value of a logged set."""

_NAMES: dict[EntryField, str] = {"sets": "sets", "warmup_sets": "warm-up sets"}


class RunnerError(Exception):
    """An action that does not apply to the runner's current state (nothing was changed)."""


class InvalidEntry(RunnerError, ValueError):
    """A value typed by the user that cannot be logged; the message says why, in plain words."""

    def __init__(self, field: EntryField, message: str) -> None:
        super().__init__(message)
        self.field: EntryField = field
        """The entry the value was meant for, for the screen to flag (never parse the message)."""


def max_load(unit: str | None) -> float:
    """The heaviest load that can be logged in ``unit`` (see :data:`MAX_LOADS`)."""
    return MAX_LOADS.get(unit or "kg", MAX_LOAD_KG)


def check_load(load: float, unit: str | None = None) -> float:
    """``load`` if it is a finite number from 0 to :func:`max_load` of ``unit``; else
    :class:`InvalidEntry`. Every entry, import and file read goes through this one check."""
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load):
        raise InvalidEntry("load", "load must be a number")
    top = max_load(unit)
    if not 0 <= load <= top:
        shown = unit if unit in MAX_LOADS else "kg"
        raise InvalidEntry("load", f"load must be from 0 to {top:g} {shown}")
    return float(load)


def check_reps(reps: int) -> int:
    """``reps`` if it is a whole number from 0 to :data:`MAX_REPS_DONE`."""
    if isinstance(reps, bool) or not isinstance(reps, int) or not 0 <= reps <= MAX_REPS_DONE:
        raise InvalidEntry("reps", f"reps must be a whole number from 0 to {MAX_REPS_DONE}")
    return reps


def plausible_reps(reps: int, target: Range) -> bool:
    """Whether ``reps`` could be what was meant for a target of ``target`` reps: up to twice the
    top of the range, and never less than 5 over it. Beyond that (35 for 8–12) it is more likely
    a load typed in the wrong field, so the screen asks once before logging it."""
    return reps <= max(2 * target[1], target[1] + 5)


def check_seconds(seconds: int | None) -> int | None:
    """``seconds`` if it is ``None`` or a whole number from 0 to :data:`MAX_SET_SECONDS`."""
    if seconds is not None and (
        isinstance(seconds, bool)
        or not isinstance(seconds, int)
        or not 0 <= seconds <= MAX_SET_SECONDS
    ):
        raise InvalidEntry("seconds", f"seconds must be a whole number from 0 to {MAX_SET_SECONDS}")
    return seconds


def check_set_number(number: int) -> int:
    """``number`` if it is a whole number from 1 to :data:`MAX_SET_NUMBER`."""
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_SET_NUMBER:
        raise InvalidEntry(
            "set_number", f"a set number must be a whole number from 1 to {MAX_SET_NUMBER}"
        )
    return number


def check_moment(moment: datetime) -> datetime:
    """``moment`` if its year is within :data:`YEARS` (with or without a UTC offset)."""
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise InvalidEntry("date", f"a date must fall in the years {YEARS[0]} to {YEARS[1]}")
    return moment


def check_unit(unit: str | None) -> str | None:
    """``unit`` if it can be logged: ``None``, or a short non-empty text (kg, lb, band:…)."""
    if unit is not None and (not isinstance(unit, str) or not unit or len(unit) > MAX_UNIT_LENGTH):
        raise InvalidEntry("unit", "unit must be kg, lb or band:<colour>")
    return unit


def check_rpe(rpe: int | None) -> int | None:
    """``rpe`` if it is ``None`` or a whole number within :data:`RPE_RANGE`."""
    if rpe is not None and (
        isinstance(rpe, bool) or not isinstance(rpe, int) or not RPE_RANGE[0] <= rpe <= RPE_RANGE[1]
    ):
        raise InvalidEntry("rpe", "RPE must be a whole number from 1 to 10")
    return rpe


def check_pain(pain: int | None) -> int | None:
    """``pain`` if it is ``None`` or a whole number from 0 to :data:`MAX_PAIN`."""
    if pain is not None and (
        isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= MAX_PAIN
    ):
        raise InvalidEntry("pain", "pain must be a whole number from 0 to 10")
    return pain


_NUMBER_UNIT = re.compile(r"(?P<num>[0-9]{1,7}(?:[.,][0-9]{1,3})?)\s*(?P<unit>kg|kgs|lb|lbs)?")
BAND_COLOURS = (
    "yellow", "red", "green", "blue", "black", "purple", "orange", "grey", "gray", "silver",
    "gold", "pink", "white", "brown",
)  # fmt: skip
"""Colours bands come in, understood alone (``red`` is the red band); any other colour needs
the word band (``teal band``), so a typo is refused rather than logged as a colour."""
_BAND = re.compile(
    r"(?:band\s*[:\s]\s*(?P<a>[a-z]+)|(?P<b>[a-z]+)\s+band|(?P<c>" + "|".join(BAND_COLOURS) + "))"
)


def parse_load(text: str, default_unit: str = "kg") -> tuple[float | None, str | None]:
    """Load typed by the user -> ``(load, unit)``.

    ``""`` -> ``(None, None)`` (bodyweight); ``"20"`` -> ``(20.0, default_unit)``;
    ``"45 lb"`` -> ``(45.0, "lb")``; ``"red band"``, ``"band red"``, ``"band:red"`` or a
    known colour alone (``"red"``) -> ``(None, "band:red")``.
    """
    text = " ".join(text.strip().lower().split())
    if not text:
        return (None, None)
    m = _NUMBER_UNIT.fullmatch(text)
    if m:
        unit = m["unit"].rstrip("s") if m["unit"] else default_unit
        return (check_load(float(m["num"].replace(",", ".")), unit), unit)
    m = _BAND.fullmatch(text)
    if m:
        return (None, f"band:{m['a'] or m['b'] or m['c']}")
    raise InvalidEntry(
        "load",
        f"load must be a number from 0 to {MAX_LOADS['kg']:g} kg or {MAX_LOADS['lb']:g} lb "
        "or a band colour like 'red band'",
    )


def parse_rpe(text: str) -> int | None:
    """RPE typed by the user: empty for none, else a whole number from 1 to 10."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", text) or not RPE_RANGE[0] <= int(text) <= RPE_RANGE[1]:
        raise InvalidEntry("rpe", "RPE must be a whole number from 1 to 10, or empty")
    return int(text)


def parse_whole(text: str, field: EntryField, lo: int, hi: int) -> int:
    """A whole number from ``lo`` to ``hi`` typed by the user for ``field`` (sets, warm-up sets)."""
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,6}", text) or not lo <= int(text) <= hi:
        name = _NAMES.get(field, field)
        raise InvalidEntry(field, f"{name} must be a whole number from {lo} to {hi}")
    return int(text)


def parse_range(text: str, hi: int = MAX_REPS, field: EntryField = "reps") -> Range:
    """Target reps: ``"8-12"`` or ``"8–12"`` -> ``(8, 12)``; ``"10"`` -> ``(10, 10)``; within
    1–``hi``. With ``field="seconds"``, a timed exercise's target seconds, said as such."""
    parts = [p.strip() for p in re.split(r"[-–]", text.strip())]
    if len(parts) not in (1, 2) or not all(re.fullmatch(r"[0-9]{1,6}", p) for p in parts):
        raise InvalidEntry(field, f"{field} must be a number like 10 or a range like 8-12")
    lo_v, hi_v = int(parts[0]), int(parts[-1])
    if not 1 <= lo_v <= hi_v <= hi:
        raise InvalidEntry(field, f"{field} must lie within 1–{hi}, the smaller number first")
    return (lo_v, hi_v)
