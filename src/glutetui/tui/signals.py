"""Hang-ups and terminations end the app cleanly.

Textual installs no handler for SIGHUP or SIGTERM, so a dropped SSH link or a ``kill`` would
end the process without restoring anything. Every finished set is already on disk (the session
screen saves after each entry), so all that is left to do is leave properly: :meth:`App.exit`
with ``128 + signal number``, the exit status a shell reports for a process ended by a signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal

from textual.app import App

HANDLED = tuple(
    sig for sig in (getattr(signal, "SIGHUP", None), getattr(signal, "SIGTERM", None)) if sig
)


def install_signal_handlers(app: App) -> None:
    """Make SIGHUP and SIGTERM call ``app.exit`` (call from the app's ``on_mount``)."""
    loop = asyncio.get_running_loop()
    for sig in HANDLED:

        def ended(sig: signal.Signals = sig) -> None:
            app.exit(return_code=128 + int(sig))

        # Windows' event loops have no signal handlers; there is no SIGHUP there anyway.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, ended)


def remove_signal_handlers() -> None:
    """Undo :func:`install_signal_handlers` (when the app's loop is about to close)."""
    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_running_loop()
        for sig in HANDLED:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
