"""Today with the coach's check-ins: the panel when one is due, and answers that move a stage on."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import pytest

from glutetui.clock import FakeClock
from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn
from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui import checkin
from glutetui.tui.screens.today import TodayScreen
from glutetui.tui.widgets.checkin_panel import CheckInPanel
from tests.history_factory import make_session

from .support import TIMEOUT, screen_shown, settle
from .test_today import SIZE, app_for, text_of


async def test_today_asks_the_morning_question_and_reads_the_answer(paths: Paths) -> None:
    clock = FakeClock()
    today = clock.now().date()
    save_state(paths.config_root, ProgrammeState("gluteus-medius-basics-3x", today))
    yesterday = make_session(today - timedelta(days=1), tz=clock.now().tzinfo)  # type: ignore[arg-type]
    LogStore(paths, durable=False).save(yesterday)
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await screen_shown(pilot, TodayScreen)
        await settle(pilot)  # the due check reads the log in a thread
        panel = screen.query_one(CheckInPanel)
        assert panel.follows == yesterday.id
        assert "(0 of 4 are)" in text_of(screen)
        screen.query_one("#checkin-pain").focus()
        await pilot.press("2")
        await pilot.click("#checkin-better")
        await settle(pilot)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        assert not screen.query(CheckInPanel)
        assert "(1 of 4 are)" in text_of(screen)  # read again, with the answer
    (one,) = checkins.read_all(paths).items
    assert (one.pain, one.compared, one.follows) == (2, "better", yesterday.id)


async def test_today_shows_stage_two_after_four_settled_mornings_on_file(paths: Paths) -> None:
    clock = FakeClock()
    today = clock.now().date()
    start = today - timedelta(days=14)
    save_state(paths.config_root, ProgrammeState("gluteus-medius-basics-3x", start))
    store = LogStore(paths, durable=False)
    tz = clock.now().tzinfo
    for offset in (0, 2, 4, 7, 9, 11):
        session = make_session(start + timedelta(days=offset), tz=tz)  # type: ignore[arg-type]
        store.save(session)
        morning = datetime.combine(
            session.started_at.date() + timedelta(days=1), datetime.min.time()
        )
        if offset < 9:
            answer = CheckIn(morning.replace(hour=8, tzinfo=tz), 1, "same", follows=session.id)
            checkins.save(paths, answer, durable=False)
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await screen_shown(pilot, TodayScreen)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        assert "Stage 2 of 2" in text_of(screen)


async def test_opening_on_today_looks_for_a_due_check_in_once(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    today = clock.now().date()
    save_state(paths.config_root, ProgrammeState("gluteus-medius-basics-3x", today))
    yesterday = make_session(today - timedelta(days=1), tz=clock.now().tzinfo)  # type: ignore[arg-type]
    LogStore(paths, durable=False).save(yesterday)
    asked: list[object] = []

    def counted(*args: Any, **kwargs: Any) -> CheckIn | None:
        asked.append(args)
        return real_due(*args, **kwargs)

    real_due = checkin.due_checkin
    monkeypatch.setattr(checkin, "due_checkin", counted)
    app = app_for(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await screen_shown(pilot, TodayScreen)
        await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
        await settle(pilot)  # the start-up notices, and every worker they start
        assert len(screen.query(CheckInPanel)) == 1
    assert len(asked) == 1
