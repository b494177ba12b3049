"""``session: ...``: every key of the session runner, also in the command palette.

Loaded when the palette first opens (see :func:`glutetui.tui.commands.lazy_provider`). Without
a running session only "session: start" is offered. While one runs, only the commands whose key
would do something now are offered (the session screen's own ``check_action`` decides), and
running one calls the very action its key calls, on the session screen, from any section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import CommandPalette

from glutetui.tui.commands import Command, CommandsProvider
from glutetui.tui.session_mode import SESSION_MODE, running_session

if TYPE_CHECKING:
    from textual.screen import Screen

    from glutetui.tui.app import GluteApp

START = "session: start (plan a session)"

# (title, the session screen's action, help) for the commands offered while a session runs.
SESSION_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("session: log this set", "accept", "Log the set as shown: reps, load, RPE (enter)"),
    ("session: undo last entry", "undo", "Take back the last set, answer or skip (u)"),
    ("session: skip set", "skip_set", "Skip the current set (k)"),
    ("session: skip exercise", "skip_exercise", "Skip the rest of this exercise (x)"),
    ("session: pause/resume", "pause", "Pause the session and its countdown (p)"),
    ("session: add 15 s rest", "more_time", "Add 15 seconds to the rest countdown (t)"),
    ("session: finish early", "finish", "Finish now; asks first if steps are left (f)"),
)


def _target(app: GluteApp, action: str) -> tuple[Screen[Any], str] | None:
    """Where ``action`` goes now, as its key would: the session screen, or the pause dialog
    (whose key resumes). ``None`` when the key would do nothing (a dialog is in the way)."""
    screen = running_session(app)
    if screen is None:
        return None
    from glutetui.tui.dialogs.paused import PausedDialog

    # The top of the session's section, the palette itself left out (never empty: the
    # session's screen is in it).
    top = [s for s in app.get_screen_stack(SESSION_MODE) if not isinstance(s, CommandPalette)][-1]
    if action == "pause" and isinstance(top, PausedDialog):
        return top, "resume"
    if top is not screen or not screen.check_action(action, ()):
        return None
    return screen, action


class SessionCommands(CommandsProvider):
    """``session: ...``: start (or go back to) a session, and every key of a running one."""

    def commands(self) -> Iterable[Command]:
        """ "session: start", then what the running session's keys would do right now."""
        app = self.glute_app
        screen = running_session(app)
        if screen is None:
            yield (
                START,
                "Plan a session with the exercise under the library cursor (s)",
                self._run("library('start_session')"),
            )
            return
        yield (START, "A session is running: go back to it (s)", self._back)
        step = screen.runner.current
        for title, action, help_text in SESSION_ACTIONS:
            target = _target(app, action)
            if target is None:
                continue
            if action == "accept":
                if step is None:
                    continue  # enter would finish: that is "finish early"'s job, without asking
                if step.kind == "pain":
                    help_text = "Log the pain answer and note as shown (enter)"
            if action == "pause" and target[1] == "resume":
                help_text = "The session is paused: carry on (p)"
            if action == "finish" and screen.runner.at_end:
                help_text = "Every step is done: finish and see the summary (f)"
            yield (title, help_text, self._act(action))

    def _act(self, action: str) -> Callable[[], Any]:
        return partial(self._run_in_session, action)

    async def _back(self) -> None:
        await self.app.switch_mode(SESSION_MODE)

    async def _run_in_session(self, action: str) -> None:
        """Show the session, then run ``action`` exactly as its key would (if it still applies)."""
        app = self.glute_app
        if running_session(app) is None:
            app.notify("No session is running: start one with s.", severity="warning")
            return
        if app.current_mode != SESSION_MODE:
            await app.switch_mode(SESSION_MODE)
        target = _target(app, action)
        if target is None:
            app.notify("That does not apply to the session right now.", severity="warning")
            return
        screen, name = target
        await app.run_action(name, screen)
