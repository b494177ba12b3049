"""ProgressPane: the log's Progress tab, one exercise at a time.

Personal bests, and sparklines of the reps, the top load and the pain reported over the most
recent sessions of the exercise chosen at the top. Styled in the log screen's ``log.tcss``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Select, Sparkline, Static

from glutetui import stats
from glutetui.figures import format_weight
from glutetui.text import neutralise
from glutetui.tui.format import best_text

if TYPE_CHECKING:
    from glutetui.model import Session

TREND_SESSIONS = 60
"""Sessions shown in each sparkline (the most recent ones)."""


class ProgressPane(VerticalScroll):
    """An exercise to choose, its bests, and its trends; :meth:`show` fills it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sessions: tuple[Session, ...] = ()
        self._unit = "kg"

    def compose(self) -> ComposeResult:
        yield Select[str]((), prompt="Exercise", id="log-exercise", compact=True)
        yield Static(id="log-bests", markup=False)
        yield Static(id="log-reps-label", classes="log-label", markup=False)
        yield Sparkline([], id="log-reps-trend", classes="log-trend")
        yield Static(id="log-load-label", classes="log-label", markup=False)
        yield Sparkline([], id="log-load-trend", classes="log-trend")
        yield Static(id="log-pain-label", classes="log-label", markup=False)
        yield Sparkline([], id="log-pain-trend", classes="log-trend")

    def show(self, exercises: Mapping[str, str], sessions: Iterable[Session], unit: str) -> None:
        """Offer ``exercises`` (id -> name), keeping the one chosen if it is still there, and
        show its figures from ``sessions`` with loads in ``unit``."""
        self._sessions = tuple(sessions)
        self._unit = unit
        select: Select[str] = self.query_one("#log-exercise", Select)
        current = select.value
        options = [(neutralise(name), exercise_id) for exercise_id, name in exercises.items()]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if isinstance(current, str) and current in exercises:
                select.value = current
            elif options:
                select.value = options[0][1]
        self._show(select.value if isinstance(select.value, str) else None)

    @on(Select.Changed, "#log-exercise")
    def _exercise_changed(self, event: Select.Changed) -> None:
        self._show(event.value if isinstance(event.value, str) else None)

    def _show(self, exercise_id: str | None) -> None:
        bests_text = self.query_one("#log-bests", Static)
        labels = [self.query_one(f"#log-{what}-label", Static) for what in ("reps", "load", "pain")]
        lines = [
            self.query_one(f"#log-{what}-trend", Sparkline) for what in ("reps", "load", "pain")
        ]
        if exercise_id is None:
            bests_text.update("No exercises logged yet.")
            for label in labels:
                label.update("")
            for line in lines:
                line.data = []
            return
        sessions, unit = self._sessions, self._unit
        bests_text.update(_bests(stats.personal_bests(sessions, exercise_id, unit), unit))
        trend = stats.exercise_trend(sessions, exercise_id, unit)[-TREND_SESSIONS:]
        pains = [p.pain for p in stats.pain_trend(sessions, exercise_id)[-TREND_SESSIONS:]]
        reps_label, load_label, pain_label = labels
        reps_line, load_line, pain_line = lines
        span = f"last {len(trend)} session" + ("s" if len(trend) != 1 else "")
        reps = [p.reps for p in trend]
        reps_label.update(
            f"Reps per session, {span}: {reps[0]} → {reps[-1]} (best {max(reps)})"
            if reps
            else "Reps per session: none yet"
        )
        reps_line.data = reps
        loads = [p.top_load for p in trend if p.top_load is not None]
        load_label.update(
            f"Top load ({unit}), {span}: "
            f"{format_weight(loads[0], unit)} → {format_weight(loads[-1], unit)}"
            if loads
            else "Top load: no weights logged (bands and body weight are not compared)"
        )
        load_line.data = loads
        pain_label.update(
            f"Pain after it (0–10, lower is better), last {len(pains)}: {pains[0]} → {pains[-1]}"
            if pains
            else "Pain after it: never reported"
        )
        pain_line.data = pains


def _bests(bests: stats.PersonalBests, unit: str) -> str:
    """The personal bests, one per line, each with the day it was reached."""
    reps, load, volume = bests.max_reps, bests.max_load, bests.max_volume
    return "\n".join(
        (
            "Personal bests",
            "  most reps in a set:    " + best_text(reps, f"{reps.value:.0f} reps" if reps else ""),
            "  heaviest load:         "
            + best_text(load, format_weight(load.value, unit) if load else ""),
            "  most volume, session:  "
            + best_text(volume, format_weight(volume.value, unit) if volume else ""),
        )
    )
