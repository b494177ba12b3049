"""Save, then tell the plugins: the order, ``final``, a failed save, a failing plugin reported once."""

from __future__ import annotations

import pytest

from glutetui import hookimpl
from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.model import Session
from glutetui.paths import Paths
from glutetui.plugins import load_plugins
from glutetui.workout.recorder import PluginFailure, Recorder
from glutetui.workout.runner import Runner

from .support import small_plan


class Mirror:
    """A plugin that reads the log back whenever it is told of a save."""

    def __init__(self, store: LogStore) -> None:
        self.store = store
        self.heard: list[tuple[Session, Session, bool]] = []
        """``(session told, session in the log at that moment, final)`` per call."""

    @hookimpl
    def session_saved(self, session: Session, final: bool) -> None:
        self.heard.append((session, self.store.load(session.id), final))


class Offline:
    """A plugin whose hook always fails, with a different message each time."""

    def __init__(self) -> None:
        self.calls = 0

    @hookimpl
    def session_saved(self, session: Session, final: bool) -> None:
        self.calls += 1
        raise OSError(f"mirror offline (attempt {self.calls})")


def test_plugins_hear_of_every_save_once_it_is_in_the_log(paths: Paths, clock: FakeClock) -> None:
    store = LogStore(paths)
    mirror = Mirror(store)
    recorder = Recorder(store, load_plugins(entry_points=[], extra=[("mirror", mirror)]))
    runner = Runner.start(small_plan(), "s1", clock)
    saved = [recorder.save(runner.record_set(12))]
    saved.append(recorder.save(runner.skip()))
    saved.append(recorder.save(runner.undo()))
    saved.append(recorder.save(runner.finish()))
    assert [s.final for s in saved] == [False, False, False, True]
    assert [s.path for s in saved] == [store.path_for("s1")] * 4
    assert [final for _, _, final in mirror.heard] == [False, False, False, True]
    # Each time the plugin was told, the log already held exactly what it was told.
    assert all(told == on_disk for told, on_disk, _ in mirror.heard)
    assert mirror.heard[-1][0].status == "incomplete"


def test_a_failed_save_tells_no_plugin(paths: Paths, clock: FakeClock) -> None:
    store = LogStore(paths)
    offline = Offline()
    recorder = Recorder(store, load_plugins(entry_points=[], extra=[("offline", offline)]))
    runner = Runner.start(small_plan(), "s1", clock)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.logs_dir.write_text("not a folder")
    with pytest.raises(SaveError):
        recorder.save(runner.record_set(12))
    assert offline.calls == 0
    paths.logs_dir.unlink()  # the trouble is gone: the same session saves, and the plugin hears
    assert len(recorder.save(runner.session).new_failures) == 1
    assert offline.calls == 1


def test_a_failing_plugin_is_reported_once_per_workout_and_still_called(
    paths: Paths, clock: FakeClock
) -> None:
    store = LogStore(paths)
    offline, mirror = Offline(), Mirror(store)
    plugins = load_plugins(entry_points=[], extra=[("offline", offline), ("mirror", mirror)])
    recorder = Recorder(store, plugins)
    runner = Runner.start(small_plan(), "s1", clock)
    first = recorder.save(runner.record_set(12))
    assert first.new_failures == (
        PluginFailure("offline", "hook session_saved raised OSError: mirror offline (attempt 1)"),
    )
    assert str(first.new_failures[0]).startswith("offline: hook session_saved raised OSError")
    later = [recorder.save(runner.record_set(12)), recorder.save(runner.finish())]
    assert [s.new_failures for s in later] == [(), ()]  # a new reason is still the same plugin
    assert offline.calls == 3 and len(mirror.heard) == 3  # the others hear every save
    # The next workout has its own recorder: the failure is news again.
    again = Runner.start(small_plan(), "s2", clock)
    assert len(Recorder(store, plugins).save(again.record_set(9)).new_failures) == 1


def test_without_plugins_the_session_is_only_saved(paths: Paths, clock: FakeClock) -> None:
    store = LogStore(paths)
    runner = Runner.start(small_plan(), "s1", clock)
    saved = Recorder(store).save(runner.record_set(12))
    assert (saved.final, saved.new_failures) == (False, ())
    assert store.load("s1") == runner.session
