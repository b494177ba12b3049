"""Importing a Strong export of 10,000 sets: this glutetui against the importer it replaced.

The importer before issue 9 (commit :data:`BASELINE`) is taken from git with ``git archive``
and run from a temporary folder, so both code paths import the very same file in one run,
alternately (``bench/run.py import``). Each run imports into an empty config dir of its own
(fsync'd, as for anyone). ``--dry-run`` reads and checks the whole file and writes nothing:
new against old, it is what checking every value costs.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tarfile
from datetime import datetime, timedelta
from pathlib import Path

from ptyrun import time_command

HERE = Path(__file__).resolve().parent
BASELINE = "9755401"
"""The merge that brought importers into cli/importing/, before issue 9 changed them."""
SETS = 10_000
EXERCISES = (
    ("Hip Abductor (Machine)", 30.0),
    ("Hip Thrust (Barbell)", 60.0),
    ("Clamshell", 0.0),
    ("Bulgarian Split Squat (Dumbbell)", 12.0),
    ("Plank", 0.0),
)


def strong_file(path: Path, sets: int = SETS) -> int:
    """A classic Strong export of ``sets`` sets (warm-ups, rest timers and planks among them)
    written to ``path``; returns the number of sets."""
    rng = random.Random(9)
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    lines = [header + "Notes,Workout Notes,RPE"]
    day = datetime(2019, 1, 1, 18, 0, 0)
    written = 0
    while written < sets:
        date = f"{day:%Y-%m-%d %H:%M:%S}"
        for name, base in EXERCISES:
            orders = ["W", "1", "2", "3", "4"] if base else ["1", "2", "3", "4", "5"]
            for order in orders:
                if written == sets:
                    break
                weight = 0 if not base else base * (0.5 if order == "W" else 1)
                seconds = 45 if name == "Plank" else 0
                reps = 0 if seconds else rng.randint(8, 15)
                rpe = "" if order == "W" else str(rng.randint(6, 9))
                lines.append(
                    f'{date},"Hips",52m,"{name}",{order},{weight:g},{reps},0,{seconds},"","",{rpe}'
                )
                written += 1
            lines.append(f'{date},"Hips",52m,"Rest Timer",Rest Timer,0,0,0,90,"","",')
        day += timedelta(days=1, minutes=rng.randint(-30, 30))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def baseline_tree(folder: Path) -> Path:
    """glutetui's sources at :data:`BASELINE`, unpacked into ``folder / BASELINE``; returns
    its ``src``."""
    folder = folder / BASELINE
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(HERE.parent), "archive", BASELINE, "src"],
        capture_output=True,
        check=True,
    ).stdout
    tar = folder / "baseline.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as t:
        t.extractall(folder, filter="data")
    return folder / "src"


def time_import(data: Path, config: Path, src: Path | None, *extra: str) -> float:
    """Seconds for ``glutetui import DATA`` into ``config`` (with the sources in ``src``, if
    given, ahead of the installed ones)."""
    env = dict(os.environ, GLUTETUI_CONFIG_DIR=str(config))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH")) if p)
    return time_command([sys.executable, "-m", "glutetui", "import", str(data), *extra], env)
