"""``log: ...``: the log screen's tabs and actions, from anywhere in the app.

Loaded when the palette first opens (see :func:`glutetui.tui.commands.lazy_provider`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from glutetui.tui.commands import Command, CommandsProvider

TABS = (
    ("sessions", "Every session, newest first"),
    ("progress", "Reps, load, bests and pain per exercise"),
    ("consistency", "Streak, calendar of training days, sets this week"),
    ("balance", "Left against right for per-side exercises"),
)
"""Each tab of the log screen (its ``show_tab`` argument) and what it shows."""


class LogCommands(CommandsProvider):
    """``log: ...``: the log screen's tabs and actions, from anywhere in the app."""

    def commands(self) -> Iterable[Command]:
        """Every log command."""
        yield ("log: open", "Sessions, progress, streaks and balance", self._run("log"))
        for tab, help_text in TABS:
            yield (f"log: {tab}", help_text, self._run(f"log(\"show_tab('{tab}')\")"))
        yield (
            "log: open session",
            "Every set of the highlighted session",
            partial(self._on_highlighted, "open_session"),
        )
        yield (
            "log: edit note",
            "Edit the highlighted session's note",
            partial(self._on_highlighted, "edit_note"),
        )
        yield (
            "log: delete session",
            "Move the highlighted session to the trash",
            partial(self._on_highlighted, "delete_session"),
        )
        yield ("log: reload", "Read the log files again", self._run("log('reload')"))
        yield (
            "log: morning check-in",
            "How the hip feels the morning after a session",
            self._checkin,
        )

    async def _on_highlighted(self, action: str) -> None:
        """Open the log, then run ``action`` on its highlighted session once its rows are in:
        run from another screen, the command came before the table was filled and said there
        was no session to act on."""
        from glutetui.tui.screens.log import LogScreen

        app = self.glute_app
        await app.action_log()
        screen = app.screen
        if isinstance(screen, LogScreen):
            await screen.rows_read.wait()
            await app.run_action(action, screen)

    async def _checkin(self) -> None:
        from glutetui.tui.checkin import offer_checkin

        await self.glute_app.action_log()
        offer_checkin(self.glute_app, force=True)
