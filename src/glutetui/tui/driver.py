"""Textual's Linux/macOS driver, minus two ways it hangs when the terminal is hung up.

A hang-up (a dropped SSH link, a killed tmux session) sends SIGHUP *and SIGCONT* to the
terminal's session leader, which glutetui is under tmux or ``ssh host glutetui``. Textual's
:class:`~textual.drivers.linux_driver.LinuxDriver` resumes application mode on every SIGCONT,
suspended or not: from inside the signal handler it starts another output thread on the dead
terminal. That thread dies on its first write (EIO), its bounded queue (30 writes) fills, and
the next write, the app's shutdown among them, waits forever. The reproduction for upstream is
``docs/upstream/textual-hangup-repro.py``.

:class:`HangUpSafeDriver` works around it by overriding public methods only:

- application mode is resumed only after it was suspended (by ``ctrl+z`` or ``App.suspend``);
- once the terminal is gone nothing more is queued for it, and closing does not wait for the
  output thread, which may be dead.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from textual.drivers.linux_driver import LinuxDriver

from glutetui.tui.signals import TerminalWatch

if TYPE_CHECKING:
    from textual.app import App


def _output_fd() -> int:
    """The descriptor Textual writes to: the original stderr."""
    stream = sys.__stderr__
    return stream.fileno() if stream is not None else 2


class HangUpSafeDriver(LinuxDriver):
    """:class:`LinuxDriver` that neither restarts on a stray SIGCONT nor waits on a dead terminal."""

    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.terminal = TerminalWatch(_output_fd())
        """Whether the terminal the app draws on is still there (known from before the start)."""
        self.suspended = False
        """Application mode was suspended: the next SIGCONT (or ``App.suspend``) resumes it."""

    def start_application_mode(self) -> None:
        """Start application mode on a terminal that is still there."""
        if not self.terminal.gone():
            super().start_application_mode()  # type: ignore[no-untyped-call]  # untyped upstream

    def suspend_application_mode(self) -> None:
        """Suspend application mode (``ctrl+z``, ``App.suspend``) and remember that."""
        self.suspended = True
        super().suspend_application_mode()

    def resume_application_mode(self) -> None:
        """Resume application mode, but only if it was suspended.

        Textual calls this on every SIGCONT, and a hang-up sends one to a process that was
        never stopped: restarting then would start a second output thread on a dead terminal.
        """
        if not self.suspended:
            return
        self.suspended = False
        super().resume_application_mode()

    def write(self, data: str) -> None:
        """Queue ``data`` for the terminal, unless it is gone: nothing would ever write it."""
        if not self.terminal.gone():
            super().write(data)

    def close(self) -> None:
        """Stop the output thread; without a terminal, don't wait for it (it may be dead)."""
        if not self.terminal.gone():
            super().close()
