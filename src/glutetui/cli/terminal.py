"""Whether the app has a terminal to draw on, decided before textual is imported.

The app needs standard input, output and error to be a terminal (Textual reads keys from the
first and draws on the last), that terminal to be this process's controlling terminal (else a
dropped link sends no hang-up and nothing ends the process), and a ``TERM`` naming a terminal
that can draw. Without them Textual would draw a screen of escape codes into a pipe or a file
and wait for keys that never come: ``glutetui </dev/null | cat`` used to hang until killed.

``TERM`` unset or empty counts as ``dumb``: a program that does not know the terminal should not
write escape codes to it (``less`` and ``top`` refuse too), and ``TERM=xterm-256color glutetui``
is the one-word fix. Windows has neither controlling terminals nor a ``TERM`` convention, so
there only the three streams are checked.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

STREAMS = ((0, "standard input"), (1, "standard output"), (2, "standard error"))
CANNOT_DRAW = frozenset({"", "dumb", "unknown"})
"""``TERM`` values of terminals that cannot draw the app (Emacs's shell says ``dumb``)."""


def screen_problem(
    environ: Mapping[str, str] | None = None, streams: Iterable[tuple[int, str]] = STREAMS
) -> str | None:
    """Why the app cannot draw here, as the end of a sentence, or ``None`` when it can."""
    env = os.environ if environ is None else environ
    checked = list(streams)
    for fd, name in checked:
        if not os.isatty(fd):
            return f"{name} is not a terminal"
    if os.name != "posix":
        return None
    try:
        # Answers only for the controlling terminal; ENOTTY when there is none (setsid, a
        # service) or when it is another terminal.
        os.tcgetpgrp(checked[0][0])
    except OSError:
        return "there is no controlling terminal (was it started with setsid, or as a service?)"
    term = env.get("TERM", "")
    if term.strip().lower() in CANNOT_DRAW:
        said = f"TERM is {term!r}" if term else "TERM is not set"
        return f"{said}, so the terminal cannot draw it; set TERM to your terminal's type (for example TERM=xterm-256color)"
    return None


def no_screen_message(problem: str, commands: Iterable[str]) -> str:
    """What to print instead of the app: why, and the sub-commands that work without a screen."""
    return (
        f"glutetui: the app needs a terminal to draw on, but {problem}.\n"
        f"Without a screen, use a command: {', '.join(commands)} (see `glutetui --help`)."
    )


SERVED_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The driver ``glutetui serve`` (textual-serve) starts the app with: it draws to a browser."""


def served(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the app runs under ``glutetui serve``, drawing to a browser rather than a terminal."""
    env = os.environ if environ is None else environ
    return env.get("TEXTUAL_DRIVER") == SERVED_DRIVER
