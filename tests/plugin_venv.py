"""A throwaway virtual environment with real plugin distributions installed by real pip.

``python -m venv --without-pip``, the outer venv's site-packages made importable through a
``.pth`` file (so glutetui, pluggy, pip and hatchling need no download), then one
``pip install --no-deps --no-build-isolation --no-index`` of the given distributions.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST_ROOT = ROOT / "tests" / "plugin_dists"
UNRULY_PREFIX = "unruly-"
"""Test distributions that hang or end the process: only their own venv installs them."""


@dataclass(frozen=True)
class PluginVenv:
    """A throwaway environment with test plugins installed."""

    python: Path
    root: Path

    def environ(self, **env: str) -> dict[str, str]:
        """This process's environment without glutetui's switches, a fresh config dir, ``env``."""
        environ = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("GLUTETUI_", "PYTHON", "VIRTUAL_ENV"))
        }
        config = tempfile.mkdtemp(dir=self.root / "config")
        return environ | {"GLUTETUI_CONFIG_DIR": config, **env}

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """``python -m glutetui ARGS`` in the venv, with a fresh config dir and ``env`` added."""
        return subprocess.run(
            [str(self.python), "-m", "glutetui", *args],
            capture_output=True,
            text=True,
            env=self.environ(**env),
            cwd=self.root,
            timeout=60,
            check=False,
        )

    def pip(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Offline pip of the venv."""
        return subprocess.run(
            [str(self.python), "-m", "pip", *args, "--disable-pip-version-check"],
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=300,
            check=False,
        )


def make_venv(root: Path, dists: list[Path]) -> PluginVenv:
    """Build a venv under ``root`` and install ``dists`` (folders) into it."""
    (root / "config").mkdir()
    target = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)], check=True)
    python = target / "bin" / "python"
    inner = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # addsitedir, not a bare path line: it also runs the outer venv's own .pth files, which is
    # how the editable install of glutetui finds its source.
    outer = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    lines = [f"import site; site.addsitedir({folder!r})" for folder in outer]
    (Path(inner) / "_outer_venv.pth").write_text("\n".join(lines) + "\n")
    made = PluginVenv(python=python, root=root)
    if dists:
        installed = made.pip(
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--no-cache-dir",
            "--quiet",
            *map(str, dists),
        )
        assert installed.returncode == 0, installed.stderr
    return made
