"""The docs stay true: docs/plugins.md documents every hook, field and equipment word and its
examples run; the README's Development section names commands that work."""

from __future__ import annotations

import inspect
import re
import textwrap
import tomllib
import types
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import settings

from glutetui import hookspecs, switches
from glutetui.equipment import ALIASES, NAMES
from glutetui.model import Exercise, Routine, RoutineItem
from glutetui.plugins import hook_names, load_plugins

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
HEADINGS = [line for line in GUIDE.splitlines() if line.startswith("#")]
SIDE_PLANK = ROOT / "plugins" / "glutetui-side-plank"


def code_blocks(language: str) -> list[str]:
    """The fenced blocks of ``language``, dedented (some sit inside a numbered list)."""
    pattern = re.compile(rf"^( *)```{language}\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
    return [textwrap.dedent(m.group(2)) for m in pattern.finditer(GUIDE)]


@pytest.mark.parametrize("hook", hook_names())
def test_plugin_hooks_are_documented(hook: str) -> None:
    """Each hook has a heading with its exact signature (idea from datasette)."""
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert f"### `{hook}({params})`" in HEADINGS


def test_documented_hooks_exist() -> None:
    documented = re.findall(r"^### `(\w+)\(", GUIDE, re.MULTILINE)
    assert sorted(documented) == hook_names()


@pytest.mark.parametrize("cls", [Exercise, Routine, RoutineItem])
def test_every_field_is_documented(cls: type) -> None:
    for f in fields(cls):
        assert f"\n| `{f.name}` |" in GUIDE, f"{cls.__name__}.{f.name} is not documented"


def test_every_equipment_word_is_documented() -> None:
    for key, shown in NAMES.items():
        row = next((line for line in GUIDE.splitlines() if line.startswith(f"| `{key}` |")), "")
        assert row, f"equipment word {key!r} is not documented"
        assert f"| {shown} |" in row
        for alias in (a for a, target in ALIASES.items() if target == key):
            assert alias in row


def test_switches_are_documented() -> None:
    assert f"`{switches.DISABLE_ENV}=" in GUIDE
    assert f"`{switches.STRICT_ENV}=1`" in GUIDE


def test_python_examples_parse() -> None:
    blocks = code_blocks("python")
    assert len(blocks) >= 2
    for block in blocks:
        compile(block, "docs/plugins.md", "exec")


def test_quick_start_plugin_registers_cleanly() -> None:
    (block,) = [b for b in code_blocks("python") if "@glutetui.hookimpl" in b]
    module = types.ModuleType("docs_example")
    exec(compile(block, "docs/plugins.md", "exec"), module.__dict__)
    result = load_plugins(extra=[("side_plank", module)], strict=True)
    assert result.problems == []
    assert result.catalog.source("side-plank-leg-lift") == "side_plank"
    assert "side-plank-circuit" in result.catalog.routines


def test_quick_start_pyproject_matches_the_example_plugin() -> None:
    pyproject = (SIDE_PLANK / "pyproject.toml").read_text(encoding="utf-8")
    (toml,) = code_blocks("toml")
    for line in toml.splitlines():
        if line.strip() and not line.startswith("["):
            assert line in pyproject, f"quick start line not in the example plugin: {line}"


def test_testing_section_runs_against_the_example_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide's own test code passes against ``plugins/glutetui-side-plank``."""
    monkeypatch.syspath_prepend(str(SIDE_PLANK / "src"))
    (block,) = [b for b in code_blocks("python") if "def test_" in b]
    namespace: dict[str, object] = {}
    exec(compile(block, "docs/plugins.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_")]
    assert len(tests) == 2
    for test in tests:
        test()  # type: ignore[operator]


def development_section() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8").split("## Development", 1)[1]


def test_readme_inner_loop_selects_registered_markers() -> None:
    (expression,) = re.findall(r'pytest -m "([^"]+)"', development_section())
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    markers = pyproject["tool"]["pytest"]["ini_options"]["markers"]
    registered = {m.partition(":")[0] for m in markers}
    words = set(expression.split()) - {"and", "or", "not"}
    assert words and words <= registered


def test_ci_uses_the_hypothesis_profile_the_readme_names() -> None:
    (name,) = set(re.findall(r"HYPOTHESIS_PROFILE=(\w+)", (ROOT / ".ci" / "run").read_text()))
    assert f"HYPOTHESIS_PROFILE={name}" in development_section()
    assert settings.get_profile(name).max_examples > settings.get_profile("dev").max_examples
