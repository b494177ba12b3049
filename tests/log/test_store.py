"""The log store with real files in temporary folders."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from glutetui.log import (
    NOTE_PREVIEW,
    FileProblem,
    LogFormatError,
    LogStore,
    SaveError,
    SessionNotFoundError,
    SessionRow,
    StoreError,
    Summaries,
    UnreadableSessionError,
    session_row,
)
from glutetui.log import entries as entries_module
from glutetui.log import index as index_module
from glutetui.log import reading as reading_module
from glutetui.log import store as store_module
from glutetui.log.toml_format import parse_session_bytes
from glutetui.model import Session
from glutetui.paths import Paths
from tests.history_factory import make_session, write_history

TZ = timezone(timedelta(hours=1))
ROOT = Path(__file__).resolve().parents[2]


def session(n: int = 0, **changes) -> Session:
    return replace(make_session(date(2026, 1, 1) + timedelta(days=n)), **changes)


@pytest.fixture
def store(paths: Paths) -> LogStore:
    return LogStore(paths)


# --------------------------------------------------------------------------- basics


def test_save_then_load_round_trips(store: LogStore) -> None:
    s = session()
    path = store.save(s)
    assert path == store.path_for(s.id) == store.paths.logs_dir / f"{s.id}.toml"
    assert path.read_text().startswith("format_version = 1\n")
    assert store.load(s.id) == s
    assert store.history().sessions == (s,)


def test_new_session_ids_sort_by_start_and_differ() -> None:
    t = datetime(2026, 11, 23, 18, 45, 2, tzinfo=TZ)
    # 24 random bits: a clash needs two sessions started in the same second *and* a 1 in 16M
    # draw. Among 1,000 ids in one second, a handful of clashes at most (expected 0.03).
    ids = {LogStore.new_session_id(t) for _ in range(1000)}
    assert len(ids) >= 995
    one = LogStore.new_session_id(t)
    assert one.startswith("20261123T174502-") and len(one) == 22
    later = LogStore.new_session_id(t + timedelta(seconds=1))
    assert later > one
    # The same instant in another time zone gives the same, sortable prefix.
    assert LogStore.new_session_id(t.astimezone(UTC))[:15] == one[:15]


@pytest.mark.parametrize("bad", ["../escape", "a/b", ".hidden", "", "x" * 200, "a.toml"])
def test_path_for_refuses_ids_that_are_not_plain_file_names(store: LogStore, bad: str) -> None:
    with pytest.raises(StoreError, match="not valid"):
        store.path_for(bad)


def test_load_of_a_missing_session_names_the_path(store: LogStore) -> None:
    with pytest.raises(SessionNotFoundError) as err:
        store.load("20260101T000000-abcdef")
    assert "20260101T000000-abcdef.toml" in str(err.value)


def test_history_is_newest_first_and_unfinished_filters(store: LogStore) -> None:
    a, b, c = session(0), session(5, status="in-progress"), session(2)
    for s in (a, b, c):
        store.save(s)
    assert [s.id for s in store.history().sessions] == [b.id, c.id, a.id]
    assert store.unfinished() == [b]


def test_save_rewrites_only_its_own_file(store: LogStore) -> None:
    a, b = session(0), session(1)
    store.save(a)
    store.save(b)
    before = store.path_for(a.id).read_bytes()
    mtime = store.path_for(a.id).stat().st_mtime_ns
    store.save(replace(b, note="changed"))
    assert store.path_for(a.id).read_bytes() == before
    assert store.path_for(a.id).stat().st_mtime_ns == mtime
    assert store.load(b.id).note == "changed"


def test_save_never_scans_the_folder(store: LogStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(session(0))

    def no_scan(*a: object, **k: object) -> None:
        raise AssertionError("save() scanned the log folder")

    monkeypatch.setattr(store_module.os, "scandir", no_scan)
    monkeypatch.setattr(store_module.os, "listdir", no_scan)
    store.save(session(1))
    store.save(replace(session(1), note="again"))


def test_unknown_exercises_keep_their_name(store: LogStore) -> None:
    s = session()
    gone = replace(s.exercises[0], exercise_id="side-plank-leg-lift", name="Side plank leg lift")
    s = replace(s, exercises=(gone, *s.exercises[1:]))
    store.save(s)
    assert store.load(s.id).exercise("side-plank-leg-lift").name == "Side plank leg lift"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- failed writes


def _tmp_files(store: LogStore) -> list[str]:
    return sorted(n for n in os.listdir(store.paths.logs_dir) if n.endswith(".tmp"))


def test_disk_full_like_failure_leaves_previous_file_byte_identical(paths: Paths) -> None:
    """A real EFBIG: a child process with RLIMIT_FSIZE below the new file's size saves."""
    store = LogStore(paths)
    small = session(0, sets=session(0).sets[:2])
    store.save(small)
    before = store.path_for(small.id).read_bytes()
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from dataclasses import replace
        from datetime import date
        from glutetui.paths import Paths
        from glutetui.log import LogStore, SaveError
        from tests.history_factory import make_session
        store = LogStore(Paths.resolve({str(paths.config_dir)!r}))
        big = replace(make_session(date(2026, 1, 1)), id={small.id!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({len(before) + 100}, resource.RLIM_INFINITY))
        try:
            store.save(big)
        except SaveError as exc:
            print("SaveError", exc.path, "|", exc.reason)
            sys.exit(0)
        sys.exit("saved despite the limit")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"SaveError {store.path_for(small.id)} | File too large")
    assert store.path_for(small.id).read_bytes() == before
    assert _tmp_files(store) == []
    assert store.load(small.id) == small


@pytest.mark.parametrize(
    ("call", "code"),
    [
        ("fsync", errno.ENOSPC),
        ("write", errno.ENOSPC),
        ("replace", errno.EROFS),
        ("open", errno.EACCES),
    ],
)
def test_os_errors_at_each_step_leave_previous_file_byte_identical(
    store: LogStore, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    """Errors the OS gives on a full disk, a read-only mount or a denied folder, at each step.

    Root ignores permissions, so these are injected at the ``os`` call that would raise them.
    """
    s = session(0)
    store.save(s)
    before = store.path_for(s.id).read_bytes()
    real = getattr(os, call)

    def failing(*args: object, **kwargs: object) -> object:
        if call == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module.os, call, failing)
    with pytest.raises(SaveError) as err:
        store.save(replace(s, note="new"))
    monkeypatch.undo()
    assert err.value.path == store.path_for(s.id)
    assert err.value.reason == os.strerror(code)
    assert str(store.path_for(s.id)) in str(err.value)
    assert store.path_for(s.id).read_bytes() == before
    assert _tmp_files(store) == []
    # The runner keeps the session in memory and retries; that works once the trouble is gone.
    store.save(replace(s, note="new"))
    assert store.load(s.id).note == "new"


def test_logs_folder_that_is_a_file_gives_save_error(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.logs_dir.write_text("not a folder")
    with pytest.raises(SaveError) as err:
        LogStore(paths).save(session())
    assert err.value.reason  # a real ENOTDIR/EEXIST from the OS
    assert paths.logs_dir.read_text() == "not a folder"


def test_unwritable_session_is_save_error(store: LogStore) -> None:
    with pytest.raises(SaveError, match="timezone-aware"):
        store.save(Session(id="20260101T000000-aaaaaa", started_at=datetime(2026, 1, 1)))


# --------------------------------------------------------------------------- unreadable files

CORRUPT = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "nonsense": lambda good: b"\x00\x01 this is = not [toml",
    "not-utf8": lambda good: good.replace(b"Clamshell", b"Cl\xe6mshell"),
    "wrong-types": lambda good: good.replace(b"\nreps = ", b'\nreps = "many" #', 1),
    "future-version": lambda good: good.replace(b"format_version = 1", b"format_version = 99"),
    "no-version": lambda good: good.replace(b"format_version = 1\n", b""),
    "wrong-id": lambda good: good.replace(b'id = "', b'id = "x', 1),
}
REASONS = {
    "truncated": "not valid TOML",
    "empty": "empty",
    "nonsense": "not valid TOML",
    "not-utf8": "not UTF-8",
    "wrong-types": "must be a whole number",
    "future-version": "newer glutetui",
    "no-version": "no format_version",
    "wrong-id": "does not match its file name",
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_unreadable_file_is_reported_and_left_alone(store: LogStore, kind: str) -> None:
    good, bad = session(0), session(1)
    store.save(good)
    store.save(bad)
    store.history()  # index the good version first: the index must notice the change
    path = store.path_for(bad.id)
    content = CORRUPT[kind](path.read_bytes())
    path.write_bytes(content)
    for _ in range(2):  # cold (file changed) and warm (served from the index)
        history = store.history()
        assert history.sessions == (good,)
        assert len(history.problems) == 1
        problem = history.problems[0]
        assert isinstance(problem, FileProblem)
        assert problem.path == path
        assert REASONS[kind] in problem.reason
    with pytest.raises(UnreadableSessionError) as err:
        store.load(bad.id)
    assert err.value.path == path and REASONS[kind] in err.value.reason
    assert path.read_bytes() == content  # never deleted, never overwritten


def test_folder_named_like_a_session_is_a_problem(store: LogStore) -> None:
    store.save(session(0))
    (store.paths.logs_dir / "odd.toml").mkdir()
    history = store.history()
    assert len(history.sessions) == 1
    assert history.problems == (
        FileProblem(store.paths.logs_dir / "odd.toml", "it is a folder, not a file"),
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_a_session_is_a_problem_and_never_opened(store: LogStore) -> None:
    store.save(session(0))
    os.mkfifo(store.paths.logs_dir / "pipe.toml")  # opening it to read would block
    assert store.summaries(limit=20).problems == (
        FileProblem(store.paths.logs_dir / "pipe.toml", "it is not a file"),
    )


def test_other_files_are_ignored(store: LogStore) -> None:
    store.save(session(0))
    (store.paths.logs_dir / "README.txt").write_text("hi")
    (store.paths.logs_dir / ".syncthing.abc.toml.tmp").write_text("x")
    history = store.history()
    assert len(history.sessions) == 1 and history.problems == ()


# --------------------------------------------------------------------------- temp files and trash


def test_stale_temp_files_are_cleaned_fresh_ones_kept(store: LogStore) -> None:
    s = session(0)
    store.save(s)
    logs = store.paths.logs_dir
    stale = logs / f".{s.id}.toml.deadbeef.tmp"
    stale.write_bytes(b"half a wr")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = logs / f".{s.id}.toml.cafebabe.tmp"  # another instance writing right now
    fresh.write_bytes(b"in progress")
    assert store.clean_temp_files() == 1
    assert not stale.exists() and fresh.exists()
    assert store.load(s.id) == s
    os.utime(fresh, (old, old))
    store.history()  # history() cleans on its own scan too
    assert not fresh.exists()
    assert store.clean_temp_files() == 0


def test_delete_moves_to_trash(store: LogStore) -> None:
    s = session(0)
    store.save(s)
    content = store.path_for(s.id).read_bytes()
    moved = store.delete(s.id)
    assert moved == store.paths.trash_dir / f"{s.id}.toml"
    assert moved.read_bytes() == content
    assert not store.path_for(s.id).exists()
    assert store.history().sessions == ()
    store.save(s)  # the same id again, deleted again: both copies are kept
    second = store.delete(s.id)
    assert second != moved and second.exists() and moved.exists()
    with pytest.raises(SessionNotFoundError):
        store.delete(s.id)


# --------------------------------------------------------------------------- the index


def test_index_follows_hand_edits_deletions_and_additions(store: LogStore) -> None:
    a, b, c = session(0), session(1), session(2)
    store.save(a)
    store.save(b)
    assert len(store.history().sessions) == 2
    assert store.index_path.exists()
    # Hand-edited behind the store's back (same size: a one-letter change).
    path = store.path_for(a.id)
    text = path.read_text()
    edited = text.replace('status = "complete"', 'status = "incomplete"')
    path.write_text(edited)
    # Deleted and added behind its back.
    store.path_for(b.id).unlink()
    LogStore(store.paths).save(c)
    history = store.history()
    assert {s.id for s in history.sessions} == {a.id, c.id}
    assert next(s for s in history.sessions if s.id == a.id).status == "incomplete"


def replace_keeping_size_and_mtime(path: Path) -> None:
    """Replace the file (as an editor or a sync tool does) with same-size content and the same
    mtime: only its inode tells the change. Clamshell becomes ClamshelX."""
    st = path.stat()
    other = path.with_suffix(".new")
    other.write_bytes(path.read_bytes().replace(b"Clamshell", b"ClamshelX", 1))
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, path)
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def test_same_size_same_mtime_edit_is_still_seen_through_the_inode(store: LogStore) -> None:
    a = session(0)
    path = store.save(a)
    store.history()
    replace_keeping_size_and_mtime(path)
    names = {e.name for e in store.history().sessions[0].exercises}
    assert "ClamshelX" in names


def test_warm_history_does_not_parse_toml(store: LogStore, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(5):
        store.save(session(n))
    cold = store.history()

    def no_parse(*a: object) -> None:
        raise AssertionError("parsed a TOML file although the index was valid")

    monkeypatch.setattr(reading_module, "parse_session_bytes", no_parse)
    assert store.history() == cold  # remembered by this store
    assert LogStore(store.paths).history() == cold  # a new run: served from the index file


def test_damaged_or_missing_index_is_rebuilt(paths: Paths) -> None:
    # Each check uses a new store, as a new run of the app would (a store also remembers
    # what it has seen in this process).
    for n in range(3):
        LogStore(paths).save(session(n))
    expected = LogStore(paths).history()
    index = LogStore(paths).index_path
    index.write_text("{not json\n[1,2")
    assert LogStore(paths).history() == expected
    index.unlink()
    assert LogStore(paths).history() == expected
    lines = index.read_text().splitlines()
    assert len(lines) == 4  # header + one line per file
    # A line whose content no longer fits is re-read from its file.
    lines[1] = lines[1].replace("[[", "[[7,", 1)
    index.write_text("\n".join(lines) + "\n")
    assert LogStore(paths).history() == expected


def test_a_store_sees_what_another_store_wrote(paths: Paths) -> None:
    mine, theirs = LogStore(paths), LogStore(paths)
    a, b = session(0), session(1)
    mine.save(a)
    assert mine.history().sessions == (a,)
    theirs.save(b)
    theirs.save(replace(a, note="from the other instance"))
    assert {s.note for s in mine.history().sessions} == {b.note, "from the other instance"}
    theirs.delete(b.id)
    assert [s.id for s in mine.history().sessions] == [a.id]
    assert [s.id for s in LogStore(paths).history().sessions] == [a.id]  # the index agrees


def test_unwritable_cache_only_costs_speed(paths: Paths) -> None:
    paths.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir.write_text("a file where the cache folder should be")
    s = LogStore(paths)
    s.save(session(0))
    assert len(s.history().sessions) == 1


def test_big_history_reads_back_whole(paths: Paths) -> None:
    written = write_history(paths, 0.2)  # 73 daily sessions
    store = LogStore(paths)
    history = store.history()
    assert history.problems == ()
    assert history.sessions == tuple(reversed(written))
    assert store.history() == history  # warm, from the index
    assert any(x.side == "left" for s in written for x in s.sets)


# --------------------------------------------------------------------------- two processes

WRITER = """
import sys
sys.path.insert(0, {root!r})
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from glutetui.model import Session, SetResult
from glutetui.paths import Paths
from glutetui.log import LogStore

who, sets_per_session, total = sys.argv[1], 50, 150
store = LogStore(Paths.resolve({config!r}))
start = datetime(2026, 11, 23, 18, tzinfo=timezone(timedelta(hours=1)))
session = None
for n in range(total):
    if n % sets_per_session == 0:
        if session is not None:
            store.save(replace(session, status="complete"))
        session = Session(id=LogStore.new_session_id(start), started_at=start, note=who)
    done = SetResult("clamshell", len(session.sets) + 1, 10 + n % 5, note=f"{{who}}-{{n}}")
    session = replace(session, sets=session.sets + (done,), cursor=len(session.sets) + 1)
    store.save(session)
    if n % 25 == 0:
        store.history()  # both also rewrite the index while the other writes
store.save(replace(session, status="complete"))
"""


def test_two_processes_never_lose_each_others_sets(paths: Paths) -> None:
    code = WRITER.format(root=str(ROOT), config=str(paths.config_dir))
    procs = [
        subprocess.Popen([sys.executable, "-c", code, who], stderr=subprocess.PIPE, text=True)
        for who in ("A", "B")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    history = LogStore(paths).history()
    assert history.problems == ()
    assert len(history.sessions) == 6
    notes = [x.note for s in history.sessions for x in s.sets]
    assert len(notes) == 300
    assert len(set(notes)) == 300
    assert {n.split("-")[0] for n in notes} == {"A", "B"}
    assert all(s.status == "complete" for s in history.sessions)
    assert _tmp_files(LogStore(paths)) == []
    for s in history.sessions:  # every file readable on its own too
        assert LogStore(paths).load(s.id) == s


# --------------------------------------------------------------------------- property

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.log.strategies import sessions as any_session  # noqa: E402


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_session)
def test_any_session_saved_reads_back_equal(s: Session) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths(config_dir=Path(tmp) / "config", cache_dir=Path(tmp) / "cache")
        LogStore(paths, durable=False).save(s)
        assert LogStore(paths).load(s.id) == s
        assert LogStore(paths).history().sessions == (s,)  # parsed, then indexed
        assert LogStore(paths).history().sessions == (s,)  # from the index


# --------------------------------------------------------------------------- the summary index


def fresh_rows(paths: Paths) -> tuple[SessionRow, ...]:
    """Summary rows built from a full read of every TOML file, no index involved."""
    found = []
    for path in paths.logs_dir.glob("*.toml"):
        try:
            found.append(parse_session_bytes(path.read_bytes(), path))
        except LogFormatError:
            continue
    found.sort(key=lambda s: (s.started_at, s.id), reverse=True)
    return tuple(session_row(s) for s in found)


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*a: object) -> None:
        raise AssertionError("parsed a TOML file although the index was valid")

    monkeypatch.setattr(reading_module, "parse_session_bytes", no_parse)


def test_summaries_equal_rows_from_a_fresh_full_read(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_history(paths, 0.1)
    store = LogStore(paths, durable=False)
    store.save(session(400, status="in-progress", note="  two\n lines  "))
    store.save(session(401, note="x" * 500))
    expected = fresh_rows(paths)
    assert len(expected) == 38
    cold = LogStore(paths).summaries()  # no index yet: every file parsed
    assert cold.rows == expected and cold.count == 38 and cold.problems == ()
    assert store.summary_index_path.exists()
    assert cold.rows[0].note == "x" * NOTE_PREVIEW
    assert cold.rows[1].note == "two lines" and cold.rows[1].status == "in-progress"
    no_parsing(monkeypatch)
    again = LogStore(paths)
    assert again.summaries() == cold  # a new run: served from the index file
    assert again.summaries() == cold  # remembered by this store


def test_summaries_follow_edits_deletions_additions_and_corrupt_files(paths: Paths) -> None:
    a, b, c, d = session(0), session(1), session(2), session(3)
    mine = LogStore(paths)
    for s in (a, b, d):
        mine.save(s)
    assert [r.id for r in mine.summaries().rows] == [d.id, b.id, a.id]
    # Behind the store's back: a hand edit, a deletion, a new file and a corrupt one.
    path = mine.path_for(a.id)
    path.write_text(path.read_text().replace('status = "complete"', 'status = "incomplete"'))
    mine.path_for(b.id).unlink()
    LogStore(paths).save(c)
    mine.path_for(d.id).write_bytes(b"format_version = 1\nid = [")
    for store in (mine, LogStore(paths)):  # remembered, and from the index file
        found = store.summaries()
        assert found.rows == fresh_rows(paths)
        assert [r.id for r in found.rows] == [c.id, a.id]
        assert found.rows[1].status == "incomplete"
        assert found.count == 2
        assert [p.path for p in found.problems] == [mine.path_for(d.id)]
        assert "not valid TOML" in found.problems[0].reason
    # Mended: the file is read again.
    mine.save(d)
    assert [r.id for r in LogStore(paths).summaries().rows] == [d.id, c.id, a.id]


def test_summaries_see_a_same_size_same_mtime_edit_through_the_inode(store: LogStore) -> None:
    path = store.save(session(0))
    store.summaries()
    replace_keeping_size_and_mtime(path)
    for reader in (store, LogStore(store.paths)):
        assert "ClamshelX" in {name for _, name in reader.summaries().rows[0].exercises}


def test_a_damaged_or_truncated_summary_index_is_rebuilt(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(4):
        LogStore(paths).save(session(n))
    LogStore(paths).save(session(9, status="in-progress"))
    index = LogStore(paths).summary_index_path
    expected = LogStore(paths).summaries()
    assert expected.rows == fresh_rows(paths)
    good = index.read_bytes()
    lines = good.splitlines()
    assert len(lines) == 6  # header + one line per file
    last = lines[-1]
    damaged = {
        "garbage": b"{not json\n[1,2",
        "empty": b"",
        "header only": lines[0] + b"\n",
        "another version": good.replace(b'"summaries":2', b'"summaries":99', 1),
        "a row that does not decode": good.replace(last, last[: last.rindex(b",[")] + b",7]"),
        "a swapped line": b"\n".join([lines[0], lines[2], lines[1], *lines[3:]]) + b"\n",
    }
    # Cut short anywhere: inside the header, inside a key, a sort key, a row, at a line end.
    for cut in (5, len(good) - len(last) + 3, len(good) - len(last) + 30, len(good) - 40):
        damaged[f"cut at {cut}"] = good[:cut]
    damaged["cut at a line end"] = good[: len(good) - len(last) - 1]
    for what, content in damaged.items():
        index.write_bytes(content)
        assert LogStore(paths).summaries() == expected, what
        assert LogStore(paths).summaries(limit=2) == replace(expected, rows=expected.rows[:2])
        # ... and the index written back is sound: the next run parses nothing, and a first
        # page is served from it again without checking a line.
        with monkeypatch.context() as m:
            no_parsing(m)
            assert LogStore(paths).summaries() == expected, what
            m.setattr(entries_module.Entry, "from_line", refuse_line_checks)
            first = LogStore(paths).summaries(limit=2)
            assert first == replace(expected, rows=expected.rows[:2]), what


def refuse_line_checks(*args: object) -> None:
    raise AssertionError("checked a line although no file changed")


def test_an_unchanged_log_serves_its_first_page_from_the_index_alone(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(6):
        LogStore(paths).save(session(n, status="in-progress" if n == 2 else "complete"))
    (paths.logs_dir / "broken.toml").write_bytes(b"id = [")
    expected = LogStore(paths).summaries()  # writes the index, fingerprinted
    decoded: list[object] = []
    real_decode = store_module.SUMMARIES.from_json

    with monkeypatch.context() as m:
        no_parsing(m)
        m.setattr(entries_module.Entry, "from_line", refuse_line_checks)
        spy = replace(
            store_module.SUMMARIES, from_json=lambda d: decoded.append(d) or real_decode(d)
        )
        m.setattr(store_module, "SUMMARIES", spy)
        assert LogStore(paths).summaries(limit=2) == replace(expected, rows=expected.rows[:2])
        assert len(decoded) == 2  # only the rows returned
        in_progress = LogStore(paths).summaries(limit=5, where=lambda r: r.status != "complete")
        assert [r.id for r in in_progress.rows] == [session(2).id]
        checked = LogStore(paths).summaries(limit=0)  # `glutetui log --check`
        assert (checked.rows, checked.problems, checked.count) == ((), expected.problems, 6)


@pytest.mark.parametrize("change", ["edit", "delete", "add", "same size and mtime", "break"])
def test_a_first_page_sees_a_change_made_behind_the_stores_back(paths: Paths, change: str) -> None:
    for n in range(4):
        LogStore(paths).save(session(n))
    LogStore(paths).summaries()  # a warm, fingerprinted index
    newest = LogStore(paths).path_for(session(3).id)
    if change == "edit":
        newest.write_text(
            newest.read_text().replace('status = "complete"', 'status = "incomplete"')
        )
    elif change == "delete":
        newest.unlink()
    elif change == "add":
        LogStore(paths).save(session(9))
    elif change == "same size and mtime":
        replace_keeping_size_and_mtime(newest)
    else:
        newest.write_bytes(b"id = [")
    page = LogStore(paths).summaries(limit=2)
    everything = fresh_rows(paths)
    assert page.rows == everything[:2]
    assert page.count == len(everything)
    assert len(page.problems) == (change == "break")


def test_an_unwritable_summary_index_is_not_retried_on_every_read(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        LogStore(paths).save(session(n))
    attempts: list[Path] = []

    def cannot_write(path: Path, payload: bytes, *, durable: bool) -> None:
        attempts.append(path)
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(index_module, "write_atomic", cannot_write)
    store = LogStore(paths)
    for _ in range(3):
        assert [r.id for r in store.summaries().rows] == [session(n).id for n in (2, 1, 0)]
    assert attempts.count(store.summary_index_path) == 1


def test_an_empty_log_writes_no_summary_index(paths: Paths) -> None:
    store = LogStore(paths)
    assert store.summaries() == Summaries()
    assert store.summaries(limit=5) == Summaries()
    assert not store.summary_index_path.exists()


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    LogStore(paths).save(session(0))
    paths.logs_dir.mkdir(parents=True, exist_ok=True)
    odd = os.path.join(os.fsencode(paths.logs_dir), b"odd\xff.toml")
    with open(odd, "wb") as fh:
        fh.write(b"id = [")
    expected_path = Path(os.fsdecode(odd))
    for _ in range(2):  # parsed, then from the index files
        found = LogStore(paths).summaries()
        assert [r.id for r in found.rows] == [session(0).id]
        assert [p.path for p in found.problems] == [expected_path]
        history = LogStore(paths).history()
        assert [p.path for p in history.problems] == [expected_path]
    with monkeypatch.context() as m:
        m.setattr(entries_module.Entry, "from_line", refuse_line_checks)
        page = LogStore(paths).summaries(limit=1)
    assert [p.path for p in page.problems] == [expected_path]


def test_unfinished_sessions_come_from_an_unchanged_index_without_checking_lines(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        LogStore(paths).save(session(n))
    LogStore(paths).save(session(1, id="older-unfinished", status="in-progress"))
    LogStore(paths).save(session(3, id="newer-unfinished", status="in-progress"))
    LogStore(paths).save(session(4, id="says-in-progress", note="in-progress"))  # a false hit
    LogStore(paths).summaries()  # a warm, fingerprinted index
    with monkeypatch.context() as m:
        m.setattr(entries_module.Entry, "from_line", refuse_line_checks)
        found = LogStore(paths).unfinished()
    assert [s.id for s in found] == ["newer-unfinished", "older-unfinished"]
    # Changed behind the store's back: the fingerprint no longer matches, every line is checked.
    LogStore(paths).save(session(9, id="newest-unfinished", status="in-progress"))
    found = LogStore(paths).unfinished()
    assert [s.id for s in found] == ["newest-unfinished", "newer-unfinished", "older-unfinished"]


def test_unfinished_sessions_starting_together_come_in_one_order_either_way(paths: Paths) -> None:
    # Same start: ordered by id as summaries() orders them, whichever way they are found.
    for session_id in ("a", "a-b", "a_b"):
        LogStore(paths).save(session(0, id=session_id, status="in-progress"))
    listed = [r.id for r in LogStore(paths).summaries().rows]
    assert [s.id for s in LogStore(paths).unfinished()] == listed  # from the index
    warm = LogStore(paths)
    warm.summaries()
    assert [s.id for s in warm.unfinished()] == listed  # every line checked


def test_a_fresh_store_finds_unfinished_sessions_after_serving_a_first_page(paths: Paths) -> None:
    for n in range(3):
        LogStore(paths).save(session(n))
    LogStore(paths).save(session(1, id="unfinished-one", status="in-progress"))
    LogStore(paths).summaries()
    store = LogStore(paths)
    assert store.summaries(limit=1).rows  # served from the index; remembers nothing
    assert [s.id for s in store.unfinished()] == ["unfinished-one"]


def test_a_summary_line_damaged_after_its_key_is_caught_when_decoded(paths: Paths) -> None:
    for n in range(3):
        LogStore(paths).save(session(n))
    expected = LogStore(paths).summaries()
    index = LogStore(paths).summary_index_path
    lines = index.read_bytes().splitlines()
    # Key and sort key intact, the row itself cut off: only decoding it can tell.
    for i in range(1, len(lines)):
        broken = list(lines)
        broken[i] = broken[i][: broken[i].index(b'",[') + 8]
        index.write_bytes(b"\n".join(broken) + b"\n")
        assert LogStore(paths).summaries() == expected
    assert LogStore(paths).summaries().rows == fresh_rows(paths)


def test_summaries_limit_where_and_count(paths: Paths) -> None:
    store = LogStore(paths, durable=False)
    saved = [session(n, status="in-progress" if n % 3 == 0 else "complete") for n in range(10)]
    for s in saved:
        store.save(s)
    (paths.logs_dir / "20200101T000000-000000.toml").write_text("not = [toml")
    everything = store.summaries()
    assert [r.id for r in everything.rows] == [s.id for s in reversed(saved)]
    assert everything.count == 10 and len(everything.problems) == 1
    newest = store.summaries(limit=3)
    assert newest.rows == everything.rows[:3]
    assert newest.count == 10 and newest.problems == everything.problems
    assert store.summaries(limit=0).rows == () and store.summaries(limit=0).count == 10
    unfinished = store.summaries(where=lambda r: r.status == "in-progress")
    assert [r.id for r in unfinished.rows] == [saved[n].id for n in (9, 6, 3, 0)]
    assert unfinished.count == 10
    two = LogStore(paths).summaries(limit=2, where=lambda r: r.status == "in-progress")
    assert [r.id for r in two.rows] == [saved[9].id, saved[6].id]
    assert LogStore(paths).summaries(limit=100) == everything


def test_summaries_sort_by_instant_across_time_zones(store: LogStore) -> None:
    east = timezone(timedelta(hours=10))
    early = session(0, id="a-early", started_at=datetime(2026, 1, 1, 18, 0, tzinfo=east))
    later = session(0, id="b-later", started_at=datetime(2026, 1, 1, 10, 0, tzinfo=UTC))
    store.save(early)
    store.save(later)
    for reader in (store, LogStore(store.paths)):
        assert [r.id for r in reader.summaries().rows] == ["b-later", "a-early"]
        assert reader.summaries().rows[1].started_at.utcoffset() == timedelta(hours=10)


def test_unfinished_reads_only_the_in_progress_files(
    store: LogStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    finished = [session(n) for n in range(6)]
    going = session(7, status="in-progress")
    for s in (*finished, going):
        store.save(s)
    store.summaries()
    parsed: list[str] = []
    real_parse = store_module.parse_session_bytes

    def spy(raw: bytes, path: Path) -> Session:
        parsed.append(path.name)
        return real_parse(raw, path)

    monkeypatch.setattr(store_module, "parse_session_bytes", spy)
    for reader in (store, LogStore(store.paths)):
        parsed.clear()
        assert reader.unfinished() == [going]
        assert parsed == [store.path_for(going.id).name]
    # Finished since it was summarised (its file changed): read again, and left out.
    store.save(replace(going, status="complete"))
    assert store.unfinished() == []


def test_unfinished_is_not_fooled_by_a_note_that_says_in_progress(store: LogStore) -> None:
    """unfinished() finds candidates by searching the index lines' bytes: a finished session
    whose note quotes the status is read to check, and left out."""
    going = session(3, status="in-progress")
    store.save(replace(session(1), note='was "in-progress" yesterday'))
    store.save(going)
    assert store.unfinished() == [going]


def test_unfinished_lists_the_newest_first(store: LogStore) -> None:
    older, newer = session(2, status="in-progress"), session(5, status="in-progress")
    for s in (newer, older):
        store.save(s)
    assert store.unfinished() == [newer, older]


def _snapshot(*folders: Path) -> dict[Path, tuple[bytes, int]]:
    return {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_save_writes_only_that_sessions_file(paths: Paths) -> None:
    store = LogStore(paths)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    (paths.config_dir / "settings.toml").write_text("weekly_goal_sets = 12\n")
    a = session(0)
    store.save(a)
    store.history()
    store.summaries()  # both indexes exist now
    folders = (paths.config_dir, paths.cache_dir)
    before = _snapshot(*folders)
    assert store.index_path in before and store.summary_index_path in before
    b = session(1)
    written = store.save(b)
    after = _snapshot(*folders)
    assert set(after) - set(before) == {written}
    assert {p: after[p] for p in before} == before
    # Saving it again (the next set) touches that file only, too.
    time.sleep(0.01)
    store.save(replace(b, note="next set"))
    again = _snapshot(*folders)
    assert set(again) == set(after)
    assert {p: v for p, v in again.items() if v != after[p]}.keys() == {written}
