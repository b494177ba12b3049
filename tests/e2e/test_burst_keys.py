"""Keys that arrive in one read, as over SSH or mosh, log what they meant (issue 10, item 9).

The real ``glutetui`` on a pseudo-terminal gets ``Tab 3 5 Enter`` in a single ``write()``:
the 35 is the load Tab moved to, not 35 reps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .pty_harness import Terminal, wait_for_sets

pytestmark = pytest.mark.e2e


def test_tab_and_a_load_in_one_write_log_a_load(config_dir: Path) -> None:
    term = Terminal(config_dir)
    try:
        term.wait_for_text("Barbell hip thrust")
        term.send("s")
        term.wait_for_text("Plan a session")
        term.send("g")
        term.wait_for_text("Set 1 of 3")
        term.send("\t35\r")  # one write, as one packet over a slow link brings it
        data = wait_for_sets(term, config_dir, 1)
    finally:
        term.close()
    assert "Traceback" not in term.text()
    (logged,) = data["sets"]
    assert logged["load"] == 35.0 and logged["unit"] == "kg"
    assert logged["reps"] != 35
