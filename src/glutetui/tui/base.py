"""Typed access to the app's services for screens and palette providers.

Textual types ``self.app`` as a plain :class:`~textual.app.App`, which knows nothing of the log
store, the catalog or the settings. :func:`glute_app` checks that the app is glutetui's and
returns it typed; :class:`GluteScreen` offers its services as properties, so a screen reads
``self.store`` or ``self.settings`` and mypy follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App

    from glutetui.catalog import Catalog
    from glutetui.clock import Clock
    from glutetui.log import LogStore
    from glutetui.paths import Paths
    from glutetui.plugins import LoadResult
    from glutetui.settings import Settings
    from glutetui.tui.app import GluteApp

ResultT = TypeVar("ResultT")


def glute_app(app: App[Any]) -> GluteApp:
    """``app`` as the :class:`~glutetui.tui.app.GluteApp` it must be.

    Raises :class:`TypeError` for any other app: glutetui's screens need its services.
    """
    # Imported here: the app module imports the palette providers, which import this module.
    from glutetui.tui.app import GluteApp

    if not isinstance(app, GluteApp):
        raise TypeError(f"glutetui's screens run inside GluteApp, not {type(app).__name__}")
    return app


class GluteScreen(Screen[ResultT]):
    """A screen of glutetui's, with the app's services typed."""

    @property
    def glute_app(self) -> GluteApp:
        """The app, typed."""
        return glute_app(self.app)

    @property
    def store(self) -> LogStore:
        """The app's log store (one for the app, so what it has read serves every screen)."""
        return self.glute_app.store

    @property
    def catalog(self) -> Catalog:
        """The exercises and routines that loaded."""
        return self.glute_app.catalog

    @property
    def settings(self) -> Settings:
        """The user's settings."""
        return self.glute_app.settings

    @property
    def clock(self) -> Clock:
        """The app's clock (a FakeClock in tests)."""
        return self.glute_app.clock

    @property
    def paths(self) -> Paths:
        """Where config, logs and state live."""
        return self.glute_app.paths

    @property
    def plugin_result(self) -> LoadResult:
        """Every plugin and what it registered or why it failed."""
        return self.glute_app.plugin_result
