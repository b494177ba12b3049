"""The report for a physiotherapist, written from the log screen's key."""

from __future__ import annotations

from datetime import timedelta

import pytest

from glutetui.clock import FakeClock
from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn
from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.history_factory import make_session

from .support import open_log, settle
from .test_today import SIZE, app_for

pytest.importorskip("matplotlib", reason="the report needs the glutetui[report] extra")


async def test_w_on_the_log_writes_the_report_with_the_mornings(paths: Paths) -> None:
    clock = FakeClock()
    tz = clock.now().tzinfo
    yesterday = make_session(clock.now().date() - timedelta(days=1), tz=tz)  # type: ignore[arg-type]
    LogStore(paths, durable=False).save(yesterday)
    morning = CheckIn(clock.now() - timedelta(hours=9), 3, "better", follows=yesterday.id)
    checkins.save(paths, morning, durable=False)
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_log(pilot)
        await pilot.press("w")
        await settle(pilot)
    written = paths.config_dir / "reports" / f"glutetui-report-{clock.now():%Y-%m-%d}.html"
    text = written.read_text("utf-8")
    day = morning.when.date().isoformat()
    assert f"<tr><td>{day}</td><td>3</td><td>fine</td><td>better</td><td>yes</td></tr>" in text
