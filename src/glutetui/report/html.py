"""The report as one self-contained HTML file: inline SVG charts, inline CSS, no external reference."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from glutetui.report import charts
from glutetui.report.data import NOT_A_DIAGNOSIS, ReportData
from glutetui.report.words import (
    BALANCE_MEANING,
    DOSE_MEANING,
    balance_rows,
    explanations,
    first_and_last,
    plural,
    programme_rows,
    summary_rows,
)

CSS = """
body { font-family: sans-serif; max-width: 52em; margin: 1.5em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; vertical-align: top; }
th { font-weight: 600; }
td:first-child { white-space: nowrap; }
td:last-child { overflow-wrap: anywhere; }
figure, tr { break-inside: avoid; }
h2, h3 { break-after: avoid; }
.notice { border-left: 4px solid #c0392b; padding: 0.4em 0.8em; background: #fbeeee; }
.small { font-size: 0.85em; color: #555; }
figure { margin: 0.6em 0; }
figure svg { width: 100%; height: auto; }
"""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pairs(rows: Sequence[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table><tbody>{body}</tbody></table>"


def _chart(chart: charts.Chart) -> str:
    return charts.svg(chart.figure(), chart.name)


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption class=small>{escape(caption)}</figcaption></figure>"


def render(data: ReportData, generated: str) -> str:
    """The whole report as an HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>glutetui report {escape(data.since.isoformat())} to {escape(data.until.isoformat())}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Training report</h1>",
        f"<p class=small>Made by glutetui on {escape(generated)}.</p>",
        f"<p class=notice>{escape(NOT_A_DIAGNOSIS)}</p>",
        "<h2>Summary</h2>",
        _pairs(summary_rows(data)),
    ]
    if data.programme is not None:
        parts += [
            "<h2>Programme and adherence</h2>",
            _pairs(programme_rows(data)),
            _figure(
                _chart(charts.adherence(data)),
                "Planned sessions (grey) and sessions done (green) in each programme week.",
            ),
        ]
    parts += [
        "<h2>Pain</h2>",
        _figure(
            _chart(charts.pain(data)),
            "Highest pain reported in each session, and next-morning answers, over the pain zones.",
        ),
        *(f"<p class=small>{escape(line)}</p>" for line in explanations(data)),
    ]
    if data.mornings:
        parts += [
            "<h3>Next mornings</h3>",
            _table(
                ["day", "pain", "zone", "compared with before the session", "settled"],
                [
                    (
                        m.day.isoformat(),
                        str(m.pain),
                        m.zone,
                        m.compared,
                        "yes" if m.settled else "no",
                    )
                    for m in data.mornings
                ],
            ),
        ]
    parts += ["<h2>Exercises</h2>", f"<p class=small>{escape(DOSE_MEANING)}</p>"]
    if not data.exercises:
        parts.append("<p>No exercise was logged in this period.</p>")
    for exercise in data.exercises:
        parts += [
            f"<h3>{escape(exercise.name)}</h3>",
            f"<p class=small>{plural(exercise.sessions, 'session')} in this period.</p>",
            _table(["side", "first session", "last session"], first_and_last(exercise, data.unit)),
            _figure(
                _chart(charts.exercise(exercise, data)),
                "Each session's work-set total, per side; below it, the heaviest load where one was used.",
            ),
        ]
    balance = balance_rows(data)
    if balance:
        parts += [
            "<h2>Left and right</h2>",
            f"<p class=small>{escape(BALANCE_MEANING)}</p>",
            _table(["exercise", "left", "right", "sets compared", "difference"], balance),
        ]
    if data.self_tests:
        parts.append("<h2>Self-tests</h2>")
        parts.append(
            _table(
                ["day", "test", "results", "note"],
                [
                    (
                        r.day.isoformat(),
                        r.test,
                        "; ".join(f"{q}: {a}" for q, a in r.answers),
                        r.note,
                    )
                    for r in data.self_tests
                ],
            )
        )
        parts.append("<p class=small>A self-test is a record to discuss, never a diagnosis.</p>")
    if data.notes:
        parts += [
            "<h2>Notes</h2>",
            _table(
                ["day", "about", "note"], [(n.day.isoformat(), n.where, n.text) for n in data.notes]
            ),
        ]
    parts += ["<h2>Sources</h2>", *(f"<p class=small>{escape(s)}</p>" for s in data.sources)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
