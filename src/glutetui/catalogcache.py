"""A derived cache of what the installed plugins registered.

``glutetui exercises`` and ``glutetui plugins`` would otherwise import pluggy,
importlib.metadata and every plugin on each run, several times the cost of starting Python.
The cache is a :mod:`marshal` file in the cache dir (built in, so reading it imports nothing;
the key includes the interpreter, so its version-specific format is never misread) holding the catalog as plain data, valid while
nothing it was built from has changed: glutetui's version, ``GLUTETUI_DISABLE_PLUGINS``, the
distributions installed in every ``sys.path`` folder (by name, which carries the version), the
``entry_points.txt`` of every distribution that declares glutetui plugins, and every plugin's
source files. Strict mode never uses it. Losing or
corrupting it costs one slower run, nothing more.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

from glutetui import __version__
from glutetui.paths import Paths
from glutetui.switches import DISABLE_ENV

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from glutetui.plugins import LoadResult

_DERIVED_KEYS = frozenset({"dose", "plugin", "search_text"})
"""Keys of a cached exercise that are not :class:`~glutetui.model.Exercise` fields."""

CACHE_NAME = "catalog.marshal"
CACHE_FORMAT = 2
# Core modules whose code shapes the catalog (validation, normalisation): part of the key so
# an editable install stays honest while it is being edited.
_CORE_FILES = (
    "model.py",
    "equipment.py",
    "plugins.py",
    "catalog.py",
    "hookspecs.py",
    "catalogcache.py",
)


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


_DIST_SUFFIXES = (".dist-info", ".egg-info", ".egg-link", ".pth")


def _distributions(folder: str) -> list[str]:
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(_DIST_SUFFIXES))


def environment_key() -> list[object]:
    """What must be unchanged for a cached catalog to be valid (the cheap part of the key).

    Folder contents, not folder mtimes: the working directory is on ``sys.path`` under
    ``python -m`` and its mtime changes whenever any file in it does.
    """
    return [
        __version__,
        CACHE_FORMAT,
        sys.executable,
        os.environ.get(DISABLE_ENV, ""),
        # Folders without distributions are left out: the script's folder or the working
        # directory heads sys.path and differs between `glutetui` and `python -m glutetui`.
        [[entry, names] for entry in sys.path if (names := _distributions(entry))],
    ]


def _plugin_entry_point_files() -> list[str]:
    found = []
    for folder in sys.path:
        for name in _distributions(folder):
            candidate = os.path.join(folder or ".", name, "entry_points.txt")
            try:
                with open(candidate, encoding="utf-8") as fh:
                    if "[glutetui]" in fh.read():
                        found.append(os.path.abspath(candidate))
            except (OSError, UnicodeDecodeError):
                continue
    return found


def read(paths: Paths) -> dict[str, object] | None:
    """The cached catalog data, or ``None`` if there is none or it may be stale."""
    try:
        with open(os.path.join(paths.cache_root, CACHE_NAME), "rb") as fh:
            data = marshal.load(fh)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("environment") != environment_key():
        return None
    files = data.get("files")
    if not isinstance(files, list) or any(_mtime(path) != mtime for path, mtime in files):
        return None
    return data


def _package_files(origin: str) -> list[str]:
    """Every file of the package whose ``__init__.py`` is ``origin``: code and data alike
    (a plugin may read its exercises from a JSON file beside its code)."""
    found = []
    for root, dirs, names in os.walk(os.path.dirname(origin)):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [os.path.join(root, n) for n in names if not n.endswith((".pyc", ".pyo"))]
    return found


def _source_files(module_names: list[str], imported: list[str]) -> list[str]:
    """The files a cached catalog depends on: glutetui's own catalog code, each plugin's
    module or whole package, every module first imported while the plugins loaded (helpers
    a plugin imports), and the entry_points.txt that declare plugins."""
    import importlib.util

    core = os.path.dirname(os.path.abspath(__file__))
    found = [os.path.join(core, name) for name in _CORE_FILES]
    for name in module_names:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None)
        if origin is None:  # failed to import: watch the file it would have come from
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
        if not origin:
            continue
        found.append(origin)
        if os.path.basename(origin) == "__init__.py":
            found += _package_files(origin)
    stdlib = os.path.dirname(os.__file__)
    for name in imported:
        origin = getattr(sys.modules.get(name), "__file__", None)
        if origin and not origin.startswith(stdlib):
            found.append(origin)
    return sorted(set(found) | set(_plugin_entry_point_files()))


def build(result: LoadResult, imported: list[str] | None = None) -> dict[str, object]:
    """Plain data (dicts, lists, strings, numbers) for ``result``: exercises, routines, plugins, and the cache key."""
    catalog = result.catalog
    exercises = []
    for ex in catalog.exercises.values():
        exercises.append(
            {
                "id": ex.id,
                "name": ex.name,
                "summary": ex.summary,
                "dose": ex.dose.describe(),
                "sets": list(ex.sets),
                "reps": list(ex.reps),
                "per_side": ex.per_side,
                "hold_seconds": ex.hold_seconds,
                "equipment": list(ex.equipment),
                "optional_equipment": list(ex.optional_equipment),
                "instructions": list(ex.instructions),
                "cues": list(ex.cues),
                "tags": list(ex.tags),
                "evidence": ex.evidence,
                "rest_seconds": ex.rest_seconds,
                "plugin": catalog.source(ex.id),
                "search_text": catalog.search_text(ex),
            }
        )
    routines = [
        {
            "id": r.id,
            "name": r.name,
            "summary": r.summary,
            "exercises": [i.exercise_id for i in r.items],
            "items": [
                {
                    "exercise_id": i.exercise_id,
                    "sets": list(i.sets) if i.sets else None,
                    "reps": list(i.reps) if i.reps else None,
                    "load": i.load,
                }
                for i in r.items
            ],
            "plugin": catalog.source(r.id),
        }
        for r in catalog.routines.values()
    ]
    plugins = [
        {
            "name": p.name,
            "module": p.module,
            "distribution": p.distribution,
            "version": p.version,
            "status": p.status,
            "exercises": list(p.exercises),
            "routines": list(p.routines),
            "problems": list(p.problems),
        }
        for p in result.plugins
    ]
    modules = [p.module.partition(":")[0] for p in result.plugins]
    return {
        "environment": environment_key(),
        "files": [[f, _mtime(f)] for f in _source_files(modules, imported or [])],
        "exercises": exercises,
        "routines": routines,
        "plugins": plugins,
    }


def write(paths: Paths, data: dict[str, object]) -> None:
    """Store ``data`` atomically; a cache that cannot be written is silently skipped."""
    from glutetui.fsutil import write_atomic

    # The cache only saves time; a read-only cache dir must not stop the command.
    with contextlib.suppress(OSError, ValueError):
        write_atomic(os.path.join(paths.cache_root, CACHE_NAME), marshal.dumps(data), durable=False)


def _fresh(paths: Paths, strict: bool) -> tuple[LoadResult, dict[str, object]]:
    from glutetui.plugins import load_plugins

    before = set(sys.modules)
    result = load_plugins(strict=strict)
    data = build(result, [name for name in sys.modules if name not in before])
    if not strict:
        write(paths, data)
    return result, data


def from_data(data: dict[str, Any]) -> LoadResult:
    """A :class:`LoadResult` rebuilt from cached data; hooks load the real plugins on first use."""
    from glutetui.catalog import Catalog
    from glutetui.model import Exercise, Routine, RoutineItem
    from glutetui.plugins import LoadResult, PluginInfo, load_plugins

    exercises = {}
    sources = {}
    for ex in data["exercises"]:
        fields = {k: v for k, v in ex.items() if k not in _DERIVED_KEYS}
        exercises[ex["id"]] = Exercise(**fields)
        sources[ex["id"]] = ex["plugin"]
    routines = {}
    for r in data["routines"]:
        items = tuple(RoutineItem(**item) for item in r["items"])
        routines[r["id"]] = Routine(id=r["id"], name=r["name"], summary=r["summary"], items=items)
        sources[r["id"]] = r["plugin"]
    plugins = tuple(
        PluginInfo(
            name=p["name"],
            module=p["module"],
            distribution=p["distribution"],
            version=p["version"],
            status=p["status"],
            problems=tuple(p["problems"]),
            exercises=tuple(p["exercises"]),
            routines=tuple(p["routines"]),
        )
        for p in data["plugins"]
    )
    catalog = Catalog(exercises=exercises, routines=routines, sources=sources)
    return LoadResult(catalog=catalog, plugins=plugins, reload=load_plugins)


def load_result(paths: Paths, *, strict: bool) -> LoadResult:
    """The plugins' catalog and report: from the cache when valid, else by loading them."""
    if not strict:
        cached = read(paths)
        if cached is not None:
            try:
                return from_data(cached)
            except (KeyError, TypeError, ValueError):
                pass  # a cache from an odd state: rebuild it below
    return _fresh(paths, strict)[0]


def catalog_data(paths: Paths, *, strict: bool) -> dict[str, object]:
    """The catalog as plain data: from the cache when valid, else by loading every plugin."""
    if not strict:
        cached = read(paths)
        if cached is not None:
            return cached
    return _fresh(paths, strict)[1]
