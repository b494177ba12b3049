"""One owner per unfinished session: the lease, between two real processes, and the recorder's
refusal to overwrite what it did not write."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.paths import Paths
from glutetui.workout.lease import (
    Holder,
    Lease,
    SessionHeldError,
    SessionTakenOverError,
    holder_of,
    lease_path,
)
from glutetui.workout.recorder import Recorder, SessionChangedError
from glutetui.workout.runner import Runner
from tests.lease_holder import Other

from .support import small_plan


@pytest.fixture
def other(paths: Paths) -> Iterator[Other]:
    started = Other(paths.config_dir, "s1")
    yield started
    started.kill()


def now() -> datetime:
    return datetime(2026, 11, 29, 17, 2, tzinfo=UTC)


def test_a_second_process_is_told_where_the_session_is_open(
    paths: Paths, other: Other, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert other.answer()[0] == "saved"
    store = LogStore(paths)
    with pytest.raises(SessionHeldError) as refused:
        Recorder(store).claim("s1")
    holder = refused.value.holder
    assert holder is not None
    assert (holder.pid, holder.host) == (other.process.pid, socket.gethostname())
    assert holder.since is not None and holder.since.tzinfo is not None
    assert f"pid {other.process.pid} on {socket.gethostname()}" in refused.value.reason
    assert holder_of(lease_path(paths.logs_dir, "s1")) == holder


def test_the_lease_dies_with_its_process(paths: Paths, other: Other) -> None:
    assert other.answer()[0] == "saved"
    other.kill()  # SIGKILL: nothing of it runs to let go of the lease
    path = lease_path(paths.logs_dir, "s1")
    assert path.exists()  # its file stays, but nobody holds it
    assert holder_of(path) is None
    session = Recorder(LogStore(paths)).claim("s1")
    assert len(session.sets) == 1


def test_taking_over_stops_the_first_owner_before_its_next_write(
    paths: Paths, other: Other, clock: FakeClock
) -> None:
    assert other.answer()[0] == "saved"
    store = LogStore(paths)
    mine = Recorder(store, clock=clock)
    session = mine.claim("s1", take_over=True)
    runner = Runner.resume(session, None, clock)
    mine.save(runner.record_set(9))
    before = store.path_for("s1").read_bytes()

    other.conn.send("next")
    kind, reason = other.answer()
    assert kind == "taken over"
    assert "taken over by another glutetui" in str(reason)
    assert store.path_for("s1").read_bytes() == before  # the first owner wrote nothing
    assert [s.reps for s in store.load("s1").sets] == [12, 9]
    other.conn.send("end")


def test_a_hand_edit_behind_a_running_session_is_never_overwritten(
    paths: Paths, clock: FakeClock
) -> None:
    store = LogStore(paths)
    recorder = Recorder(store, clock=clock)
    runner = Runner.start(small_plan(), "s1", clock)
    recorder.save(runner.record_set(12))
    path = store.path_for("s1")
    edited = path.read_bytes().replace(b'note = ""', b'note = "by hand"')
    if edited == path.read_bytes():
        edited = path.read_bytes() + b"# a comment\n"
    path.write_bytes(edited)

    with pytest.raises(SessionChangedError) as refused:
        recorder.save(runner.record_set(10))
    assert refused.value.path == path and "was changed" in refused.value.reason
    assert recorder.refused is refused.value
    assert path.read_bytes() == edited

    apart, saved = recorder.save_apart(runner.session)
    assert apart.id != "s1" and saved.path == store.path_for(apart.id)
    assert [s.reps for s in store.load(apart.id).sets] == [12, 10]
    assert recorder.refused is None
    assert holder_of(lease_path(paths.logs_dir, "s1")) is None  # the old one is let go
    runner.session = apart  # the screen goes on with the renamed session
    recorder.save(runner.record_set(8))
    assert [s.reps for s in store.load(apart.id).sets] == [12, 10, 8]


def test_a_session_deleted_behind_its_back_is_not_written_again(
    paths: Paths, clock: FakeClock
) -> None:
    store = LogStore(paths)
    recorder = Recorder(store, clock=clock)
    runner = Runner.start(small_plan(), "s1", clock)
    recorder.save(runner.record_set(12))
    store.delete("s1")
    with pytest.raises(SessionChangedError, match="deleted or moved"):
        recorder.save(runner.record_set(10))
    assert not store.exists("s1")


def test_a_finished_session_lets_its_lease_go(paths: Paths, clock: FakeClock) -> None:
    store = LogStore(paths)
    recorder = Recorder(store, clock=clock)
    runner = Runner.start(small_plan(), "s1", clock)
    recorder.save(runner.record_set(12))
    path = lease_path(paths.logs_dir, "s1")
    assert holder_of(path) is not None and holder_of(path).is_this_process  # type: ignore[union-attr]
    recorder.save(runner.finish())
    assert not path.exists()


def test_a_lease_refuses_a_second_hold_in_the_same_process(paths: Paths) -> None:
    path = lease_path(paths.logs_dir, "s1")
    first = Lease.acquire(path, now())
    with pytest.raises(SessionHeldError, match="open in this glutetui"):
        Lease.acquire(path, now())
    second = Lease.acquire(path, now(), take_over=True)
    with pytest.raises(SessionTakenOverError):
        first.check()
    second.check()
    first.release()  # not its file any more: the new owner's stays
    assert path.exists() and second.held
    second.release()
    assert not path.exists()


def test_a_lease_in_a_missing_folder_that_cannot_be_made_is_a_save_error(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.logs_dir.write_text("not a folder")
    with pytest.raises(SaveError):
        Lease.acquire(lease_path(paths.logs_dir, "s1"), now())


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"[]",
        b'{"pid": -1, "host": "h", "since": null, "via": ""}',
        b'{"pid": true, "host": "h", "since": null, "via": ""}',
        b'{"pid": 12, "host": 5, "since": null, "via": ""}',
        b'{"pid": 12, "host": "' + b"h" * 500 + b'", "since": null, "via": ""}',
        b" " * 5000,
    ],
)
def test_a_lease_file_glutetui_could_not_have_written_names_nobody(raw: bytes) -> None:
    assert Holder.from_json(raw) is None


def test_a_holder_reads_back_and_says_where_it_is() -> None:
    holder = Holder(1234, "box", now(), "over SSH from 10.1.2.3")
    assert Holder.from_json(holder.to_json()) == holder
    text = holder.describe()
    assert text.startswith("open in another glutetui since ")
    assert text.endswith("pid 1234 on box, over SSH from 10.1.2.3")
    assert Holder(0, "", None).describe() == "open in another glutetui"
    naive = json.dumps({"pid": 9, "host": "h", "since": "2026-11-29T17:02:00", "via": ""})
    assert Holder.from_json(naive.encode()) == Holder(9, "h", None, "")


def test_the_way_in_is_the_ssh_link_when_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.9.8.7 51000 10.0.0.1 22")
    assert Holder.here(now()).via == "over SSH from 10.9.8.7"


def test_a_lease_file_removed_by_hand_is_taken_again(paths: Paths) -> None:
    path = lease_path(paths.logs_dir, "s1")
    lease = Lease.acquire(path, now())
    path.unlink()
    lease.check()  # nobody else had it: this process holds it again
    assert holder_of(path) is not None and lease.held
    lease.release()
    assert not path.exists()


def test_a_lease_whose_folder_went_away_is_a_passing_save_error(paths: Paths) -> None:
    path = lease_path(paths.logs_dir, "s1")
    lease = Lease.acquire(path, now())
    away = paths.logs_dir.with_name("logs-away")
    paths.logs_dir.rename(away)
    paths.logs_dir.write_text("in the way")
    with pytest.raises(SaveError):
        lease.check()
    paths.logs_dir.unlink()
    away.rename(paths.logs_dir)
    lease.check()  # back where it was: still this process's
    assert lease.held
