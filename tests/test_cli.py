"""The command line, run for real: ``python -m glutetui`` (and the console script) in a subprocess.

Every run gets the test's temporary GLUTETUI_CONFIG_DIR through the environment (conftest),
stdin that is not a terminal, and a timeout, so nothing can wait for a key.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import glutetui
from glutetui import cli

BUILTINS = [
    "barbell-hip-thrust",
    "clamshell",
    "hip-abductor-machine",
    "lateral-band-walk",
    "single-leg-deadlift",
]
# Sub-commands that open a screen (and so may import textual). None yet: the app itself is
# started by running glutetui without a command.
SHOWS_A_SCREEN: set[str] = set()


def run(*args: str, timeout: float = 30, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glutetui", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        env=os.environ | env,
        check=False,
    )


def ok(*args: str, **env: str) -> str:
    done = run(*args, **env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def assert_one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("glutetui: ")
    return lines[0]


def test_version_through_the_console_script() -> None:
    script = Path(sys.executable).with_name("glutetui")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"glutetui {glutetui.__version__}\n")
    assert ok("--version") == done.stdout


def test_help_lists_every_command() -> None:
    out = ok("--help")
    assert out.startswith("usage: glutetui")
    for name in cli.COMMANDS:
        assert f"  {name} " in out


def test_exercises_table() -> None:
    lines = ok("exercises").splitlines()
    assert lines[0].split() == ["ID", "NAME", "DOSE", "EQUIPMENT", "PLUGIN"]
    assert sorted(line.split()[0] for line in lines[1:]) == BUILTINS
    clamshell = next(line for line in lines if line.startswith("clamshell "))
    assert "3 sets of 12–15 reps, each side, hold 1 s at the top" in clamshell
    assert "resistance band (optional), mat (optional)" in clamshell


def test_exercises_json() -> None:
    found = json.loads(ok("exercises", "--json"))
    assert sorted(ex["id"] for ex in found) == BUILTINS
    walk = next(ex for ex in found if ex["id"] == "lateral-band-walk")
    assert walk["dose"] == "2–3 sets of 10–15 reps, each side"
    assert (walk["sets"], walk["reps"], walk["per_side"]) == ([2, 3], [10, 15], True)
    assert walk["equipment"] == ["band"]
    assert walk["plugin"] == "lateral_band_walk"
    assert walk["instructions"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--equipment", "band"], ["clamshell", "lateral-band-walk"]),
        (["--equipment", "Resistance Band"], ["clamshell", "lateral-band-walk"]),
        (["--equipment", "none"], ["clamshell"]),
        (
            ["--equipment", "barbell,bench,db"],
            ["barbell-hip-thrust", "clamshell", "single-leg-deadlift"],
        ),
        (["hip", "thrust"], ["barbell-hip-thrust"]),
        (["band"], ["clamshell", "lateral-band-walk"]),
        (["walk", "--equipment", "none"], []),
    ],
)
def test_exercises_filters(args: list[str], expected: list[str]) -> None:
    done = run("exercises", "--json", *args)
    assert done.returncode == 0
    assert sorted(ex["id"] for ex in json.loads(done.stdout)) == expected


def test_exercises_without_match_says_so_on_stderr() -> None:
    done = run("exercises", "zzz")
    assert done.returncode == 0
    assert done.stdout.split() == ["ID", "NAME", "DOSE", "EQUIPMENT", "PLUGIN"]
    assert done.stderr == "no exercise matches\n"


def test_plugins_table_and_json() -> None:
    lines = ok("plugins").splitlines()
    assert lines[0].split() == ["PLUGIN", "DISTRIBUTION", "STATUS", "REGISTERED"]
    assert len(lines) == 7
    assert all(f"glutetui {glutetui.__version__}" in line and " ok " in line for line in lines[1:])
    plugins = json.loads(ok("plugins", "--json"))
    assert {p["status"] for p in plugins} == {"ok"}
    assert sorted(ex for p in plugins for ex in p["exercises"]) == BUILTINS


def test_paths_follow_the_environment(isolated_config: Path) -> None:
    out = ok("paths")
    assert out.splitlines()[0].split() == ["config", str(isolated_config)]
    data = json.loads(ok("paths", "--json"))
    assert data == {
        "config": str(isolated_config),
        "settings": str(isolated_config / "settings.toml"),
        "logs": str(isolated_config / "logs"),
        "trash": str(isolated_config / "trash"),
        "cache": str(isolated_config / "cache"),
    }


@pytest.mark.parametrize("where", ["before", "after"])
def test_config_dir_option_wins_over_the_environment(tmp_path: Path, where: str) -> None:
    option = ["--config-dir", str(tmp_path / "mine")]
    args = [*option, "paths", "--json"] if where == "before" else ["paths", "--json", *option]
    data = json.loads(ok(*args, GLUTETUI_CONFIG_DIR=str(tmp_path / "env")))
    assert data["config"] == str(tmp_path / "mine")
    assert data["logs"] == str(tmp_path / "mine" / "logs")


@pytest.mark.parametrize("argv", [["frobnicate"], ["exercises", "--frob"], ["paths", "extra"]])
def test_usage_errors_are_one_line_and_exit_2(argv: list[str]) -> None:
    done = run(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("glutetui")
    assert ": error: " in line
    assert line.endswith("--help`)")


def test_unknown_command_names_it() -> None:
    assert "'frobnicate'" in run("frobnicate").stderr


def test_app_refuses_a_config_dir_that_is_a_file_before_any_screen(tmp_path: Path) -> None:
    target = tmp_path / "config-file"
    target.write_text("")
    done = run("--config-dir", str(target), timeout=20)
    line = assert_one_line_error(done)
    assert line == (
        f"glutetui: config dir {target} is a file, not a folder; move it or pass --config-dir"
    )
    assert done.stdout == ""  # not a single escape sequence: no screen was started
    assert target.read_text() == ""


def test_app_refuses_an_unwritable_config_dir(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("")
    done = run("--config-dir", str(tmp_path / "plain" / "glutetui"), timeout=20)
    assert "cannot write to config dir" in assert_one_line_error(done)
    assert done.stdout == ""


# --------------------------------------------------------------------------- no textual


def _commands_without_arguments() -> list[str]:
    """Every sub-command that runs without arguments (the others cannot be run blind)."""
    names = []
    for name in cli.COMMANDS:
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                cli.command_parser(name).parse_args([])
            except SystemExit:
                continue
        names.append(name)
    return names


def test_textual_check_covers_the_core_commands() -> None:
    assert {"exercises", "plugins", "paths"} <= set(_commands_without_arguments())


CHECK = """
import sys
from glutetui.cli import main
code = main([{name!r}])
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, "imported " + ", ".join(loaded[:5])
sys.exit(code)
"""


@pytest.mark.parametrize("name", sorted(set(_commands_without_arguments()) - SHOWS_A_SCREEN))
def test_commands_without_a_screen_never_import_textual(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(name=name)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
        check=False,
    )
    assert "imported textual" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
