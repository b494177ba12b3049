"""The log screen follows the log: what changed while it was not shown is there when it is
shown again, without ``r``; a session moved back from the trash needs one ``r``, not two."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.log import LogScreen
from tests.history_factory import make_session, write_history

from .support import TIMEOUT, log_ready, open_log, screen_shown, seen_first_run, settle

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)
SIZE = (80, 24)


def build_app(paths: Paths) -> GluteApp:
    seen_first_run(paths)
    return make_app(paths, clock=FakeClock(NOW), settings=LoadedSettings(Settings()))


def row_ids(screen: LogScreen) -> list[str]:
    table = screen.query_one("#log-sessions", DataTable)
    return [row.key.value for row in table.ordered_rows]  # type: ignore[misc]


async def shown_again(pilot: Pilot[Any]) -> LogScreen:
    """Back to the library and to the log again; wait until whatever that started is done."""
    await pilot.press("l")
    await screen_shown(pilot, LibraryScreen)
    await pilot.press("g")
    screen = await screen_shown(pilot, LogScreen)
    await settle(pilot)  # the check of the log's files, and the read it may start
    await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
    await pilot.pause()
    return screen


async def reload(pilot: Pilot[Any], screen: LogScreen) -> None:
    await pilot.press("r")
    await settle(pilot)
    await asyncio.wait_for(screen.ready.wait(), TIMEOUT)
    await pilot.pause()


async def test_a_session_moved_back_from_the_trash_shows_after_one_reload(
    paths: Paths,
) -> None:
    history = write_history(paths, 0.1)
    newest = history[-1]
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert newest.id not in row_ids(screen)
        name = f"{newest.id}.toml"
        os.replace(paths.trash_dir / name, paths.logs_dir / name)
        await reload(pilot, screen)
        assert row_ids(screen)[0] == newest.id
        assert newest.id in screen.sessions


async def test_what_changed_elsewhere_shows_when_the_log_is_shown_again(paths: Paths) -> None:
    history = write_history(paths, 0.1)
    store = LogStore(paths)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        assert row_ids(screen)[0] == history[-1].id

        # Another instance finishes a session; the log screen is shown again: it is there.
        later = make_session(NOW.date(), session_id="20261123T163000-0a0a0a")
        store.save(later)
        screen = await shown_again(pilot)
        assert row_ids(screen)[0] == later.id
        assert later.id in screen.sessions  # and counted in the other tabs

        # Deleted by hand, and a note edited by hand: both followed.
        os.unlink(store.path_for(later.id))
        store.save(replace(history[-2], note="edited by hand"))
        screen = await shown_again(pilot)
        assert later.id not in row_ids(screen)
        table = screen.query_one("#log-sessions", DataTable)
        assert table.get_row(history[-2].id)[6] == "edited by hand"


async def test_shown_again_with_nothing_changed_reads_nothing(paths: Paths) -> None:
    write_history(paths, 0.1)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        reads: list[str] = []
        original = screen.action_reload

        def counted() -> None:
            reads.append("reload")
            original()

        screen.action_reload = counted  # type: ignore[method-assign]
        await shown_again(pilot)
        assert reads == []
        await log_ready(pilot)
