"""The report as a PDF: A4 pages on which text and charts follow one another, each chart beside
the lines it belongs to (the programme's adherence, pain and the next mornings, each exercise).

A section that fits on one page is never split across two; a chart is never cut. Drawn with
matplotlib's :class:`~matplotlib.backends.backend_pdf.PdfPages`, so no other library is needed;
text is set in the font matplotlib ships.
"""

from __future__ import annotations

import io
import itertools
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec

from glutetui.report import charts
from glutetui.report.data import NOT_A_DIAGNOSIS, ReportData
from glutetui.report.words import (
    BALANCE_MEANING,
    DOSE_MEANING,
    balance_rows,
    exercise_lines,
    explanations,
    programme_rows,
    summary_rows,
)

PAGE = (8.27, 11.69)  # A4, inches
MARGIN = 0.55  # inches, every side
USABLE = PAGE[1] - 2 * MARGIN
WRAP = 100
HEIGHTS = {
    "title": 0.32,
    "heading": 0.3,
    "subheading": 0.24,
    "notice": 0.17,
    "body": 0.17,
    "small": 0.155,
}
STYLES = {
    "title": {"fontsize": 16, "weight": "bold"},
    "heading": {"fontsize": 11, "weight": "bold"},
    "subheading": {"fontsize": 9.5, "weight": "bold"},
    "notice": {"fontsize": 9, "color": "#a93226"},
    "body": {"fontsize": 8.5},
    "small": {"fontsize": 7.5, "color": "#555555"},
}
SPACED = ("heading", "subheading")
"""Styles with space above them, which never end a page."""
# Room around a chart's axes, in inches: the y label on the left, the title above, the dates
# (and the month under them) below.
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM, CHART_GAP = 0.75, 0.15, 0.3, 0.5, 0.45


@dataclass(frozen=True)
class Line:
    """One line of text in a style of :data:`STYLES`."""

    style: str
    text: str
    beside: str = ""
    """Text of a second column (short entries set two to a line, such as next mornings)."""

    @property
    def height(self) -> float:
        return HEIGHTS[self.style]


Block = Line | charts.Chart
Section = tuple[Block, ...]
"""Blocks kept on one page whenever they fit on one."""


def _wrapped(style: str, text: str) -> list[Line]:
    # Continuation lines are indented, so that a wrapped entry reads as one.
    parts = textwrap.wrap(text, WRAP, subsequent_indent="    ") or [""]
    return [Line(style, part) for part in parts]


def _body(text: str) -> list[Line]:
    return _wrapped("body", text)


def sections(data: ReportData, generated: str) -> list[Section]:
    """The report as sections of lines and charts, in reading order."""
    out: list[Section] = []
    head: list[Block] = [Line("title", "Training report")]
    head += _wrapped("small", f"Made by glutetui on {generated}.")
    head += _wrapped("notice", NOT_A_DIAGNOSIS)
    head.append(Line("heading", "Summary"))
    for k, v in summary_rows(data):
        head += _body(f"{k}: {v}")
    out.append(tuple(head))
    if data.programme is not None:
        programme: list[Block] = [Line("heading", "Programme and adherence")]
        for k, v in programme_rows(data):
            programme += _body(f"{k}: {v}")
        programme.append(charts.adherence(data))
        out.append(tuple(programme))
    pain: list[Block] = [Line("heading", "Pain"), charts.pain(data)]
    for text in explanations(data):
        pain += _wrapped("small", text)
    out.append(tuple(pain))
    if data.mornings:
        mornings: list[Block] = [Line("subheading", "Next mornings")]
        mornings += _body("day, pain, zone, compared with before the session, settled or not:")
        entries = [
            f"{m.day.isoformat()}  pain {m.pain}, {m.zone}, {m.compared}, "
            f"{'settled' if m.settled else 'not settled'}"
            for m in data.mornings
        ]
        # Two to a line, oldest first along each line: a long programme's mornings in half
        # the pages. Each entry is short enough for half the page.
        mornings += [
            Line("body", first, second)
            for first, second in itertools.zip_longest(entries[::2], entries[1::2], fillvalue="")
        ]
        out.append(tuple(mornings))
    out.append((Line("heading", "Exercises"), *_wrapped("small", DOSE_MEANING)))
    if not data.exercises:
        out[-1] += tuple(_body("No exercise was logged in this period."))
    for item in data.exercises:
        lines: list[Block] = [Line("subheading", item.name)]
        for text in exercise_lines(item, data.unit):
            lines += _body(text)
        lines.append(charts.exercise(item, data))
        out.append(tuple(lines))
    balance = balance_rows(data)
    if balance:
        rows: list[Block] = [Line("heading", "Left and right")]
        rows += _wrapped("small", BALANCE_MEANING)
        for name, left, right, compared, gap in balance:
            rows += _body(f"{name}: left {left}, right {right} over {compared}; {gap}")
        out.append(tuple(rows))
    if data.self_tests:
        tests: list[Block] = [
            Line("heading", "Self-tests (a record to discuss, never a diagnosis)")
        ]
        for row in data.self_tests:
            answers = "; ".join(f"{q}: {a}" for q, a in row.answers)
            tests += _body(f"{row.day.isoformat()} {row.test}: {answers}")
            if row.note:
                tests += _body(f"    note: {row.note}")
        out.append(tuple(tests))
    if data.notes:
        notes: list[Block] = [Line("heading", "Notes")]
        # One entry a day: a session's short notes (one per exercise) fill lines, not pages.
        for day, same_day in itertools.groupby(data.notes, key=lambda n: n.day):
            said = "; ".join(f"{n.where}: {n.text}" for n in same_day)
            notes += _body(f"{day.isoformat()}  {said}")
        out.append(tuple(notes))
    sources: list[Block] = [Line("heading", "Sources")]
    for source in data.sources:
        sources += _body(source)
    out.append(tuple(sources))
    return out


def paginate(parts: Sequence[Section]) -> list[list[Block]]:
    """Blocks per page: a section that fits on a page starts a new one rather than split, a
    longer one flows line by line under its heading marked "(continued)", and a heading never
    ends a page."""
    pages: list[list[Block]] = [[]]
    used = 0.0
    for section in parts:
        total = sum(b.height for b in section)
        if pages[-1] and used + total > USABLE and total <= USABLE:
            pages.append([])
            used = 0.0
        first = section[0]
        for n, block in enumerate(section):
            need = block.height
            if isinstance(block, Line) and block.style in SPACED and n + 1 < len(section):
                need += section[n + 1].height
            if pages[-1] and used + need > USABLE:
                pages.append([])
                used = 0.0
                if n > 0 and isinstance(first, Line) and first.style in SPACED:
                    again = Line(first.style, f"{first.text} (continued)")
                    pages[-1].append(again)
                    used += again.height
            pages[-1].append(block)
            used += block.height
    return pages


def footer(data: ReportData, number: int, total: int) -> str:
    """The line at the foot of every page: whose period, which page of how many."""
    return (
        f"glutetui training report, {data.since.isoformat()} to {data.until.isoformat()}"
        f"  ·  page {number} of {total}"
    )


def _page(blocks: Sequence[Block], foot: str) -> Figure:
    width, height = PAGE
    page = Figure(figsize=PAGE)
    # A printed page may be read alone: each one says what it belongs to.
    page.text(
        0.5,
        MARGIN / 2 / height,
        foot,
        ha="center",
        va="center",
        family="DejaVu Sans",
        parse_math=False,
        **STYLES["small"],  # type: ignore[arg-type]
    )
    y = MARGIN
    for block in blocks:
        if isinstance(block, Line):
            # A heading's extra height is the space above it.
            top = y + (block.height - HEIGHTS["body"] if block.style in SPACED else 0)
            for column, text in enumerate((block.text, block.beside)):
                page.text(
                    (MARGIN + column * (width - 2 * MARGIN) / 2) / width,
                    1 - top / height,
                    text,
                    va="top",
                    family="DejaVu Sans",
                    parse_math=False,  # notes and names are text, never mathtext between dollars
                    **STYLES[block.style],  # type: ignore[arg-type]
                )
        else:
            _place(page, block, y)
        y += block.height
    return page


def _place(page: Figure, chart: charts.Chart, y: float) -> None:
    width, height = PAGE
    # A subfigure takes only the ratios of its grid (not its margins): the slot is the middle
    # cell of a 3x3 grid whose other cells are the page around it.
    grid = GridSpec(
        3,
        3,
        figure=page,
        left=0,
        right=1,
        top=1,
        bottom=0,
        wspace=0,
        hspace=0,
        width_ratios=(MARGIN, width - 2 * MARGIN, MARGIN),
        height_ratios=(y, chart.height, height - y - chart.height),
    )
    part = page.add_subfigure(grid[1, 1])
    chart.draw(part)
    # Each chart's axes stack in its own slot, with fixed room for labels: the page has no
    # layout engine to move them, so what is set here is what prints.
    inner = width - 2 * MARGIN
    stack = part.axes
    room = (chart.height - CHART_TOP - CHART_BOTTOM - CHART_GAP * (len(stack) - 1)) / len(stack)
    for n, axes in enumerate(stack):
        top = CHART_TOP + n * (room + CHART_GAP)
        axes.set_position(
            (
                CHART_LEFT / inner,
                1 - (top + room) / chart.height,
                (inner - CHART_LEFT - CHART_RIGHT) / inner,
                room / chart.height,
            )
        )


def render(data: ReportData, generated: str) -> bytes:
    """The whole report as PDF bytes."""
    buffer = io.BytesIO()
    with (
        charts.style(),
        PdfPages(buffer, metadata={"Creator": "glutetui", "CreationDate": None}) as pdf,
    ):
        pages = paginate(sections(data, generated))
        for number, blocks in enumerate(pages, 1):
            pdf.savefig(_page(blocks, footer(data, number, len(pages))))
    return buffer.getvalue()
