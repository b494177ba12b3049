"""Benchmarks of programmes: ``glutetui due`` against ``python -c pass``.

``due`` runs from login scripts, so it must cost about what starting Python costs: at most
3x ``python -c pass``, measured side by side. Two figures: the usual run (the day's answer is in
the cache) and the first run after a change (plugins loaded, the log's summaries read).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ptyrun import time_command

PY = sys.executable
GLUTETUI = str(Path(sys.executable).with_name("glutetui"))


def _follow(cfg: Path) -> None:
    from glutetui.coach.programmes_state import ProgrammeState, save_state

    cfg.mkdir(parents=True, exist_ok=True)
    save_state(str(cfg), ProgrammeState("gluteus-medius-basics-3x", date.today()))


def bench_due(
    runs: int,
    cfg: Path,
    alternate: Callable[..., dict[str, float]],
    report: Callable[..., bool],
    env_with: Callable[..., dict[str, str]],
) -> bool:
    where = cfg / "due"
    _follow(where)
    env = env_with(GLUTETUI_CONFIG_DIR=str(where))
    cache = where / "cache" / "due.txt"

    def uncached() -> float:
        if cache.exists():
            os.unlink(cache)
        return time_command([GLUTETUI, "due"], env)

    ok = report(
        "`glutetui due` (answer cached for the day) against `python -c pass`",
        alternate(
            runs,
            python_pass=lambda: time_command([PY, "-c", "pass"], env),
            glutetui_due=lambda: time_command([GLUTETUI, "due"], env),
        ),
        "python_pass",
        3.0,
    )
    report(
        "`glutetui due` after a change (no limit: once a day, or after a session)",
        alternate(
            max(3, runs // 3),
            python_pass=lambda: time_command([PY, "-c", "pass"], env),
            glutetui_due_uncached=uncached,
        ),
        "python_pass",
    )
    return ok
