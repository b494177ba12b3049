"""The real ``python -m glutetui`` under a pseudo-terminal: a hang-up mid-session loses no set.

Starts the app at 80x24 with a temporary config dir, plans a session from the library (``s``,
``g``), logs two sets (enter, enter), sends SIGHUP and checks that the process leaves cleanly
and that the log file holds both sets, still in progress. A second run must offer to resume.
The harness is :mod:`tests.e2e.pty_harness`.
"""

from __future__ import annotations

import os
import signal
import tomllib
from pathlib import Path

import pytest

from .pty_harness import Terminal, session_files, wait_for_sets

pytestmark = pytest.mark.e2e


def test_sighup_mid_session_keeps_every_logged_set(config_dir: Path) -> None:
    term = Terminal(config_dir)
    try:
        term.wait_for_text("Library")
        term.wait_for_text("Barbell hip thrust")
        term.send("s")
        term.wait_for_text("Plan a session")
        term.send("g")
        term.wait_for_text("Set 1 of 3")
        term.send("\r")
        wait_for_sets(term, config_dir, 1)
        term.wait_for_text("Set 2 of 3")
        term.send("\r")
        data = wait_for_sets(term, config_dir, 2)
        os.kill(term.pid, signal.SIGHUP)
        code = term.wait_exit()
    finally:
        term.close()
    assert code == 128 + signal.SIGHUP
    assert "Traceback" not in term.text()
    files = session_files(config_dir)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text("utf-8"))
    assert data["status"] == "in-progress"
    assert [(s["exercise_id"], s["set_number"]) for s in data["sets"]] == [
        ("barbell-hip-thrust", 1),
        ("barbell-hip-thrust", 2),
    ]
    assert data["cursor"] == 2

    # The next start offers to resume exactly there; SIGTERM ends that run cleanly too.
    again = Terminal(config_dir)
    try:
        again.wait_for_text("Resume your unfinished session?")
        again.wait_for_text("Set 3 of 3")
        os.kill(again.pid, signal.SIGTERM)
        assert again.wait_exit() == 128 + signal.SIGTERM
    finally:
        again.close()
    assert tomllib.loads(files[0].read_text("utf-8"))["status"] == "in-progress"
