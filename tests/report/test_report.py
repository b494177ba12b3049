"""The report: its numbers are the log's, its HTML stands alone, its PDF pages render."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glutetui import balance as sides
from glutetui import figures, stats
from glutetui.coach.selftests import SelfTestResult
from glutetui.coach.selftests_store import save_result
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.report.data import NOT_A_DIAGNOSIS, build
from tests.cli.runner import one_line_error, run

pytest.importorskip("matplotlib", reason="the report needs the glutetui[report] extra")

TZ = timezone(timedelta(hours=1))
DAY1 = date(2026, 11, 2)
DAY2 = date(2026, 11, 4)


def at(day: date, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, 18, minute, tzinfo=TZ)


def clamshells(day: date, left: int, right: int, pain: int, sid: str) -> Session:
    """Three sets a side of a band clamshell, a warm-up that must not count, and a note."""
    sets = [
        SetResult(
            "clamshell", 1, 5, side="left", unit="band:yellow", warmup=True, finished_at=at(day, 1)
        )
    ]
    for n in range(1, 4):
        sets.append(
            SetResult(
                "clamshell", n, left, side="left", unit="band:green", finished_at=at(day, 2 + n)
            )
        )
        sets.append(
            SetResult(
                "clamshell", n, right, side="right", unit="band:green", finished_at=at(day, 3 + n)
            )
        )
    sets.append(
        SetResult(
            "barbell-hip-thrust", 1, 10, load=40.0 + day.day, unit="kg", finished_at=at(day, 20)
        )
    )
    return Session(
        id=sid,
        started_at=at(day, 0),
        ended_at=at(day, 30),
        status="complete",
        note="felt <b>strong</b>" if day == DAY2 else "",
        exercises=(
            ExerciseLog("clamshell", "Clamshell", per_side=True, pain=pain, note="left hip tight"),
            ExerciseLog("barbell-hip-thrust", "Barbell hip thrust", pain=1),
        ),
        sets=tuple(sets),
    )


HISTORY = [
    clamshells(DAY1, 12, 10, 3, "20261102T170000-aaaaaa"),
    clamshells(DAY2, 14, 12, 2, "20261104T170000-bbbbbb"),
    clamshells(DAY1 - timedelta(days=30), 9, 9, 6, "20261003T170000-cccccc"),  # before --since
]


def test_report_numbers_are_the_logs() -> None:
    data = build(HISTORY, DAY1, DAY2 + timedelta(days=1), "kg")
    chosen = HISTORY[:2]
    assert data.sessions == 2
    assert data.training_days == len(stats.training_days(chosen)) == 2
    assert (
        data.pain
        == tuple((s.started_at.date(), figures.max_pain(s.exercises)) for s in chosen)
        == ((DAY1, 3), (DAY2, 2))
    )
    clam, thrust = (
        (e for e in data.exercises if e.exercise_id == "clamshell"),
        (e for e in data.exercises if e.exercise_id == "barbell-hip-thrust"),
    )
    clam_report, thrust_report = next(clam), next(thrust)
    by_side = {(p.day, p.side): p for p in clam_report.points}
    for session in chosen:
        work = [s for s in session.sets if s.exercise_id == "clamshell"]
        expected = figures.set_figures([s for s in work if not s.warmup], "kg").reps_by_side
        for side in ("left", "right"):
            assert by_side[(session.started_at.date(), side)].reps == expected[side]
    assert by_side[(DAY1, "left")].reps == 36  # 3 x 12, the warm-up's 5 left out
    assert by_side[(DAY1, "left")].bands == ("green",)
    assert [p.load for p in thrust_report.points] == [42.0, 44.0]
    balance = clam_report.balance
    assert balance is not None
    assert balance == sides.compare_pairs(
        pair
        for x in chosen
        for pair in sides.side_pairs(x.sets)
        if pair[0] and pair[0].exercise_id == "clamshell"
    )
    assert (balance.left, balance.right, balance.weaker) == (78, 66, "right")
    assert balance.compared == 6 and balance.left_not_done == balance.right_not_done == 0
    assert [n.text for n in data.notes] == [
        "left hip tight",
        "felt <b>strong</b>",
        "left hip tight",
    ]


def write_history(config: Path) -> None:
    store = LogStore(Paths.resolve(config), durable=False)
    for session in HISTORY:
        store.save(session)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if (
                name in ("src", "href", "xlink:href", "action", "poster", "srcset")
                and value
                and not value.startswith("#")
            ):
                self.references.append(f"{tag} {name}={value}")


def test_html_report_stands_alone_and_shows_the_logs_numbers(
    isolated_config: Path, tmp_path: Path
) -> None:
    write_history(isolated_config)
    weekly = SelfTestResult(
        "20261103T080000-cccccc", "weekly-check", at(DAY2, 5), {"pain": 4, "change": -2}
    )
    save_result(str(isolated_config), weekly)
    target = tmp_path / "report.html"
    done = run("report", "--since", DAY1.isoformat(), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "2 sessions from 2026-11-02" in done.stdout
    text = target.read_text("utf-8")
    parser = _Links()
    parser.feed(text)
    assert parser.references == []
    assert "<link" not in text and "<script" not in text
    assert re.findall(r"url\((?!#)", text) == []  # only the charts' own clip paths
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids))  # charts side by side never share an id
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert parser.tags.count("svg") >= 3  # pain, and one chart per exercise
    assert NOT_A_DIAGNOSIS in text
    assert "36 reps, band green" in text and "42 reps, band green" in text  # left, first and last
    assert "66 reps" in text and "right 15 % less" in text  # 1 - 66/78
    assert "felt &lt;b&gt;strong&lt;/b&gt;" in text  # a note is text, never markup
    assert "20261003" not in text and "9 reps" not in text  # before --since
    assert "<td>Weekly check</td><td>past-week pain: 4; change since you started: -2</td>" in text


def test_pdf_report_pages_render(isolated_config: Path, tmp_path: Path) -> None:
    write_history(isolated_config)
    target = tmp_path / "report.pdf"
    done = run("report", "--since", DAY1.isoformat(), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(target), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    # Text and charts share A4 pages: the summary, pain and the first exercise, then the rest.
    assert len(pages) == 2
    for page in pages:
        assert page.read_bytes().startswith(b"\x89PNG") and page.stat().st_size > 2000


def test_without_matplotlib_the_command_says_how_to_install_it(tmp_path: Path) -> None:
    blocker = tmp_path / "block" / "matplotlib"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('No module named matplotlib')\n")
    path = os.pathsep.join(filter(None, [str(blocker.parent), os.environ.get("PYTHONPATH")]))
    line = one_line_error(run("report", PYTHONPATH=path))
    assert (
        line
        == "glutetui: glutetui report draws its charts with matplotlib, which is not installed here; install it with: pip install 'glutetui[report]'"
    )


def test_the_report_is_never_imported_at_start(isolated_config: Path) -> None:
    code = "import sys, glutetui.cli, glutetui.tui.app; print(sorted(m for m in sys.modules if m.startswith(('glutetui.report', 'matplotlib'))))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_future_since_is_one_line(isolated_config: Path) -> None:
    later = (date.today() + timedelta(days=3)).isoformat()
    assert "is in the future" in one_line_error(run("report", "--since", later))
