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

    # Private, as glutetui makes it: an open folder would time its warning on every run.
    cfg.mkdir(mode=0o700, parents=True, exist_ok=True)
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


def bench_report(
    runs: int,
    cfg: Path,
    alternate: Callable[..., dict[str, float]],
    report: Callable[..., bool],
    env_with: Callable[..., dict[str, str]],
    history_factory: Callable[[], object],
) -> bool:
    """The report's cost barely grows with the history: 10 years of daily sessions at most 2x
    one month, both with the default period; and how much of it is importing matplotlib."""
    from glutetui.paths import Paths

    factory = history_factory()
    envs = {}
    for name, years in (("one_month", 30 / 365), ("ten_years", 10.0)):
        paths = Paths.resolve(cfg / f"report-{name}")
        factory.write_history(paths, years, end=date.today())  # type: ignore[attr-defined]
        envs[name] = env_with(GLUTETUI_CONFIG_DIR=str(paths.config_dir))
    out = cfg / "report-out"
    out.mkdir(parents=True, exist_ok=True)

    def make(name: str, kind: str) -> float:
        return time_command([GLUTETUI, "report", "-o", str(out / f"{name}.{kind}")], envs[name])

    ok = True
    for kind in ("html", "pdf"):
        ok &= report(
            f"`glutetui report` ({kind}, default period): 10 years of daily sessions against one month",
            alternate(
                max(3, runs // 3),
                **{f"{name}_{kind}": (lambda n=name, k=kind: make(n, k)) for name in envs},
            ),
            f"one_month_{kind}",
            2.0,
        )
    report(
        "importing matplotlib (what the report's charts need) against `python -c pass`",
        alternate(
            runs,
            python_pass=lambda: time_command([PY, "-c", "pass"]),
            import_matplotlib=lambda: time_command(
                [
                    PY,
                    "-c",
                    "import matplotlib.figure, matplotlib.backends.backend_svg, matplotlib.backends.backend_pdf",
                ]
            ),
        ),
        "python_pass",
    )
    return ok
