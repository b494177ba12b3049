"""Loading plugins without letting one bad plugin take the others down.

pluggy's ``load_setuptools_entrypoints`` has no guard around ``ep.load()``, so one plugin that
fails to import crashes every host that uses it. Here each entry point is loaded inside its own
``try``, each plugin's hook implementation is called on its own so a raising hook disables only
that plugin, every registration is validated, and ``check_pending()`` catches misspelled hook
names. Every failure is kept with the plugin's name, distribution, version and reason.

Switches:

* ``GLUTETUI_DISABLE_PLUGINS=name,other`` blocks plugins by entry-point or distribution name.
* ``GLUTETUI_STRICT_PLUGINS=1`` (or ``strict=True``) re-raises the first failure as
  :class:`PluginError`, with the original exception chained, for plugin authors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from glutetui import PROJECT_NAME
from glutetui.catalog import Catalog
from glutetui.model import Session

if TYPE_CHECKING:
    import importlib.metadata

    import pluggy

# pluggy, importlib.metadata and the hookspecs are imported where they are used: an app started
# from the cached catalog (glutetui.catalogcache) shows its first screen without them.

BUILTIN_DISTRIBUTION = "glutetui"

PluginStatus = Literal["ok", "partial", "failed", "disabled"]


class PluginError(Exception):
    """A plugin failed to load or register, raised only in strict mode."""


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

    @property
    def builtin(self) -> bool:
        """Shipped inside glutetui's own wheel."""
        return self.distribution == BUILTIN_DISTRIBUTION


@dataclass(frozen=True)
class LoadResult:
    """The catalog built from every plugin, and a report on each plugin."""

    catalog: Catalog
    plugins: tuple[PluginInfo, ...]
    manager: pluggy.PluginManager | None = field(default=None, compare=False, repr=False)
    """The plugin manager, for calling hooks; ``None`` when served from the catalog cache."""
    reload: Callable[[], LoadResult] | None = field(default=None, compare=False, repr=False)
    """Loads the plugins for real when a hook must be called and :attr:`manager` is ``None``."""

    def hook_manager(self) -> pluggy.PluginManager | None:
        """The plugin manager, loading the plugins now if this result came from the cache."""
        if self.manager is None and self.reload is not None:
            # Memoised on the frozen instance: the catalog and report stay what was shown.
            object.__setattr__(self, "manager", self.reload().manager)
        return self.manager

    @property
    def problems(self) -> list[tuple[str, str]]:
        """``(plugin name, reason)`` for every problem, in load order."""
        return [(p.name, msg) for p in self.plugins for msg in p.problems]

    def notify_session_saved(self, session: Session, final: bool) -> list[tuple[str, str]]:
        """Call every ``session_saved`` implementation on its own; return ``(plugin, reason)``
        for each one that raised instead of letting it stop the workout."""
        manager = self.hook_manager()
        if manager is None:
            return []
        failures = []
        arguments = {"session": session, "final": final}
        for impl in manager.hook.session_saved.get_hookimpls():
            try:
                # As pluggy does: an implementation may take any subset of the arguments.
                impl.function(**{name: arguments[name] for name in impl.argnames})
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a plugin bug must not lose the set
                failures.append((impl.plugin_name, f"hook session_saved raised {_describe(exc)}"))
        return failures


def hook_names() -> list[str]:
    """The names of every hook in the plugin contract (:mod:`glutetui.hookspecs`), sorted."""
    # Ask pluggy which names carry the hookspec marker: "callable and public" also matched the
    # module's imports (Callable, Exercise, Routine, Session) and listed them as hooks.
    import pluggy

    from glutetui import hookspecs

    pm = pluggy.PluginManager(PROJECT_NAME)
    return sorted(n for n in dir(hookspecs) if pm.parse_hookspec_opts(hookspecs, n) is not None)


def _describe(exc: BaseException) -> str:
    # One line: pluggy's validation messages span several, and every report here is one line.
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def load_plugins(
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    *,
    extra: Sequence[tuple[str, object]] = (),
    disabled: Iterable[str] | None = None,
    strict: bool | None = None,
) -> LoadResult:
    """Load every plugin and build the catalog.

    ``entry_points`` defaults to the installed ``glutetui`` group; ``extra`` adds
    ``(name, module_or_object)`` plugins directly (tests and embedding). ``disabled`` defaults
    to ``GLUTETUI_DISABLE_PLUGINS`` and ``strict`` to ``GLUTETUI_STRICT_PLUGINS``.
    """
    from glutetui.pluginloader import load

    return load(entry_points, extra=extra, disabled=disabled, strict=strict)


def discover_entry_points() -> list[importlib.metadata.EntryPoint]:
    """Entry points in the ``glutetui`` group: built-ins first, then by distribution and name."""
    from glutetui.pluginloader import discover_entry_points as discover

    return discover()
