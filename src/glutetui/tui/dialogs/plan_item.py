"""Edit one exercise's dose in the plan: sets, reps (seconds, when timed), load and warm-up
sets. Enter saves."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from glutetui.model import MAX_SETS, MAX_TIMED_SECONDS
from glutetui.text import neutralise
from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.format import BAND_EQUIPMENT, LOADED_EQUIPMENT, load_text
from glutetui.workout.entries import (
    MAX_WARMUP_SETS,
    InvalidEntry,
    parse_load,
    parse_range,
    parse_whole,
)
from glutetui.workout.plan import PlanItem


def load_hint(equipment: tuple[str, ...], unit: str) -> str:
    """What the load box takes, in the words of the exercise's equipment."""
    if BAND_EQUIPMENT.intersection(equipment):
        return "Band: a colour (red, red band, band red), or empty for none"
    if LOADED_EQUIPMENT.intersection(equipment):
        return f"Load: 20 ({unit}) or 45 lb; empty to leave it unset"
    return f"Load: empty for bodyweight, or added weight: 20 ({unit}), 45 lb"


class PlanItemDialog(Dialog[PlanItem | None]):
    """Dismisses with the edited plan item, or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="plan-item-cancel"),
    ]

    def __init__(self, item: PlanItem, unit: str) -> None:
        super().__init__()
        self.item = item
        self.unit = unit

    def compose(self) -> ComposeResult:
        item = self.item
        lo, hi = item.seconds or item.reps
        with Vertical(classes="dialog", id="plan-item-dialog"):
            yield Label(neutralise(item.exercise.name), classes="dialog-title", markup=False)
            each = " per side" if item.per_side else ""
            yield Label(f"Work sets (1–{MAX_SETS}){each}")
            yield Input(str(item.sets), id="edit-sets", max_length=2, restrict=r"[0-9]*")
            if item.timed:
                yield Label("Seconds held: a number or a range like 30-45")
            else:
                yield Label("Reps: a number or a range like 8-12")
            yield Input(f"{lo}-{hi}" if lo != hi else str(lo), id="edit-reps", max_length=9)
            yield Label(load_hint(item.exercise.equipment, self.unit))
            yield Input(load_text(item.load, item.unit), id="edit-load", max_length=30)
            yield Label(f"Warm-up sets (0–{MAX_WARMUP_SETS}), logged apart from work sets")
            yield Input(str(item.warmup_sets), id="edit-warmup", max_length=1, restrict=r"[0-9]*")
            yield Label("", id="edit-error")
            yield Label("enter: save · escape: cancel", classes="dialog-hint")

    @on(Input.Submitted)
    def _save(self) -> None:
        try:
            sets = parse_whole(self.query_one("#edit-sets", Input).value, "sets", 1, MAX_SETS)
            typed = self.query_one("#edit-reps", Input).value
            item = self.item
            if item.timed:
                item = replace(item, seconds=parse_range(typed, MAX_TIMED_SECONDS, "seconds"))
            else:
                item = replace(item, reps=parse_range(typed))
            load, unit = parse_load(self.query_one("#edit-load", Input).value, self.unit)
            warmup = parse_whole(
                self.query_one("#edit-warmup", Input).value, "warmup_sets", 0, MAX_WARMUP_SETS
            )
            item = replace(item, sets=sets, load=load, unit=unit, warmup_sets=warmup)
        except InvalidEntry as exc:
            self.query_one("#edit-error", Label).update(str(exc))
            return
        self.dismiss(item)
