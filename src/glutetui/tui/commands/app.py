"""``app: ...``: the sections, the about, plugins, settings and help screens, quitting."""

from __future__ import annotations

from collections.abc import Iterable

from glutetui.tui.commands import Command, CommandsProvider


class AppCommands(CommandsProvider):
    """``app: ...``: sections, about, plugins."""

    def commands(self) -> Iterable[Command]:
        """The app-wide commands."""
        yield ("app: library", "Browse every exercise", self._run("library"))
        yield (
            "app: about",
            "Why the gluteus medius matters, and training safely",
            self._run("about"),
        )
        yield ("app: plugins", "Installed plugins and any problems", self._run("plugins"))
        yield (
            "app: settings",
            "Units, rest, bell, theme, the equipment you own",
            self._run("settings"),
        )
        yield ("app: help", "Every key of this screen and the global ones", self._run("help"))
        yield ("app: quit", "Leave glutetui", self._run("quit"))
