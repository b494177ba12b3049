"""A derived cache of what the installed plugins registered.

``glutetui exercises`` and ``glutetui plugins`` would otherwise import pluggy,
importlib.metadata and every plugin on each run, several times the cost of starting Python.
The cache is a :mod:`marshal` file in the cache dir (built in, so reading it imports nothing;
the key includes the interpreter, so its version-specific format is never misread) holding the
catalog as plain data, valid while nothing it was built from has changed:

* glutetui's version, the interpreter, ``GLUTETUI_DISABLE_PLUGINS``, and the distributions
  installed in every ``sys.path`` folder (by name, which carries the version);
* every file of the glutetui package itself, found by walking it (not a hand-kept list, which
  fell behind the modules that shape the catalog), so an edited install stays honest;
* the config dir's ``exercises/`` and ``routines/`` folders, walked the same way (the files
  people write, :mod:`glutetui.userfiles`), so a file changed, added or removed shows at once;
* every file of each plugin package, each plugin module, every module first imported while
  the plugins loaded (helpers a plugin imports), and the ``entry_points.txt`` of every
  distribution that declares glutetui plugins.

A file counts as unchanged while its modification time and size are. Strict mode never uses
the cache. Losing or corrupting it costs one slower run, nothing more.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

from glutetui import BUILTIN_DISTRIBUTION, PROJECT_NAME, __version__
from glutetui.paths import Paths
from glutetui.switches import DISABLE_ENV
from glutetui.userfiles import FOLDERS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from glutetui.plugins.result import LoadResult

_DERIVED_KEYS = frozenset({"dose", "plugin", "search_text"})
"""Keys of a cached exercise that are not :class:`~glutetui.model.Exercise` fields."""

CACHE_NAME = "catalog.marshal"
CACHE_FORMAT = 5

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""The glutetui package folder, whose every file is part of the key."""


def _stamp(path: str) -> list[int] | None:
    """Modification time and size; ``None`` for a file that is not there (or cannot be read)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


def _tree(folder: str) -> list[list[object]]:
    """``[path, mtime, size]`` for every file under ``folder`` except byte code, sorted.

    Walked on every cached run (about 60 files for glutetui, well under a millisecond), so a
    file added anywhere in the package counts as a change too.
    """
    found: list[list[object]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    pending.append(entry.path)
            elif not entry.name.endswith((".pyc", ".pyo")):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                found.append([entry.path, st.st_mtime_ns, st.st_size])
    found.sort()
    return found


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
    """The cached catalog data, or ``None`` if there is none or it may be stale (a plugin or
    one of the config dir's exercise or routine files changed)."""
    try:
        with open(os.path.join(paths.cache_root, CACHE_NAME), "rb") as fh:
            data = marshal.load(fh)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("environment") != environment_key():
        return None
    trees = data.get("trees")
    if not isinstance(trees, dict) or PACKAGE_DIR not in trees:
        return None
    if any(os.path.join(paths.config_root, name) not in trees for name in FOLDERS):
        return None  # made for another config dir, or before these files were read
    if any(_tree(folder) != listing for folder, listing in trees.items()):
        return None
    files = data.get("files")
    if not isinstance(files, list) or any(_stamp(path) != stamp for path, stamp in files):
        return None
    return data


def _sources(module_names: list[str], imported: list[str]) -> tuple[list[str], list[str]]:
    """What a cached catalog depends on, as ``(folders, files)``: glutetui's own package and
    each plugin package as folders; each plugin module, every module first imported while the
    plugins loaded that is in none of those folders, and the entry_points.txt that declare
    plugins as files."""
    import importlib.util

    folders = {PACKAGE_DIR}
    files = set(_plugin_entry_point_files())
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
        if os.path.basename(origin) == "__init__.py":
            # Code and data alike: a plugin may read its exercises from a JSON file.
            folders.add(os.path.dirname(origin))
        else:
            files.add(origin)
    stdlib = os.path.dirname(os.__file__)
    for name in imported:
        origin = getattr(sys.modules.get(name), "__file__", None)
        if origin and not origin.startswith(stdlib):
            files.add(origin)
    inside = tuple(os.path.join(folder, "") for folder in folders)
    return sorted(folders), sorted(f for f in files if not f.startswith(inside))


def _fields(obj: Any) -> dict[str, Any]:
    """A dataclass instance's fields by name: every field, so a new one is cached too."""
    from dataclasses import fields

    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def build(result: LoadResult, imported: list[str] | None = None) -> dict[str, object]:
    """Plain data (dicts, lists, tuples, strings, numbers) for ``result``: exercises, routines,
    plugins, and the cache key."""
    folders, files = sources(result, imported or [])
    return keyed(content(result), folders, files)


def content(result: LoadResult) -> dict[str, object]:
    """The catalog and the plugin report of ``result`` as plain data, without the key."""
    catalog = result.catalog
    exercises = [
        _fields(ex)
        | {
            "dose": ex.dose.describe(),
            "plugin": catalog.source(ex.id),
            "search_text": catalog.search_text(ex),
        }
        for ex in catalog.exercises.values()
    ]
    routines = [
        _fields(r) | {"items": [_fields(i) for i in r.items], "plugin": catalog.source(r.id)}
        for r in catalog.routines.values()
    ]
    return {
        "exercises": exercises,
        "routines": routines,
        "plugins": [_fields(p) for p in result.plugins],
    }


def sources(result: LoadResult, imported: list[str]) -> tuple[list[str], list[str]]:
    """What the plugins of ``result`` were loaded from, as ``(folders, files)``; glutetui's own
    package is added by :func:`keyed`."""
    modules = [p.module.partition(":")[0] for p in result.plugins]
    folders, files = _sources(modules, imported)
    return [f for f in folders if f != PACKAGE_DIR], files


def keyed(catalog: dict[str, object], folders: list[str], files: list[str]) -> dict[str, object]:
    """``catalog`` with the cache key: the environment, and the stamps of what it came from."""
    return {
        "environment": environment_key(),
        "trees": {folder: _tree(folder) for folder in sorted({PACKAGE_DIR, *folders})},
        "files": [[f, _stamp(f)] for f in files],
        **catalog,
    }


def write(paths: Paths, data: dict[str, object]) -> None:
    """Store ``data`` atomically; a cache that cannot be written is silently skipped."""
    from glutetui.fsutil import write_atomic

    # The cache only saves time; a read-only cache dir must not stop the command.
    with contextlib.suppress(OSError, ValueError):
        write_atomic(os.path.join(paths.cache_root, CACHE_NAME), marshal.dumps(data), durable=False)


def only_builtins() -> bool:
    """Whether every installed plugin ships with glutetui itself (the usual case).

    Those are glutetui's own code and cannot hang, so they are loaded in this process: a
    child process with time limits would only cost a Python start (a fifth of a second,
    the first time any command runs with a new config dir).
    """
    import importlib.metadata

    return all(
        ep.dist is not None and ep.dist.name == BUILTIN_DISTRIBUTION
        for ep in importlib.metadata.entry_points(group=PROJECT_NAME)
    )


def _fresh(paths: Paths, strict: bool) -> tuple[LoadResult, dict[str, object]]:
    from glutetui.userfiles.catalog import with_user_files

    if not strict and not only_builtins():
        from glutetui.plugins.probe import ProbeError, load_data

        # In a child process with a time limit per plugin: an import that hangs or ends the
        # process is reported by name instead of taking the command down.
        try:
            data = load_data()
        except ProbeError:
            pass  # not a plugin's doing: load them here as before
        else:
            # The files are read here, not in the child: their folders belong to this config dir.
            result = with_user_files(from_data(data), paths.config_root)
            data = _watch_user_files(data | content(result), paths)
            write(paths, data)
            return result, data
    from glutetui.plugins import load_plugins

    before = set(sys.modules)
    result = with_user_files(load_plugins(strict=strict), paths.config_root)
    data = _watch_user_files(
        build(result, [name for name in sys.modules if name not in before]), paths
    )
    if not strict:
        write(paths, data)
    return result, data


def _watch_user_files(data: dict[str, object], paths: Paths) -> dict[str, object]:
    """``data`` keyed on the exercise and routine files too: one changed, added or removed
    (or its folder made) makes the cache stale."""
    trees = dict(data["trees"])  # type: ignore[call-overload]
    for name in FOLDERS:
        folder = os.path.join(paths.config_root, name)
        trees[folder] = _tree(folder)
    return data | {"trees": trees}


def from_data(data: dict[str, Any]) -> LoadResult:
    """A :class:`LoadResult` rebuilt from cached data; hooks load the real plugins on first use."""
    from glutetui.catalog import Catalog
    from glutetui.model import Exercise, Routine, RoutineItem
    from glutetui.plugins.result import LoadResult, PluginInfo

    exercises = {}
    sources = {}
    for ex in data["exercises"]:
        fields = {k: v for k, v in ex.items() if k not in _DERIVED_KEYS}
        exercises[ex["id"]] = Exercise(**fields)
        sources[ex["id"]] = ex["plugin"]
    routines = {}
    for r in data["routines"]:
        items = tuple(RoutineItem(**item) for item in r["items"])
        fields = {k: v for k, v in r.items() if k != "plugin"}
        routines[r["id"]] = Routine(**(fields | {"items": items}))
        sources[r["id"]] = r["plugin"]
    plugins = tuple(PluginInfo(**p) for p in data["plugins"])
    catalog = Catalog(exercises=exercises, routines=routines, sources=sources)
    # A plugin that failed is not imported again for the hooks: it may be the one that hangs.
    failed = {p.name: p.problems[0] for p in plugins if p.status == "failed" and p.problems}
    return LoadResult(catalog=catalog, plugins=plugins, reload=lambda: _reload(failed))


def _reload(failed: dict[str, str]) -> LoadResult:
    from glutetui.plugins.loader import load

    return load(skip=failed)


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
