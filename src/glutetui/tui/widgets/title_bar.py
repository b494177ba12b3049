"""TitleBar: the top line of every screen, one widget.

Textual's Header is four widgets (itself, an icon, the title and a clock space), each with its
own stylesheet to parse and apply; on the library that was about 8 ms of the time to first
paint. TitleBar draws the same line (``App.format_title`` of the screen's title and
sub-title, falling back to the app's) and, like Header's icon, opens the command palette when
clicked.

While a session runs and another screen is on show, the line says so and names the key back
to it: a session must never seem to have vanished.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

SESSION_NOTE = "  ·  session running: s"
"""Added to the title on other screens while a session runs."""


def _session_elsewhere(app: App[object], screen: Screen[object]) -> bool:
    # Any app will do (the widget is also tried in small test apps): ask only glutetui's.
    elsewhere = getattr(app, "session_running_elsewhere", None)
    return bool(elsewhere(screen)) if callable(elsewhere) else False


class TitleBar(Widget):
    """The screen's title and sub-title, centred on one line at the top."""

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._title_changed, init=False)
            self.watch(node, "sub_title", self._title_changed, init=False)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = "Open the command palette"

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def _title_changed(self) -> None:
        self.refresh()

    def _screen_changed(self, screen: object) -> None:
        # A session may have started or ended while this screen was hidden.
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Content:
        """``title — sub-title``, as Textual's Header would show it."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        line = app.format_title(title, sub_title)
        if _session_elsewhere(app, screen):
            line = line + SESSION_NOTE
        return line

    async def on_click(self, event: events.Click) -> None:
        """Open the command palette, as a click on Header's icon does."""
        event.stop()
        if self.app.ENABLE_COMMAND_PALETTE:
            self.app.action_command_palette()
