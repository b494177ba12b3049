"""Hang-ups and terminations at random moments never leave a process behind.

Each trial starts the real app on a pseudo-terminal (:mod:`tests.e2e.pty_harness`) and, at a
random moment, hangs the terminal up (closes its master side, as a dropped SSH link or a killed
tmux session does) or sends SIGTERM:

- ``start-up``: within the first two seconds, while Python starts, the app is built or drawn;
- ``first-frame``: just after the app's first output, before, during or after the first frame
  (where the issue found seven of ten processes left behind);
- ``session``: while sets are being logged and saved;
- ``dialog``: with the session's "finish the session now?" dialog open;
- ``shutdown``: just after ``q``;
- ``terminate``: SIGTERM just after the first output, the terminal still there.

Every trial must end within five seconds, keep every set the screen said was saved, and leave
a terminal that is still there as it found it (out of the alternate screen). Trials run a few at
a time; a failure names the random seed, which ``GLUTETUI_HANGUP_SEED`` replays.
"""

from __future__ import annotations

import os
import random
import re
import signal
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from .pty_harness import GONE_WITHIN, Terminal, make_config_dir, read_session

pytestmark = pytest.mark.e2e

SCENARIOS = ("start-up", "first-frame", "session", "dialog", "shutdown", "terminate")
CONCURRENT = 4
"""Trials at a time: most of a trial is waiting, and two cores start four apps fast enough."""
ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
SAVED = re.compile(r"Saved(\d+)set\(s\)")


@dataclass
class Trial:
    """What one hang-up did."""

    scenario: str
    delay: float
    ended: bool
    status: int | None
    logged: int
    """Sets the screen said were saved before the hang-up."""
    on_disk: int
    restored: bool
    """The terminal left the alternate screen (only checked while it is still there)."""

    def problems(self) -> list[str]:
        found = []
        if not self.ended:
            found.append(f"still running {GONE_WITHIN} s later")
        if self.on_disk < self.logged:
            found.append(f"{self.logged} set(s) saved on screen, {self.on_disk} on disk")
        if not self.restored:
            found.append("the terminal was left in the alternate screen")
        return found

    def __str__(self) -> str:
        how = "gone" if self.ended else "STUCK"
        return f"{self.scenario} after {self.delay:.3f} s: {how} ({self.status}); {self.problems()}"


def open_session(term: Terminal, sets: int) -> None:
    """Plan a session from the library and log ``sets`` sets, without waiting for them."""
    term.wait_for_text("Barbell hip thrust")
    term.send("s")
    term.wait_for_text("Plan a session")
    term.send("g")
    term.wait_for_text("Set 1 of 3")
    term.send("\r" * sets)


def run_trial(root: Path, scenario: str, rng: random.Random) -> Trial:
    """Start the app, bring it to ``scenario``'s moment, hang up or terminate, and watch."""
    config = make_config_dir(Path(tempfile.mkdtemp(dir=root)))
    term = Terminal(config)
    try:
        if scenario == "start-up":
            delay = rng.uniform(0.0, 2.0)
        elif scenario in ("first-frame", "terminate"):
            term.wait_for_bytes(ALT_SCREEN_ON)
            delay = rng.uniform(0.0, 0.5)
        elif scenario == "session":
            open_session(term, rng.randint(1, 2))
            delay = rng.uniform(0.0, 0.3)
        elif scenario == "dialog":
            open_session(term, 1)
            term.wait_for_text("Saved 1 set.")
            term.send("f")
            term.wait_for_text("Finish the session now?")
            delay = rng.uniform(0.0, 0.2)
        else:
            term.wait_for_text("Barbell hip thrust")
            term.send("q")
            delay = rng.uniform(0.0, 0.3)
        time.sleep(delay)
        if scenario == "terminate":
            os.kill(term.pid, signal.SIGTERM)
        else:
            term.hang_up()
        ended = term.ended_within(GONE_WITHIN)
        if scenario == "terminate" and ended:
            term.output_ended()  # the last output still to read
    finally:
        term.close()
    raw = term.raw()
    entered = raw.rfind(ALT_SCREEN_ON)
    restored = (
        scenario != "terminate" or not ended or entered < 0 or raw.rfind(ALT_SCREEN_OFF) > entered
    )
    saved = [int(n) for n in SAVED.findall(term.text().replace(" ", ""))]
    on_disk = len(read_session(config).get("sets", []))
    return Trial(scenario, delay, ended, term.status, max(saved, default=0), on_disk, restored)


def run_trials(root: Path, count: int) -> None:
    """``count`` trials, the scenarios in turn; fail listing every trial that went wrong."""
    seed = int(os.environ.get("GLUTETUI_HANGUP_SEED", str(random.randrange(2**32))))
    rngs = [random.Random(seed + i) for i in range(count)]
    scenarios = [SCENARIOS[i % len(SCENARIOS)] for i in range(count)]
    with ThreadPoolExecutor(CONCURRENT) as pool:
        trials = list(pool.map(run_trial, [root] * count, scenarios, rngs))
    failed = [trial for trial in trials if trial.problems()]
    stuck = sum(not trial.ended for trial in trials)
    summary = f"{len(failed)} of {count} trials failed ({stuck} stuck), seed {seed}"
    assert not failed, "\n".join([summary, *map(str, failed)])


def test_hangups_at_random_moments_leave_nothing_behind(tmp_path: Path) -> None:
    run_trials(tmp_path, len(SCENARIOS))


@pytest.mark.slow
def test_fifty_hangups_at_random_moments_leave_nothing_behind(tmp_path: Path) -> None:
    run_trials(tmp_path, 50)
