"""Command palette providers, one per domain, so every action is also a palette command.

Titles read ``domain: what it does`` ("exercise: Clamshell", "app: about"). A new domain
subclasses :class:`CommandsProvider` and lists its commands; searching is shared.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp

Command = tuple[str, str, Callable[[], Any]]
"""``(title, help, callback)``."""


class CommandsProvider(Provider):
    """A provider whose commands are a plain list; subclasses implement :meth:`commands`."""

    @property
    def glute_app(self) -> GluteApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @abstractmethod
    def commands(self) -> Iterable[Command]:
        """Every command of this domain."""

    def _run(self, action: str) -> Callable[[], Any]:
        return partial(self.app.run_action, action)

    async def discover(self) -> Hits:
        """All commands, in order, when nothing is typed yet."""
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title fuzzily matches ``query``."""
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)


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
        yield ("app: quit", "Leave glutetui", self._run("quit"))


class LibraryCommands(CommandsProvider):
    """``library: ...``: searching and filtering the exercise list."""

    def commands(self) -> Iterable[Command]:
        """The library's commands."""
        yield (
            "library: search",
            "Type to filter by name, tag or equipment",
            self._run("library('focus_filter')"),
        )
        yield (
            "library: filter by equipment",
            "Only exercises you can do with the equipment you have",
            self._run("library('equipment_filter')"),
        )
        yield (
            "library: clear equipment filter",
            "Show exercises for any equipment again",
            self._run("library('clear_equipment')"),
        )


class ExerciseCommands(CommandsProvider):
    """``exercise: <name>``: jump to any exercise's details."""

    def commands(self) -> Iterable[Command]:
        """One command per exercise in the catalog."""
        catalog = self.glute_app.catalog
        for ex in catalog.exercises.values():
            yield (
                f"exercise: {ex.name}",
                f"{ex.dose.describe()} (from {catalog.source(ex.id)})",
                self._run(f"library(\"show_exercise('{ex.id}')\")"),
            )


def session_commands() -> type[Provider]:
    """``session: ...`` commands, imported when the palette first opens (not at start-up)."""
    from glutetui.tui.screens.session_commands import SessionCommands

    return SessionCommands
