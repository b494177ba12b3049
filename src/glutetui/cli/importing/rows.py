"""Typed cells of one row of an export, checked against what the log can hold.

Every value goes through the same checks the app applies to what people type
(:mod:`glutetui.workout.entries`), so an import refuses what the app itself could never have
written, and says where: ``line 12, column "Reps": ...``.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NoReturn, TypeVar

from glutetui.errors import GlutetuiError
from glutetui.workout.entries import (
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
    from collections.abc import Callable, Sequence

    from glutetui.model import Side

T = TypeVar("T")

_INTEGER = re.compile(r"[+-]?[0-9]{1,12}")
_DURATION = re.compile(r"(\d{1,9})\s*([hms])")
_CLOCK = re.compile(r"(?:(\d{1,5}):)?(\d{1,2}):(\d{1,2})")


class ImportFormatError(GlutetuiError):
    """A file to import that glutetui cannot make sense of, or holds values it cannot log."""


class Cells:
    """The typed cells of one row (stripped), with errors that name the line and the column.

    ``decimal_comma``: numbers may be written ``62,5`` (files separated by semicolons, where
    a comma cannot separate cells). ``place`` names what ``line`` counts (a JSON file's rows
    are objects, not lines).
    """

    __slots__ = ("decimal_comma", "line", "place", "row")

    def __init__(
        self, row: dict[str, str], line: int, *, decimal_comma: bool = False, place: str = "line"
    ) -> None:
        self.row = row
        self.line = line
        self.decimal_comma = decimal_comma
        self.place = place

    def fail(self, key: str, reason: str) -> NoReturn:
        """Refuse the file at this line and column."""
        raise ImportFormatError(f'{self.place} {self.line}, column "{key}": {reason}')

    def text(self, key: str) -> str:
        """The cell (stripped when the file was read); empty when the column is missing."""
        return self.row.get(key, "")

    def _check(self, key: str, check: Callable[[T], T], value: T) -> T:
        try:
            return check(value)
        except InvalidEntry as exc:
            self.fail(key, f"{self.text(key)!r}: {exc}")

    def number(self, key: str) -> float | None:
        """A finite number; ``None`` when empty."""
        value = self.text(key)
        if not value:
            return None
        if self.decimal_comma:
            value = value.replace(",", ".")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            self.fail(key, f"{self.text(key)!r} is not a number")
        return number

    def whole(self, key: str) -> int | None:
        """A whole number (``12.0`` and ``11.6`` read as 12); ``None`` when empty."""
        value = self.text(key)
        if _INTEGER.fullmatch(value):  # the common case, without going through a float
            return int(value)
        number = self.number(key)
        if number is None:
            return None
        if abs(number) > 1e12:
            self.fail(key, f"{value!r} is not a whole number a set can hold")
        return round(number)

    def load(self, key: str, *, unit: str | None = None, keep_zero: bool = False) -> float | None:
        """A load (within the app's limits for ``unit``); ``None`` when empty, and when zero
        unless ``keep_zero`` (other apps write 0 for bodyweight; glutetui's own 0 was logged so)."""
        number = self.number(key)
        if number is None or (not number and not keep_zero):
            return None
        try:
            return check_load(number, unit)
        except InvalidEntry as exc:
            self.fail(key, f"{self.text(key)!r}: {exc}")

    def distance(self, key: str) -> float | None:
        """A distance, in whatever unit the file says; ``None`` when empty or zero."""
        number = self.number(key)
        if number is not None and number < 0:
            self.fail(key, f"{self.text(key)!r}: a distance cannot be negative")
        return number or None

    def reps(self, key: str) -> int:
        """Reps done (0 when empty)."""
        return self._check(key, check_reps, self.whole(key) or 0)

    def set_number(self, key: str) -> int:
        """A set's number, 1 or more."""
        number = self.whole(key)
        if number is None:
            self.fail(key, "the set number is empty")
        return self._check(key, check_set_number, number)

    def rpe(self, key: str) -> int | None:
        """Rate of perceived exertion, 1–10; empty and 0 (how other apps write none) are none."""
        return self._check(key, check_rpe, self.whole(key) or None)

    def pain(self, key: str) -> int | None:
        """Pain 0–10; ``None`` when empty."""
        return self._check(key, check_pain, self.whole(key))

    def moment(self, key: str, formats: Sequence[str] = ()) -> datetime:
        """A date and time as the file writes it: ISO 8601, else the first of ``formats``
        that fits. Naive when the file gives no UTC offset (see :func:`local`)."""
        value = self.text(key).replace("\u202f", " ")
        if not value:
            self.fail(key, "the date is empty")
        parsed = None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            for fmt in formats:
                try:
                    parsed = datetime.strptime(value, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            self.fail(key, f"{value!r} is not a date and time")
        return self._check(key, check_moment, parsed)

    def _length(self, key: str) -> int:
        """Seconds in a length of time: ``1h 16m`` (Strong), ``0:32:06`` or ``32:06``
        (FitNotes), or a number of seconds; 0 when empty."""
        value = self.text(key).lower()
        if not value:
            return 0
        clock = _CLOCK.fullmatch(value)
        if clock:
            h, m, s = (int(g or 0) for g in clock.groups())
            seconds = h * 3600 + m * 60 + s
        elif _DURATION.search(value):
            parts = {u: int(n) for n, u in _DURATION.findall(value)}
            seconds = parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0)
        else:
            seconds = self.whole(key) or 0
        if seconds < 0:
            self.fail(key, f"{value!r}: a length of time cannot be negative")
        return seconds

    def seconds(self, key: str) -> int:
        """How long a set took, in seconds (0 when empty)."""
        seconds: int | None = self._length(key)
        return self._check(key, check_seconds, seconds) or 0

    def end(self, key: str, started: datetime) -> datetime | None:
        """``started`` plus the length of time in ``key``; ``None`` when there is none."""
        seconds = self._length(key)
        if not seconds:
            return None
        try:
            ended = started + timedelta(seconds=seconds)
        except OverflowError:
            self.fail(key, f"{self.text(key)!r} ends beyond the calendar")
        return self._check(key, check_moment, ended)

    def unit(self, key: str, unit: str) -> str:
        """``unit`` (taken from ``key``'s cell), if the log can hold it."""
        checked: str | None = unit
        return self._check(key, check_unit, checked) or unit

    def side(self, key: str) -> Side | None:
        """``left``, ``right``, or ``None`` for both sides (empty, ``none``, ``both``)."""
        value = self.text(key).lower()
        if value in ("", "none", "both"):
            return None
        if value in ("left", "l"):
            return "left"
        if value in ("right", "r"):
            return "right"
        self.fail(key, f"{value!r} must be left, right or empty")


def local(moment: datetime) -> datetime:
    """``moment`` with a UTC offset: a time written without one is taken as this computer's
    local time (the session's id never depends on that: see :func:`.drafts.import_id`)."""
    return moment if moment.tzinfo is not None else moment.astimezone()
