"""``glutetui programme``, ``glutetui due`` and ``glutetui log --adherence`` as a user runs them."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from glutetui.cli.due_cmd import CACHE_NAME, cache_key
from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.cli.runner import ok, one_line_error, run
from tests.history_factory import make_session

BUILTIN = "gluteus-medius-basics-3x"
_offset = datetime.now().astimezone().utcoffset()
LOCAL = timezone(_offset or timedelta(0))


def today() -> date:
    return date.today()


def follow(config: Path, started: date) -> None:
    save_state(str(config), ProgrammeState(BUILTIN, started))


def train(config: Path, *days: date) -> None:
    store = LogStore(Paths.resolve(config), durable=False)
    for day in days:
        store.save(make_session(day, tz=LOCAL))


def test_start_status_pause_resume_end(isolated_config: Path) -> None:
    listing = ok("programme", "list")
    assert f"  {BUILTIN}  Gluteus medius basics, 3 times a week" in listing
    assert "Started Gluteus medius basics" in ok(
        "programme", "start", "Gluteus medius basics, 3 times a week"
    )
    assert f"* {BUILTIN}" in ok("programme", "list")
    status = ok("programme", "status")
    assert "Stage 1 of 2: Learn the movements at home, week 1" in status
    assert "[ ] the last 4 next-morning answers settled (0 of 4 are)" in status
    assert "Source: Exercises and doses" in status
    assert "Paused from" in ok("programme", "pause")
    assert "already paused" in one_line_error(run("programme", "pause"))
    assert "(paused)" in ok("programme", "status")
    assert "Resumed" in ok("programme", "resume")
    assert "Ended" in ok("programme", "end")
    assert "You follow no programme" in ok("programme", "status")


def test_unknown_programme_is_one_line(isolated_config: Path) -> None:
    assert "no programme called 'nope'" in one_line_error(run("programme", "start", "nope"))


def test_due_exit_status_follows_the_schedule(isolated_config: Path) -> None:
    done = run("due")
    assert (done.returncode, done.stdout.strip()) == (
        1,
        "Nothing due: you follow no programme (see `glutetui programme list`)",
    )
    follow(isolated_config, today())
    done = run("due")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Due today: At home, no machines")
    assert "self-test this week: Weekly check, 30-second single-leg stance" in done.stdout
    train(isolated_config, today())  # saving a session changes the answer at once
    done = run("due")
    assert done.returncode == 0, done.stderr  # the week-0 self-tests still are
    assert done.stdout.startswith("No session today: next session ")
    assert "1 of 3 done this week" in done.stdout
    ok("selftest", "weekly-check", "pain=2", "change=0")
    stance = [
        f"{side}_{key}"
        for key in ("seconds=30", "pain=1", "pelvis=level")
        for side in ("left", "right")
    ]
    ok("selftest", "single-leg-stance", *stance)
    done = run("due")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("Nothing due today: next session ")
    assert "self-test" not in done.stdout
    assert run("due", "--quiet").stdout == ""


def test_due_reads_its_answer_from_the_cache_until_something_changes(isolated_config: Path) -> None:
    follow(isolated_config, today())
    run("due")
    cache = isolated_config / "cache" / CACHE_NAME
    key, code, _ = cache.read_text("utf-8").split("\n", 2)
    assert code == "0"
    assert key == cache_key(str(isolated_config), time.localtime())
    # A planted answer under the current key is what due says: the key is all it checks.
    cache.write_text(f"{key}\n1\nplanted\n", "utf-8")
    assert run("due").stdout == "planted\n"
    # A new session in logs/ changes the key: the answer is worked out again.
    train(isolated_config, today() - timedelta(days=30))
    assert run("due").stdout.startswith("Due today")


def test_due_and_the_programme_commands_never_import_textual_or_matplotlib(
    isolated_config: Path,
) -> None:
    follow(isolated_config, today())
    code = """
import contextlib, io, sys
from glutetui.cli import main
for argv in (["due"], ["due"], ["programme", "status"], ["programme", "list"], ["log", "--adherence"]):
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
print(sorted(m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("textual", "matplotlib")))
"""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_log_adherence_counts_weeks(isolated_config: Path) -> None:
    start = today() - timedelta(days=14)
    follow(isolated_config, start)
    train(
        isolated_config,
        start,
        start + timedelta(days=2),
        start + timedelta(days=4),
        start + timedelta(days=9),
    )
    out = ok("log", "--adherence")
    lines = out.splitlines()
    assert lines[0].split() == ["WEEK", "STAGE", "PLANNED", "DONE", "ADHERENCE"]
    assert lines[1].split() == ["1", "1", "3", "3", "100%"]
    assert lines[2].split() == ["2", "1", "3", "1", "33%"]
    assert lines[-1].startswith("Overall: 4 of ")


def test_a_damaged_state_file_is_one_line(isolated_config: Path) -> None:
    isolated_config.mkdir(mode=0o700, parents=True, exist_ok=True)  # private: no warning line
    (isolated_config / "programme.toml").write_text("format_version = 1\nprogramme = 3\n", "utf-8")
    for argv in (["due"], ["programme", "status"]):
        assert "programme.toml" in one_line_error(run(*argv))


def test_selftest_list_says_what_each_key_takes(tmp_path: Path) -> None:
    listed = ok("selftest", GLUTETUI_CONFIG_DIR=str(tmp_path))
    assert "(pain=0..10 change=-5..5)" in listed
    assert "left_pelvis=level|dropped" in listed
