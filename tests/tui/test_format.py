"""How the screens word cells and boxes; loads and numbers themselves come from figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from glutetui import figures
from glutetui.log import session_row
from glutetui.stats import Best
from glutetui.tui import format
from glutetui.workout.entries import parse_load
from glutetui.workout.plan import PlanItem, Step
from tests.history_factory import make_session

from .support import CLAM, THRUST


@pytest.mark.parametrize(
    ("load", "unit", "text"),
    [
        (None, None, ""),
        (None, "kg", ""),
        (20.0, "kg", "20 kg"),
        (42.5, "lb", "42.5 lb"),
        (None, "band:red", "red band"),
    ],
)
def test_a_load_box_starts_with_what_reads_back_as_the_same_load(
    load: float | None, unit: str | None, text: str
) -> None:
    assert format.load_text(load, unit) == text
    if text and not figures.is_band(unit):
        assert parse_load(text) == (load, unit)
    assert format.load_text(load, unit) in ("", figures.format_load(load, unit))


def test_a_note_cell_is_one_short_line_after_an_unfinished_status() -> None:
    assert format.note_cell("felt\n strong", "complete") == "felt strong"
    assert format.note_cell("", "in-progress") == "[in-progress]"
    cell = format.note_cell("a long note that goes on and on", "incomplete")
    assert cell.startswith("[incomplete] a") and cell.endswith("…")
    assert len(cell) <= format.NOTE_WIDTH


def test_a_long_note_is_cut_at_a_word_end() -> None:
    cell = format.note_cell("Short and sweet but this note is long", "complete")
    assert cell == "Short and sweet…"
    assert format.note_cell("x" * 40, "complete") == "x" * (format.NOTE_WIDTH - 1) + "…"


def test_a_session_row_reads_as_the_log_table_shows_it() -> None:
    session = make_session(date(2026, 11, 22), session_id="s")
    row = session_row(session)
    cells = format.session_cells(row)
    totals = figures.session_figures(session)
    assert cells[0] == f"{session.started_at:%Y-%m-%d %H:%M}" == format.when(session.started_at)
    assert cells[1] == figures.format_duration(totals.duration)
    assert cells[2:5] == (str(totals.exercises), str(totals.work_sets), str(totals.reps))
    assert format.session_cells(replace(row, max_pain=None))[5] == figures.MISSING


def test_a_best_names_its_day() -> None:
    best = Best(12.0, "s", date(2026, 3, 4))
    assert format.best_text(best, "12 reps") == "12 reps (2026-03-04)"
    assert format.best_text(None, "") == figures.MISSING


def test_a_dose_fits_a_narrow_column() -> None:
    assert format.short_dose(PlanItem(CLAM, sets=3, reps=(12, 15))) == "3×12–15/side"
    assert format.short_dose(PlanItem(THRUST, sets=2, reps=(10, 10))) == "2×10"


def test_a_step_target_says_reps_hold_load_and_warm_up() -> None:
    item = PlanItem(CLAM, sets=2, reps=(12, 15))
    step = Step(index=0, item=0, kind="set", set_number=1, of=2, side="left")
    assert (
        format.step_target(item, step, None, "band:green", hold_cue=True)
        == "Target 12–15 reps · hold 1 s at the top (h counts it) · green band"
    )
    warmup = replace(step, warmup=True)
    thrust = PlanItem(THRUST, sets=2, reps=(8, 8))
    assert (
        format.step_target(thrust, warmup, 40.0, "kg", hold_cue=False)
        == "Target 8 reps · 40 kg · warm-up: go light"
    )


def test_when_keeps_the_zone_the_session_was_recorded_in() -> None:
    moment = datetime(2026, 11, 23, 18, 4, tzinfo=timezone(timedelta(hours=10)))
    assert format.when(moment) == "2026-11-23 18:04"


def test_load_words_follow_the_exercises_equipment() -> None:
    """No load given reads "bodyweight" only where the body is the load (issue 14)."""
    from glutetui.tui.format import load_words

    assert load_words(None, None, ()) == "bodyweight"
    assert load_words(None, None, ("mat",)) == "bodyweight"
    assert load_words(None, None, ("band",)) == "band, no colour set"
    for equipment in ("dumbbell", "barbell", "hip abductor machine"):
        assert load_words(None, None, (equipment, "bench")) == "no load set"
    assert load_words(None, "band:red", ("band",)) == "red band"
    assert load_words(20, "kg", ("dumbbell",)) == "20 kg"


def test_plural_agrees_with_the_count() -> None:
    from glutetui.tui.format import plural

    assert plural(1, "warm-up set") == "1 warm-up set"
    assert plural(2, "warm-up set") == "2 warm-up sets"
    assert plural(0, "step") == "0 steps"
