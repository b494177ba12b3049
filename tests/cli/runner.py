"""Run glutetui as a user does: ``python -m glutetui`` in a subprocess.

Every run gets the test's temporary GLUTETUI_CONFIG_DIR through the environment (conftest) or
the ``config`` given, stdin that is not a terminal (or the text given), and a timeout, so
nothing can wait for a key.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
"""Export files of other apps, and broken ones."""


def run(
    *args: str, config: Path | None = None, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """``glutetui ARGS``, finished."""
    environ = os.environ | env
    if config is not None:
        environ["GLUTETUI_CONFIG_DIR"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "glutetui", *args],
        capture_output=True,
        text=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env=environ,
        timeout=60,
        check=False,
    )


def ok(*args: str, **env: str) -> str:
    """``glutetui ARGS``'s output, which must succeed without a word on stderr."""
    done = run(*args, **env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command must say why in (``glutetui: ...``, or ``glutetui
    COMMAND: error: ...`` for a usage error), with no traceback."""
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("glutetui")
    return lines[0]
