"""Snapshots of the log screen at 80x24, with a frozen clock and a generated, seeded history.

Update with ``pytest tests/tui/test_snapshots_log.py --snapshot-update`` after looking at the
report: these pin what people see, so a change here should be a change you meant.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from glutetui.coach import checkins
from glutetui.model import Session
from glutetui.paths import Paths
from tests.history_factory import write_history
from tests.tui.test_log_screen import SIZE, build_app

from .support import open_log


def _then(*keys: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await open_log(pilot)
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


@pytest.fixture
def year_app(paths: Paths) -> Any:
    _answered(paths, write_history(paths, 1)[-1])
    return build_app(paths)


def _answered(paths: Paths, newest: Session) -> None:
    """The morning after the newest session was answered: no check-in strip in the pictures."""
    morning = newest.started_at + timedelta(hours=14)
    checkins.save(paths, checkins.CheckIn(morning, 1, "same", follows=newest.id), durable=False)


def test_sessions_tab(year_app: Any, snap_compare: Any) -> None:
    assert snap_compare(year_app, terminal_size=SIZE, run_before=_then())


def test_consistency_tab(year_app: Any, snap_compare: Any) -> None:
    assert snap_compare(year_app, terminal_size=SIZE, run_before=_then("3"))


def test_session_detail(year_app: Any, snap_compare: Any) -> None:
    assert snap_compare(year_app, terminal_size=SIZE, run_before=_then("down", "enter"))


def test_balance_tab_without_colour(
    paths: Paths, snap_compare: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    newest = write_history(paths, 0.2, seed=3)[-1]
    _answered(paths, newest)
    assert snap_compare(build_app(paths), terminal_size=SIZE, run_before=_then("4"))
