"""Hevy's CSV export (``weight_kg``, or ``weight_lbs`` for imperial users).

Hevy dates read like ``9 Apr 2026, 17:18``; ``set_type`` is normal, warmup, drop or failure;
timed sets carry ``duration_seconds`` instead of reps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.cli.importing.rows import Cells, SessionDraft, import_id, join_notes
from glutetui.model import SetResult

if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutetui.cli.names import ExerciseNames
    from glutetui.model import Session

NAME = "hevy"
REQUIRED = frozenset({"start_time", "exercise_title", "set_index", "reps"})
"""Columns every Hevy export has, besides one weight column."""
DATES = ("%d %b %Y, %H:%M", "%d %B %Y, %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def looks_like(columns: set[str]) -> bool:
    """The header is Hevy's."""
    return columns >= REQUIRED and ("weight_kg" in columns or "weight_lbs" in columns)


def parse(rows: Iterable[tuple[int, dict[str, str]]], names: ExerciseNames) -> list[Session]:
    """Sessions from the rows of a Hevy export."""
    drafts: dict[tuple[str, str], SessionDraft] = {}
    for line, raw in rows:
        r = Cells(raw, line)
        started = r.moment("start_time", DATES)
        title = r.text("title")
        key = (r.text("start_time"), title)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = SessionDraft(
                id=import_id("hevy", started, title),
                started_at=started,
                ended_at=r.moment("end_time", DATES) if r.text("end_time") else None,
                note=join_notes(title, r.text("description")),
                source="hevy",
            )
        name = r.text("exercise_title")
        if not name:
            r.fail("exercise_title is empty")
        ex_id = names.id_for(name)
        draft.exercise(ex_id, name, note=r.text("exercise_notes"))
        set_type = r.text("set_type").lower()
        warmup = set_type == "warmup"
        if "weight_kg" in raw:
            weight, unit = r.number("weight_kg"), "kg"
        else:
            weight, unit = r.number("weight_lbs"), "lb"
        note = ""
        seconds = r.integer("duration_seconds", 0) or 0
        reps = r.integer("reps", 0) or 0
        if seconds and not reps:
            note = f"{seconds} s"
        if set_type not in ("", "normal", "warmup"):
            note = join_notes(set_type, note)
        rpe = r.integer("rpe")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=draft.next_number(ex_id, warmup, None),
                reps=reps,
                load=weight if weight else None,
                unit=unit if weight else None,
                rpe=rpe if rpe else None,
                warmup=warmup,
                note=note,
            )
        )
    return [d.build() for d in drafts.values()]
