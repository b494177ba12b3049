"""How the screens put figures into cells and boxes: dates, notes, bests, loads, doses.

What a number, a load, a duration or a unit reads as is decided in :mod:`glutetui.figures`;
this module only fits those words to the screens (a table's date column, a note cut to its
cell, a best with its day, the text a load box starts with).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from glutetui import figures
from glutetui.text import neutralise

if TYPE_CHECKING:
    from glutetui.log import SessionRow
    from glutetui.model import SetResult
    from glutetui.stats import Best
    from glutetui.workout.plan import PlanItem, Step

LOADED_EQUIPMENT = frozenset(
    {"dumbbell", "kettlebell", "barbell", "hip abductor machine", "cable machine", "ankle weight"}
)
"""Equipment whose weight is the load: without one planned, the load is "not set", not
"bodyweight"."""

BAND_EQUIPMENT = frozenset({"band", "mini band"})
"""Equipment whose load is a band's colour."""

NOTE_WIDTH = 18
"""Characters of a note shown in the log's Sessions table: the whole table fits 80 columns."""


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 set``, ``2 sets``: a count with its noun agreeing (``nouns`` for irregular plurals)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def sets_count(sets: Iterable[SetResult]) -> str:
    """``3 sets``: work and warm-up sets as every view counts them, a per-side set once
    (:func:`figures.work_sets`), never one a side."""
    done = list(sets)
    return plural(figures.work_sets(done) + figures.warmup_sets(done), "set")


when = figures.format_when
"""A session's start in tables and dialogs (its one home is :func:`figures.format_when`)."""


def note_cell(note: str, status: str) -> str:
    """The note on one line, shortened, after the status when the session is not complete."""
    text = " ".join(neutralise(note).split())
    if status != "complete":
        text = f"[{status}] {text}".rstrip()
    if len(text) > NOTE_WIDTH:
        cut = text[: NOTE_WIDTH - 1]
        # At a word's end where there is one: "Sho…" reads as nothing.
        head = cut.rsplit(" ", 1)[0] if " " in cut else cut
        text = head.rstrip(" ,;:") + "…"
    return text


def pain_cell(pain: int | None) -> str:
    """The highest pain as a number, :data:`~glutetui.figures.MISSING` when none was reported."""
    return figures.MISSING if pain is None else str(pain)


def session_cells(row: SessionRow) -> tuple[str, ...]:
    """One row of the log's Sessions table, as plain strings (the cheapest cells)."""
    return (
        when(row.started_at),
        figures.format_duration(row.duration),
        str(row.worked),
        str(row.sets),
        figures.format_work(row.reps, row.seconds),
        pain_cell(row.max_pain),
        note_cell(row.note, row.status),
    )


def best_text(best: Best | None, what: str) -> str:
    """``15 reps (2026-03-04)``: a personal best and the day it was reached, or a dash."""
    if best is None:
        return figures.MISSING
    return f"{what} ({best.day.isoformat()})"


def load_text(load: float | None, unit: str | None) -> str:
    """The load as :func:`glutetui.figures.format_load` words it (``20 kg``, ``red band``),
    but empty for bodyweight: what a load box starts with, since an empty box means
    bodyweight and the word would not read back."""
    if load is None and not figures.is_band(unit):
        return ""
    return figures.format_load(load, unit)


def load_words(load: float | None, unit: str | None, equipment: tuple[str, ...]) -> str:
    """The load as :func:`glutetui.figures.format_load` words it, but true to the exercise's
    equipment when none was given: a band exercise without a colour, or a dumbbell or machine
    exercise without a weight, is not "bodyweight"."""
    if load is None and not figures.is_band(unit):
        if BAND_EQUIPMENT.intersection(equipment):
            return "band, no colour set"
        if LOADED_EQUIPMENT.intersection(equipment):
            return "no load set"
    return figures.format_load(load, unit)


def short_dose(item: PlanItem) -> str:
    """``3×12–15/side``: a planned dose in a narrow column (``3×30–45 s/side`` when timed)."""
    lo, hi = item.seconds or item.reps
    text = f"{item.sets}×{lo}–{hi}" if lo != hi else f"{item.sets}×{lo}"
    return text + (" s" if item.timed else "") + ("/side" if item.per_side else "")


def step_target(
    item: PlanItem, step: Step, load: float | None, unit: str | None, *, hold_cue: bool
) -> str:
    """``Target 12–15 reps · hold 2 s at the top (h counts it) · 20 kg · warm-up: go light``;
    ``Target 30–45 s · bodyweight`` for a timed exercise."""
    lo, hi = item.seconds or item.reps
    what = "s" if item.timed else "reps"
    target = f"Target {lo} {what}" if lo == hi else f"Target {lo}–{hi} {what}"
    if item.hold_seconds:
        target += f" · hold {item.hold_seconds} s at the top"
        if hold_cue:
            target += " (h counts it)"
    target += f" · {load_words(load, unit, item.exercise.equipment)}"
    if step.warmup:
        target += " · warm-up: go light"
    return target
