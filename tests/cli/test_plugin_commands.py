"""The plugin commands' fast parts: ``--help`` names the plugin switches, and the project
``new-plugin`` writes is valid as written (the slow test installs it and runs its own test)."""

from __future__ import annotations

import tomllib
import types
from pathlib import Path

import pytest

from glutetui.cli import new_plugin_cmd
from glutetui.errors import GlutetuiError
from glutetui.plugins import load_plugins
from glutetui.switches import DISABLE_ENV, STRICT_ENV, TIMEOUT_ENV
from tests.cli.runner import run


def test_help_names_every_plugin_switch() -> None:
    done = run("--help")
    assert done.returncode == 0
    for switch in (DISABLE_ENV, STRICT_ENV, TIMEOUT_ENV):
        assert switch in done.stdout


def test_scaffold_names_follow_the_publishing_convention() -> None:
    assert new_plugin_cmd.names("step-ups") == (
        "glutetui-step-ups",
        "glutetui_step_ups",
        "step_ups",
    )
    assert new_plugin_cmd.names("glutetui-step-ups")[0] == "glutetui-step-ups"
    for bad in ("Step", "step_ups", "-x", "x--y", ""):
        with pytest.raises(GlutetuiError, match="lower-case letters"):
            new_plugin_cmd.names(bad)


def test_scaffold_files_are_valid_and_the_example_registers_cleanly() -> None:
    files = new_plugin_cmd.files("step-ups")
    pyproject = tomllib.loads(files["pyproject.toml"])
    project = pyproject["project"]
    assert project["name"] == "glutetui-step-ups"
    assert "glutetui" in project["keywords"]
    assert project["entry-points"]["glutetui"] == {"step_ups": "glutetui_step_ups"}
    module = types.ModuleType("glutetui_step_ups")
    exec(compile(files["src/glutetui_step_ups/__init__.py"], "scaffold", "exec"), module.__dict__)
    result = load_plugins(extra=[("step_ups", module)], strict=True)
    exercise = result.catalog.get("step-ups-lateral-step-up")
    assert exercise.evidence and "Int J Sports Phys Ther 2014" in exercise.evidence
    assert exercise.load_step_kg == 1.0  # the example shows a ladder the coach can climb
    compile(files["tests/test_plugin.py"], "scaffold test", "exec")


def test_new_plugin_writes_the_project_and_refuses_to_overwrite(tmp_path: Path) -> None:
    done = run("new-plugin", "step-ups", "--directory", str(tmp_path))
    assert done.returncode == 0, done.stderr
    project = tmp_path / "glutetui-step-ups"
    for relative, text in new_plugin_cmd.files("step-ups").items():
        assert (project / relative).read_text(encoding="utf-8") == text
    again = run("new-plugin", "step-ups", "--directory", str(tmp_path))
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_uninstall_of_a_package_not_installed_says_so_and_removes_nothing() -> None:
    # pip itself only warns ("Skipping ... as it is not installed") and exits 0. Only names
    # that are not installed here: should the check ever go, pip must have nothing to remove.
    done = run("uninstall", "-y", "glutetui-no-such-plugin", "glutetui-nor-this-one")
    assert done.returncode == 1 and done.stdout == ""
    assert "not installed in glutetui's environment" in done.stderr
    assert "glutetui-no-such-plugin, glutetui-nor-this-one;" in done.stderr
    assert "nothing was removed" in done.stderr


def test_uninstall_knows_an_installed_name_in_every_spelling() -> None:
    from glutetui.cli.install_cmd import _installed

    assert all(_installed(n) for n in ("pluggy", "Pluggy", "pluggy>=1", "pluggy==99"))
    assert not _installed("glutetui-no-such-plugin") and not _installed("")
