"""The report's charts, drawn with matplotlib's object API (no pyplot, no GUI backend).

Each chart is a :class:`Chart`: a height and a function that draws it into a figure or a part of
one, so the HTML report gives each chart a figure of its own while the PDF sets several on one
page. :func:`svg` and :func:`png` turn a figure into bytes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import (
    AutoDateLocator,
    ConciseDateFormatter,
    DateLocator,
    DayLocator,
    date2num,
)
from matplotlib.figure import Figure, FigureBase
from matplotlib.ticker import MaxNLocator

from glutetui.report.data import ExerciseReport, ReportData
from glutetui.report.words import percent

_ID = re.compile(r'\b(id)="([^"#]+)"')
_REF = re.compile(r'(href="|url\()#([^")]+)')
ZONE_COLOURS = {"green": "#cfe8cf", "amber": "#f6e3b4", "red": "#f3c6c0"}
SIDE_STYLE = {"left": ("#1f77b4", "o"), "right": ("#d62728", "s"), "both": ("#444444", "^")}
SIDE_LABEL = {"left": "left", "right": "right", "both": "both sides together"}
WIDTH = 7.5
SHORT_DAYS = 21
"""Periods up to three weeks are ticked in whole days."""
HEADROOM = 1.15
"""The highest value reaches 1/1.15 of an axis, so a flat line never merges with its frame."""


@dataclass(frozen=True)
class Chart:
    """One chart: its name (unique in a report), its height in inches, and how to draw it."""

    name: str
    height: float
    draw: Callable[[FigureBase], None]

    def figure(self) -> Figure:
        """The chart alone, in a figure of its own size."""
        with style():
            figure = Figure(figsize=(WIDTH, self.height), layout="constrained")
            self.draw(figure)
        return figure


@contextmanager
def style() -> Iterator[None]:
    """The report's look; SVG text drawn as paths and ids salted, so output is reproducible."""
    with matplotlib.rc_context(
        {"font.size": 8, "svg.hashsalt": "glutetui", "svg.fonttype": "path"}
    ):
        yield


def _days(days: Sequence[date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _period(axes: Axes, since: date, until: date) -> None:
    """Dates across the whole period of the report, so gaps show and charts line up."""
    low, high = float(date2num(since)), float(date2num(until))  # type: ignore[no-untyped-call]
    # Half a day either side keeps a point on the first or last day off the frame; one day
    # alone leaves the locator no range to divide, so it gets the week around it.
    spread = 3.0 if high - low < 1 else 0.5
    axes.set_xlim(low - spread, high + spread)
    days = high - low + 2 * spread
    # Sessions are logged by day: over a short period the automatic locator would tick hours.
    locator: DateLocator = (
        DayLocator(interval=max(1, math.ceil(days / 8)))  # type: ignore[no-untyped-call]
        if days <= SHORT_DAYS
        else AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    )
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _counts(axes: Axes, values: Sequence[float]) -> None:
    """A y axis from 0 with room above the highest value, ticked at whole numbers."""
    axes.set_ylim(0, max([*values, 1]) * HEADROOM)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))


def _empty(axes: Axes, words: str) -> None:
    axes.text(0.5, 0.5, words, ha="center", va="center", transform=axes.transAxes)
    axes.set_xticks([])


def pain(data: ReportData) -> Chart:
    """Pain during sessions and on the next mornings, over the zones."""
    return Chart("pain", 2.8, lambda target: _draw_pain(target, data))


def _draw_pain(target: FigureBase, data: ReportData) -> None:
    axes = target.add_subplot()
    for zone in data.zones:
        # Whole-number scores: a zone's band reaches half-way to its neighbours.
        low, high = max(zone.low - 0.5, 0), min(zone.high + 0.5, 10)
        axes.axhspan(low, high, color=ZONE_COLOURS[zone.id], zorder=0, label=zone.label)
    if data.pain:
        days, values = zip(*data.pain, strict=True)
        axes.plot(
            _days(days), values, marker="o", color="#333333", label="during sessions (highest)"
        )
    if data.mornings:
        axes.plot(
            _days([m.day for m in data.mornings]),
            [m.pain for m in data.mornings],
            marker="D",
            linestyle="--",
            color="#7b3294",
            label="next mornings",
        )
    axes.set_ylim(0, 10)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("pain (0–10)")
    axes.set_title("Pain")
    if data.pain or data.mornings:
        _period(axes, data.since, data.until)
        axes.legend(loc="upper left", fontsize=7, ncols=2)
    else:
        _empty(axes, "No pain score was logged in this period")


def exercise(item: ExerciseReport, data: ReportData) -> Chart:
    """Reps (or seconds) per side per session, and the heaviest load per side."""
    loaded = any(p.load is not None for p in item.points)
    return Chart(
        item.exercise_id, 3.4 if loaded else 2.2, lambda target: _draw_exercise(target, item, data)
    )


def _draw_exercise(target: FigureBase, item: ExerciseReport, data: ReportData) -> None:
    loaded = any(p.load is not None for p in item.points)
    rows = 2 if loaded else 1
    top = target.add_subplot(rows, 1, 1)
    measure = "seconds held" if item.timed else "reps"
    amounts: list[float] = []
    for side in ("left", "right", "both"):
        mine = [p for p in item.points if p.side == side]
        if not mine:
            continue
        colour, marker = SIDE_STYLE[side]
        values = [p.seconds if item.timed else p.reps for p in mine]
        amounts += values
        top.plot(
            _days([p.day for p in mine]),
            values,
            marker=marker,
            color=colour,
            label=SIDE_LABEL[side],
            markersize=3,
        )
    bands = sorted({b for p in item.points for b in p.bands})
    # Names and band colours come from files and plugins: text, never mathtext between dollars.
    top.set_title(item.name + (f" (band: {', '.join(bands)})" if bands else ""), parse_math=False)
    top.set_ylabel(f"{measure} in work sets")
    _counts(top, amounts)
    top.legend(loc="lower left", fontsize=7, ncols=3)
    _period(top, data.since, data.until)
    if loaded:
        bottom = target.add_subplot(rows, 1, 2, sharex=top)
        heaviest: list[float] = []
        for side in ("left", "right", "both"):
            mine = [p for p in item.points if p.side == side and p.load is not None]
            if mine:
                colour, marker = SIDE_STYLE[side]
                loads = [p.load for p in mine if p.load is not None]
                heaviest += loads
                bottom.plot(
                    _days([p.day for p in mine]), loads, marker=marker, color=colour, markersize=3
                )
        bottom.set_ylabel(f"heaviest load ({data.unit})")
        bottom.set_ylim(0, max(heaviest) * HEADROOM)
        _period(bottom, data.since, data.until)


def adherence(data: ReportData) -> Chart:
    """Sessions done against planned, per programme week."""
    return Chart("adherence", 2.0, lambda target: _draw_adherence(target, data))


def _draw_adherence(target: FigureBase, data: ReportData) -> None:
    assert data.programme is not None
    weeks = data.programme.adherence.weeks
    axes = target.add_subplot()
    numbers = [w.week + 1 for w in weeks]
    axes.bar(numbers, [w.planned for w in weeks], color="#dddddd", label="planned")
    axes.bar(numbers, [w.done for w in weeks], color="#2b8a3e", width=0.5, label="done")
    # Weeks and sessions are whole things: a tick between two would be a week nobody had.
    axes.set_xticks(numbers if len(numbers) <= 16 else numbers[:: -(-len(numbers) // 16)])
    axes.set_xlim(min(numbers, default=1) - 0.6, max(numbers, default=1) + 0.6)
    axes.set_xlabel(f"programme week (week 1 from {data.programme.started.isoformat()})")
    axes.set_ylabel("sessions")
    _counts(axes, [max(w.planned, w.done) for w in weeks])
    axes.legend(loc="upper left", fontsize=7, ncols=2)
    axes.set_title(f"Adherence: {percent(data.programme.adherence.share)} of planned sessions done")


def svg(figure: Figure, name: str) -> str:
    """The figure as an SVG element (text drawn as paths: no font needed to show it).

    ``name`` salts the element ids, so that several charts in one page never share one.
    """
    buffer = io.StringIO()
    with style(), matplotlib.rc_context({"svg.hashsalt": name}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    # matplotlib numbers its ids from 1 in every document (figure_1, glyph ids): prefixed, the
    # charts of one page keep ids of their own, as HTML requires.
    text = _ID.sub(lambda m: f'{m.group(1)}="{name}-{m.group(2)}"', text)
    return _REF.sub(lambda m: f"{m.group(1)}#{name}-{m.group(2)}", text)
