"""The catalog cache: always equal to a fresh load, and never stale.

Plugins are real distributions: a dist-info folder with entry_points.txt and a module on a
folder that is put on sys.path, which is how importlib.metadata finds pip-installed ones.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from glutetui.paths import Paths
from glutetui.plugins import cache, load_plugins

PLUGIN = """
import glutetui

@glutetui.hookimpl
def register_exercises(register):
    register(glutetui.Exercise(id="{ex_id}", name="{name}", instructions=["Step."], sets=2, reps=(5, 8)))
"""


def install(site: Path, module: str, ex_id: str, name: str, version: str = "1.0") -> None:
    """Write a tiny installed distribution providing one glutetui plugin."""
    (site / f"{module}.py").write_text(PLUGIN.format(ex_id=ex_id, name=name))
    info = site / f"{module}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[glutetui]\n{module} = {module}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    for name in [m for m in sys.modules if m.startswith("cachetest_")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def ids(paths: Paths) -> list[str]:
    return list(cache.load_result(paths, strict=False).catalog.exercises)


def test_cached_result_equals_a_fresh_load(paths: Paths, site: Path) -> None:
    install(site, "cachetest_a", "cache-a", "Cache A")
    first = cache.load_result(paths, strict=False)  # builds and writes the cache
    assert (paths.cache_dir / cache.CACHE_NAME).is_file()
    cached = cache.load_result(paths, strict=False)
    assert cached.manager is None, "the second load must come from the cache"
    fresh = load_plugins()
    assert cached.catalog == fresh.catalog == first.catalog
    assert cached.plugins == fresh.plugins
    assert "cache-a" in cached.catalog


def test_installing_a_plugin_invalidates_the_cache(paths: Paths, site: Path) -> None:
    assert "cache-b" not in ids(paths)
    install(site, "cachetest_b", "cache-b", "Cache B")
    assert "cache-b" in ids(paths)


def test_uninstalling_a_plugin_invalidates_the_cache(paths: Paths, site: Path) -> None:
    install(site, "cachetest_c", "cache-c", "Cache C")
    assert "cache-c" in ids(paths)
    for entry in site.iterdir():
        if entry.is_dir():
            for f in entry.iterdir():
                f.unlink()
            entry.rmdir()
        else:
            entry.unlink()
    sys.modules.pop("cachetest_c", None)
    assert "cache-c" not in ids(paths)


def test_editing_a_plugin_invalidates_the_cache(paths: Paths, site: Path) -> None:
    install(site, "cachetest_d", "cache-d", "Old name")
    assert cache.load_result(paths, strict=False).catalog.get("cache-d").name == "Old name"
    module = site / "cachetest_d.py"
    module.write_text(PLUGIN.format(ex_id="cache-d", name="New name"))
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    sys.modules.pop("cachetest_d", None)
    importlib.invalidate_caches()
    assert cache.load_result(paths, strict=False).catalog.get("cache-d").name == "New name"


def test_disable_switch_is_part_of_the_key(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "clamshell" in ids(paths)
    monkeypatch.setenv("GLUTETUI_DISABLE_PLUGINS", "clamshell")
    assert "clamshell" not in ids(paths)


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"not marshal at all" * 10])
def test_a_corrupt_cache_is_rebuilt(paths: Paths, content: bytes) -> None:
    ids(paths)
    (paths.cache_dir / cache.CACHE_NAME).write_bytes(content)
    assert cache.read(paths) is None
    assert "clamshell" in ids(paths)
    assert cache.read(paths) is not None


def test_an_unwritable_cache_dir_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    paths = Paths(tmp_path / "config", blocker / "cache")
    assert "clamshell" in ids(paths)


def test_strict_mode_never_uses_the_cache(paths: Paths) -> None:
    ids(paths)
    result = cache.load_result(paths, strict=True)
    assert result.manager is not None


def test_hooks_of_a_cached_result_load_the_real_plugins(paths: Paths, site: Path) -> None:
    (site / "cachetest_hook.py").write_text(
        textwrap.dedent(
            """
            import glutetui
            SEEN = []

            @glutetui.hookimpl
            def session_saved(session, final):
                SEEN.append((session, final))
            """
        )
    )
    info = site / "cachetest_hook-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cachetest_hook\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[glutetui]\ncachetest_hook = cachetest_hook\n")
    ids(paths)
    cached = cache.load_result(paths, strict=False)
    assert cached.manager is None
    assert cached.notify_session_saved("a session", final=True) == []  # type: ignore[arg-type]
    assert sys.modules["cachetest_hook"].SEEN == [("a session", True)]


def test_cached_cli_run_imports_no_plugin_machinery(paths: Paths) -> None:
    env = {**os.environ, "GLUTETUI_CONFIG_DIR": str(paths.config_dir)}
    subprocess.run(
        [sys.executable, "-m", "glutetui", "exercises"], env=env, check=True, capture_output=True
    )
    probe = (
        "import sys; from glutetui.cli import main; main(['exercises']); "
        "heavy = [m for m in ('pluggy', 'importlib.metadata', 'glutetui.plugins.loader', "
        "'glutetui.plugins.result', 'glutetui.model', 'glutetui_exercises') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True
    )
    assert out.stdout.strip().endswith("[]"), out.stdout


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_a_plugins_data_file_is_part_of_the_key(paths: Paths, site: Path) -> None:
    """A plugin package that reads its exercises from a data file beside its code."""
    package = site / "cachetest_data"
    package.mkdir()
    (package / "exercises.json").write_text('{"name": "Data walk v1"}')
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            import json, pathlib
            import glutetui

            @glutetui.hookimpl
            def register_exercises(register):
                data = json.loads((pathlib.Path(__file__).parent / "exercises.json").read_text())
                register(glutetui.Exercise(id="data-walk", name=data["name"], instructions=["Walk."]))
            """
        )
    )
    info = site / "cachetest_data-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cachetest_data\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[glutetui]\ncachetest_data = cachetest_data\n")
    assert cache.load_result(paths, strict=False).catalog.get("data-walk").name == "Data walk v1"
    (package / "exercises.json").write_text('{"name": "Data walk v2"}')
    _touch_later(package / "exercises.json")
    sys.modules.pop("cachetest_data", None)
    assert cache.load_result(paths, strict=False).catalog.get("data-walk").name == "Data walk v2"


def test_a_helper_module_a_plugin_imports_is_part_of_the_key(paths: Paths, site: Path) -> None:
    (site / "cachetest_helper_names.py").write_text('NAME = "Helper v1"\n')
    (site / "cachetest_helped.py").write_text(
        textwrap.dedent(
            """
            import glutetui
            import cachetest_helper_names

            @glutetui.hookimpl
            def register_exercises(register):
                register(glutetui.Exercise(id="helped", name=cachetest_helper_names.NAME, instructions=["Go."]))
            """
        )
    )
    info = site / "cachetest_helped-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cachetest_helped\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[glutetui]\ncachetest_helped = cachetest_helped\n")
    assert cache.load_result(paths, strict=False).catalog.get("helped").name == "Helper v1"
    (site / "cachetest_helper_names.py").write_text('NAME = "Helper v2"\n')
    _touch_later(site / "cachetest_helper_names.py")
    for name in ("cachetest_helped", "cachetest_helper_names"):
        sys.modules.pop(name, None)
    importlib.invalidate_caches()
    assert cache.load_result(paths, strict=False).catalog.get("helped").name == "Helper v2"


def test_the_key_watches_every_file_of_the_package(paths: Paths) -> None:
    """No hand-kept list: every module of glutetui, today's and tomorrow's, is in the key."""
    data = cache.build(load_plugins())
    watched = {entry[0] for entry in data["trees"][cache.PACKAGE_DIR]}  # type: ignore[index]
    package = Path(cache.PACKAGE_DIR)
    modules = {str(p) for p in package.rglob("*.py") if "__pycache__" not in p.parts}
    assert {str(package / "search.py"), str(package / "plugins" / "loader.py")} <= modules
    assert modules <= watched


def _edit_keeping_mtime(path: Path) -> None:
    stat = path.stat()
    path.write_text(path.read_text() + "# edited\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize(
    ("where", "how"),
    [
        ("new_module.py", "add"),
        ("plugins/new_module.py", "add"),
        ("switches.py", "remove"),
        ("search.py", "touch"),
        ("plugins/loader.py", "touch"),
        ("search.py", "edit within one mtime tick"),
    ],
)
def test_changing_the_package_invalidates_the_cache(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, how: str
) -> None:
    # A copy stands in for the installed package: the real one is never edited by a test.
    package = tmp_path / "glutetui"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", str(package))
    ids(paths)
    assert cache.read(paths) is not None
    target = package / where
    if how == "add":
        target.write_text("")
    elif how == "remove":
        target.unlink()
    elif how == "touch":
        _touch_later(target)
    else:
        _edit_keeping_mtime(target)
    assert cache.read(paths) is None


def test_glutetuis_own_plugins_load_without_a_child_process(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glutetui.plugins import probe

    if not cache.only_builtins():
        pytest.skip("a plugin from another distribution is installed in this environment")

    def no_child() -> None:
        raise AssertionError("a child process was started for glutetui's own plugins")

    monkeypatch.setattr(probe, "load_data", no_child)
    assert "clamshell" in ids(paths)
    assert cache.read(paths) is not None  # and the cache was written as usual


def test_another_distributions_plugin_is_loaded_in_a_child_process(
    paths: Paths, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glutetui.plugins import probe

    install(site, "cachetest_f", "cache-f", "Cache F")
    assert not cache.only_builtins()
    started: list[int] = []
    real = probe.load_data
    monkeypatch.setattr(probe, "load_data", lambda: started.append(1) or real())
    assert "cache-f" in ids(paths)
    assert started == [1]
