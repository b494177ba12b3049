"""The period a report covers is said on its first page, and its numbers are ``glutetui log``'s."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.cli.runner import run
from tests.history_factory import make_session

pytest.importorskip("matplotlib", reason="the report needs the glutetui[report] extra")

PROGRAMME = "gluteus-medius-basics-3x"


def summary(text: str) -> dict[str, str]:
    table = text.split("<h2>Summary</h2>", 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", table))


def history(config: Path, started: date, today: date) -> None:
    """Sessions every other day from a week before ``started`` (those outside the report)."""
    store = LogStore(Paths.resolve(config), durable=False)
    day = started - timedelta(days=7)
    while day < today:
        store.save(make_session(day))
        day += timedelta(days=2)


def test_by_default_the_report_covers_the_programme_and_says_so(
    isolated_config: Path, tmp_path: Path
) -> None:
    today = date.today()
    started = today - timedelta(days=20)
    save_state(str(isolated_config), ProgrammeState(PROGRAMME, started))
    history(isolated_config, started, today)
    target = tmp_path / "report.html"
    done = run("report", "-o", str(target))
    assert done.returncode == 0, done.stderr
    rows = summary(target.read_text("utf-8"))
    assert rows["Period"] == (
        f"{started.isoformat()} to {today.isoformat()} (the programme&#x27;s start to today)"
    )
    logged = json.loads(run("log", "--json", "--limit", "0", "--since", started.isoformat()).stdout)
    assert rows["Sessions"] == str(len(logged)) == "10"
    assert rows["Training days"] == str(len({s["started_at"][:10] for s in logged}))
    assert rows["Highest pain in a session"] == f"{max(s['pain'] for s in logged)} of 10"
    weeks = json.loads(run("log", "--adherence", "--json").stdout)
    adherence = dict(
        re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", target.read_text("utf-8"))
    )["Adherence"]
    assert adherence.startswith(f"{weeks['done']} of {weeks['planned']} planned sessions done")


def test_without_a_programme_it_is_twelve_weeks_and_says_so(
    isolated_config: Path, tmp_path: Path
) -> None:
    today = date.today()
    target = tmp_path / "report.html"
    assert run("report", "-o", str(target)).returncode == 0
    rows = summary(target.read_text("utf-8"))
    since = today - timedelta(weeks=12)
    assert rows["Period"] == (
        f"{since.isoformat()} to {today.isoformat()} "
        "(the last 12 weeks, no programme being followed)"
    )
    assert rows["Sessions"] == "0" and rows["Programme"] == "none being followed"


def test_a_since_date_is_named_as_asked_for(isolated_config: Path, tmp_path: Path) -> None:
    since = date.today() - timedelta(days=3)
    target = tmp_path / "report.html"
    assert run("report", "--since", since.isoformat(), "-o", str(target)).returncode == 0
    assert summary(target.read_text("utf-8"))["Period"].endswith("(the date asked for to today)")
