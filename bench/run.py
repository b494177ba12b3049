"""glutetui benchmarks: ratios measured side by side in one run.

The machines are shared and noisy, so every figure here is a ratio of two things measured
alternately in the same run (A, B, B, A, A, B, ...), judged by the median of the round-by-round
ratios (see ``report``). Run from the repo root:

    .venv/bin/python bench/run.py            # everything
    .venv/bin/python bench/run.py startup    # one group: startup, cli, plugins, log, save,
                                             # coldlog, readers, session, import

Not part of the test run.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_import import baseline_tree, strong_file, time_import  # noqa: E402
from bench_programmes import bench_due, bench_report  # noqa: E402
from bench_session import bench_session  # noqa: E402
from fake_plugins import install  # noqa: E402
from ptyrun import time_command, time_to_marker  # noqa: E402
from toml_readers import bench_readers  # noqa: E402
from user_files import write_user_files  # noqa: E402

PY = sys.executable
GLUTETUI = str(Path(sys.executable).with_name("glutetui"))  # the console script people run
LIBRARY_MARKER = "Barbell hip thrust"  # the first built-in in the library list


def env_with(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # Byte-code caches on, as for anyone who installed with pip (which also compiles).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def precompile() -> None:
    """Compile glutetui's sources, as pip does for an installed wheel: an editable checkout
    would otherwise pay for compiling them on the first runs, and Textual arrives compiled."""
    import compileall

    root = HERE.parent
    for folder in ("src", "plugins"):
        compileall.compile_dir(root / folder, quiet=1)


Samples = dict[str, list[float]]
"""Seconds per case, one per round, in round order."""


def alternate(runs: int, **cases: Callable[[], float]) -> Samples:
    """Seconds of each case per round, measured round-robin so drift hits every case alike.

    The order flips every other round (A B, B A, A B, ...): no case always runs straight
    after another (whose exit, page-cache writes or freed memory it would otherwise always
    inherit). This process's own cyclic collector is kept out of the timings: it is frozen
    and paused while the rounds run.
    """
    times: Samples = {name: [] for name in cases}
    names = list(cases)
    gc.collect()
    gc.freeze()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for fn in cases.values():  # warm the page cache and .pyc files
            fn()
        for round_ in range(runs):
            for name in names if round_ % 2 == 0 else names[::-1]:
                times[name].append(cases[name]())
    finally:
        if was_enabled:
            gc.enable()
        gc.unfreeze()
    return times


def medians(samples: Samples) -> dict[str, float]:
    """The median seconds of each case."""
    return {name: statistics.median(values) for name, values in samples.items()}


def paired_ratios(samples: Samples, name: str, base: str) -> list[float]:
    """``name``'s time over ``base``'s, round by round (each pair measured back to back)."""
    return [a / b for a, b in zip(samples[name], samples[base], strict=True)]


def report(title: str, samples: Samples, base: str, limit: float | None = None) -> bool:
    """Print each case's median and its ratio to ``base``; whether every ratio is within
    ``limit``.

    The ratio judged is the median of the round-by-round ratios: each round's two runs are
    back to back, so a burst of load from elsewhere on a shared machine raises both and
    cancels out, where it would move a ratio of two medians taken over the whole run. The
    quartiles of those ratios show how noisy the run was; the ratio of the medians is printed
    too, for comparison.
    """
    print(f"\n## {title}")
    ok = True
    middle = medians(samples)
    for name, value in middle.items():
        if name == base:
            print(f"  {name:<34} {value * 1000:8.1f} ms  1.00x")
            continue
        ratios = paired_ratios(samples, name, base)
        ratio = statistics.median(ratios)
        q1, _, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratio,) * 3
        mark = ""
        if limit is not None:
            passed = ratio <= limit
            ok &= passed
            mark = f"  (limit {limit}x: {'ok' if passed else 'OVER'})"
        print(
            f"  {name:<34} {value * 1000:8.1f} ms  {ratio:5.2f}x{mark}  "
            f"[rounds {q1:.2f}-{q3:.2f}, medians {value / middle[base]:.2f}x]"
        )
    return ok


def bench_startup(runs: int, cfg: Path) -> bool:
    env = env_with(GLUTETUI_CONFIG_DIR=str(cfg))
    samples = alternate(
        runs,
        minimal_textual_app=lambda: time_to_marker(
            [PY, str(HERE / "minimal_app.py")], "MINIMAL APP READY", env
        ),
        glutetui_library=lambda: time_to_marker([PY, "-m", "glutetui"], LIBRARY_MARKER, env),
    )
    return report("start-up to first paint (real pty, 80x24)", samples, "minimal_textual_app", 1.3)


def bench_cli(runs: int, cfg: Path) -> bool:
    env = env_with(GLUTETUI_CONFIG_DIR=str(cfg))
    samples = alternate(
        runs,
        python_pass=lambda: time_command([PY, "-c", "pass"], env),
        glutetui_exercises=lambda: time_command([GLUTETUI, "exercises"], env),
    )
    return report("`glutetui exercises` against `python -c pass`", samples, "python_pass", 3.0)


def bench_plugins(runs: int, cfg: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        thousand = install(Path(tmp) / "thousand", plugins=1, exercises_each=1000)
        hundred = install(Path(tmp) / "hundred", plugins=100, exercises_each=1)
        # One config dir (and so one catalog cache) per installation, as a real user has:
        # alternating installations in one dir would rebuild the cache on every run.
        base = env_with(GLUTETUI_CONFIG_DIR=str(cfg / "builtins"))
        pp = os.environ.get("PYTHONPATH", "")

        def with_path(p: Path) -> dict[str, str]:
            path = f"{p}{os.pathsep}{pp}" if pp else str(p)
            return {**base, "PYTHONPATH": path, "GLUTETUI_CONFIG_DIR": str(cfg / p.name)}

        samples = alternate(
            runs,
            five_builtins=lambda: time_to_marker([PY, "-m", "glutetui"], LIBRARY_MARKER, base),
            plus_1000_exercises=lambda: time_to_marker(
                [PY, "-m", "glutetui"], LIBRARY_MARKER, with_path(thousand)
            ),
        )
        ok = report(
            "library first paint: 5 built-ins vs one plugin with 1,000 exercises",
            samples,
            "five_builtins",
            1.5,
        )
        # The 100 plugins' side also has a few exercise and routine files (issue 13 item 4).
        write_user_files(cfg / hundred.name)
        samples = alternate(
            runs,
            no_extra_plugins=lambda: time_to_marker([PY, "-m", "glutetui"], LIBRARY_MARKER, base),
            plus_100_plugins=lambda: time_to_marker(
                [PY, "-m", "glutetui"], LIBRARY_MARKER, with_path(hundred)
            ),
        )
        ok &= report(
            "start-up: built-ins vs 100 installed plugins and 5 TOML files",
            samples,
            "no_extra_plugins",
            1.1,
        )
        return ok


def history_factory() -> Any:
    """``tests/history_factory.py``, imported by path (the tests are not a package here)."""
    spec = importlib.util.spec_from_file_location(
        "history_factory", HERE.parent / "tests" / "history_factory.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PREPARED: dict[str, tuple[dict[str, str], str]] = {}


def prepared_log(cfg: Path, name: str, years: float) -> tuple[dict[str, str], str]:
    """A config dir of its own with ``years`` of daily sessions, indexes warmed.

    Returns its environment and what the Sessions table shows first: the newest session's
    date and time, or the empty-log message. Prepared once per run.
    """
    if name in _PREPARED:
        return _PREPARED[name]
    from glutetui.log import LogStore
    from glutetui.paths import Paths

    paths = Paths.resolve(cfg / name)
    started = time.perf_counter()
    written = history_factory().write_history(paths, years) if years else []
    made = time.perf_counter() - started
    env = env_with(GLUTETUI_CONFIG_DIR=str(paths.config_dir))
    # Warm the summary index (what `glutetui log` and the Sessions table read) and the full
    # index (what the other tabs read, in the background): the warm path is what is measured.
    cold_log = time_command([GLUTETUI, "log"], env)
    started = time.perf_counter()
    LogStore(paths).history()
    cold_history = time.perf_counter() - started
    print(
        f"  {name}: {len(written):,} sessions written in {made:.1f} s; cold `glutetui log` "
        f"{cold_log * 1000:.0f} ms, cold full history read {cold_history * 1000:.0f} ms"
    )
    newest = max(written, key=lambda s: s.started_at) if written else None
    marker = "No sessions yet." if newest is None else f"{newest.started_at:%Y-%m-%d %H:%M}"
    _PREPARED[name] = (env, marker)
    return env, marker


def bench_log(runs: int, cfg: Path) -> bool:
    print("\n(preparing histories; cold first reads, for information)")
    logs = {
        name: prepared_log(cfg, f"log-{name}", years)
        for name, years in (("empty", 0), ("1_year", 1), ("10_years", 10))
    }
    app = [PY, "-m", "glutetui"]

    def screen_ready(name: str) -> float:
        env, marker = logs[name]
        return time_to_marker(app, LIBRARY_MARKER, env, then=[(b"g", marker)])

    samples = alternate(
        runs, **{f"{name}_log_screen": partial(screen_ready, name) for name in logs}
    )
    ok = report(
        "log screen ready: 'g' pressed until the newest session (or the empty-log message) is drawn",
        samples,
        "empty_log_screen",
        1.5,
    )
    samples = alternate(
        runs,
        **{
            f"{name}_glutetui_log": partial(time_command, [GLUTETUI, "log"], env)
            for name, (env, _) in logs.items()
        },
    )
    ok &= report("`glutetui log` (newest 20), warm index", samples, "empty_glutetui_log", 1.3)
    samples = alternate(
        runs,
        **{
            f"{name}_first_paint": partial(time_to_marker, app, LIBRARY_MARKER, logs[name][0])
            for name in ("empty", "10_years")
        },
    )
    ok &= report(
        "app start-up to first paint (library), empty log vs 10 years",
        samples,
        "empty_first_paint",
        1.1,
    )
    return ok


def bench_cold_log(runs: int, cfg: Path) -> bool:
    """`glutetui log` on 10 years with no index (a log synced to a new machine, or a deleted
    cache) against the same command warm, alternately; next to the floor, a process that only
    reads those files' bytes."""
    from glutetui.paths import Paths

    print("\n(preparing a history of 10 years)")
    env, _ = prepared_log(cfg, "log-10_years", 10)
    paths = Paths.resolve(Path(env["GLUTETUI_CONFIG_DIR"]))
    indexes = [paths.cache_dir / "log-index.jsonl", paths.cache_dir / "log-summaries.jsonl"]
    files = len(list(paths.logs_dir.glob("*.toml")))
    read_bytes = (
        "import os, sys; d = sys.argv[1]; "
        "[open(os.path.join(d, n), 'rb').read() for n in os.listdir(d)]"
    )

    # The same command with the files read in one process: does sharing them out pay here?
    one_process = (
        "from glutetui.log import reading; reading.PARALLEL_FROM = 10**9; "
        "from glutetui.cli import main; raise SystemExit(main(['log']))"
    )

    def cold(argv: list[str]) -> float:
        for index in indexes:
            index.unlink(missing_ok=True)
        return time_command(argv, env)

    samples = alternate(
        runs,
        warm_glutetui_log=partial(time_command, [GLUTETUI, "log"], env),
        cold_glutetui_log=partial(cold, [GLUTETUI, "log"]),
        cold_in_one_process=partial(cold, [PY, "-c", one_process]),
        floor_read_bytes=partial(time_command, [PY, "-c", read_bytes, str(paths.logs_dir)], env),
    )
    others = {name: samples.pop(name) for name in ("cold_in_one_process", "floor_read_bytes")}
    ok = report(
        f"`glutetui log` on {files:,} sessions: no index (cold) against warm",
        samples,
        "warm_glutetui_log",
        8.0,
    )
    labels = {
        "cold_in_one_process": "cold, files read in one process",
        "floor_read_bytes": "floor: python reading the bytes",
    }
    warm = samples["warm_glutetui_log"]
    for name, values in others.items():
        ratio = statistics.median(a / b for a, b in zip(values, warm, strict=True))
        print(
            f"  {labels[name]:<34} {statistics.median(values) * 1000:8.1f} ms  "
            f"{ratio:5.2f}x  (for information)"
        )
    return ok


def bench_save(runs: int, cfg: Path) -> bool:
    from dataclasses import replace
    from datetime import date

    from glutetui.log import LogStore
    from glutetui.paths import Paths

    factory = history_factory()
    print("\n(writing a log of 10,000 sessions)")
    big = Paths.resolve(cfg / "save-10000")
    factory.write_history(big, 10_000 / 365)
    assert len(list(big.logs_dir.glob("*.toml"))) == 10_000
    empty = Paths.resolve(cfg / "save-empty")
    day = iter(range(10**6))

    def growing_session(paths: Paths) -> float:
        """A new session saved after each of its sets, then finished: fsync'd, as the app does."""
        store = LogStore(paths)
        whole = factory.make_session(date(2030, 1, 1), session_id=f"bench-{next(day)}")
        steps = [
            replace(whole, sets=whole.sets[:n], status="in-progress", ended_at=None)
            for n in range(1, len(whole.sets) + 1)
        ]
        steps.append(whole)
        started = time.perf_counter()
        for step in steps:
            store.save(step)
        return time.perf_counter() - started

    samples = alternate(
        runs, empty_log=partial(growing_session, empty), log_of_10000=partial(growing_session, big)
    )
    return report(
        "a 24-set session saved set by set (fsync), empty log vs 10,000 sessions",
        samples,
        "empty_log",
        1.2,
    )


def bench_import(runs: int, cfg: Path) -> bool:
    import itertools

    runs = min(runs, 7)  # every run writes hundreds of fsync'd files: keep the group short
    fresh = itertools.count()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "strong.csv"
        n = strong_file(data)
        old = baseline_tree(Path(tmp))

        def one(src: Path | None, *extra: str) -> float:
            return time_import(data, cfg / f"import-{next(fresh)}", src, *extra)

        print(f"\n(a classic Strong export of {n:,} sets; the baseline is {old.parent.name})")
        samples = alternate(runs, baseline_import=partial(one, old), import_now=partial(one, None))
        ok = report(f"`glutetui import` of {n:,} sets", samples, "baseline_import", 1.2)
        samples = alternate(
            runs,
            baseline_dry_run=partial(one, old, "--dry-run"),
            dry_run_now=partial(one, None, "--dry-run"),
        )
        return ok & report(
            "`glutetui import --dry-run`: read and check the whole file, write nothing",
            samples,
            "baseline_dry_run",
            1.2,
        )


GROUPS: dict[str, Callable[[int, Path], bool]] = {
    "startup": bench_startup,
    "cli": bench_cli,
    "due": lambda runs, cfg: bench_due(runs, cfg, alternate, report, env_with),
    "report": lambda runs, cfg: bench_report(
        runs, cfg, alternate, report, env_with, history_factory
    ),
    "plugins": bench_plugins,
    "log": bench_log,
    "save": bench_save,
    "coldlog": bench_cold_log,
    "readers": bench_readers,
    "session": bench_session,
    "import": bench_import,
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "groups",
        nargs="*",
        choices=[*GROUPS, []],  # [] lets nargs="*" take no group (argparse checks it too)
        help="which benchmarks (default: all)",
    )
    parser.add_argument(
        "--runs", type=int, default=21, help="alternating rounds per comparison (default: 21)"
    )
    args = parser.parse_args()
    ok = True
    precompile()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "config"
        for name in args.groups or list(GROUPS):
            ok &= GROUPS[name](args.runs, cfg)
    print("\nall within limits" if ok else "\nSOME RATIOS ARE OVER THEIR LIMITS")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
