"""The real third-party plugin's life: built, installed next to glutetui, used, uninstalled.

A fresh venv (:mod:`tests.plugin_venv`), offline: the wheel is built from
``plugins/glutetui-lateral-hip`` with the venv's pip and installed with ``glutetui install``; a
session using one of its exercises comes in through ``glutetui import``; after
``glutetui uninstall`` the log still shows that session under the exercise's saved name.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.plugin_venv import ROOT, PluginVenv, make_venv

pytestmark = pytest.mark.slow

PLUGIN = ROOT / "plugins" / "glutetui-lateral-hip"
DIST = "glutetui-lateral-hip"
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_FIND_LINKS": ""}
"""pip's own switches as environment variables: no index, build with what is installed."""
EXERCISES = {
    "lateral-hip-isometric-hip-abduction-lying",
    "lateral-hip-isometric-hip-abduction-standing",
    "lateral-hip-bridge",
    "lateral-hip-offset-bridge",
    "lateral-hip-side-lying-hip-abduction",
}
# A Strong export with one session of bridges, logged under one of the plugin's aliases.
STRONG_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    "2026-11-20 09:00:00,Hip,15m,Glute Bridge,1,0,12,0,0,,,\n"
    "2026-11-20 09:00:00,Hip,15m,Glute Bridge,2,0,10,0,0,,,\n"
)


def glutetui(venv: PluginVenv, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m glutetui ARGS`` in the venv, offline, with ``config`` as its config dir."""
    return subprocess.run(
        [str(venv.python), "-m", "glutetui", *args],
        capture_output=True,
        text=True,
        env=venv.environ(**OFFLINE) | {"GLUTETUI_CONFIG_DIR": str(config)},
        cwd=venv.root,
        timeout=300,
        check=False,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_build_install_use_uninstall_and_the_log_keeps_the_session(tmp_path: Path) -> None:
    venv = make_venv(tmp_path, [])
    config = tmp_path / "glutetui-config"
    wheels = tmp_path / "wheels"
    ok(
        venv.pip(
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(wheels),
            str(PLUGIN),
        )
    )
    (wheel,) = wheels.glob("glutetui_lateral_hip-*.whl")

    installed = ok(glutetui(venv, config, "install", str(wheel)))
    assert f"Successfully installed {DIST}-0.1.0" in installed

    exercises = json.loads(ok(glutetui(venv, config, "exercises", "--json")))
    ours = {ex["id"]: ex for ex in exercises if ex["plugin"] == "lateral_hip"}
    assert set(ours) == EXERCISES
    assert ours["lateral-hip-bridge"]["name"] == "Bridge"
    plugins = {p["name"]: p for p in json.loads(ok(glutetui(venv, config, "plugins", "--json")))}
    assert {plugins[n]["distribution"] for n in ("lateral_hip", "lateral_hip_programme")} == {DIST}
    assert [plugins[n]["status"] for n in ("lateral_hip", "lateral_hip_programme")] == ["ok"] * 2
    assert len(plugins["lateral_hip_programme"]["routines"]) == 3
    listed = ok(glutetui(venv, config, "programme", "list"))
    assert "lateral-hip-leap  Lateral hip pain, staged (LEAP)" in listed

    # The plugin's own test suite passes against the installed plugin.
    own = subprocess.run(
        [str(venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"],
        capture_output=True,
        text=True,
        cwd=PLUGIN,
        env=venv.environ(),
        timeout=300,
        check=False,
    )
    assert own.returncode == 0, own.stdout + own.stderr
    assert "3 passed" in own.stdout

    export = tmp_path / "strong.csv"
    export.write_text(STRONG_CSV, encoding="utf-8")
    ok(glutetui(venv, config, "import", "--unit", "kg", str(export)))
    (before,) = json.loads(ok(glutetui(venv, config, "log", "--json")))
    assert before["exercises"] == ["lateral-hip-bridge"]
    assert "Bridge" in ok(glutetui(venv, config, "log"))

    removed = ok(glutetui(venv, config, "uninstall", "-y", DIST))
    assert f"Successfully uninstalled {DIST}-0.1.0" in removed
    after = json.loads(ok(glutetui(venv, config, "exercises", "--json")))
    assert not EXERCISES & {ex["id"] for ex in after if ex["plugin"] != "clamshell"}
    assert "lateral-hip-leap" not in ok(glutetui(venv, config, "programme", "list"))

    # The session is still there, under the name it was saved with.
    assert json.loads(ok(glutetui(venv, config, "log", "--json"))) == [before]
    table = ok(glutetui(venv, config, "log")).splitlines()
    (row,) = [line for line in table if line.startswith("2026-11-20")]
    assert "Bridge" in row
    shown = ok(glutetui(venv, config, "log", "--exercise", "lateral-hip-bridge", "--json"))
    assert [s["id"] for s in json.loads(shown)] == [before["id"]]
