"""Save a workout's session, then tell the plugins: the one place that rule lives.

Screens call :meth:`Recorder.save` after every entry and at the end. The order is the contract
of the ``session_saved`` hook (:mod:`glutetui.hookspecs`): plugins hear of a session only once
it is durably in the log, ``final`` is true exactly when the session written is over, and a
failing save tells no plugin (the caller keeps the session and saves it again later).

A recorder also owns the session while it runs (:mod:`glutetui.workout.lease`) and never
overwrites what it did not write. Before every save it checks that its lease is still its own
(another instance may have taken the session over) and that the file holds exactly what it last
wrote there (or found there when it claimed the session): a hand edit, a note edited or the
session deleted elsewhere, another process's save. Either way it refuses with a
:class:`~glutetui.workout.lease.SessionClaimError`, writes nothing, and the session it was given
can still be saved under a new id (:meth:`Recorder.save_apart`). The check and the write are
two steps: an edit landing in the microseconds between them is not caught (other glutetui
instances cannot land there: they need the lease).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from glutetui.log.errors import SaveError, os_reason
from glutetui.log.toml_format import session_bytes
from glutetui.model import Session
from glutetui.workout.lease import Lease, SessionClaimError, lease_path

if TYPE_CHECKING:
    from glutetui.clock import Clock
    from glutetui.log import LogStore
    from glutetui.plugins import LoadResult


class SessionChangedError(SessionClaimError):
    """The session's file is not what this process last wrote there: it is left as it is."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.reason = (
            f"the session's file {what} since it was last saved here; it was left as it is"
        )
        super().__init__(f"{path}: {self.reason}")


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

    def __init__(
        self, store: LogStore, plugins: LoadResult | None = None, clock: Clock | None = None
    ) -> None:
        self.store = store
        self.plugins = plugins
        self._clock = clock
        self._reported: set[str] = set()
        """Plugins whose failure was already handed out for reporting."""
        self._lease: Lease | None = None
        self._session_id: str | None = None
        """The session this recorder owns (its lease, its file)."""
        self._written: bytes | None = None
        """What the session's file held when this recorder last wrote or claimed it
        (``None``: no file yet)."""
        self.refused: SessionClaimError | None = None
        """Why the last save was refused, until a save works again."""

    def _now(self) -> datetime:
        return self._clock.now() if self._clock is not None else datetime.now(UTC)

    def claim(self, session_id: str, *, take_over: bool = False) -> Session:
        """Own the unfinished session ``session_id`` and read it as it is now.

        Raises :class:`~glutetui.workout.lease.SessionHeldError` (saying where) when another
        process owns it, unless ``take_over``: that process then finds out before its next save.
        Read after the lease is held, so nothing its old owner saved is missed.
        """
        path = self.store.path_for(session_id)
        lease = Lease.acquire(
            lease_path(self.store.logs_dir, session_id), self._now(), take_over=take_over
        )
        try:
            written = path.read_bytes()
            session = self.store.load(session_id)
        except OSError as exc:
            lease.release()
            raise SaveError(path, os_reason(exc)) from exc
        except BaseException:
            lease.release()
            raise
        self.release()
        self._lease, self._session_id, self._written = lease, session_id, written
        return session

    def release(self) -> None:
        """Let the session go without saving it (another one is taking its place)."""
        if self._lease is not None:
            self._lease.release()
        self._lease = self._session_id = self._written = None

    def save(self, session: Session) -> Saved:
        """Write ``session`` to the log, then tell the plugins (``final`` once it is over).

        Raises :class:`~glutetui.log.StoreError` when the write fails; no plugin is told
        then, and the same session (or a later one) may simply be saved again. Raises its
        subclass :class:`~glutetui.workout.lease.SessionClaimError` when saving would overwrite
        another owner's work: the session was taken over, or its file changed since this
        recorder last wrote it; :meth:`save_apart` then keeps it under a new id.
        """
        try:
            self._check(session.id)
            path = self.store.save(session)
        except SessionClaimError as exc:
            self.refused = exc
            raise
        self.refused = None
        self._written = session_bytes(session)  # what store.save wrote: it cannot fail now
        final = session.status != "in-progress"
        if final and self._lease is not None:
            self._lease.release()  # over: anyone may open it now (to edit its note, say)
            self._lease = None
        if self.plugins is None:
            return Saved(path, final)
        new = []
        for plugin, reason in self.plugins.notify_session_saved(session, final):
            if plugin not in self._reported:
                self._reported.add(plugin)
                new.append(PluginFailure(plugin, reason))
        return Saved(path, final, tuple(new))

    def set_apart(self, session: Session) -> Session:
        """``session`` under a new id, to be saved next, leaving the file it came from (and
        its lease) to whoever changed it. Go on with the session returned."""
        self.release()
        return replace(session, id=self.store.new_session_id(session.started_at))

    def save_apart(self, session: Session) -> tuple[Session, Saved]:
        """:meth:`set_apart`, then :meth:`save`: the renamed session and what the save did."""
        apart = self.set_apart(session)
        return apart, self.save(apart)

    def _check(self, session_id: str) -> None:
        """Own ``session_id`` (a new session's lease is taken at its first save) and make sure
        its file holds what this recorder last wrote there."""
        if self._session_id != session_id:
            self.release()
            self._session_id = session_id
        if self._lease is None:
            self._lease = Lease.acquire(lease_path(self.store.logs_dir, session_id), self._now())
        self._lease.check()
        path = self.store.path_for(session_id)
        try:
            found: bytes | None = path.read_bytes()
        except FileNotFoundError:
            found = None
        except OSError as exc:
            raise SaveError(path, os_reason(exc)) from exc
        if found != self._written:
            what = "was deleted or moved" if found is None else "was changed"
            raise SessionChangedError(path, what)
