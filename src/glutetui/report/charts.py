"""The report's charts, drawn with matplotlib's object API (no pyplot, no GUI backend).

Each function returns a :class:`matplotlib.figure.Figure`; :func:`svg` and :func:`png` turn one
into bytes for the HTML report, and the PDF report saves them as pages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from glutetui.report.data import ExerciseReport, ReportData
from glutetui.report.words import percent

_ID = re.compile(r'\b(id)="([^"#]+)"')
_REF = re.compile(r'(href="|url\()#([^")]+)')
ZONE_COLOURS = {"green": "#cfe8cf", "amber": "#f6e3b4", "red": "#f3c6c0"}
SIDE_STYLE = {"left": ("#1f77b4", "o"), "right": ("#d62728", "s"), "both": ("#444444", "^")}
WIDTH = 7.5


@contextmanager
def style() -> Iterator[None]:
    """The report's look; SVG text drawn as paths and ids salted, so output is reproducible."""
    with matplotlib.rc_context(
        {"font.size": 8, "svg.hashsalt": "glutetui", "svg.fonttype": "path"}
    ):
        yield


def _days(days: Sequence[date]) -> np.ndarray:
    return np.array(days, dtype="datetime64[D]")


def _dates(axes: Axes, days: Sequence[date]) -> None:
    if len(set(days)) < 2:
        # One day alone leaves the locator no range to divide: show the week around it.
        middle = float(date2num(min(days)))  # type: ignore[no-untyped-call]
        axes.set_xlim(middle - 3, middle + 3)
    locator = AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _empty(axes: Axes, words: str) -> None:
    axes.text(0.5, 0.5, words, ha="center", va="center", transform=axes.transAxes)
    axes.set_xticks([])


def pain_chart(data: ReportData) -> Figure:
    """Pain during sessions and on the next mornings, over the zones."""
    with style():
        return _pain_chart(data)


def _pain_chart(data: ReportData) -> Figure:
    figure = Figure(figsize=(WIDTH, 2.8), layout="constrained")
    axes = figure.add_subplot()
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
    axes.set_ylabel("pain (0–10)")
    axes.set_title("Pain")
    if data.pain or data.mornings:
        _dates(axes, [d for d, _ in data.pain] + [m.day for m in data.mornings])
        axes.legend(loc="upper left", fontsize=7, ncols=2)
    else:
        _empty(axes, "No pain was reported in this period")
    return figure


def exercise_chart(exercise: ExerciseReport, unit: str) -> Figure:
    """Reps (or seconds) per side per session, and the heaviest load per side."""
    with style():
        return _exercise_chart(exercise, unit)


def _exercise_chart(exercise: ExerciseReport, unit: str) -> Figure:
    loaded = any(p.load is not None for p in exercise.points)
    figure = Figure(figsize=(WIDTH, 3.4 if loaded else 2.2), layout="constrained")
    rows = 2 if loaded else 1
    top = figure.add_subplot(rows, 1, 1)
    measure = "seconds" if exercise.timed else "reps"
    for side in ("left", "right", "both"):
        mine = [p for p in exercise.points if p.side == side]
        if not mine:
            continue
        colour, marker = SIDE_STYLE[side]
        values = [p.seconds if exercise.timed else p.reps for p in mine]
        top.plot(
            _days([p.day for p in mine]),
            values,
            marker=marker,
            color=colour,
            label=side,
            markersize=3,
        )
    bands = sorted({b for p in exercise.points for b in p.bands})
    title = exercise.name + (f" (band: {', '.join(bands)})" if bands else "")
    top.set_title(title)
    top.set_ylabel(f"{measure} per session")
    top.set_ylim(bottom=0)
    top.legend(loc="lower left", fontsize=7, ncols=3)
    _dates(top, [p.day for p in exercise.points])
    if loaded:
        bottom = figure.add_subplot(rows, 1, 2, sharex=top)
        for side in ("left", "right", "both"):
            mine = [p for p in exercise.points if p.side == side and p.load is not None]
            if mine:
                colour, marker = SIDE_STYLE[side]
                bottom.plot(
                    _days([p.day for p in mine]),
                    [p.load for p in mine if p.load is not None],
                    marker=marker,
                    color=colour,
                    markersize=3,
                )
        bottom.set_ylabel(f"heaviest ({unit})")
        bottom.set_ylim(bottom=0)
        _dates(bottom, [p.day for p in exercise.points])
    return figure


def adherence_chart(data: ReportData, started: date) -> Figure:
    """Sessions done against planned, per programme week."""
    with style():
        return _adherence_chart(data, started)


def _adherence_chart(data: ReportData, started: date) -> Figure:
    assert data.programme is not None
    weeks = data.programme.adherence.weeks
    figure = Figure(figsize=(WIDTH, 2.0), layout="constrained")
    axes = figure.add_subplot()
    numbers = [w.week + 1 for w in weeks]
    axes.bar(numbers, [w.planned for w in weeks], color="#dddddd", label="planned")
    axes.bar(numbers, [w.done for w in weeks], color="#2b8a3e", width=0.5, label="done")
    axes.set_xlabel(f"programme week (from {started.isoformat()})")
    axes.set_ylabel("sessions")
    axes.legend(loc="upper left", fontsize=7, ncols=2)
    axes.set_title(f"Adherence: {percent(data.programme.adherence.share)} overall")
    return figure


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


def png(figure: Figure, dpi: int = 110) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
