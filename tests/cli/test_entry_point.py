"""The ``glutetui`` entry point: the console script, ``python -m``, parsing, and one-line errors."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import glutetui
from glutetui import cli
from tests.cli.runner import DATA, ok, one_line_error, run

# Sub-commands that open a screen (and so may import textual). None yet: the app itself is
# started by running glutetui without a command.
SHOWS_A_SCREEN: set[str] = set()
RUNS_UNTIL_STOPPED = {"serve"}
"""Commands that serve until Ctrl+C: tests/web starts them and checks what they import."""


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


@pytest.mark.parametrize("columns", [40, 100])
def test_help_fits_the_width_columns_says(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = ok("log", "--help").splitlines()
    assert max(len(line) for line in lines) <= columns
    assert max(len(line) for line in lines) > columns - 20  # and uses it


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
    line = one_line_error(done)
    assert ": error: " in line
    assert line.endswith("--help`)")


def test_unknown_command_names_it() -> None:
    assert "'frobnicate'" in run("frobnicate").stderr


def test_app_refuses_a_config_dir_that_is_a_file_before_any_screen(tmp_path: Path) -> None:
    target = tmp_path / "config-file"
    target.write_text("")
    done = run("--config-dir", str(target))
    line = one_line_error(done)
    assert line == (
        f"glutetui: config dir {target} is a file, not a folder; move it or pass --config-dir"
    )
    assert done.stdout == ""  # not a single escape sequence: no screen was started
    assert target.read_text() == ""


def test_app_refuses_an_unwritable_config_dir(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("")
    done = run("--config-dir", str(tmp_path / "plain" / "glutetui"))
    line = one_line_error(done)
    assert line.startswith("glutetui: ") and "cannot write to config dir" in line
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


def test_textual_check_covers_the_commands_that_need_no_arguments() -> None:
    assert {"exercises", "plugins", "paths", "log", "export"} <= set(_commands_without_arguments())


CHECK = """
import sys
from glutetui.cli import main
code = main({argv!r})
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not loaded, "imported " + ", ".join(loaded[:5])
sys.exit(code)
"""

ASKS = {"checkin"}
"""Commands that ask their question on a terminal, and say so plainly (exit 1) without one."""
BLIND_RUNS = [
    [name]
    for name in sorted(
        set(_commands_without_arguments()) - SHOWS_A_SCREEN - RUNS_UNTIL_STOPPED - ASKS
    )
]
"""Every command that needs no argument, run without one."""
EXIT_STATUS = {"due": 1}
"""Commands whose status says something: ``due`` exits 1 when nothing is due (a fresh config)."""


@pytest.mark.parametrize(
    "argv",
    [
        *BLIND_RUNS,
        ["import", "--dry-run", str(DATA / "strong.csv")],
        ["checkin", "--pain", "2", "--compared", "same"],
    ],
    ids=lambda argv: argv[0],
)
def test_commands_without_a_screen_never_import_textual(argv: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(argv=argv)],
        cwd=tmp_path,  # `report` writes its file here
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
        check=False,
    )
    assert "imported textual" not in done.stderr, done.stderr
    assert done.returncode == EXIT_STATUS.get(argv[0], 0), done.stderr
