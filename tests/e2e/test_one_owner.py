"""Two real glutetui processes on one config dir: one owner per session, no set lost.

The old process of a dropped SSH login can still be alive when the person logs in again. Before
the lease, both were offered the unfinished session and the last writer won: here the second
said "Saved 3 set(s)" and the file held two. Now the second says where the session is open and
only takes it over when asked; the first then refuses to write over it and keeps its own set
as a new session. Every set either screen said it saved is in the log.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from .pty_harness import Terminal, session_files, wait_for_sets

pytestmark = pytest.mark.e2e


def start_a_session(term: Terminal) -> None:
    term.wait_for_text("Barbell hip thrust")
    term.send("s")
    term.wait_for_text("Plan a session")
    term.send("g")
    term.wait_for_text("Set 1 of 3")


def test_a_second_instance_takes_over_and_the_first_loses_nothing(config_dir: Path) -> None:
    first = Terminal(config_dir)
    second: Terminal | None = None
    try:
        start_a_session(first)
        first.send("\r")
        wait_for_sets(first, config_dir, 1)

        second = Terminal(config_dir)
        second.wait_for_text("open elsewhere")
        second.wait_for_text(f"pid {first.pid} on")
        second.send("r")  # resuming alongside is not offered
        second.send("t")
        second.wait_for_text("Skip ex.")
        second.send("\r")
        wait_for_sets(second, config_dir, 2)
        second.wait_for_text("Set 3 of 3")
        second.send("\r")
        wait_for_sets(second, config_dir, 3)

        first.wait_for_text("Set 2 of 3")
        first.send("\r")  # its set 2: it must not write over the second's three
        first.wait_for_text("took this session over")
        first.send("y")  # keep its sets as a new session
        first.wait_for_text("Saved 2 sets.")
    finally:
        first.close()
        if second is not None:
            second.close()
    for term in (first, second):
        assert term is not None and "Traceback" not in term.text()

    sessions = [tomllib.loads(path.read_text("utf-8")) for path in session_files(config_dir)]
    by_count = sorted(len(data["sets"]) for data in sessions)
    assert by_count == [2, 3], by_count  # the second's three sets, and the first's two apart
