"""glutetui in a real tmux, read back as text with ``capture-pane`` (issue 14, 3 to 5).

Without colour (``NO_COLOR=1 TERM=vt100``) the ticked and unticked boxes and the focused pane
must still read differently; a whole workout (library, plan, a set, the log) must go through
by keys at 80x24 and at 40x12; and rough input over the wire (resizing to 1x1 and back, a
megabyte pasted into a text field) must never end the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .pty_harness import read_session
from .tmux_harness import Tmux, have_tmux

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (.ci/run installs it)"),
]


@pytest.fixture
def open_tmux(tmp_path: Path, config_dir: Path) -> Iterator[list[Tmux]]:
    opened: list[Tmux] = []
    yield opened
    for tmux in opened:
        tmux.close()


def start(
    opened: list[Tmux], tmp_path: Path, config_dir: Path, size: tuple[int, int], **env: str
) -> Tmux:
    tmux = Tmux(tmp_path, config_dir, size=size, env=env)
    opened.append(tmux)
    tmux.wait_for("exercises")  # the library's count line: the first frame is drawn
    return tmux


def test_states_read_in_words_without_colour(
    open_tmux: list[Tmux], tmp_path: Path, config_dir: Path
) -> None:
    tmux = start(open_tmux, tmp_path, config_dir, (80, 24), NO_COLOR="1", TERM="vt100")
    # Focus shows in the border's shape: the focused list has a double line.
    assert re.search(r"╔═+╗", tmux.screen())
    tmux.keys("e")
    screen = tmux.wait_for("What equipment do you have?")
    assert "[x] resistance band" in screen  # no filter yet: any equipment, all ticked
    assert "[ ]" not in screen
    tmux.keys("n")
    screen = tmux.wait_for("Ticked: nothing (bodyweight only)")
    assert "[ ] resistance band" in screen
    assert "[x]" not in screen
    tmux.keys("space")
    screen = tmux.wait_for("Ticked: barbell")
    assert "[x] barbell" in screen
    assert "[ ] bench" in screen
    tmux.keys("Escape")
    tmux.wait_gone("What equipment")
    tmux.keys("s")
    screen = tmux.wait_for("Exercises (space ticks)")
    assert "[x] Barbell hip thrust" in screen
    assert "[ ] Clamshell" in screen


def _workout(tmux: Tmux, config_dir: Path, saved: str = "Saved 1 set") -> str:
    """Library → plan (s) → go (g) → one set (enter) → finish → the log; the log's screen.

    ``saved`` is what the session step shows once the set is on disk (the step's layout at
    40x12 is the session screen's own: there the next set's number is what shows)."""
    tmux.keys("s")
    tmux.wait_for("Plan")
    tmux.keys("g")
    tmux.wait_for("Set 1 of")
    tmux.keys("Enter")
    tmux.wait_for(saved)
    sets = read_session(config_dir).get("sets", [])
    assert len(sets) == 1, sets
    tmux.keys("f")
    tmux.wait_for("Finish")
    tmux.keys("y")
    tmux.wait_for("Summary")
    tmux.keys("g")
    return tmux.wait_for("Sessions")


def test_a_workout_by_keys_at_80x24(
    open_tmux: list[Tmux], tmp_path: Path, config_dir: Path
) -> None:
    tmux = start(open_tmux, tmp_path, config_dir, (80, 24))
    screen = _workout(tmux, config_dir)
    row = next(line for line in screen.splitlines() if re.match(r" ?\d{4}-\d\d-\d\d", line))
    assert " 1 " in row  # one set
    assert "Note" in screen  # the table's last column is on screen at 80 columns
    tmux.keys("q")  # the session is finished: q quits without asking
    tmux.wait_dead()


def test_a_workout_by_keys_at_40x12(
    open_tmux: list[Tmux], tmp_path: Path, config_dir: Path
) -> None:
    tmux = start(open_tmux, tmp_path, config_dir, (40, 12))
    _workout(tmux, config_dir, saved="Set 2 of")
    assert len(read_session(config_dir)["sets"]) == 1


def test_rough_input_never_ends_the_app(
    open_tmux: list[Tmux], tmp_path: Path, config_dir: Path
) -> None:
    tmux = start(open_tmux, tmp_path, config_dir, (80, 24))
    for _ in range(15):
        tmux.resize(1, 1)
        tmux.keys("Down")  # keys during a resize
        tmux.resize(80, 24)
    try:
        tmux.wait_for("5 of 5 exercises", timeout=20)
    except AssertionError:
        # Seen once in a CI run on a loaded machine: after the storm the app was alive but its
        # last frame was drawn for a size the storm had already left. The next resize, as a
        # terminal sends on any change, must bring the whole screen back.
        assert not tmux.dead()
        tmux.resize(81, 24)
        tmux.resize(80, 24)
        tmux.wait_for("5 of 5 exercises")
    assert not tmux.dead()
    tmux.keys("/")
    tmux.paste("band " * 200_000)  # a megabyte
    tmux.wait_for("2 of 5 exercises")
    assert not tmux.dead()
    tmux.keys("Escape")  # the filter's first escape clears it
    tmux.wait_for("5 of 5 exercises", timeout=120)
    tmux.keys("Escape")  # again: back to the list, whose border turns double
    tmux.wait_for("╔")
    tmux.keys("a")  # apart from the escape: together they read as alt+a
    tmux.wait_for("Why the gluteus medius?", timeout=120)
    assert not tmux.dead()
