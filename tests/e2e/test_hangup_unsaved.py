"""A hang-up while a set is unsaved: one last save is tried before exiting.

The real app under a pseudo-terminal logs a set, then the log folder stops taking writes (made
read-only; for root, whom permissions do not stop, it is moved away and a file put in its
place, as an unmounted disk would look). The next set is not saved and the screen says so. The
folder comes back, and the terminal is hung up before anyone presses ``r``: the set must be in
the log when the process has gone.
"""

from __future__ import annotations

import os
import signal
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from .pty_harness import GONE_WITHIN, Terminal, session_files, wait_for_sets

pytestmark = pytest.mark.e2e


def stop_writes(logs: Path) -> Callable[[], None]:
    """Make ``logs`` refuse writes; return what makes it take them again."""
    if os.geteuid() != 0:
        logs.chmod(0o500)
        return lambda: logs.chmod(0o700)
    away = logs.with_name("logs-away")
    logs.rename(away)
    logs.write_text("not a folder")

    def back() -> None:
        logs.unlink()
        away.rename(logs)

    return back


def test_a_hang_up_saves_the_set_a_full_or_read_only_disk_refused(config_dir: Path) -> None:
    term = Terminal(config_dir)
    try:
        term.wait_for_text("Barbell hip thrust")
        term.send("s")
        term.wait_for_text("Plan a session")
        term.send("g")
        term.wait_for_text("Set 1 of 3")
        term.send("\r")
        wait_for_sets(term, config_dir, 1)

        writable_again = stop_writes(config_dir / "logs")
        term.wait_for_text("Set 2 of 3")
        term.send("\r")
        term.wait_for_text("NOT SAVED")
        writable_again()

        term.hang_up()
        assert term.ended_within(GONE_WITHIN), "glutetui was left behind"
    finally:
        term.close()
    assert term.status is not None and os.WIFEXITED(term.status)
    assert os.WEXITSTATUS(term.status) == 128 + signal.SIGHUP
    files = session_files(config_dir)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text("utf-8"))
    assert [s["set_number"] for s in data["sets"]] == [1, 2]
    assert data["status"] == "in-progress"
