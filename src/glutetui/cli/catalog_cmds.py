"""``glutetui exercises`` and ``glutetui plugins``: what the installed plugins registered.

Both read the catalog cache, so a run imports neither pluggy nor any plugin while nothing
installed has changed.
"""

from __future__ import annotations

from glutetui.cli.output import echo, print_json, print_table, warn_plugin_problems
from glutetui.userfiles import YOUR_FILES

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from glutetui.paths import Paths


def configure_exercises(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui exercises``."""
    p.add_argument("search", nargs="*", help="only exercises matching all these words")
    p.add_argument(
        "--equipment",
        metavar="LIST",
        help="only exercises doable with this equipment, comma-separated ('none' for bodyweight only)",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--wide", action="store_true", help="every column, however wide the table")
    p.set_defaults(handler=cmd_exercises)


def configure_plugins(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui plugins``."""
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_plugins)


def _catalog_data(paths: Paths) -> dict[str, Any]:
    from glutetui.plugins.cache import catalog_data
    from glutetui.switches import STRICT_ENV, env_flag

    return catalog_data(paths, strict=env_flag(STRICT_ENV))


def _problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["name"], msg) for p in data["plugins"] for msg in p["problems"]]


def cmd_exercises(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui exercises``: the catalog as a table or JSON."""
    from glutetui.equipment import display_name, normalise_word
    from glutetui.search import matches

    data = _catalog_data(paths)
    warn_plugin_problems(_problems(data))
    have = None
    if args.equipment is not None:
        words = [w.strip().lower() for w in args.equipment.split(",") if w.strip()]
        have = set() if words == ["none"] else {normalise_word(w) for w in words}
    query = " ".join(args.search).lower().split()
    found = [
        ex for ex in data["exercises"] if matches(ex["search_text"], ex["equipment"], query, have)
    ]
    if args.json:
        print_json([{k: v for k, v in ex.items() if k != "search_text"} for ex in found])
        return 0
    rows = []
    for ex in found:
        gear = [display_name(e) for e in ex["equipment"]]
        gear += [f"{display_name(e)} (optional)" for e in ex["optional_equipment"]]
        rows.append([ex["id"], ex["name"], ex["dose"], ", ".join(gear) or "none", ex["plugin"]])
    print_table(
        ["id", "name", "dose", "equipment", "plugin"],
        rows,
        wide=args.wide,
        wrap=("name", "dose", "equipment"),
        drop=("plugin",),
    )
    if not found:
        echo("no exercise matches", err=True)
    return 0


def _registered(plugin: dict[str, Any]) -> list[str]:
    """Everything a plugin registered, every kind of registration, each marked with its kind."""
    from glutetui.plugins.result import REGISTERED_KINDS

    return [
        f"{mark}:{item}" if mark else item
        for kind, mark in REGISTERED_KINDS.items()
        for item in plugin.get(kind, ())
    ]


def cmd_plugins(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui plugins``: every plugin, its distribution, what it registered, and any error."""
    data = _catalog_data(paths)
    if args.json:
        print_json(data["plugins"])
        return 0
    rows = []
    for p in data["plugins"]:
        dist = f"{p['distribution']} {p['version']}" if p["distribution"] else "(not installed)"
        if p["name"] == YOUR_FILES:
            dist = "(config dir)"
        registered = ", ".join(_registered(p)) or "-"
        rows.append([p["name"], dist, p["status"], registered])
    print_table(["plugin", "distribution", "status", "registered"], rows, wrap=("registered",))
    failed = _problems(data)
    if failed:
        echo()
        echo(f"{len(failed)} problem(s):")
        for name, msg in failed:
            echo(f"  {name}: {msg}")
    return 0
