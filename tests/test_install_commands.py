"""``glutetui install`` / ``uninstall`` / ``new-plugin`` with real pip in a real venv, offline.

Wheels are built from ``tests/plugin_dists/good`` (1.0.0) and a 2.0.0 of it that needs a
distribution nobody has, so its install must fail and leave 1.0.0 working.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.plugin_venv import DIST_ROOT, PluginVenv, make_venv

pytestmark = pytest.mark.slow

OFFLINE = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_FIND_LINKS": ""}
"""pip's own switches as environment variables: no index, build with what is installed."""


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> PluginVenv:
    return make_venv(tmp_path_factory.mktemp("install-venv"), [])


@pytest.fixture(scope="module")
def wheels(venv: PluginVenv, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The good plugin's wheel at 1.0.0, and a 2.0.0 that cannot be installed."""
    src = tmp_path_factory.mktemp("sources")
    broken = src / "good-2"
    shutil.copytree(DIST_ROOT / "good", broken)
    pyproject = broken / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text()
        .replace('version = "1.0.0"', 'version = "2.0.0"')
        .replace('dependencies = ["glutetui"]', 'dependencies = ["glutetui-no-such-thing>=1"]')
    )
    out = tmp_path_factory.mktemp("wheels")
    for folder in (DIST_ROOT / "good", broken):
        built = venv.pip(
            "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(folder)
        )
        assert built.returncode == 0, built.stderr
    return {w.name.split("-")[-4]: w for w in out.glob("*.whl")}


def glutetui(
    venv: PluginVenv, *args: str, config: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = venv.environ(**OFFLINE)
    if config is not None:
        env["GLUTETUI_CONFIG_DIR"] = str(config)
    return subprocess.run(
        [str(venv.python), "-m", "glutetui", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=venv.root,
        timeout=300,
        check=False,
    )


def plugins(venv: PluginVenv, config: Path) -> dict[str, dict]:
    done = glutetui(venv, "plugins", "--json", config=config)
    assert done.returncode == 0, done.stderr
    return {p["name"]: p for p in json.loads(done.stdout)}


def test_install_upgrade_failure_and_uninstall(
    venv: PluginVenv, wheels: dict[str, Path], tmp_path: Path
) -> None:
    installed = glutetui(venv, "install", str(wheels["1.0.0"]), config=tmp_path)
    assert installed.returncode == 0, installed.stderr
    # pip's own words, passed through as it printed them.
    assert "Successfully installed glutetui-test-good-1.0.0" in installed.stdout
    assert plugins(venv, tmp_path)["good"]["version"] == "1.0.0"

    failed = glutetui(venv, "install", "-U", str(wheels["2.0.0"]), config=tmp_path)
    assert failed.returncode != 0
    assert "glutetui-no-such-thing" in failed.stderr + failed.stdout
    after = plugins(venv, tmp_path)["good"]
    assert (after["version"], after["status"], after["exercises"]) == (
        "1.0.0",
        "ok",
        ["test-good-exercise"],
    )

    removed = glutetui(venv, "uninstall", "-y", "glutetui-test-good", config=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert "Successfully uninstalled glutetui-test-good-1.0.0" in removed.stdout
    assert "good" not in plugins(venv, tmp_path)


def test_uninstall_refuses_glutetui_itself(venv: PluginVenv, tmp_path: Path) -> None:
    done = glutetui(venv, "uninstall", "-y", "glutetui", config=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("glutetui: glutetui cannot uninstall itself")


def test_new_plugin_installs_editable_and_passes_its_own_test(
    venv: PluginVenv, tmp_path: Path
) -> None:
    made = glutetui(venv, "new-plugin", "step-ups", "--directory", str(tmp_path), config=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "glutetui-step-ups"
    assert {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()} == {
        "pyproject.toml",
        "README.md",
        "src/glutetui_step_ups/__init__.py",
        "tests/test_plugin.py",
    }
    installed = glutetui(venv, "install", "-e", str(project), config=tmp_path)
    assert installed.returncode == 0, installed.stderr
    own_test = subprocess.run(
        [str(venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"],
        capture_output=True,
        text=True,
        cwd=project,
        env=venv.environ(),
        timeout=300,
        check=False,
    )
    assert own_test.returncode == 0, own_test.stdout + own_test.stderr
    assert "2 passed" in own_test.stdout
    listed = plugins(venv, tmp_path)["step_ups"]
    assert (listed["status"], listed["exercises"]) == ("ok", ["step-ups-lateral-step-up"])
    # Editable: a change to the source shows at once.
    module = project / "src" / "glutetui_step_ups" / "__init__.py"
    module.write_text(module.read_text().replace('name="Lateral step-up"', 'name="Side step-up"'))
    done = glutetui(venv, "exercises", "--json", config=tmp_path)
    names = {ex["id"]: ex["name"] for ex in json.loads(done.stdout)}
    assert names["step-ups-lateral-step-up"] == "Side step-up"
    assert glutetui(venv, "uninstall", "-y", "glutetui-step-ups", config=tmp_path).returncode == 0
