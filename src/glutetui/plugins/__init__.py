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

The package: :mod:`~glutetui.plugins.result` holds what loading produces (:class:`LoadResult`,
:class:`PluginInfo`), :mod:`~glutetui.plugins.loader` does the loading, and
:mod:`~glutetui.plugins.cache` serves a catalog without loading anything when nothing changed.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `from typing import ...`: the cached command line never needs it
if TYPE_CHECKING:
    import importlib.metadata
    from collections.abc import Iterable, Sequence

    from glutetui.plugins.loader import hook_names
    from glutetui.plugins.result import LoadResult, PluginInfo, PluginStatus

# Names resolved on first use (PEP 562): importing glutetui.plugins.cache runs this module, and
# the cached `glutetui exercises` must not pay for pluggy, the data model or dataclasses.
_LAZY = {
    "LoadResult": "glutetui.plugins.result",
    "PluginInfo": "glutetui.plugins.result",
    "PluginStatus": "glutetui.plugins.result",
    "hook_names": "glutetui.plugins.loader",
}


class PluginError(Exception):
    """A plugin failed to load or register, raised only in strict mode."""


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
    from glutetui.plugins.loader import load

    return load(entry_points, extra=extra, disabled=disabled, strict=strict)


def __getattr__(name: str) -> object:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'glutetui.plugins' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


__all__ = [
    "LoadResult",
    "PluginError",
    "PluginInfo",
    "PluginStatus",
    "hook_names",
    "load_plugins",
]
