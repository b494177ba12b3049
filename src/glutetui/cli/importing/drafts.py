"""Sessions assembled row by row, with ids that stay the same when a file is imported again."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from glutetui.model import ExerciseLog, Session, SetResult

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from glutetui.cli.importing.rows import Cells
    from glutetui.cli.names import ExerciseNames
    from glutetui.model import SetKind, Side

_EACH_SIDE = re.compile(r"\s*\(\s*(?:each|per)\s+(?:side|leg)\s*\)", re.IGNORECASE)
"""How people write a per-side exercise into its name: "Clamshell (Each Side)"."""


class Context:
    """What every format's parser is given: the unit for files that do not say, the installed
    exercises' names (looked up only when a format needs them) and the tally of rows set aside."""

    def __init__(self, unit: str, names: Callable[[], ExerciseNames]) -> None:
        self.unit = unit
        self._names = names
        self.skipped: Counter[str] = Counter()
        """Reason -> rows that recorded no work, each counted, none dropped unsaid."""
        self._exercises: dict[str, tuple[str, str, bool]] = {}

    @cached_property
    def names(self) -> ExerciseNames:
        """The installed exercises' names."""
        return self._names()

    def exercise(self, cell: str) -> tuple[str, str, bool]:
        """What an exercise cell names: ``(name, installed id, done on each side)``, the words
        "(Each Side)" taken out of the name (see :func:`each_side`); looked up once per name."""
        found = self._exercises.get(cell)
        if found is None:
            name, both_sides = each_side(cell)
            found = self._exercises[cell] = (
                name,
                self.names.id_for(name) if name else "",
                both_sides,
            )
        return found

    def skip(self, reason: str) -> None:
        """Count a row that records no work."""
        self.skipped[reason] += 1


def join_notes(*parts: str) -> str:
    """The non-empty ``parts``, joined with a dash."""
    return " — ".join(p for p in parts if p)


def each_side(name: str) -> tuple[str, bool]:
    """``"Clamshell (Each Side)"`` -> ``("Clamshell", True)``: the name without the words, and
    whether they were there."""
    bare, found = _EACH_SIDE.subn("", name)
    return (bare.strip() or name, True) if found else (name, False)


def import_id(source: str, written: datetime, title: str) -> str:
    """The id of a session imported from ``source``, from what the file says: its start as
    written there and its title. The same file gives the same ids on every machine, whatever
    its time zone, so importing it again finds the sessions already there.

    Like every session id, it starts with the start second (the UTC one when the file gives
    a UTC offset, else the time as written) and ends with six hex digits, here a digest.
    """
    digest = hashlib.sha256(f"{source}|{written.isoformat()}|{title}".encode()).hexdigest()[:6]
    second = written if written.tzinfo is None else written.astimezone(UTC)
    return f"{second:%Y%m%dT%H%M%S}-{digest}"


class Drafts:
    """The sessions of a file being assembled, found by the cells that start each (its date
    and title as written); two ways of writing one moment still make one session."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, ...], SessionDraft] = {}
        self._by_id: dict[str, SessionDraft] = {}

    def get(self, key: tuple[str, ...]) -> SessionDraft | None:
        """The session that ``key``'s row belongs to, if one was started."""
        return self._by_key.get(key)

    def add(self, key: tuple[str, ...], draft: SessionDraft) -> SessionDraft:
        """Start ``draft`` for ``key`` (or go on with the one that has its id)."""
        draft = self._by_id.setdefault(draft.id, draft)
        self._by_key[key] = draft
        return draft

    def build(self) -> list[Session]:
        """The finished sessions, in the order they were started."""
        return [d.build() for d in self._by_id.values()]


@dataclass
class SessionDraft:
    """A session being assembled from rows."""

    id: str
    started_at: datetime
    ended_at: datetime | None = None
    note: str = ""
    source: str = "glutetui"
    routine_id: str | None = None
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

    def add_set(
        self,
        exercise_id: str,
        *,
        reps: int,
        load: float | None,
        unit: str | None,
        rpe: int | None = None,
        kind: SetKind = "work",
        seconds: int | None = None,
        note: str = "",
        side: Side | None = None,
        both_sides: bool = False,
    ) -> None:
        """Log a set under the next number of its exercise (warm-ups numbered apart);
        ``both_sides``: done on each side, so logged once per side under one number."""
        warmup = kind == "warm-up"
        number = self.next_number(exercise_id, warmup, None if both_sides else side)
        for s in ("left", "right") if both_sides else (side,):
            self.sets.append(
                SetResult(
                    exercise_id, number, reps, s, load, unit, rpe, warmup, None, note, seconds, kind
                )
            )

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
            routine_id=self.routine_id,
            cursor=len(self.sets),
            source=self.source,
        )


@dataclass(frozen=True)
class Layout:
    """One export layout that a file's header was recognised as."""

    format: str
    """The ``--format`` name it answers to (``strong`` for every Strong layout)."""
    label: str
    """What the summary calls it: ``Strong 6``, ``FitNotes``."""
    parse: Callable[[Iterable[Cells], Context], list[Session]]
    """Sessions from the file's rows."""
    columns: tuple[str, ...] | None = None
    """Column names to read the rows by instead of the file's own (a translated header)."""
    repair: Callable[[list[str], int], list[str]] | None = None
    """A row with more cells than the header (unquoted commas) put right, given its line."""
    inert: bool = False
    """Written by glutetui: its text cells, made inert for spreadsheets
    (:func:`glutetui.text.inert_cell`), are read back exactly as they were."""
