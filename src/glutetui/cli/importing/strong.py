"""Strong's CSV export: its comma layout, the older semicolon one, and glutetui's Strong export.

Strong writes no unit (the person's setting supplies it, unless a ``Weight Unit`` column does),
numbers sets per exercise with ``W`` for warm-ups, adds rest-timer and note rows, and writes a
workout's length as ``1h 16m``.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from glutetui.cli.importing.rows import Cells, SessionDraft, import_id, join_notes
from glutetui.model import SetResult

if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutetui.cli.names import ExerciseNames
    from glutetui.model import Session

NAME = "strong"
REQUIRED = frozenset({"Date", "Exercise Name", "Set Order", "Reps"})
"""Columns every Strong export has."""
DATES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p")


def looks_like(columns: set[str]) -> bool:
    """The header is Strong's."""
    return columns >= REQUIRED


def parse_duration(text: str) -> timedelta | None:
    """``1h 16m`` (or ``45m``, ``50s``) as a length of time; ``None`` when there is none."""
    parts = {u: int(n) for n, u in re.findall(r"(\d+)\s*([hms])", text.lower())}
    if not parts:
        return None
    return timedelta(hours=parts.get("h", 0), minutes=parts.get("m", 0), seconds=parts.get("s", 0))


def parse(
    rows: Iterable[tuple[int, dict[str, str]]], unit: str, names: ExerciseNames
) -> list[Session]:
    """Sessions from the rows of a Strong export; loads without a unit are in ``unit``."""
    drafts: dict[tuple[str, str], SessionDraft] = {}
    for line, raw in rows:
        r = Cells(raw, line)
        order = r.text("Set Order")
        if not order or not (order.isdigit() or order.upper() in ("W", "D", "F")):
            continue  # rest timer and note rows
        started = r.moment("Date", DATES)
        workout = r.text("Workout Name")
        key = (r.text("Date"), workout)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = SessionDraft(
                id=import_id("strong", started, workout),
                started_at=started,
                note=join_notes(workout, r.text("Workout Notes")),
                source="strong",
            )
            length = parse_duration(r.text("Duration") or r.text("Workout Duration"))
            if length is not None:
                draft.ended_at = started + length
        name = r.text("Exercise Name")
        if not name:
            r.fail("Exercise Name is empty")
        ex_id = names.id_for(name)
        draft.exercise(ex_id, name)
        warmup = order.upper() == "W"
        side = r.side("Side")
        weight = r.number("Weight")
        row_unit = (r.text("Weight Unit") or unit).lower().replace("lbs", "lb")
        note = r.text("Notes")
        seconds = r.integer("Seconds", 0) or 0
        reps = r.integer("Reps", 0) or 0
        if seconds and not reps:
            note = join_notes(note, f"{seconds} s")
        rpe = r.integer("RPE")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=draft.next_number(ex_id, warmup, side),
                reps=reps,
                side=side,
                load=weight if weight else None,
                unit=row_unit if weight else None,
                rpe=rpe if rpe else None,
                warmup=warmup,
                note=note,
            )
        )
    return [d.build() for d in drafts.values()]
