"""GluteApp: modes, bindings, commands and injected dependencies. Behaviour lives in screens.

Sections people move between (library, log and session) are Textual modes. Adding one is two
lines: an entry in ``MODES`` made with :func:`lazy_screen` (so its module is only imported when
the mode is first opened) and a ``Binding`` with an id. The library, the first section, is the
exception: see :meth:`GluteApp.get_default_screen`.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from glutetui.tui.commands import lazy_provider
from glutetui.tui.commands.app import AppCommands
from glutetui.tui.commands.library import ExerciseCommands, LibraryCommands
from glutetui.tui.key_order import OrderedKeysApp

if TYPE_CHECKING:
    from textual.driver import Driver

    from glutetui.catalog import Catalog
    from glutetui.clock import Clock
    from glutetui.log import LogStore
    from glutetui.paths import Paths
    from glutetui.plugins import LoadResult
    from glutetui.settings import LoadedSettings, Settings
    from glutetui.tui.screens.session import SessionScreen
    from glutetui.tui.signals import HangUp


def lazy_screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A ``MODES`` entry that imports ``module`` only when the mode is first opened."""

    def make() -> Screen[Any]:
        screen: Screen[Any] = getattr(importlib.import_module(module), name)()
        return screen

    return make


library_screen = lazy_screen("glutetui.tui.screens.library", "LibraryScreen")
"""The library's screen, the first section (see :meth:`GluteApp.get_default_screen`)."""


class GluteApp(OrderedKeysApp[int]):
    """The glutetui terminal app. Build it with :func:`make_app`."""

    TITLE = "glutetui"
    CSS_PATH = "glutetui.tcss"

    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "log": lazy_screen("glutetui.tui.screens.log", "LogScreen"),
    }
    DEFAULT_MODE = "library"
    """The first section. It is not in ``MODES`` at start-up: see :meth:`get_default_screen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "library", "Library", id="library"),
        Binding("g", "log", "Log", id="log"),
        Binding("a", "about", "About", id="about"),
        Binding("p", "plugins", "Plugins", id="plugins"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("t", "today", "Today", id="today", show=False),
    ]

    COMMANDS = App.COMMANDS | {
        AppCommands,
        LibraryCommands,
        ExerciseCommands,
        # Imported when the palette first opens, not at start-up.
        lazy_provider("glutetui.tui.commands.log", "LogCommands"),
        lazy_provider("glutetui.tui.commands.session", "SessionCommands"),
        lazy_provider("glutetui.tui.commands.programme", "ProgrammeCommands"),
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
        self.hang_up: HangUp | None = None
        """Set by :func:`run`, which catches SIGHUP and SIGTERM from before the app starts."""
        self._signalled_session: SessionScreen | None = None
        if self.settings.keys:
            from glutetui.tui.keymap import checked_keymap

            keymap, refused = checked_keymap(self.settings.keys)
            self.set_keymap(keymap)
            self._settings_notices += tuple(refused)

    @property
    def store(self) -> LogStore:
        """The log store: one for the app, so what it has read serves every screen."""
        if self._store is None:
            from glutetui.log import LogStore

            self._store = LogStore(self.paths)
        return self._store

    def get_default_screen(self) -> Screen[Any]:
        """The library, opened as the default screen rather than through ``MODES``.

        Textual awaits a ``MODES`` screen's whole mount inside its start-up batch and restyles
        the app for it, so the library was laid out and drawn once for nothing before its
        first visible frame. :meth:`on_mount` then adds the mode, for switching back to it.

        Textual loads no ``CSS``/``CSS_PATH`` of a default screen: the library's styles live in
        the app's stylesheet (``glutetui.tcss``).
        """
        return library_screen()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux and macOS one that survives a hang-up (see its module)."""
        driver = super().get_driver_class()
        if sys.platform == "win32":
            return driver
        from textual.drivers.linux_driver import LinuxDriver

        from glutetui.tui.driver import HangUpSafeDriver

        return HangUpSafeDriver if driver is LinuxDriver else driver

    def on_load(self) -> None:
        """Let SIGHUP and SIGTERM reach the app, now that its event loop runs."""
        if self.hang_up is not None:
            self.hang_up.attach(self._end_by_signal, self._save_unsaved_now)

    def _end_by_signal(self, signum: int) -> None:
        """A hang-up or termination: retry an unsaved session's save once, then exit."""
        try:
            screen = self._signalled_session = self._unsaved_session()
            if screen is not None:
                from glutetui.tui.session_owner import last_save

                last_save(screen)
        finally:
            self.exit(return_code=128 + signum)

    def _save_unsaved_now(self) -> None:
        """The watchdog's last save, from its own thread: straight to the store, no widgets."""
        # Once the app has closed its screens only the one remembered at the signal is left.
        screen = self._unsaved_session() or self._signalled_session
        if screen is not None and screen.unsaved:
            from glutetui.tui.session_owner import last_save

            last_save(screen)

    def _unsaved_session(self) -> SessionScreen | None:
        if "glutetui.tui.screens.session" not in sys.modules:
            return None  # no session was ever opened: nothing can be unsaved
        from glutetui.tui.session_mode import unsaved_session

        return unsaved_session(self)

    def on_mount(self) -> None:
        """Add the library's mode; the rest waits for the first frame."""
        # The library's screen is already this mode's stack, so switching to it reuses it.
        self.add_mode(self.DEFAULT_MODE, library_screen)
        # Notices and the resume offer after the first frame: the library comes first.
        self.call_after_refresh(self._after_first_frame)
        from glutetui.coach.programmes_state import state_path

        if os.path.exists(state_path(self.paths.config_root)):
            self.action_today()  # someone following a programme starts on Today

    def _after_first_frame(self) -> None:
        """Start-up notices and the resume offer, once the library is on screen."""
        from glutetui.tui.startup import after_first_frame

        after_first_frame(self, self._settings_notices)

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

    def action_today(self) -> None:
        """Open Today: the programme's session, this week, the stage and the streak."""
        from glutetui.tui.screens.today import TodayScreen

        if not isinstance(self.screen, TodayScreen):
            self.push_screen(TodayScreen())

    def action_plugins(self) -> None:
        """Open the list of plugins with their problems."""
        from glutetui.tui.screens.plugins import PluginsScreen

        if not isinstance(self.screen, PluginsScreen):
            self.push_screen(PluginsScreen())

    async def action_quit(self) -> None:
        """Quit; if a session's last save failed, retry it and ask before losing its sets."""
        from glutetui.tui.session_mode import quit_safely

        await quit_safely(self)

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
        from glutetui.plugins.cache import load_result
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
    """Run the app until the user quits or a signal ends it; the exit code for the command line."""
    from glutetui.tui.signals import HangUp

    hang_up = HangUp()
    hang_up.install()  # first: a hang-up while the app is still being built counts too
    app = make_app(paths)
    app.hang_up = hang_up
    try:
        app.run()
    finally:
        hang_up.detach()
    return app.return_code or 0
