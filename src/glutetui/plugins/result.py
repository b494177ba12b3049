"""What loading the plugins produced: the catalog, and a report on each plugin.

Kept apart from :mod:`glutetui.plugins.loader` so that the names the app and the command line
need to show a catalog import without pluggy or importlib.metadata.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from glutetui.catalog import Catalog

if TYPE_CHECKING:
    import pluggy

    from glutetui.importers import Importer
    from glutetui.model import Session

# pluggy is imported by the loader only: an app started from the cached catalog
# (glutetui.plugins.cache) shows its first screen without it.

PluginStatus = Literal["ok", "partial", "failed", "disabled"]


@dataclass(frozen=True)
class PluginInfo:
    """What glutetui knows about one plugin after loading it."""

    name: str
    """Entry-point name (what ``GLUTETUI_DISABLE_PLUGINS`` takes)."""
    module: str
    """What the entry point points at."""
    distribution: str | None = None
    version: str | None = None
    status: PluginStatus = "ok"
    """``ok``; ``partial`` (loaded, but some registrations were refused); ``failed``; ``disabled``."""
    problems: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    routines: tuple[str, ...] = ()
    importers: tuple[str, ...] = ()
    """Names of the importers it registered."""
    offers: tuple[str, ...] = ()
    """What it offers through hooks called on demand: ``programmes``, ``self-tests``,
    ``dose policy``."""


REGISTERED_KINDS = {
    "exercises": "",
    "routines": "routine",
    "importers": "importer",
    "offers": "offers",
}
"""Each :class:`PluginInfo` field listing what a plugin registered, and the word that marks
its entries in ``glutetui plugins`` (exercises, the main kind, go unmarked). A new kind of
registration is one more field and one more entry here."""


@dataclass(frozen=True)
class LoadResult:
    """The catalog built from every plugin, and a report on each plugin."""

    catalog: Catalog
    plugins: tuple[PluginInfo, ...]
    manager: pluggy.PluginManager | None = field(default=None, compare=False, repr=False)
    """The plugin manager, for calling hooks; ``None`` when served from the catalog cache."""
    reload: Callable[[], LoadResult] | None = field(default=None, compare=False, repr=False)
    """Loads the plugins for real when a hook must be called and :attr:`manager` is ``None``."""
    importers: tuple[Importer, ...] = field(default=(), compare=False, repr=False)
    """Every plugin's importers in load order; empty when served from the cache (see
    :meth:`live`)."""

    def live(self) -> LoadResult | None:
        """A result with the plugins really loaded (this one, unless it came from the cache):
        loaded now, with a time limit, if needed; ``None`` if the loading did not finish."""
        if self.manager is not None:
            return self
        if self.reload is None:
            return None
        memo: tuple[LoadResult | None] | None = getattr(self, "_live", None)
        if memo is None:
            from glutetui.plugins.calls import call_limited, import_seconds

            # Tried once: loading that did not finish in time is not waited for again.
            memo = (call_limited("(plugin loading)", self.reload, import_seconds()).value,)
            # Memoised on the frozen instance: the catalog and report stay what was shown.
            object.__setattr__(self, "_live", memo)
        return memo[0]

    def hook_manager(self) -> pluggy.PluginManager | None:
        """The plugin manager, loading the plugins now if this result came from the cache.

        The loading runs with a time limit (:mod:`glutetui.plugins.calls`): a plugin import
        that hangs here leaves the hooks uncalled rather than the caller stuck.
        """
        live = self.live()
        return None if live is None else live.manager

    @property
    def problems(self) -> list[tuple[str, str]]:
        """``(plugin name, reason)`` for every problem, in load order."""
        return [(p.name, msg) for p in self.plugins for msg in p.problems]

    def notify_session_saved(self, session: Session, final: bool) -> list[tuple[str, str]]:
        """Call every ``session_saved`` implementation on its own, each in a thread with a time
        limit; return ``(plugin, reason)`` for each one that raised or did not return in time
        instead of letting it stop or freeze the workout. A plugin that did not return is not
        called again by this process."""
        from glutetui.plugins.calls import call_limited, hook_seconds, stuck_plugins

        manager = self.hook_manager()
        if manager is None:
            return []
        failures = []
        arguments = {"session": session, "final": final}
        limit = hook_seconds()
        for impl in manager.hook.session_saved.get_hookimpls():
            name = impl.plugin_name
            if name in stuck_plugins():
                continue
            # As pluggy does: an implementation may take any subset of the arguments.
            kwargs = {arg: arguments[arg] for arg in impl.argnames}
            outcome = call_limited(name, functools.partial(impl.function, **kwargs), limit)
            if outcome.timed_out:
                failures.append(
                    (
                        name,
                        f"hook session_saved did not return within {limit:g} s; "
                        "it is not called again until glutetui restarts",
                    )
                )
            elif outcome.error is not None:
                failures.append((name, f"hook session_saved raised {describe(outcome.error)}"))
        return failures


def describe(exc: BaseException) -> str:
    """``Type: message`` on one line, for a plugin problem report."""
    # One line: pluggy's validation messages span several, and every report here is one line.
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
