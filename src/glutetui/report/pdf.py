"""The report as a PDF: text pages first (summary, programme, doses, balance, notes), then charts.

Drawn with matplotlib's :class:`~matplotlib.backends.backend_pdf.PdfPages`, so no other library
is needed; text is set in the font matplotlib ships.
"""

from __future__ import annotations

import io
import textwrap

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from glutetui.report import charts
from glutetui.report.data import NOT_A_DIAGNOSIS, ReportData
from glutetui.report.words import balance_rows, first_and_last, programme_rows, summary_rows

PAGE = (8.27, 11.69)  # A4, inches
LINES_PER_PAGE = 62
WRAP = 100


def _lines(data: ReportData, generated: str) -> list[tuple[str, str]]:
    """``(style, text)`` for the text pages: ``title``, ``heading``, ``notice`` or ``body``."""
    lines: list[tuple[str, str]] = [
        ("title", "Training report"),
        ("body", f"Made by glutetui on {generated}."),
    ]
    lines += [("notice", part) for part in textwrap.wrap(NOT_A_DIAGNOSIS, WRAP)]
    lines.append(("heading", "Summary"))
    lines += [("body", f"{k}: {v}") for k, v in summary_rows(data)]
    if data.programme is not None:
        lines.append(("heading", "Programme and adherence"))
        lines += [("body", f"{k}: {v}") for k, v in programme_rows(data)]
    lines.append(("heading", "Exercises: first and last session of the period"))
    for exercise in data.exercises:
        lines.append(("body", f"{exercise.name} ({exercise.sessions} sessions)"))
        lines += [
            ("body", f"    {side}: {first} -> {last}")
            for side, first, last in first_and_last(exercise, data.unit)
        ]
    balance = balance_rows(data)
    if balance:
        lines.append(("heading", "Left and right"))
        lines += [
            ("body", f"{name}: left {left}, right {right} ({basis}); {gap}")
            for name, left, right, basis, gap in balance
        ]
    if data.self_tests:
        lines.append(("heading", "Self-tests (a record to discuss, never a diagnosis)"))
        for row in data.self_tests:
            text = f"{row.day.isoformat()} {row.test}: " + "; ".join(
                f"{q} {a}" for q, a in row.answers
            )
            for n, part in enumerate(textwrap.wrap(text, WRAP)):
                lines.append(("body", part if n == 0 else f"    {part}"))
    if data.notes:
        lines.append(("heading", "Notes"))
        for note in data.notes:
            for n, part in enumerate(
                textwrap.wrap(f"{note.day.isoformat()} {note.where}: {note.text}", WRAP)
            ):
                lines.append(("body", part if n == 0 else f"    {part}"))
    lines.append(("heading", "Sources"))
    for source in data.sources:
        lines += [("body", part) for part in textwrap.wrap(source, WRAP)]
    # Any line still wider than the page (a programme's source, a long name) wraps too: the
    # page has no right margin to spill into.
    return [
        (style, part)
        for style, text in lines
        for part in (
            textwrap.wrap(text, WRAP, subsequent_indent="    ", drop_whitespace=False)
            if style == "body" and len(text) > WRAP
            else [text]
        )
    ]


STYLES = {
    "title": {"fontsize": 16, "weight": "bold"},
    "heading": {"fontsize": 11, "weight": "bold"},
    "notice": {"fontsize": 9, "color": "#a93226"},
    "body": {"fontsize": 8.5},
}


def _text_page(lines: list[tuple[str, str]]) -> Figure:
    page = Figure(figsize=PAGE)
    y = 0.96
    for style, text in lines:
        if style == "heading":
            y -= 0.008
        page.text(0.07, y, text, va="top", family="DejaVu Sans", **STYLES[style])  # type: ignore[arg-type]
        y -= 0.021 if style == "title" else 0.0145
    return page


def render(data: ReportData, generated: str) -> bytes:
    """The whole report as PDF bytes."""
    lines = _lines(data, generated)
    buffer = io.BytesIO()
    with (
        charts.style(),
        PdfPages(buffer, metadata={"Creator": "glutetui", "CreationDate": None}) as pdf,
    ):
        for start in range(0, len(lines), LINES_PER_PAGE):
            pdf.savefig(_text_page(lines[start : start + LINES_PER_PAGE]))
        if data.programme is not None:
            pdf.savefig(charts.adherence_chart(data, data.programme.started))
        pdf.savefig(charts.pain_chart(data))
        for exercise in data.exercises:
            pdf.savefig(charts.exercise_chart(exercise, data.unit))
    return buffer.getvalue()
