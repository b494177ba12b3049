"""Hevy's CSV export (``weight_kg``, or ``weight_lbs`` for imperial users).

``title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
set_type,weight_kg,reps,distance_km,duration_seconds,rpe``. Dates read like
``9 Apr 2026, 17:18``; ``set_type`` is normal, warmup, drop or failure; timed sets carry
``duration_seconds``; exercises done as a superset share a ``superset_id``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.cli.importing.drafts import (
    Drafts,
    Layout,
    SessionDraft,
    import_id,
    join_notes,
)
from glutetui.cli.importing.rows import local
from glutetui.figures import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from glutetui.cli.importing.drafts import Context
    from glutetui.cli.importing.rows import Cells
    from glutetui.model import Session, SetKind

NAME = "hevy"
REQUIRED = frozenset({"start_time", "exercise_title", "set_index", "reps"})
"""Columns every Hevy export has, besides one weight column."""
DATES = ("%d %b %Y, %H:%M", "%d %B %Y, %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
KINDS: dict[str, SetKind] = {
    "": "work", "normal": "work", "warmup": "warm-up", "drop": "drop", "failure": "failure",
}  # fmt: skip
"""``set_type`` -> the kind of set."""


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """Hevy's layout, told by its columns."""
    columns = set(header)
    if columns >= REQUIRED and ("weight_kg" in columns or "weight_lbs" in columns):
        return Layout(NAME, "Hevy", parse)
    return None


def parse(rows: Iterable[Cells], ctx: Context) -> list[Session]:
    """Sessions from the rows of a Hevy export."""
    drafts = Drafts()
    for r in rows:
        set_type = r.text("set_type").lower()
        kind = KINDS.get(set_type)
        if kind is None:
            r.fail("set_type", f"{set_type!r} is not normal, warmup, drop or failure")
        title = r.text("title")
        key = (r.text("start_time"), title)
        draft = drafts.get(key)
        if draft is None:
            started = r.moment("start_time", DATES)
            moment = local(started)
            ended = local(r.moment("end_time", DATES)) if r.text("end_time") else None
            draft = drafts.add(
                key,
                SessionDraft(
                    id=import_id(NAME, started, title),
                    started_at=moment,
                    ended_at=ended,
                    note=join_notes(title, r.text("description")),
                    source=NAME,
                ),
            )
        name, ex_id, both_sides = ctx.exercise(r.text("exercise_title"))
        if not name:
            r.fail("exercise_title", "the exercise name is empty")
        superset = r.text("superset_id")
        draft.exercise(
            ex_id,
            name,
            note=join_notes(r.text("exercise_notes"), f"superset {superset}" if superset else ""),
        )
        reps = r.reps("reps")
        seconds = r.seconds("duration_seconds")
        imperial = "weight_lbs" in r.row
        distance = r.distance("distance_miles" if imperial else "distance_km")
        if not reps and not seconds and not distance:
            ctx.skip("no reps, time or distance")
            continue
        weight = r.load("weight_lbs" if imperial else "weight_kg", unit="lb" if imperial else "kg")
        note = ""
        if distance:
            note = f"{format_number(distance)} {'mi' if imperial else 'km'}"
        draft.add_set(
            ex_id,
            reps=reps,
            load=weight,
            unit=None if weight is None else ("lb" if imperial else "kg"),
            rpe=r.rpe("rpe"),
            kind=kind,
            seconds=seconds or None,
            note=note,
            both_sides=both_sides,
        )
    return drafts.build()
