"""The import contract: the core never pulls in textual, and nothing imports in a circle.

Modules are found by walking the package, so a new module is covered the day it is added.
Each core module is imported in a fresh interpreter (as harlequin's test_import_hygiene does):
in this process textual is already loaded by the screen tests.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import glutetui

PACKAGE = Path(glutetui.__file__).resolve().parent
SCREENS = "glutetui.tui"
"""The only package allowed to import textual."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" not in path.parts:
            found[module_name(path)] = path
    return found


def is_core(name: str) -> bool:
    # __main__ runs the command line when imported; the command line is checked below.
    return not (name == SCREENS or name.startswith(SCREENS + ".")) and name != "glutetui.__main__"


CORE = sorted(name for name in all_modules() if is_core(name))

LOADED_TEXTUAL = "sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))"


def run_python(code: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"GLUTETUI_CONFIG_DIR": str(config)}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_walk_finds_the_core_and_the_screens() -> None:
    modules = all_modules()
    assert {"glutetui", "glutetui.model", "glutetui.plugins.cache"} <= set(CORE)
    assert "glutetui.tui.app" in modules and "glutetui.tui.app" not in CORE


@pytest.mark.parametrize("name", CORE)
def test_core_module_does_not_import_textual(name: str, isolated_config: Path) -> None:
    done = run_python(f"import sys, {name}; print({LOADED_TEXTUAL})", isolated_config)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"{name} imports textual: {done.stdout[:200]}"


COMMAND_LINES = [
    ["--version"],
    ["--help"],
    ["paths"],
    ["exercises"],
    ["plugins"],
    ["log"],
    *([name, "--help"] for name in ("exercises", "plugins", "paths", "log", "export", "import")),
]


def test_commands_without_a_screen_do_not_import_textual(isolated_config: Path) -> None:
    """``--version``, ``--help``, each command's ``--help`` and the commands that print."""
    code = f"""
import contextlib, io, sys
from glutetui.cli import main
for argv in {COMMAND_LINES!r}:
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    assert code == 0, (argv, code)
print({LOADED_TEXTUAL})
"""
    done = run_python(code, isolated_config)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"the command line imports textual: {done.stdout[:200]}"


HEAVY_FOR_DUE = ("pathlib", "shutil", "contextlib", "shlex", "typing", "glutetui.text")
"""What a cached ``glutetui due`` (run from login scripts) has no use for; each costs it
milliseconds, against a limit of three times ``python -c pass`` (bench/run.py due)."""


def test_a_cached_due_imports_only_what_it_needs(isolated_config: Path) -> None:
    from datetime import date

    from glutetui.coach.programmes_state import ProgrammeState, save_state

    save_state(str(isolated_config), ProgrammeState("gluteus-medius-basics-3x", date.today()))
    code = f"""
import sys
from glutetui.cli import main
first = main(["due", "--quiet"])  # works the answer out and caches it
for name in [m for m in sys.modules if m.startswith("glutetui") or m in {HEAVY_FOR_DUE!r}]:
    del sys.modules[name]
before = set(sys.modules)
from glutetui.cli import main
assert main(["due", "--quiet"]) == first
print(sorted(m for m in set(sys.modules) - before if m in {HEAVY_FOR_DUE!r}))
"""
    done = run_python(code, isolated_config)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"a cached `glutetui due` imports {done.stdout.strip()}"


# --------------------------------------------------------------------------- cycles


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_time_nodes(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: not those inside functions (run later)
    nor under ``if TYPE_CHECKING:`` (never run)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                found += _import_time_nodes(node.body)
            found += _import_time_nodes(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found += _import_time_nodes(block)
            for handler in node.handlers:
                found += _import_time_nodes(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            found += _import_time_nodes(node.body)
    return found


def imports_of(name: str, path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``name`` imports when it is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_time_nodes(tree.body):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from a import b` imports the module a.b when there is one.
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        found.update(t for t in targets if t in modules and t != name)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or ``None``."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_finds_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_of_skips_functions_and_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(
        "from glutetui import model\n"
        "from .catalog import Catalog\n"
        "if TYPE_CHECKING:\n    import glutetui.settings\n"
        "def f():\n    import glutetui.paths\n"
    )
    modules = {"glutetui.model", "glutetui.catalog", "glutetui.settings", "glutetui.paths"}
    assert imports_of("glutetui.mod", source, modules) == {"glutetui.model", "glutetui.catalog"}


def test_no_import_cycles() -> None:
    """Lazy imports (inside functions, such as the palette providers') are not edges."""
    modules = all_modules()
    graph = {name: imports_of(name, path, set(modules)) for name, path in modules.items()}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
