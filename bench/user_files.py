"""A few exercise and routine files in a config dir, as a patient given them by a
physiotherapist would have (docs/your-files.md), for the start-up benchmark."""

from __future__ import annotations

from pathlib import Path

EXERCISE = """\
id = "{id}"
name = "{name}"
instructions = ["Stand tall.", "Hold the position."]
sets = 3
reps = [5, 8]
per_side = true
"""

ROUTINE = """\
id = "{id}"
name = "{name}"
items = ["bench-file-1", "bench-file-2", "clamshell"]
"""


def write_user_files(config: Path, exercises: int = 3, routines: int = 2) -> None:
    """``exercises`` exercise files and ``routines`` routine files in ``config``."""
    for folder in ("exercises", "routines"):
        (config / folder).mkdir(parents=True, exist_ok=True)
    for n in range(1, exercises + 1):
        text = EXERCISE.format(id=f"bench-file-{n}", name=f"Bench file {n}")
        (config / "exercises" / f"bench-file-{n}.toml").write_text(text, "utf-8")
    for n in range(1, routines + 1):
        text = ROUTINE.format(id=f"bench-routine-{n}", name=f"Bench routine {n}")
        (config / "routines" / f"bench-routine-{n}.toml").write_text(text, "utf-8")
