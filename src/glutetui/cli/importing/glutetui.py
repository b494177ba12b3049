"""glutetui's own export, CSV or JSON, read back set for set (ids, sides, times and all)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from glutetui.cli.importing.rows import Cells, ImportFormatError, SessionDraft
from glutetui.model import SetResult

if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutetui.model import Session

NAME = "glutetui"
REQUIRED = frozenset({"session_id", "exercise_id", "set", "reps"})
"""Columns that only glutetui's export has together."""


def looks_like(columns: set[str]) -> bool:
    """The header is glutetui's."""
    return columns >= REQUIRED


def parse(rows: Iterable[tuple[int, dict[str, Any]]]) -> list[Session]:
    """Sessions from the rows of a CSV export or the objects of a JSON one."""
    drafts: dict[str, SessionDraft] = {}
    for line, raw in rows:
        r = Cells({k: "" if v is None else str(v) for k, v in raw.items()}, line)
        sid = r.text("session_id")
        if not sid:
            r.fail("session_id is empty")
        draft = drafts.get(sid)
        if draft is None:
            draft = drafts[sid] = SessionDraft(
                id=sid,
                started_at=r.moment("date"),
                ended_at=r.moment("ended_at") if r.text("ended_at") else None,
            )
        ex_id = r.text("exercise_id")
        if not ex_id:
            r.fail("exercise_id is empty")
        draft.exercise(ex_id, r.text("exercise_name") or ex_id, pain=r.integer("pain"))
        number = r.integer("set")
        if number is None:
            r.fail("set is empty")
        reps = r.integer("reps")
        if reps is None:
            r.fail("reps is empty")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=number,
                reps=reps,
                side=r.side("side"),
                load=r.number("load"),
                unit=r.text("unit") or None,
                rpe=r.integer("rpe"),
                warmup=r.text("warmup").lower() in ("yes", "true", "1"),
                finished_at=r.moment("finished_at") if r.text("finished_at") else None,
                note=r.text("note"),
            )
        )
    return [d.build() for d in drafts.values()]


def parse_json(text: str) -> list[Session]:
    """Sessions from a JSON export: a list of one object per set."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ImportFormatError(f"not valid JSON ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise ImportFormatError("a glutetui JSON export is a list of objects, one per set")
    return parse(enumerate(data, 1))
