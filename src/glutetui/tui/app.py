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
from textual.screen import ModalScreen, Screen

from glutetui.tui.commands import lazy_provider
from glutetui.tui.commands.app import AppCommands
from glutetui.tui.commands.library import ExerciseCommands, LibraryCommands
from glutetui.tui.key_order import OrderedKeysApp

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.widget import Widget

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
        Binding("s", "back_to_session", "Session", id="back-to-session"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("comma", "settings", "Settings", id="settings", show=False),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("t", "today", "Today", id="today", show=False),
        # Escape closes the topmost thing only: the Keys panel first, before any screen's own
        # escape (which would leave the screen and drop what was chosen on it).
        Binding("escape", "close_keys_panel", show=False, priority=True),
    ]

    TEXT_KEYS_GLOBAL = frozenset({"library", "log", "about", "plugins", "back_to_session", "today"})
    """Global actions on plain letters: never run while a text field has the focus, where the
    letter is meant as text (" band" typed into a field once opened About)."""

    COMMANDS = App.COMMANDS | {
        AppCommands,
        LibraryCommands,
        ExerciseCommands,
        # Imported when the palette first opens, not at start-up.
        lazy_provider("glutetui.tui.commands.log", "LogCommands"),
        lazy_provider("glutetui.tui.commands.session", "SessionCommands"),
        lazy_provider("glutetui.tui.commands.programme", "ProgrammeCommands"),
        lazy_provider("glutetui.tui.commands.routines", "RoutineCommands"),
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
        self.base_theme = self.theme
        """Textual's theme before the settings' one: what an empty ``theme`` means."""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.settings.theme:
            self._settings_notices += (
                f"settings.toml: theme {self.settings.theme!r} is not one of Textual's themes; "
                "using the default",
            )

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
        from glutetui.coach.programmes_state import state_path

        on_today = os.path.exists(state_path(self.paths.config_root))
        # Notices and the resume offer after the first frame: the library comes first. Today
        # looks for a due check-in itself, so the start-up does not look a second time.
        self.call_after_refresh(self._after_first_frame, checkin=not on_today)
        if on_today:
            self.action_today()  # someone following a programme starts on Today

    def _after_first_frame(self, *, checkin: bool) -> None:
        """Start-up notices and the resume offer, once the library is on screen."""
        from glutetui.tui.startup import after_first_frame

        after_first_frame(self, self._settings_notices, checkin=checkin)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the section already on screen: it would do nothing there, and the
        footer has no room to spare at 80 columns. Offer the way back to a running session
        only away from it, and no plain-letter action while a text field has the focus."""
        if action == "close_keys_panel":
            return bool(self.screen.query("HelpPanel"))
        if action in self.TEXT_KEYS_GLOBAL and takes_text(self.focused):
            return False
        if action == "back_to_session":
            # Under a dialog, the screen it covers is the one the person is on.
            shown = next(
                (s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)),
                self.screen,
            )
            return self.session_running_elsewhere(shown)
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
        """Quit; during a session ask first (it is kept); if a save failed, retry it first."""
        from glutetui.tui.session_mode import quit_safely, unsaved_session

        # An unsaved session gets quit_safely's own question (retry, or lose the sets).
        if not self.session_running() or unsaved_session(self) is not None:
            await quit_safely(self)
            return
        from glutetui.tui.dialogs import ConfirmDialog

        async def answered(quit_now: bool | None) -> None:
            if quit_now:
                await quit_safely(self)

        await self.push_screen(
            ConfirmDialog(
                "Quit during a session?",
                "Your session is kept: every set you logged is saved, and the next time "
                "glutetui starts it offers to resume where you stopped.",
                yes_label="Quit",
                no_label="Stay",
            ),
            answered,
        )

    def session_running(self) -> bool:
        """Whether a session is in progress (in any mode), without loading its screen."""
        if "glutetui.tui.screens.session" not in sys.modules:
            return False  # no session was ever opened
        from glutetui.tui.session_mode import running_session

        return running_session(self) is not None

    def session_running_elsewhere(self, screen: Screen[Any]) -> bool:
        """Whether a session is in progress and ``screen`` is not its screen (so say so)."""
        if not self.session_running():
            return False
        from glutetui.tui.session_mode import running_session

        return screen is not running_session(self)

    def action_close_keys_panel(self) -> None:
        """Close the Keys panel (and nothing else)."""
        self.action_hide_help_panel()

    async def action_back_to_session(self) -> None:
        """Back to the running session from anywhere."""
        from glutetui.tui.session_mode import SESSION_MODE

        if self.session_running():
            await self.show_section(SESSION_MODE)

    def action_help(self) -> None:
        """Every key of the screen on show, and the global ones."""
        from glutetui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        """Open the settings screen."""
        from glutetui.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

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


def takes_text(widget: Widget | None) -> bool:
    """Whether ``widget`` is a text field, where a plain letter is text and not a command.

    Textual's Input and TextArea, and any widget that declares ``TAKES_TEXT = True`` (a
    widget that reads typed characters itself, such as the session's number entry)."""
    if widget is None:
        return False
    from textual.widgets import Input, TextArea

    return isinstance(widget, Input | TextArea) or bool(getattr(widget, "TAKES_TEXT", False))


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
