"""What every import format shares: typed cells whose errors name the line, and sessions
assembled row by row."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NoReturn

from glutetui.errors import GlutetuiError
from glutetui.model import ExerciseLog, Session, SetResult

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glutetui.model import Side


class ImportFormatError(GlutetuiError):
    """A file to import that glutetui cannot make sense of."""


class Cells:
    """The typed cells of one CSV row, with errors that name the line."""

    def __init__(self, row: dict[str, str], line: int) -> None:
        self.row = row
        self.line = line

    def fail(self, reason: str) -> NoReturn:
        """Stop the import at this line."""
        raise ImportFormatError(f"line {self.line}: {reason}")

    def text(self, key: str) -> str:
        """The cell, stripped; empty when the column is missing."""
        return (self.row.get(key) or "").strip()

    def integer(self, key: str, default: int | None = None) -> int | None:
        """A whole number (``12.0`` and ``11.6`` read as 12); ``default`` when empty."""
        number = self.number(key)
        return default if number is None else round(number)

    def number(self, key: str) -> float | None:
        """A finite number; ``None`` when empty."""
        value = self.text(key)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            self.fail(f"{key} {value!r} is not a number")
        return number

    def moment(self, key: str, formats: Sequence[str] = ()) -> datetime:
        """A date and time: ISO 8601, else the first of ``formats`` that fits."""
        value = self.text(key).replace("\u202f", " ")
        if not value:
            self.fail(f"{key} is empty")
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
            self.fail(f"{key} {value!r} is not a date and time")
        # Strong and Hevy write local time without an offset: take it as this computer's.
        return parsed if parsed.tzinfo else parsed.astimezone()

    def side(self, key: str) -> Side | None:
        """``left``, ``right``, or ``None`` for both sides (empty, ``none``, ``both``)."""
        value = self.text(key).lower()
        if value in ("", "none", "both"):
            return None
        if value in ("left", "l"):
            return "left"
        if value in ("right", "r"):
            return "right"
        self.fail(f"{key} {value!r} must be left, right or empty")


def join_notes(*parts: str) -> str:
    """The non-empty ``parts``, joined with a dash."""
    return " — ".join(p for p in parts if p)


def import_id(source: str, started_at: datetime, title: str) -> str:
    """A stable id, so importing the same file twice finds the sessions already there."""
    digest = hashlib.sha256(f"{source}|{started_at.isoformat()}|{title}".encode()).hexdigest()[:6]
    return f"{started_at.astimezone(UTC):%Y%m%dT%H%M%S}-{digest}"


@dataclass
class SessionDraft:
    """A session being assembled from rows."""

    id: str
    started_at: datetime
    ended_at: datetime | None = None
    note: str = ""
    source: str = "glutetui"
    exercises: dict[str, ExerciseLog] = field(default_factory=dict)
    sets: list[SetResult] = field(default_factory=list)
    counters: dict[tuple[str, bool, str | None], int] = field(default_factory=dict)

    def exercise(self, ex_id: str, name: str, note: str = "", pain: int | None = None) -> None:
        """Add ``ex_id`` to the session, once (the first row's name, note and pain stay)."""
        if ex_id not in self.exercises:
            self.exercises[ex_id] = ExerciseLog(exercise_id=ex_id, name=name, note=note, pain=pain)

    def next_number(self, ex_id: str, warmup: bool, side: str | None) -> int:
        """The number of the next set of ``ex_id`` (warm-ups and each side counted apart)."""
        key = (ex_id, warmup, side)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def build(self) -> Session:
        """The finished session; an exercise with a set on one side is per-side."""
        sides = {x.exercise_id for x in self.sets if x.side is not None}
        exercises = tuple(
            ExerciseLog(
                exercise_id=e.exercise_id,
                name=e.name,
                per_side=e.exercise_id in sides,
                pain=e.pain,
                note=e.note,
            )
            for e in self.exercises.values()
        )
        return Session(
            id=self.id,
            started_at=self.started_at,
            exercises=exercises,
            sets=tuple(self.sets),
            ended_at=self.ended_at,
            status="complete",
            note=self.note,
            cursor=len(self.sets),
            source=self.source,
        )
