"""The report's layout: whole-number axes, loads clear of the frame, dense A4 pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from glutetui.coach.adherence import Adherence, WeekAdherence
from glutetui.report.data import Note, ProgrammeSummary, ReportData, build
from tests.report.test_report import DAY1, DAY2, HISTORY

pytest.importorskip("matplotlib", reason="the report needs the glutetui[report] extra")

from glutetui.report import charts, pdf

A4_POINTS = "595.44 841.68"


def one_week(data: ReportData) -> ReportData:
    """``data`` with a programme started on its first day, one week in."""
    week = WeekAdherence(week=0, stage=0, planned=2, done=1)
    programme = ProgrammeSummary("Basics", data.since, "Learn", 1, 2, Adherence((week,)), "")
    return replace(data, programme=programme)


def visible_ticks(axes: object) -> tuple[list[float], list[float]]:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    low, high = axes.get_xlim()
    xs = [float(t) for t in axes.get_xticks() if low <= t <= high]
    low, high = axes.get_ylim()
    ys = [float(t) for t in axes.get_yticks() if low <= t <= high]
    return xs, ys


def test_adherence_of_one_week_is_ticked_in_whole_weeks_and_sessions() -> None:
    # Was: ticks 0.6, 0.7 ... 1.4 for the one week, and 0.5 sessions.
    data = one_week(build(HISTORY, DAY1, DAY2))
    figure = charts.adherence(data).figure()
    figure.canvas.draw()
    weeks, sessions = visible_ticks(figure.axes[0])
    assert weeks == [1.0]
    assert sessions and all(s.is_integer() for s in sessions)


def test_reps_are_ticked_in_whole_numbers() -> None:
    data = build(HISTORY, DAY1, DAY2)
    clamshell = next(e for e in data.exercises if e.exercise_id == "clamshell")
    figure = charts.exercise(clamshell, data).figure()
    figure.canvas.draw()
    _, reps = visible_ticks(figure.axes[0])
    assert reps and all(r.is_integer() for r in reps)


def test_the_heaviest_load_stays_clear_of_the_frame() -> None:
    # Was: the y axis ended at the heaviest load, so a steady load drew over the top frame.
    data = build(HISTORY, DAY1, DAY2)
    thrust = next(e for e in data.exercises if e.exercise_id == "barbell-hip-thrust")
    figure = charts.exercise(thrust, data).figure()
    reps, load = figure.axes
    assert load.get_ylim()[1] >= 44.0 * 1.1  # the heaviest hip thrust, 44 kg
    assert reps.get_ylim()[1] >= 10 * 1.1


def test_every_chart_spans_the_whole_period() -> None:
    from matplotlib.dates import num2date

    data = build(HISTORY, DAY1 - timedelta(days=7), DAY2 + timedelta(days=7))
    for chart in (charts.pain(data), *(charts.exercise(e, data) for e in data.exercises)):
        for axes in chart.figure().axes:
            low, high = (num2date(x).date() for x in axes.get_xlim())
            assert low <= data.since and high >= data.until, chart.name


def page_sizes(payload: bytes) -> list[str]:
    found = re.findall(rb"/MediaBox \[ ?0 0 ([\d.]+ [\d.]+) ?\]", payload)
    return [size.decode() for size in found]


def test_a_short_report_is_one_or_two_a4_pages() -> None:
    data = one_week(build(HISTORY, DAY1, DAY2))
    payload = pdf.render(data, "2026-11-05 09:00")
    assert page_sizes(payload) == [A4_POINTS] * 2  # was one page of text, then a page per chart


def test_a_section_that_fits_on_a_page_is_never_split() -> None:
    data = one_week(build(HISTORY, DAY1, DAY2))
    parts = pdf.sections(data, "2026-11-05 09:00")
    pages = pdf.paginate(parts)
    where = {id(block): n for n, page in enumerate(pages) for block in page}
    for section in parts:
        assert sum(b.height for b in section) <= pdf.USABLE
        assert len({where[id(b)] for b in section}) == 1, section[0]
    for page in pages:
        assert sum(b.height for b in page) <= pdf.USABLE


def test_a_long_section_flows_on_and_no_page_ends_on_a_heading() -> None:
    notes = tuple(Note(DAY1 + timedelta(days=n), "session", f"note {n}") for n in range(150))
    data = replace(build(HISTORY, DAY1, DAY2), notes=notes)
    pages = pdf.paginate(pdf.sections(data, "2026-11-05 09:00"))
    lines = [b.text for page in pages for b in page if isinstance(b, pdf.Line)]
    assert [t for t in lines if " session: note " in t] == [
        f"{(DAY1 + timedelta(days=n)).isoformat()}  session: note {n}" for n in range(150)
    ]
    for page in pages:
        assert sum(b.height for b in page) <= pdf.USABLE
        last = page[-1]
        assert not (isinstance(last, pdf.Line) and last.style in pdf.SPACED)


def test_a_long_note_wraps_into_indented_lines_without_losing_a_word() -> None:
    # Was: wrapped twice, leaving a line holding one word and a line without its indent.
    text = "the outer hip felt tight on the stairs after work, eased off after the warm-up " * 4
    data = replace(build(HISTORY, DAY1, DAY2), notes=(Note(DAY2, "session", text.strip()),))
    lines = [
        b.text
        for section in pdf.sections(data, "2026-11-05 09:00")
        for b in section
        if isinstance(b, pdf.Line) and b.style == "body"
    ]
    start = next(n for n, t in enumerate(lines) if t.startswith("2026-11-04  session:"))
    mine = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        mine.append(line)
    assert all(len(line) <= pdf.WRAP for line in mine)
    assert all(len(line.split()) > 3 for line in mine[:-1])
    assert " ".join(" ".join(mine).split()) == f"2026-11-04 session: {text.strip()}"


def test_the_notes_of_one_day_share_an_entry() -> None:
    data = build(HISTORY, DAY1, DAY2)
    lines = [
        b.text
        for section in pdf.sections(data, "x")
        if section[0] == pdf.Line("heading", "Notes")
        for b in section[1:]
        if isinstance(b, pdf.Line)
    ]
    assert lines == [
        "2026-11-02  Clamshell: left hip tight",
        "2026-11-04  session: felt <b>strong</b>; Clamshell: left hip tight",
    ]


def test_left_and_right_say_how_many_sets_compare_and_what_a_flag_means() -> None:
    from glutetui.report.words import BALANCE_MEANING, balance_rows

    data = build(HISTORY, DAY1, DAY2)
    assert balance_rows(data) == [
        ("Clamshell", "78 reps", "66 reps", "6 sets", "right 15 % less (flagged)")
    ]
    assert "above 10 % is flagged" in BALANCE_MEANING and "not a clinical limit" in BALANCE_MEANING
    lines = [
        b.text
        for section in pdf.sections(data, "2026-11-05 09:00")
        for b in section
        if isinstance(b, pdf.Line)
    ]
    assert "Clamshell: left 78 reps, right 66 reps over 6 sets; right 15 % less (flagged)" in lines


def test_dollars_in_names_and_notes_are_text_not_mathtext() -> None:
    # Was: matplotlib read "$...$" as mathtext, so "$\frac{$" from a log file raised ValueError
    # (a traceback from glutetui report) and "$x^2$" printed as a formula.
    from glutetui.report import html

    data = build(HISTORY, DAY1, DAY2)
    odd = r"Clam $\frac{$ shell"
    exercises = (replace(data.exercises[0], name=odd), *data.exercises[1:])
    notes = (Note(DAY2, "session", r"paid $\frac{$ for the band"),)
    data = replace(data, exercises=exercises, notes=notes)
    assert pdf.render(data, "2026-11-05 09:00").startswith(b"%PDF-")
    assert "Clam $\\frac{$ shell" in html.render(data, "2026-11-05 09:00")
    figure = charts.exercise(data.exercises[0], data).figure()
    assert figure.axes[0].get_title() == odd
    assert figure.axes[0].title.get_parse_math() is False


def test_a_short_period_is_ticked_in_days_not_hours() -> None:
    # Was: two days apart, the date axis ticked 12:00 between them.
    data = build(HISTORY, DAY1, DAY2)
    for chart in (charts.pain(data), *(charts.exercise(e, data) for e in data.exercises)):
        figure = chart.figure()
        figure.canvas.draw()
        for axes in figure.axes:
            days, _ = visible_ticks(axes)
            assert days and all(d.is_integer() for d in days), chart.name


def test_next_mornings_are_set_two_to_a_line_in_order() -> None:
    from datetime import datetime

    from glutetui.coach.checkins import CheckIn
    from tests.report.test_report import TZ

    answers = [
        CheckIn(datetime(2026, 11, 2, 8, 0, tzinfo=TZ) + timedelta(days=n), n % 4, "same")
        for n in range(5)
    ]
    data = build(HISTORY, DAY1, DAY1 + timedelta(days=6), checkins=answers)
    section = next(
        s
        for s in pdf.sections(data, "x")
        if isinstance(s[0], pdf.Line) and s[0].text == "Next mornings"
    )
    rows = [(b.text, b.beside) for b in section[2:] if isinstance(b, pdf.Line)]
    assert rows == [
        ("2026-11-02  pain 0, fine, same, settled", "2026-11-03  pain 1, fine, same, settled"),
        ("2026-11-04  pain 2, fine, same, settled", "2026-11-05  pain 3, fine, same, settled"),
        ("2026-11-06  pain 0, fine, same, settled", ""),
    ]
    assert all(len(text) <= pdf.WRAP // 2 for row in rows for text in row)


def test_a_long_unbroken_note_wraps_in_the_html_and_print_keeps_charts_whole() -> None:
    # Was: a 300-character link in a note widened the page past the window (seen in chromium).
    from glutetui.report import html

    word = "https://example.org/" + "a" * 300
    data = replace(build(HISTORY, DAY1, DAY2), notes=(Note(DAY2, "session", word),))
    text = html.render(data, "x")
    assert f"<td>{word}</td></tr></tbody></table>" in text  # the note is the row's last cell
    assert "td:last-child { overflow-wrap: anywhere; }" in text
    assert "figure, tr { break-inside: avoid; }" in text


def test_a_self_test_shown_keeps_its_source_and_its_note_is_neutralised() -> None:
    # Was: the report showed a result without where the test comes from or what counts as
    # positive, and a note from the file went out with its control characters.
    from datetime import datetime

    from glutetui.coach.selftests import Field, SelfTest, SelfTestResult
    from glutetui.report import html
    from glutetui.report.data import PAIN_ZONES_SOURCE, self_test_rows
    from tests.report.test_report import TZ

    test = SelfTest(
        "stance", "Stance", ("Stand on one leg.",), (Field("pain", "Pain"),), "Someone 2017."
    )
    results = [
        SelfTestResult(f"r{n}", "stance", datetime(2026, 11, 2 + n, 9, tzinfo=TZ), {"pain": n})
        for n in range(2)
    ]
    results.append(replace(results[0], id="r9", note="felt \x1b[31mred\x07"))
    rows = self_test_rows(results, {"stance": test})
    data = build(HISTORY, DAY1, DAY2, self_tests=rows)
    assert data.sources == (PAIN_ZONES_SOURCE, "Stance: Someone 2017.")  # once, not per result
    assert "\x1b" not in html.render(data, "x")
    assert [r.note for r in rows if r.note] == ["felt [31mred"]
    assert build(HISTORY, DAY2, DAY2, self_tests=rows[:1]).sources == (PAIN_ZONES_SOURCE,)


def test_a_section_flowing_on_repeats_its_heading_and_every_page_has_a_footer() -> None:
    notes = tuple(Note(DAY1 + timedelta(days=n), "session", f"note {n}") for n in range(150))
    data = replace(build(HISTORY, DAY1, DAY2), notes=notes)
    pages = pdf.paginate(pdf.sections(data, "x"))
    later = [p for p in pages if any(isinstance(b, pdf.Line) and "note 149" in b.text for b in p)]
    assert later and isinstance(later[0][0], pdf.Line)
    assert later[0][0].text == "Notes (continued)"
    assert [pdf.footer(data, n, 3) for n in (1, 3)] == [
        "glutetui training report, 2026-11-02 to 2026-11-04  ·  page 1 of 3",
        "glutetui training report, 2026-11-02 to 2026-11-04  ·  page 3 of 3",
    ]


def test_the_pdf_says_its_period_and_page_on_every_page(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    target = tmp_path / "report.pdf"
    target.write_bytes(pdf.render(one_week(build(HISTORY, DAY1, DAY2)), "x"))
    done = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    pages = done.stdout.split("\f")
    for n, page in enumerate(p for p in pages if p.strip()):
        assert f"2026-11-02 to 2026-11-04 · page {n + 1} of 2" in " ".join(page.split())
