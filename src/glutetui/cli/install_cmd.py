"""``glutetui install`` and ``glutetui uninstall``: pip for the interpreter glutetui runs on.

As ``llm install`` and ``datasette install`` do, so nobody has to find the right pip: the
command runs ``python -m pip`` with :data:`sys.executable`, its output going straight to the
terminal as pip prints it, and ends with pip's exit status. pip installs nothing unless every
requirement resolves, and rolls back a half-done upgrade, so a failed install leaves what was
installed before working. The catalog cache notices the change by itself (the installed
distributions are part of its key).
"""

from __future__ import annotations

import subprocess
import sys

from glutetui.errors import GlutetuiError

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths

_SELF = {"glutetui"}
"""What ``uninstall`` refuses: glutetui cannot remove itself from under its own feet."""


def configure_install(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui install``."""
    p.add_argument(
        "packages", nargs="+", metavar="NAME", help="distributions (or wheel files, folders)"
    )
    p.add_argument("-U", "--upgrade", action="store_true", help="upgrade to the newest version")
    p.add_argument(
        "-e",
        "--editable",
        action="store_true",
        help="the NAMEs are folders of plugin projects you are writing: install them live",
    )
    p.set_defaults(handler=cmd_install)


def configure_uninstall(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui uninstall``."""
    p.add_argument("packages", nargs="+", metavar="NAME", help="distributions to remove")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_uninstall)


def pip(*args: str) -> int:
    """Run pip of this interpreter with ``args``, output passed through; pip's exit status."""
    try:
        return subprocess.run([sys.executable, "-m", "pip", *args], check=False).returncode
    except OSError as exc:
        raise GlutetuiError(f"cannot run pip for {sys.executable}: {exc.strerror or exc}") from exc


def cmd_install(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui install``: ``pip install`` into glutetui's own environment."""
    options = ["--upgrade"] if args.upgrade else []
    if args.editable:
        # pip's --editable takes one folder each.
        return pip("install", *options, *(f"--editable={path}" for path in args.packages))
    return pip("install", *options, *args.packages)


def cmd_uninstall(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui uninstall``: ``pip uninstall`` from glutetui's own environment."""
    own = [name for name in args.packages if name.lower().replace("_", "-") in _SELF]
    if own:
        raise GlutetuiError(
            "glutetui cannot uninstall itself; use the tool you installed it with (pip, pipx, uv)"
        )
    missing = [name for name in args.packages if not _installed(name)]
    if missing:  # pip would only warn and exit 0, as if it had removed something
        raise GlutetuiError(
            f"not installed in glutetui's environment ({sys.executable}): {', '.join(missing)}; "
            "nothing was removed (`glutetui plugins` names each plugin's distribution)"
        )
    return pip("uninstall", *(["--yes"] if args.yes else []), *args.packages)


def _installed(name: str) -> bool:
    """Whether the distribution ``name`` is installed here (any spelling pip accepts, with or
    without a version: ``glutetui-x==1.0``)."""
    import importlib.metadata
    import re

    try:
        importlib.metadata.distribution(re.split(r"[<>=!~;\[\s]", name.strip(), maxsplit=1)[0])
    except importlib.metadata.PackageNotFoundError:
        return False
    except ValueError:  # not a distribution name at all
        return False
    return True
