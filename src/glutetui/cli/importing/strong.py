"""Strong's CSV export in its classic layout, and what every Strong layout shares.

The classic layout (``Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...``)
writes no unit (the person's setting supplies it, unless a ``Weight Unit`` column does, as in
an older semicolon layout), numbers sets per exercise with ``W``, ``D`` and ``F`` for warm-up,
drop and failure sets, adds ``Rest Timer`` rows, and writes a workout's length as ``1h 16m``.
The same layout with its header translated (``日期,锻炼名称,时长,...``) is recognised by its
column order. glutetui's own ``export --format strong`` adds ``Side``, ``Band`` and
``Session ID``, read back here. The other Strong
layouts (:mod:`.strong_older`, :mod:`.strong6`) name their columns differently and go through
the same :func:`parse`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from glutetui.cli.importing.drafts import (
    Drafts,
    Layout,
    SessionDraft,
    import_id,
    join_notes,
)
from glutetui.cli.importing.rows import local
from glutetui.figures import BAND_PREFIX, format_number
from glutetui.log.store import SESSION_ID_RE

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from glutetui.cli.importing.drafts import Context
    from glutetui.cli.importing.rows import Cells
    from glutetui.model import Session, SetKind

NAME = "strong"
DATES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p")
CLASSIC = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
"""The classic layout's columns, in order (RPE came last, and later: older files stop before)."""
REQUIRED = frozenset({"Date", "Exercise Name", "Set Order", "Reps"})
"""Columns every English Strong export has."""
OWN_WORKOUT = "glutetui"
"""The ``Workout Name`` glutetui's Strong export gives a session that followed no routine."""
SESSION_ID = "Session ID"
"""The column glutetui's own Strong export adds for each session's id (with ``Side`` and
``Band``: see :mod:`glutetui.cli.exporting.strong`)."""

_NOT_SETS: dict[str, str] = {"REST_TIMER": "rest", "REST": "rest", "NOTE": "note"}
"""A ``Set Order`` cell (upper case, spaces as ``_``) of a row that is no set -> what it is."""
_KINDS: dict[str, SetKind] = {
    "W": "warm-up", "WARMUP": "warm-up", "WARM_UP": "warm-up",
    "D": "drop", "DROP": "drop", "DROPSET": "drop", "DROP_SET": "drop",
    "F": "failure", "FAILURE": "failure",
    "": "work", "NORMAL": "work", "WORK": "work", "WORKING": "work",
}  # fmt: skip
"""A ``Set Order`` cell (upper case, spaces as ``_``) -> the kind of set; numbers are work."""
_UNITS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}


@dataclass(frozen=True)
class StrongColumns:
    """Where one Strong layout keeps each value (``None``: the layout has no such column)."""

    duration: str = "Duration"
    """The workout's length: ``1h 16m``, or seconds."""
    weight: str = "Weight"
    weight_unit: str | None = None
    """A column saying each row's unit."""
    unit: str | None = None
    """The unit the header states (``Weight (kg)``); else the person's setting."""
    distance: str = "Distance"
    distance_unit: str | None = None
    distance_label: str = ""
    """The unit the header states for distances (``km``)."""


def unit_of(text: str) -> str | None:
    """``kg`` or ``lb`` for how exports write them (``kgs``, ``lbs``); ``None`` otherwise."""
    return _UNITS.get(text.strip().lower())


def row_kind(r: Cells, key: str) -> tuple[SetKind, str]:
    """What a ``Set Order`` cell says the row is: ``(kind, "")`` for a set, ``("work",
    "rest")`` for a rest timer, ``("work", "note")`` for a note on the exercise."""
    order = r.text(key)
    if order.isdigit():
        return "work", ""
    word = order.upper().replace(" ", "_").replace("-", "_")
    kind = _KINDS.get(word)
    if kind is not None:
        return kind, ""
    if word in _NOT_SETS:
        return "work", _NOT_SETS[word]
    r.fail(key, f"{order!r} is not a set number, W, D, F, a set type or Rest Timer")


def parse(rows: Iterable[Cells], ctx: Context, columns: StrongColumns) -> list[Session]:
    """Sessions from the rows of a Strong export laid out as ``columns`` says."""
    c = columns
    drafts = Drafts()
    for r in rows:
        kind, not_a_set = row_kind(r, "Set Order")
        if not_a_set == "rest":
            ctx.skip("rest timer")
            continue
        workout = r.text("Workout Name")
        own_id = r.text(SESSION_ID)
        key = (r.text("Date"), workout, own_id)
        draft = drafts.get(key)
        if draft is None:
            if own_id and not SESSION_ID_RE.match(own_id):
                r.fail(SESSION_ID, f"{own_id!r} is not a session id (letters, digits, - and _)")
            started = r.moment("Date", DATES)
            moment = local(started)
            draft = SessionDraft(
                id=import_id(NAME, started, workout),
                started_at=moment,
                ended_at=r.end(c.duration, moment),
                note=join_notes(workout, r.text("Workout Notes")),
                source=NAME,
            )
            if own_id:  # glutetui's own export: its id, routine and note as they were
                draft.id, draft.source, draft.note = own_id, "glutetui", r.text("Workout Notes")
                draft.routine_id = None if workout == OWN_WORKOUT else workout
            draft = drafts.add(key, draft)
        name, ex_id, both_sides = ctx.exercise(r.text("Exercise Name"))
        if not name:
            r.fail("Exercise Name", "the exercise name is empty")
        draft.exercise(ex_id, name)
        if not_a_set == "note":
            ctx.skip("note rows, kept as the exercise's note")
            entry = draft.exercises[ex_id]
            draft.exercises[ex_id] = replace(entry, note=join_notes(entry.note, r.text("Notes")))
            continue
        reps = r.reps("Reps")
        seconds = r.seconds("Seconds")
        distance = r.distance(c.distance)
        if not reps and not seconds and not distance and not own_id:  # glutetui logged it so
            ctx.skip("no reps, time or distance")
            continue
        said = unit_of(r.text(c.weight_unit)) if c.weight_unit else None
        weight = r.load(c.weight, unit=said or c.unit or ctx.unit)
        unit = None
        band = r.text("Band")
        if band:
            unit = r.unit("Band", BAND_PREFIX + band)
        elif weight is not None:
            unit = said or c.unit or ctx.unit
        note = r.text("Notes")
        if distance:
            place = r.text(c.distance_unit) if c.distance_unit else c.distance_label
            note = join_notes(
                note,
                f"{format_number(distance)} {place}"
                if place
                else f"distance {format_number(distance)}",
            )
        draft.add_set(
            ex_id,
            reps=reps,
            side=r.side("Side"),
            load=weight,
            unit=unit,
            rpe=r.rpe("RPE"),
            kind=kind,
            seconds=seconds or None,
            note=note,
            both_sides=both_sides,
        )
    return drafts.build()


def _classic(header: set[str]) -> StrongColumns:
    return StrongColumns(
        duration="Duration" if "Duration" in header else "Workout Duration",
        weight_unit="Weight Unit" if "Weight Unit" in header else None,
        distance_unit="Distance Unit" if "Distance Unit" in header else None,
    )


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """The classic layout (or the older one with a ``Weight Unit`` column) from its header,
    or a translated classic header from its column order and ``sample``, its first row."""
    columns = set(header)
    if columns >= REQUIRED:
        parse_classic = partial(parse, columns=_classic(columns))
        if SESSION_ID in columns:
            return Layout(NAME, "glutetui's Strong export", parse_classic, inert=True)
        return Layout(NAME, "Strong", parse_classic)
    if (
        sample is not None
        and len(CLASSIC) - 1 <= len(header) <= len(CLASSIC) + 1
        and looks_classic(sample)
    ):
        names = (*CLASSIC, "Side")[: len(header)]
        return Layout(
            NAME,
            "Strong (translated header)",
            partial(parse, columns=_classic(set(names))),
            names,
        )
    return None


def looks_classic(cells: Sequence[str]) -> bool:
    """A row whose cells fall where the classic layout puts them: a date first, a set order
    fifth, then numbers for weight, reps, distance and seconds."""
    if len(cells) < len(CLASSIC) - 1:
        return False
    date, order = cells[0].strip(), cells[4].strip()
    if len(date) < 10 or not date[:4].isdigit() or date[4] not in "-./":
        return False
    word = order.upper().replace(" ", "_")
    if not (order.isdigit() or word in _KINDS or word in _NOT_SETS):
        return False
    for cell in cells[5:9]:
        try:
            float(cell.strip() or 0)
        except ValueError:
            return False
    return True
