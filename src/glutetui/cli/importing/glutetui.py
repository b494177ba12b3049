"""glutetui's own CSV export (and the JSON list of rows of earlier versions), read back set for
set: ids, sides, times and all."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from glutetui.cli.importing.drafts import Context, Layout, SessionDraft
from glutetui.cli.importing.rows import Cells, ImportFormatError, local
from glutetui.log.store import SESSION_ID_RE
from glutetui.model import SET_KINDS, SetResult

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from glutetui.model import Session, SetKind

NAME = "glutetui"
REQUIRED = frozenset({"session_id", "exercise_id", "set", "reps"})
"""Columns that only glutetui's export has together."""


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """glutetui's CSV layout, told by its columns."""
    return Layout(NAME, "glutetui", parse, inert=True) if set(header) >= REQUIRED else None


def parse(rows: Iterable[Cells], ctx: Context) -> list[Session]:
    """Sessions from the rows of a CSV export or the objects of a JSON one."""
    drafts: dict[str, SessionDraft] = {}
    for r in rows:
        sid = r.text("session_id")
        if not SESSION_ID_RE.match(sid):
            r.fail("session_id", f"{sid!r} is not a session id (letters, digits, - and _)")
        draft = drafts.get(sid)
        if draft is None:
            draft = drafts[sid] = SessionDraft(
                id=sid,
                started_at=local(r.moment("date")),
                ended_at=local(r.moment("ended_at")) if r.text("ended_at") else None,
            )
        ex_id = r.text("exercise_id")
        if not ex_id:
            r.fail("exercise_id", "the exercise id is empty")
        draft.exercise(ex_id, r.text("exercise_name") or ex_id, pain=r.pain("pain"))
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=r.set_number("set"),
                reps=r.reps("reps"),
                side=r.side("side"),
                load=r.load("load", unit=r.text("unit") or None, keep_zero=True),
                unit=r.text("unit") or None,
                rpe=r.rpe("rpe"),
                warmup=_warmup(r),
                finished_at=local(r.moment("finished_at")) if r.text("finished_at") else None,
                note=r.text("note"),
                seconds=r.seconds("seconds") if r.text("seconds") else None,
                kind=_kind(r),
            )
        )
    return [d.build() for d in drafts.values()]


def _warmup(r: Cells) -> bool:
    """The warm-up flag of files written before sets had a kind."""
    return not r.text("kind") and r.text("warmup").lower() in ("yes", "true", "1")


def _kind(r: Cells) -> SetKind:
    """The set's kind (``work`` in files written before sets had one)."""
    kind = r.text("kind") or "work"
    if kind not in SET_KINDS:
        r.fail("kind", f"{kind!r} is not {', '.join(SET_KINDS)}")
    return kind


def rows_from_json(text: str) -> list[tuple[int, dict[str, str]]]:
    """The objects of a JSON list of rows, each with its place in the list, as text cells."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ImportFormatError(f"not valid JSON ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise ImportFormatError("a glutetui JSON export is a list of objects, one per set")
    return [(i, {k: _cell(v) for k, v in row.items()}) for i, row in enumerate(data, 1)]


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
