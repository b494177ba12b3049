"""The coach's cost on the plan screen: suggestions for 5 exercises over 10 years of history.

Side by side in one run (A, B, A, B, ...; medians), the plan screen of the five built-ins is
opened headless in the real app, with coaching on and with it off:

* **ready** – from asking for the screen until it has mounted and drawn its first frame: the
  time to ready the issue bounds (at most 10% more with coaching on);
* **suggested** – with coaching on, until the suggestions are on screen (they are worked out
  in a thread after the screen is ready, so this is reported, not bounded).

Run from the repo root (not part of the test run):

    .venv/bin/python bench/bench_coach.py [--runs N] [--years Y]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
IDS = (
    "lateral-band-walk",
    "hip-abductor-machine",
    "clamshell",
    "single-leg-deadlift",
    "barbell-hip-thrust",
)


def _history_factory() -> Any:
    spec = importlib.util.spec_from_file_location(
        "history_factory", HERE.parent / "tests" / "history_factory.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _open_plan(paths: Any, plugins: Any, coaching: bool) -> tuple[float, float | None]:
    from glutetui.settings import LoadedSettings, Settings
    from glutetui.tui.app import make_app
    from glutetui.tui.screens.plan import PlanScreen

    app = make_app(paths, plugins=plugins, settings=LoadedSettings(Settings(coaching=coaching)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Start-up's own look at the log (resume, check-in) is not the plan screen's cost.
        for worker in list(app.workers):
            await worker.wait()
        screen = PlanScreen(IDS)
        start = time.perf_counter()
        app.push_screen(screen)
        drawn = asyncio.Event()
        while not screen.is_mounted:
            await asyncio.sleep(0)
        screen.call_after_refresh(drawn.set)  # runs once its first frame is out
        await drawn.wait()
        ready = time.perf_counter() - start
        if not coaching:
            return ready, None
        for worker in list(screen.workers):
            await worker.wait()
        while len(screen.coached) < len(IDS):  # the worker's result, posted to the screen
            await asyncio.sleep(0.001)
        return ready, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=float, default=10)
    args = parser.parse_args()
    from glutetui.log import LogStore
    from glutetui.paths import Paths
    from glutetui.plugins import load_plugins
    from glutetui.tui.state import FIRST_RUN_NOTICE, save_state

    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths(Path(tmp) / "config", Path(tmp) / "cache")
        paths.check()
        save_state(paths.state_file, {FIRST_RUN_NOTICE: True})
        sessions = _history_factory().write_history(paths, args.years)
        LogStore(paths).summaries(limit=1)  # the summary index, as after any earlier start
        plugins = load_plugins(disabled=())
        print(f"{len(sessions)} sessions, {args.runs} runs each")
        times: dict[str, list[float]] = {"ready, coaching off": [], "ready, coaching on": []}
        suggested: list[float] = []
        for run in range(args.runs + 1):  # the first round warms caches and is not counted
            # Which goes first alternates: the first app of a round pays for more.
            if run % 2:
                off, _ = asyncio.run(_open_plan(paths, plugins, False))
                on, shown = asyncio.run(_open_plan(paths, plugins, True))
            else:
                on, shown = asyncio.run(_open_plan(paths, plugins, True))
                off, _ = asyncio.run(_open_plan(paths, plugins, False))
            if run:
                times["ready, coaching off"].append(off)
                times["ready, coaching on"].append(on)
                assert shown is not None
                suggested.append(shown)
    base = statistics.median(times["ready, coaching off"])
    ok = True
    for name, values in times.items():
        ratio = statistics.median(values) / base
        print(f"  {name:<24} {statistics.median(values) * 1000:8.1f} ms  {ratio:5.2f}x")
        ok &= ratio <= 1.1
    print(f"  {'suggestions shown':<24} {statistics.median(suggested) * 1000:8.1f} ms")
    print("coaching adds at most 10% to the time to ready: " + ("ok" if ok else "OVER"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
