"""No control character from a file, a file name or a plugin reaches the terminal through the
command line: every command run for real, its output searched byte by byte."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from glutetui.paths import Paths
from tests.cli.runner import run

from .hostile import HOSTILE, assert_inert, hostile_session, write_hostile_log

PLUGIN = f"""
import glutetui

@glutetui.hookimpl
def register_exercises(register):
    register(glutetui.Exercise(
        id="hostile-walk", name={f"Walk {HOSTILE}"!r}, summary={HOSTILE!r},
        instructions=[{HOSTILE!r}], aliases=[{f"alias{HOSTILE}"!r}]))
"""

BROKEN = f"""
import glutetui

@glutetui.hookimpl
def register_routines(register):
    raise RuntimeError({f"broken {HOSTILE}"!r})
"""


def install_hostile_plugin(site: Path) -> str:
    """A real distribution whose strings carry control characters; the PYTHONPATH to use."""
    info = site / "hostile_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "hostile_plugin.py").write_text(textwrap.dedent(PLUGIN))
    (site / "hostile_broken.py").write_text(textwrap.dedent(BROKEN))
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hostile-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        f"[glutetui]\nhostile = hostile_plugin\nbroken{HOSTILE[:3]} = hostile_broken\n"
    )
    return os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)


@pytest.fixture
def hostile_log(paths: Paths) -> Paths:
    write_hostile_log(paths.logs_dir)
    return paths


UTF8 = {"LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8", "PYTHONIOENCODING": ""}


@pytest.mark.parametrize(
    "args",
    [
        ["log"],
        ["log", "--json"],
        ["log", "--check"],
        ["export"],
        ["export", "--format", "strong"],
        ["export", "--format", "json"],
    ],
)
def test_log_commands_print_no_control_character(hostile_log: Paths, args: list[str]) -> None:
    done = run(*args, **UTF8)
    assert "Traceback" not in done.stderr, done.stderr
    assert_inert(done.stdout)
    assert_inert(done.stderr)
    if args == ["log", "--check"]:
        assert done.returncode == 1
        assert "bad-\ufffd\ufffd.toml" in done.stdout  # the name that is not UTF-8, shown
        assert "pwned" in done.stdout  # the rest of the hostile name is still there to find


def test_a_json_backup_on_stdout_keeps_every_character_as_an_escape(hostile_log: Paths) -> None:
    done = run("export", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert_inert(done.stdout)
    backup = json.loads(done.stdout)
    assert backup["sessions"][0]["note"] == hostile_session().note


def test_an_error_quoting_a_file_is_neutralised(tmp_path: Path) -> None:
    bad = tmp_path / f"in{HOSTILE.replace(chr(0), '')}.csv"
    bad.write_text(f"not,a,known\nlayout,{HOSTILE},x\n")
    done = run("import", str(bad))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert_inert(done.stderr)
    assert_inert(done.stdout)


@pytest.mark.parametrize(
    "args", [["exercises"], ["exercises", "--json"], ["plugins"], ["plugins", "--json"]]
)
def test_plugin_strings_print_no_control_character(tmp_path: Path, args: list[str]) -> None:
    path = install_hostile_plugin(tmp_path / "site")
    done = run(*args, PYTHONPATH=path)
    assert "Traceback" not in done.stderr, done.stderr
    assert_inert(done.stdout)
    assert_inert(done.stderr)
    assert "hostile-walk" in done.stdout
    assert "pwned" in done.stdout + done.stderr  # the broken plugin's message, made inert
