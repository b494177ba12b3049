"""The report's next-morning answers are the check-in files', in the person's pain zones."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn
from glutetui.coach.zones import pain_zone
from glutetui.paths import Paths
from glutetui.report.data import build
from glutetui.settings import Settings
from tests.cli.runner import run
from tests.report.test_report import DAY1, DAY2, HISTORY, TZ, write_history

pytest.importorskip("matplotlib", reason="the report needs the glutetui[report] extra")

ANSWERS = (
    CheckIn(datetime(2026, 11, 3, 8, 10, tzinfo=TZ), 2, "same", follows=HISTORY[0].id),
    CheckIn(datetime(2026, 11, 5, 7, 45, tzinfo=TZ), 5, "worse", follows=HISTORY[1].id),
    CheckIn(datetime(2026, 11, 6, 9, 0, tzinfo=TZ), None, None, skipped=True),
)


def rows_of(table: str) -> list[list[str]]:
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
    return [row for row in cells if row]  # the header row has <th> cells only


def test_html_shows_the_checkin_files_numbers(isolated_config: Path, tmp_path: Path) -> None:
    write_history(isolated_config)
    paths = Paths.resolve(isolated_config)
    for answer in ANSWERS:
        checkins.save(paths, answer, durable=False)
    # A red zone from 5, as a physiotherapist may set it: the report follows the settings.
    (isolated_config / "settings.toml").write_text("pain_red_from = 5\n", "utf-8")
    target = tmp_path / "report.html"
    done = run("report", "--since", DAY1.isoformat(), "-o", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text("utf-8")
    table = text.split("<h3>Next mornings</h3>", 1)[1].split("</table>", 1)[0]
    on_file = sorted(
        (c for c in checkins.read_all(paths).items if not c.skipped), key=lambda c: c.when
    )
    red = Settings(pain_red_from=5)
    assert rows_of(table) == [
        [
            c.when.date().isoformat(),
            str(c.pain),
            pain_zone(c.pain, red).words,  # type: ignore[arg-type]
            str(c.compared),
            "no" if c.compared == "worse" or c.pain == 5 else "yes",
        ]
        for c in on_file
    ]
    assert rows_of(table) == [
        ["2026-11-03", "2", "fine", "same", "yes"],
        ["2026-11-05", "5", "too much", "worse", "no"],
    ]
    assert "Next-morning check-ins</th><td>2, 1 settled; highest pain 5 of 10" in text


def test_mornings_outside_the_period_and_skipped_ones_are_left_out() -> None:
    data = build(HISTORY, DAY2, DAY2, "kg", checkins=ANSWERS)
    assert [(m.day, m.pain, m.compared, m.settled) for m in data.mornings] == []
    data = build(HISTORY, DAY1, DAY2.replace(day=6), "kg", checkins=ANSWERS)
    assert [(m.day.day, m.pain, m.zone, m.settled) for m in data.mornings] == [
        (3, 2, "fine", True),
        (5, 5, "acceptable", False),
    ]
    assert [z.label for z in data.zones] == ["fine (0–3)", "acceptable (4–5)", "too much (6–10)"]
