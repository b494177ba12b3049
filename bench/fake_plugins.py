"""Install synthetic plugins for benchmarks: real dist-info folders on a path, found by
importlib.metadata exactly as pip-installed distributions are."""

from __future__ import annotations

from pathlib import Path

MODULE_TEMPLATE = """
import glutetui

@glutetui.hookimpl
def register_exercises(register):
    for i in range({count}):
        register(glutetui.Exercise(
            id=f"{prefix}-{{i:04d}}",
            name=f"{title} {{i:04d}}",
            summary="A generated exercise for benchmarks.",
            instructions=["Do the thing.", "Do it again."],
            sets=(2, 3), reps=(8, 12), per_side=bool(i % 2), equipment=["band"] if i % 3 else [],
        ))
"""


def install(root: Path, plugins: int, exercises_each: int) -> Path:
    """Write ``plugins`` distributions, each registering ``exercises_each`` exercises, under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(plugins):
        mod = f"bench_plugin_{n:03d}"
        (root / f"{mod}.py").write_text(
            MODULE_TEMPLATE.format(
                count=exercises_each, prefix=f"bench-{n:03d}", title=f"Bench {n:03d}"
            )
        )
        info = root / f"bench_plugin_{n:03d}-1.0.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: bench-plugin-{n:03d}\nVersion: 1.0\n"
        )
        (info / "entry_points.txt").write_text(f"[glutetui]\n{mod} = {mod}\n")
    return root
