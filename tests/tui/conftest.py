"""Fixtures shared by the screen tests (helpers to wait and build apps are in ``support``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.model import Session
from glutetui.paths import Paths
from glutetui.plugins import LoadResult, load_plugins
from glutetui.tui.app import GluteApp

from .support import make_session_app


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test says so."""
    return FakeClock()


@pytest.fixture(scope="session")
def builtins() -> LoadResult:
    """The real built-in plugins, loaded once (disabled=() ignores the developer's env)."""
    return load_plugins(disabled=())


@pytest.fixture
def session_app(paths: Paths, clock: FakeClock) -> GluteApp:
    """The app with the two small exercises of ``support`` and short timers."""
    return make_session_app(paths, clock)


@pytest.fixture
def failing_saves(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Saving a session fails (a full disk) while ``failing_saves["on"]``."""
    real_save: Callable[[LogStore, Session], object] = LogStore.save
    state = {"on": True}

    def save(self: LogStore, session: Session) -> object:
        if state["on"]:
            raise SaveError(self.path_for(session.id), "No space left on device")
        return real_save(self, session)

    monkeypatch.setattr(LogStore, "save", save)
    return state


@pytest.fixture
def bells(session_app: GluteApp, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every terminal bell the session app rings."""
    rung: list[int] = []
    monkeypatch.setattr(session_app, "bell", lambda: rung.append(1))
    yield rung
