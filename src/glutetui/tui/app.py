"""GluteApp: modes, bindings, commands and injected dependencies. Behaviour lives in screens.

Sections people move between (library, log and session) are Textual modes. Adding one is two
lines: an entry in ``MODES`` made with :func:`lazy_screen` (so its module is only imported when
the mode is first opened) and a ``Binding`` with an id. The library, the first section, is the
exception: see :meth:`GluteApp.get_default_screen`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen

from glutetui import startgc
from glutetui.tui.commands import AppCommands, ExerciseCommands, LibraryCommands, session_commands
from glutetui.tui.state import FIRST_RUN_NOTICE, load_state, save_state

if TYPE_CHECKING:
    from glutetui.catalog import Catalog
    from glutetui.clock import Clock
    from glutetui.log import LogStore
    from glutetui.paths import Paths
    from glutetui.plugins import LoadResult
    from glutetui.settings import LoadedSettings, Settings

MAX_PROBLEM_NOTICES = 3
"""Plugin problems shown as toasts; the rest are counted and listed on the plugins screen."""


def lazy_screen(module: str, name: str) -> Callable[[], Screen]:
    """A ``MODES`` entry that imports ``module`` only when the mode is first opened."""

    def make() -> Screen:
        return getattr(importlib.import_module(module), name)()

    return make


library_screen = lazy_screen("glutetui.tui.screens.library", "LibraryScreen")
"""The library's screen, the first section (see :meth:`GluteApp.get_default_screen`)."""


def _log_commands() -> type[Provider]:
    """``log: ...`` commands, imported when the palette first opens (not at start-up)."""
    from glutetui.tui.screens.log import LogCommands

    return LogCommands


class GluteApp(App[int]):
    """The glutetui terminal app. Build it with :func:`make_app`."""

    TITLE = "glutetui"
    CSS_PATH = "glutetui.tcss"

    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        "log": lazy_screen("glutetui.tui.screens.log", "LogScreen"),
        # "session": lazy_screen("glutetui.tui.screens.session", "SessionScreen"),
    }
    DEFAULT_MODE = "library"
    """The first section. It is not in ``MODES`` at start-up: see :meth:`get_default_screen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "library", "Library", id="library"),
        Binding("g", "log", "Log", id="log"),
        Binding("a", "about", "About", id="about"),
        Binding("p", "plugins", "Plugins", id="plugins"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    COMMANDS = App.COMMANDS | {
        AppCommands,
        LibraryCommands,
        ExerciseCommands,
        _log_commands,
        session_commands,
    }

    def __init__(
        self,
        paths: Paths,
        plugins: LoadResult,
        clock: Clock,
        settings: LoadedSettings,
    ) -> None:
        super().__init__()
        self.paths = paths
        """Where config, logs and state live."""
        self.plugin_result = plugins
        """Every plugin and what it registered or why it failed."""
        self.catalog: Catalog = plugins.catalog
        """The exercises and routines that loaded."""
        self.clock = clock
        """Wall and monotonic time (a FakeClock in tests)."""
        self.settings: Settings = settings.settings
        """The user's settings (read-only here; never written unasked)."""
        self._settings_notices = settings.notices
        self._store: LogStore | None = None
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))

    @property
    def store(self) -> LogStore:
        """The log store: one for the app, so what it has read serves every screen."""
        if self._store is None:
            from glutetui.log import LogStore

            self._store = LogStore(self.paths)
        return self._store

    def get_default_screen(self) -> Screen:
        """The library, opened as the default screen rather than through ``MODES``.

        Textual awaits a ``MODES`` screen's whole mount inside its start-up batch and restyles
        the app for it, so the library was laid out and drawn once for nothing before its
        first visible frame. :meth:`on_mount` then adds the mode, for switching back to it.

        Textual loads no ``CSS``/``CSS_PATH`` of a default screen: the library's styles live in
        the app's stylesheet (``glutetui.tcss``).
        """
        return library_screen()

    def on_mount(self) -> None:
        """Install the signal handlers; the rest waits for the first frame."""
        # The library's screen is already this mode's stack, so switching to it reuses it.
        self.add_mode(self.DEFAULT_MODE, library_screen)
        from glutetui.tui.signals import install_signal_handlers

        install_signal_handlers(self)
        # Notices and the resume offer after the first frame: the library comes first.
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Say what went wrong while loading, welcome a first-time user, offer to resume."""
        startgc.resume()
        for notice in self._settings_notices:
            self.notify(notice, title="Settings", severity="warning", timeout=15, markup=False)
        problems = self.plugin_result.problems
        for name, reason in problems[:MAX_PROBLEM_NOTICES]:
            self.notify(
                f"{name}: {reason}\nPress p to see every plugin.",
                title="Plugin problem",
                severity="warning",
                timeout=15,
                markup=False,
            )
        if len(problems) > MAX_PROBLEM_NOTICES:
            self.notify(
                f"{len(problems) - MAX_PROBLEM_NOTICES} more plugin problem(s). Press p to see them.",
                title="Plugin problems",
                severity="warning",
                timeout=15,
            )
        self._first_run_notice()
        # Looking for unfinished sessions reads the log (in a thread, see offer_resume).
        self._offer_resume()

    def _offer_resume(self) -> None:
        """Offer to resume a session left unfinished by a hang-up, a kill or a crash."""
        from glutetui.tui.screens.resume import offer_resume

        offer_resume(self)

    def _first_run_notice(self) -> None:
        state = load_state(self.paths.state_file)
        if state.get(FIRST_RUN_NOTICE):
            return
        self.notify(
            "New here? Press a to read why the gluteus medius matters and how to train it safely.",
            title="Welcome to glutetui",
            timeout=12,
        )
        try:
            save_state(self.paths.state_file, {**state, FIRST_RUN_NOTICE: True})
        except OSError as exc:
            # Not worth interrupting anyone for: the only cost is seeing the welcome again.
            self.log.warning(f"could not record the first-run notice: {exc}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the section already on screen: it would do nothing there, and the
        footer has no room to spare at 80 columns."""
        here = action == self.current_mode and len(self.screen_stack) == 1
        section = action == self.DEFAULT_MODE or action in self.MODES
        return not (here and not parameters and section)

    def action_about(self) -> None:
        """Open the about screen (why the gluteus medius matters, and safety)."""
        from glutetui.tui.screens.about import AboutScreen

        if not isinstance(self.screen, AboutScreen):
            self.push_screen(AboutScreen())

    def action_plugins(self) -> None:
        """Open the list of plugins with their problems."""
        from glutetui.tui.screens.plugins import PluginsScreen

        if not isinstance(self.screen, PluginsScreen):
            self.push_screen(PluginsScreen())

    async def action_quit(self) -> None:
        """Quit; if a session's last save failed, retry it and ask before losing its sets."""
        if "glutetui.tui.screens.session" not in sys.modules:
            self.exit()  # no session was ever opened: nothing can be unsaved
            return
        from glutetui.tui.screens.session import SESSION_MODE, unsaved_session

        screen = unsaved_session(self)
        if screen is None:
            self.exit()
            return
        await self.switch_mode(SESSION_MODE)
        screen.leave_safely(self.exit)

    async def show_section(self, mode: str, action: str = "") -> None:
        """Switch to ``mode``, close any screen on top of its base, then run ``action`` there.

        Each section's key and palette commands go through here, e.g.
        ``library("show_exercise('clamshell')")``.
        """
        await self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if action:
            await self.run_action(action, self.screen)

    async def action_library(self, action: str = "") -> None:
        """Show the library and run one of its actions."""
        await self.show_section("library", action)

    async def action_log(self, action: str = "") -> None:
        """Show the training log and run one of its actions."""
        await self.show_section("log", action)


def make_app(
    paths: Paths,
    *,
    plugins: LoadResult | None = None,
    clock: Clock | None = None,
    settings: LoadedSettings | None = None,
) -> GluteApp:
    """Build the app; tests inject plugins, a temp config dir, a fake clock and settings."""
    if plugins is None:
        from glutetui.catalogcache import load_result
        from glutetui.switches import STRICT_ENV, env_flag

        plugins = load_result(paths, strict=env_flag(STRICT_ENV))
    if clock is None:
        from glutetui.clock import SystemClock

        clock = SystemClock()
    if settings is None:
        from glutetui.settings import load_settings

        settings = load_settings(paths.settings_file)
    return GluteApp(paths, plugins, clock, settings)


def run(paths: Paths) -> int:
    """Run the app until the user quits; the exit code for the command line."""
    app = make_app(paths)
    app.run()
    return app.return_code or 0
