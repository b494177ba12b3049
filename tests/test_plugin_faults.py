"""Real broken plugins, installed with pip into a real virtual environment, run by the real CLI.

One virtual environment for the whole file (:mod:`tests.plugin_venv`) with every distribution
in ``tests/plugin_dists/`` but the unruly ones (``tests/test_plugin_unruly.py``) plus the
example ``plugins/glutetui-side-plank``.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from glutetui.plugins import hook_names
from tests.plugin_venv import DIST_ROOT, ROOT, UNRULY_PREFIX, PluginVenv, make_venv

pytestmark = pytest.mark.slow

DISTS = sorted(
    p for p in DIST_ROOT.iterdir() if p.is_dir() and not p.name.startswith(UNRULY_PREFIX)
)
SIDE_PLANK = ROOT / "plugins" / "glutetui-side-plank"

BUILTIN_EXERCISES = {
    "lateral-band-walk",
    "hip-abductor-machine",
    "clamshell",
    "single-leg-deadlift",
    "barbell-hip-thrust",
}
# Entry-point name -> (status, distribution, a piece of the one reason it must give).
FAULTS = {
    "import_error": (
        "failed",
        "glutetui-test-import-error",
        "failed to import glutetui_test_import_error: RuntimeError: this test plugin fails at import on purpose",
    ),
    "hook_raises": (
        "failed",
        "glutetui-test-hook-raises",
        "hook register_exercises raised ValueError: this test plugin's hook fails on purpose",
    ),
    "partial": (
        "partial",
        "glutetui-test-invalid-exercise",
        "exercise 'test-partial-broken' is invalid: reps must be at least 1, not 0",
    ),
    "duplicate_id": (
        "partial",
        "glutetui-test-duplicate-id",
        "exercise id 'clamshell' is already registered by plugin 'clamshell'",
    ),
    "misspelled_hook": (
        "failed",
        "glutetui-test-misspelled-hook",
        "implements unknown hook 'register_exercise' (did you mean 'register_exercises'?); "
        f"known hooks: {', '.join(hook_names())}",
    ),
    "bad_signature": (
        "failed",
        "glutetui-test-bad-signature",
        "Argument(s) {'catalog'} are declared in the hookimpl but can not be found in the hookspec",
    ),
}


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> PluginVenv:
    """Build the venv and install every test plugin distribution into it, once."""
    return make_venv(tmp_path_factory.mktemp("plugin-venv"), [*DISTS, SIDE_PLANK])


@pytest.fixture(scope="session")
def plugins_json(venv: PluginVenv) -> dict[str, dict]:
    """``glutetui plugins --json``, by plugin name."""
    done = venv.run("plugins", "--json")
    assert done.returncode == 0, done.stderr
    return {p["name"]: p for p in json.loads(done.stdout)}


@pytest.fixture(scope="session")
def exercises_run(venv: PluginVenv) -> subprocess.CompletedProcess[str]:
    """``glutetui exercises --json`` with every plugin installed."""
    return venv.run("exercises", "--json")


def test_every_test_dist_is_installed_as_its_own_distribution(
    plugins_json: dict[str, dict],
) -> None:
    dists = {p["distribution"] for p in plugins_json.values()}
    for folder in DISTS:
        assert f"glutetui-test-{folder.name}" in dists
    assert "glutetui-side-plank" in dists


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_each_fault_is_reported_by_name_with_its_reason(
    plugins_json: dict[str, dict], name: str
) -> None:
    status, distribution, reason = FAULTS[name]
    info = plugins_json[name]
    assert info["status"] == status
    assert info["distribution"] == distribution
    assert info["version"] == "1.0.0"
    assert len(info["problems"]) == 1
    assert reason in info["problems"][0]
    assert "\n" not in info["problems"][0]


def test_failed_plugins_keep_nothing_and_partial_keeps_its_valid_exercise(
    plugins_json: dict[str, dict],
) -> None:
    for name, (status, _, _) in FAULTS.items():
        if status == "failed":
            assert plugins_json[name]["exercises"] == []
            assert plugins_json[name]["routines"] == []
    assert plugins_json["partial"]["exercises"] == ["test-partial-valid"]
    assert plugins_json["duplicate_id"]["exercises"] == []


def test_good_plugins_and_builtins_load(plugins_json: dict[str, dict]) -> None:
    good = plugins_json["good"]
    assert (good["status"], good["problems"]) == ("ok", [])
    assert good["exercises"] == ["test-good-exercise"]
    assert good["routines"] == ["test-good-routine"]
    side_plank = plugins_json["side_plank"]
    assert (side_plank["status"], side_plank["problems"]) == ("ok", [])
    assert side_plank["exercises"] == ["side-plank", "side-plank-leg-lift"]
    assert side_plank["routines"] == ["side-plank-circuit"]
    builtins = [p for p in plugins_json.values() if p["distribution"] == "glutetui"]
    assert {ex for p in builtins for ex in p["exercises"]} == BUILTIN_EXERCISES
    assert all(p["status"] == "ok" for p in builtins)


def test_plugins_table_lists_every_problem_and_exits_zero(venv: PluginVenv) -> None:
    done = venv.run("plugins")
    assert done.returncode == 0, done.stderr
    assert f"{len(FAULTS)} problem(s):" in done.stdout
    problem_lines = [line.strip() for line in done.stdout.splitlines() if line.startswith("  ")]
    for name, (_, _, reason) in FAULTS.items():
        assert any(line.startswith(f"{name}: ") and reason in line for line in problem_lines)
    assert "Traceback" not in done.stdout + done.stderr


def test_exercises_keeps_working_with_broken_plugins(
    exercises_run: subprocess.CompletedProcess[str],
) -> None:
    assert exercises_run.returncode == 0
    exercises = {ex["id"]: ex for ex in json.loads(exercises_run.stdout)}
    assert set(exercises) == BUILTIN_EXERCISES | {
        "test-good-exercise",
        "test-partial-valid",
        "side-plank",
        "side-plank-leg-lift",
    }
    # The built-in clamshell won over the impostor that reused its id.
    assert exercises["clamshell"]["name"] == "Clamshell"
    assert exercises["clamshell"]["plugin"] == "clamshell"
    # The good plugin's "Resistance Band" was normalised to the known key.
    assert exercises["test-good-exercise"]["equipment"] == ["band"]


def test_exercises_names_broken_plugins_on_stderr_only(
    exercises_run: subprocess.CompletedProcess[str],
) -> None:
    lines = exercises_run.stderr.splitlines()
    for name, (_, _, reason) in FAULTS.items():
        assert any(
            line.startswith(f"glutetui: plugin {name!r}: ") and reason in line for line in lines
        )
    assert len(lines) == len(FAULTS)
    assert "'good'" not in exercises_run.stderr
    assert "side_plank" not in exercises_run.stderr
    assert "glutetui: plugin" not in exercises_run.stdout


def test_disable_switch_takes_plugin_names_and_distribution_names(venv: PluginVenv) -> None:
    switch = {"GLUTETUI_DISABLE_PLUGINS": "good, glutetui-test-hook-raises"}
    listed = venv.run("plugins", "--json", **switch)
    assert listed.returncode == 0, listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)}
    for name in ("good", "hook_raises"):
        assert (plugins[name]["status"], plugins[name]["problems"]) == ("disabled", [])
    exercises = venv.run("exercises", "--json", **switch)
    assert exercises.returncode == 0
    ids = {ex["id"] for ex in json.loads(exercises.stdout)}
    assert "test-good-exercise" not in ids
    assert "side-plank-leg-lift" in ids
    assert "hook_raises" not in exercises.stderr
    assert "import_error" in exercises.stderr


def _only(*names: str) -> str:
    """A GLUTETUI_DISABLE_PLUGINS value that leaves only ``names`` of the faulty plugins."""
    return ",".join(n for n in FAULTS if n not in names)


@pytest.mark.parametrize(
    ("name", "original"),
    [
        ("hook_raises", "ValueError: this test plugin's hook fails on purpose"),
        ("import_error", "RuntimeError: this test plugin fails at import on purpose"),
    ],
)
def test_strict_switch_fails_with_plugin_name_and_original_exception(
    venv: PluginVenv, name: str, original: str
) -> None:
    done = venv.run(
        "exercises",
        "--json",
        GLUTETUI_STRICT_PLUGINS="1",
        GLUTETUI_DISABLE_PLUGINS=_only(name),
    )
    assert done.returncode != 0
    assert done.stdout == ""
    # Strict mode is for plugin authors: the traceback of their code, then one summary line.
    assert "Traceback" in done.stderr
    assert original in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"glutetui: plugin {name!r}: ")
    assert "GLUTETUI_STRICT_PLUGINS" in last


def test_strict_switch_passes_when_no_plugin_is_broken(venv: PluginVenv) -> None:
    done = venv.run(
        "exercises", "--json", GLUTETUI_STRICT_PLUGINS="1", GLUTETUI_DISABLE_PLUGINS=_only()
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "side-plank-leg-lift" in {ex["id"] for ex in json.loads(done.stdout)}
