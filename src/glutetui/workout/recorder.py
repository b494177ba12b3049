"""Save a workout's session, then tell the plugins: the one place that rule lives.

Screens call :meth:`Recorder.save` after every entry and at the end. The order is the contract
of the ``session_saved`` hook (:mod:`glutetui.hookspecs`): plugins hear of a session only once
it is durably in the log, ``final`` is true exactly when the session written is over, and a
failing save tells no plugin (the caller keeps the session and saves it again later).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glutetui.model import Session

if TYPE_CHECKING:
    from glutetui.log import LogStore
    from glutetui.plugins import LoadResult


@dataclass(frozen=True)
class PluginFailure:
    """A plugin's ``session_saved`` hook raised; the workout and the save went on."""

    plugin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.plugin}: {self.reason}"


@dataclass(frozen=True)
class Saved:
    """What one :meth:`Recorder.save` did."""

    path: Path
    """The session's file in the log."""
    final: bool
    """The session is over and the plugins were told so."""
    new_failures: tuple[PluginFailure, ...] = ()
    """Plugins whose hook failed this time and never before for this recorder: report these."""


class Recorder:
    """Saves one workout's session through the store, then calls every ``session_saved`` hook.

    Make one per workout (one per session screen): a plugin whose hook fails is reported once,
    the first time, rather than after every set; its hook is still called each time.
    ``plugins`` is where the hooks come from; ``None`` tells no plugin.
    """

    def __init__(self, store: LogStore, plugins: LoadResult | None = None) -> None:
        self.store = store
        self.plugins = plugins
        self._reported: set[str] = set()
        """Plugins whose failure was already handed out for reporting."""

    def save(self, session: Session) -> Saved:
        """Write ``session`` to the log, then tell the plugins (``final`` once it is over).

        Raises :class:`~glutetui.log.StoreError` when the write fails; no plugin is told
        then, and the same session (or a later one) may simply be saved again.
        """
        path = self.store.save(session)
        final = session.status != "in-progress"
        if self.plugins is None:
            return Saved(path, final)
        new = []
        for plugin, reason in self.plugins.notify_session_saved(session, final):
            if plugin not in self._reported:
                self._reported.add(plugin)
                new.append(PluginFailure(plugin, reason))
        return Saved(path, final, tuple(new))
