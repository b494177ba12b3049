"""``export --format json`` is a backup: imported into an empty config dir it gives back every
session file, byte for byte."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from glutetui.cli.backup import write_backup
from glutetui.cli.importing import ImportFormatError, read_import
from glutetui.cli.names import ExerciseNames
from glutetui.log import LogStore
from glutetui.model import Session
from glutetui.paths import Paths
from tests.cli import strategies
from tests.cli.runner import DATA, one_line_error, run
from tests.history_factory import make_session, write_history


def files(paths: Paths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.logs_dir.glob("*.toml"))}


def no_names() -> ExerciseNames:
    raise AssertionError("a backup needs no exercise names")


@given(strategies.logs)
def test_a_backup_restores_every_file_exactly(logged: list[Session]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Paths.resolve(Path(tmp) / "source")
        target = Paths.resolve(Path(tmp) / "target")
        store = LogStore(source, durable=False)
        for s in logged:
            store.save(s)
        out = io.StringIO()
        assert write_backup(store.history().sessions, out) == len(logged)
        result = read_import(out.getvalue(), None, "kg", no_names)
        assert result.label == "glutetui backup" and result.controls == 0
        restored = LogStore(target, durable=False)
        for s in result.sessions:
            restored.save(s)
        assert files(target) == files(source)


def test_the_json_export_restores_a_whole_history(paths: Paths, tmp_path: Path) -> None:
    logged = write_history(paths, 0.05)
    unfinished = make_session(logged[-1].started_at.date(), session_id="u-1", status="incomplete")
    LogStore(paths).save(unfinished)
    backup = tmp_path / "backup.json"
    out = run("export", "--format", "json", "-o", str(backup))
    assert out.stderr == f"wrote {len(logged) + 1} session(s) to {backup}\n"
    data = json.loads(backup.read_text())
    assert data["glutetui_backup"] == 1 and data["log_format"] == 1
    other = tmp_path / "empty"
    done = run("import", str(backup), config=other)
    assert done.stdout.startswith(f"imported {len(logged) + 1} session(s)"), done.stderr
    assert "from glutetui backup file" in done.stdout
    assert files(Paths.resolve(other)) == files(paths)
    again = run("import", str(backup), config=other)
    assert f"{len(logged) + 1} already in the log" in again.stdout


@pytest.mark.parametrize(
    "name",
    ["strong.csv", "strong6.csv", "strong-older.csv", "strong-zh.csv", "hevy-quirks.csv",
     "hevy-lbs.csv", "fitnotes.csv", "strong-legacy.csv"],
)  # fmt: skip
def test_a_backup_of_each_imported_layout_restores_exactly(
    name: str, paths: Paths, tmp_path: Path
) -> None:
    assert run("import", str(DATA / name)).returncode == 0
    backup = run("export", "--format", "json").stdout
    other = tmp_path / "empty"
    assert run("import", "-", config=other, stdin=backup).returncode == 0
    assert files(Paths.resolve(other)) == files(paths) != {}


def backup_of(**changes: object) -> str:
    session = {
        "format_version": 1, "id": "20260101T090000-aaaaaa", "status": "complete",
        "started_at": "2026-01-01T10:00:00+01:00", "cursor": 0, "source": "glutetui",
        "exercises": [{"exercise_id": "clamshell", "name": "Clamshell", "per_side": False}],
        "sets": [{"exercise_id": "clamshell", "set_number": 1, "reps": 10}],
    }  # fmt: skip
    for key, value in changes.items():
        where, _, field = key.partition("__")
        if field:
            session[where][0][field] = value  # type: ignore[index]
        else:
            session[key] = value
    return json.dumps({"glutetui_backup": 1, "log_format": 1, "sessions": [session]})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sets__reps": 10**6}, "session 1 (20260101T090000-aaaaaa): sets[1].reps: 1000000: reps"),
        ({"sets__load": -1}, "session 1 (20260101T090000-aaaaaa): sets[1].load: -1.0: load"),
        ({"sets__reps": "ten"}, "session 1: sets[1].reps must be a whole number"),
        ({"started_at": "yesterday"}, "session 1: the file.started_at must be a date-time"),
        (
            {"started_at": "0005-01-01T00:00:00+00:00"},
            "started_at: 0005-01-01T00:00:00+00:00: a date must",
        ),
        ({"status": "done"}, "session 1: the file.status must be one of"),
        ({"format_version": 9}, "written by a newer glutetui"),
        ({"id": "../x"}, "session 1 (../x): id is not a session id"),
        ({"exercises__pain": 11}, "exercises[1].pain: 11: pain must"),
        ({"exercises__target_reps": [12, 8]}, "exercises[1].target_reps must lie within"),
    ],
)
def test_a_backup_value_the_app_could_not_log_is_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_import(backup_of(**changes), None, "kg", no_names)
    assert message in str(caught.value)


def test_a_backup_from_a_newer_glutetui_is_refused_in_one_line() -> None:
    text = json.dumps({"glutetui_backup": 2, "sessions": []})
    line = one_line_error(run("import", "-", stdin=text))
    assert "written by a newer glutetui (backup 2" in line


def test_control_characters_in_a_backup_are_taken_out_and_counted() -> None:
    result = read_import(backup_of(note="bell\x07 and\nline"), None, "kg", no_names)
    assert result.sessions[0].note == "bell and line" and result.controls == 2
