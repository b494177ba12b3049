"""FitNotes' CSV export: one row per set, one workout per date.

``Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time`` (some versions
add ``Comment``, others write ``Weight (kgs)`` with no unit column). Dates carry no time.
Real files do not quote exercise names that hold a comma (``Squat, Front``), so such a row has
more cells than the header: it is put right by finding where the known columns (a number, a
unit, reps, ...) fit. People write the side into the name: "Clamshell (Each Side)" is logged
as a per-side set.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from glutetui.cli.importing.drafts import (
    Drafts,
    Layout,
    SessionDraft,
    import_id,
    join_notes,
)
from glutetui.cli.importing.rows import ImportFormatError, local
from glutetui.cli.importing.strong import unit_of
from glutetui.figures import format_number

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from glutetui.cli.importing.drafts import Context
    from glutetui.cli.importing.rows import Cells
    from glutetui.model import Session

NAME = "fitnotes"
REQUIRED = ("Date", "Exercise", "Category")
"""The first three columns of every FitNotes export."""
DATES = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y")
NOON = 12
"""The hour a date-only workout is logged at: noon stays on its day in every time zone
within twelve hours of this computer's."""

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_TIME = re.compile(r"(?:[0-9]+:)?[0-9]{1,2}:[0-9]{2}")
_WEIGHT_IN_HEADER = re.compile(r"Weight \((kgs?|lbs?)\)")
_DISTANCE_UNITS = frozenset({"m", "km", "mi", "ft", "yd", "miles", "meters", "metres"})


def _fits(column: str) -> Callable[[str], bool]:
    """What a cell of ``column`` can hold, to tell where a row's cells belong."""
    if column in ("Weight", "Distance", "Reps") or _WEIGHT_IN_HEADER.fullmatch(column):
        return lambda cell: not cell.strip() or bool(_NUMBER.fullmatch(cell.strip()))
    if column == "Weight Unit":
        return lambda cell: not cell.strip() or unit_of(cell) is not None
    if column == "Distance Unit":
        return lambda cell: cell.strip().lower() in _DISTANCE_UNITS | {""}
    if column == "Time":
        return lambda cell: not cell.strip() or bool(_TIME.fullmatch(cell.strip()))
    return lambda cell: True


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """FitNotes' layout, told by its first columns and a weight column."""
    if tuple(header[:3]) != REQUIRED:
        return None
    weight = next((h for h in header if h == "Weight" or _WEIGHT_IN_HEADER.fullmatch(h)), None)
    if weight is None or "Reps" not in header:
        return None
    # The columns after Category, but for a trailing Comment: each must fit its cell.
    fixed = [h for h in header[3:] if h != "Comment"]
    tests = [_fits(h) for h in fixed]
    comment = header[-1] == "Comment"

    def repair(cells: list[str], line: int) -> list[str]:
        """Join the extra cells back into the exercise's name (or, with a Comment column,
        the comment) at the first place where every known column fits its cell."""
        extra = len(cells) - len(header)
        for category in range(2, 3 + extra):  # where the Category cell is
            rest = cells[category + 1 :]
            middle = rest[: len(fixed)]
            if len(middle) < len(fixed) or (not comment and len(rest) > len(fixed)):
                continue
            if all(test(cell) for test, cell in zip(tests, middle, strict=True)):
                tail = [",".join(rest[len(fixed) :])] if comment else []
                return [cells[0], ",".join(cells[1:category]), cells[category], *middle, *tail]
        raise ImportFormatError(
            f"line {line}: {len(cells)} cells but the header has {len(header)}, and no "
            "comma in the exercise's name puts weight, unit, reps and time where they belong"
        )

    unit = _WEIGHT_IN_HEADER.fullmatch(weight)
    header_unit = unit_of(unit.group(1)) if unit else None
    return Layout(
        NAME,
        "FitNotes",
        partial(parse, weight_column=weight, header_unit=header_unit),
        repair=repair,
    )


def parse(
    rows: Iterable[Cells], ctx: Context, weight_column: str, header_unit: str | None
) -> list[Session]:
    """Sessions from the rows of a FitNotes export: every row of one date is one workout."""
    drafts = Drafts()
    for r in rows:
        day = r.text("Date")
        draft = drafts.get((day, ""))
        if draft is None:
            started = r.moment("Date", DATES)
            if ":" not in day:
                started = started.replace(hour=NOON)
            moment = local(started)
            draft = drafts.add(
                (day, ""),
                SessionDraft(id=import_id(NAME, started, ""), started_at=moment, source=NAME),
            )
        name, ex_id, both_sides = ctx.exercise(r.text("Exercise"))
        if not name:
            r.fail("Exercise", "the exercise name is empty")
        draft.exercise(ex_id, name)
        reps = r.reps("Reps")
        seconds = r.seconds("Time")
        distance = r.distance("Distance")
        if not reps and not seconds and not distance:
            ctx.skip("no reps, time or distance")
            continue
        said = header_unit or unit_of(r.text("Weight Unit"))
        weight = r.load(weight_column, unit=said)
        unit = None
        if weight is not None:
            unit = said
            if unit is None:
                r.fail("Weight Unit", f"{r.text('Weight Unit')!r} is not kg or lbs")
        note = r.text("Comment")
        if distance:
            place = r.text("Distance Unit") or "distance"
            note = join_notes(note, f"{format_number(distance)} {place}")
        draft.add_set(
            ex_id,
            reps=reps,
            load=weight,
            unit=unit,
            seconds=seconds or None,
            note=note,
            both_sides=both_sides,
        )
    return drafts.build()
