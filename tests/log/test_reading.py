"""Reading a cold log: progress reported, worker processes giving what one process gives."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from glutetui.log import FileProblem, LogStore
from glutetui.log import reading as reading_module
from glutetui.paths import Paths
from tests.history_factory import write_history


@pytest.fixture
def log_of_60(paths: Paths) -> Paths:
    write_history(paths, 60 / 365)
    (paths.logs_dir / "20200101T000000-000000.toml").write_bytes(b"id = [")
    return paths


def cold(paths: Paths) -> LogStore:
    shutil.rmtree(paths.cache_dir, ignore_errors=True)
    return LogStore(paths)


def in_workers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Read in (forked) worker processes even a small log, in chunks of 7 files; returns
    whether each read was done by workers (``False``: they could not be started)."""
    monkeypatch.setattr(reading_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(reading_module, "CHUNK", 7)
    monkeypatch.setattr(reading_module, "_can_fork", lambda: True)
    monkeypatch.setattr(reading_module, "_usable_cores", lambda: 2)
    done: list[bool] = []
    real = reading_module._in_workers

    def spy(*args: Any) -> Any:
        found = real(*args)
        done.append(found is not None)
        return found

    monkeypatch.setattr(reading_module, "_in_workers", spy)
    return done


def test_a_cold_read_reports_progress_up_to_every_file_and_a_warm_one_none(
    log_of_60: Paths,
) -> None:
    calls: list[tuple[int, int]] = []
    store = cold(log_of_60)
    store.summaries(limit=5, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (61, 61)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    calls.clear()
    LogStore(log_of_60).summaries(limit=5, progress=lambda d, t: calls.append((d, t)))
    LogStore(log_of_60).history(progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (61, 61)  # the session index was still cold
    calls.clear()
    LogStore(log_of_60).history(progress=lambda d, t: calls.append((d, t)))
    assert calls == []


def test_worker_processes_read_exactly_what_one_process_reads(
    log_of_60: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected_rows = cold(log_of_60).summaries()
    expected_history = cold(log_of_60).history()
    assert len(expected_rows.problems) == 1 and expected_rows.count == 60
    by_workers = in_workers(monkeypatch)
    calls: list[tuple[int, int]] = []
    got = cold(log_of_60).summaries(progress=lambda d, t: calls.append((d, t)))
    assert got == expected_rows
    assert calls[-1] == (61, 61) and len(calls) == 9  # a call per chunk of 7
    assert cold(log_of_60).history() == expected_history
    assert by_workers == [True, True]
    # ... and the indexes they wrote serve the next run alike.
    monkeypatch.undo()
    assert LogStore(log_of_60).summaries() == expected_rows
    assert LogStore(log_of_60).history() == expected_history


def test_a_file_gone_while_workers_read_is_reported_not_kept(
    log_of_60: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_workers = in_workers(monkeypatch)
    victim = sorted(log_of_60.logs_dir.iterdir())[10]
    real = reading_module.read_session_file

    def vanishing(path: Path) -> object:
        if path == victim:  # deleted by a sync tool after the scan, say
            return real(path.with_name("gone.toml"))
        return real(path)

    monkeypatch.setattr(reading_module, "read_session_file", vanishing)
    found = cold(log_of_60).summaries()
    assert by_workers == [True]
    assert FileProblem(victim, os.strerror(2)) in found.problems
    assert found.count == 59
    monkeypatch.undo()
    again = LogStore(log_of_60).summaries()  # not remembered: read again, and fine now
    assert again.count == 60 and len(again.problems) == 1


def test_without_worker_processes_the_files_are_read_in_process(
    log_of_60: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = cold(log_of_60).summaries()
    by_workers = in_workers(monkeypatch)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    assert cold(log_of_60).summaries() == expected
    assert by_workers == [False]


def test_an_interrupted_read_stops_instead_of_reading_again_in_process(
    log_of_60: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_workers = in_workers(monkeypatch)
    reads = log_of_60.config_dir / "reads.txt"
    real = reading_module.read_session_file

    def counted(path: Path) -> object:
        with open(reads, "a") as fh:  # from whichever worker process reads it
            fh.write(f"{path.name}\n")
        return real(path)

    monkeypatch.setattr(reading_module, "read_session_file", counted)

    class Interrupted(Exception):
        pass

    def interrupt(done: int, total: int) -> None:
        raise Interrupted  # as Ctrl-C arrives in the reading process

    with pytest.raises(Interrupted):
        cold(log_of_60).summaries(progress=interrupt)
    assert by_workers == []  # neither finished nor handed back to be read in process
    assert len(reads.read_text().splitlines()) < 61  # the chunks not yet started were dropped
    monkeypatch.undo()
    assert LogStore(log_of_60).summaries().count == 60  # and nothing was left half done
