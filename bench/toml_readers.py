"""TOML readers side by side on real session files: tomllib, tomli (compiled wheel), rtoml, toml-rs.

Each reader parses the same files written by glutetui (tomli-w, through the real store),
round-robin so a shared machine's noise hits them alike; medians per file. A reader counts
only if it reads back exactly what tomllib does (values, types and UTC offsets); glutetui
reads with the fastest of those (``glutetui.toml_reading``).

    .venv/bin/python bench/toml_readers.py      # or: bench/run.py readers

Not part of the test run.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
READERS = ("tomllib", "tomli", "rtoml", "toml_rs")


def same_values(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down, and datetimes at the same offset."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_values(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_values(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return type(a) is type(b) and bool(a == b)


def session_texts(count: int) -> list[str]:
    """``count`` session files as glutetui writes them (24 sets each), as text."""
    sys.path.insert(0, str(HERE.parent))
    from glutetui.paths import Paths
    from tests.history_factory import write_history

    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths(config_dir=Path(tmp) / "config", cache_dir=Path(tmp) / "cache")
        write_history(paths, count / 365)
        return [p.read_text("utf-8") for p in sorted(paths.logs_dir.glob("*.toml"))]


def bench_readers(runs: int, _cfg: Path | None = None) -> bool:
    """Print each reader's median time per file, and whether it reads back exactly."""
    texts = session_texts(200)
    loaders: dict[str, Callable[[str], Any]] = {}
    for name in READERS:
        try:
            loaders[name] = importlib.import_module(name).loads
        except ImportError:
            print(f"  {name}: not installed (pip install -e '.[dev]')")
    reference = [loaders["tomllib"](t) for t in texts]
    times: dict[str, list[float]] = {name: [] for name in loaders}
    for _ in range(runs):
        for name, loads in loaders.items():
            started = time.perf_counter()
            for text in texts:
                loads(text)
            times[name].append((time.perf_counter() - started) / len(texts))
    print(f"\n## TOML readers on {len(texts)} real session files (24 sets each), per file")
    base = statistics.median(times["tomllib"])
    for name, loads in loaders.items():
        median = statistics.median(times[name])
        exact = all(same_values(loads(t), r) for t, r in zip(texts, reference, strict=True))
        print(
            f"  {name:<10} {median * 1000:7.3f} ms  {median / base:5.2f}x  "
            f"{'reads back exactly' if exact else 'DIFFERS from what tomli-w wrote'}"
        )
    return True


if __name__ == "__main__":
    bench_readers(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
