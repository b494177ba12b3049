"""A palette command for the highlighted session works from a screen where the log was never
open: it waits for the log's rows instead of finding none."""

from __future__ import annotations

from glutetui.paths import Paths
from glutetui.tui.screens.library import LibraryScreen
from glutetui.tui.screens.session_detail import SessionDetailScreen
from tests.history_factory import write_history
from tests.tui.test_log_screen import SIZE, build_app

from .support import run_command, screen_shown


async def test_open_session_from_the_library_opens_the_newest_session(paths: Paths) -> None:
    newest = write_history(paths, 0.05)[-1]
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await screen_shown(pilot, LibraryScreen)
        await run_command(pilot, "log: open session")
        detail = await screen_shown(pilot, SessionDetailScreen)
        assert detail.session.id == newest.id
