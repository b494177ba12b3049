"""``glutetui paths``: where settings, logs, trash and caches live."""

from __future__ import annotations

from glutetui.cli.output import echo, print_json

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths


def configure_paths(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui paths``."""
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_paths)


def cmd_paths(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui paths``: where everything lives."""
    items = {
        "config": paths.config_dir,
        "settings": paths.settings_file,
        "logs": paths.logs_dir,
        "trash": paths.trash_dir,
        "cache": paths.cache_dir,
        # The folders of files people write themselves (docs/your-files.md).
        "exercises": paths.config_dir / "exercises",
        "routines": paths.config_dir / "routines",
        "programmes": paths.config_dir / "programmes",
    }
    if args.json:
        print_json({k: str(v) for k, v in items.items()})
        return 0
    for key, value in items.items():
        echo(f"{key:<10} {value}")
    return 0
