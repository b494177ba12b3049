"""Command palette providers, one module per domain, so every action is also a palette command.

Titles read ``domain: what it does`` ("exercise: Clamshell", "app: about"). A new domain
subclasses :class:`CommandsProvider` in a module of its own and lists its commands; searching
is shared. The app and library providers are imported with the app (the palette offers them
from the first screen); the others are made with :func:`lazy_provider`, so their modules, and
the screens they reach, are imported only when the palette first opens.
"""

from __future__ import annotations

import importlib
from abc import abstractmethod
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from glutetui.tui.base import glute_app

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp

Command = tuple[str, str, Callable[[], Any]]
"""``(title, help, callback)``."""


def lazy_provider(module: str, name: str) -> Callable[[], type[Provider]]:
    """An ``App.COMMANDS`` entry that imports ``module`` only when the palette first opens."""

    def load() -> type[Provider]:
        provider: type[Provider] = getattr(importlib.import_module(module), name)
        return provider

    return load


class CommandsProvider(Provider):
    """A provider whose commands are a plain list; subclasses implement :meth:`commands`."""

    @property
    def glute_app(self) -> GluteApp:
        """The app, typed."""
        return glute_app(self.app)

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
