"""Hang-ups and terminations end glutetui within a second, whatever it is doing.

A dropped SSH link or a killed tmux session hangs the terminal up: the kernel sends SIGHUP (and
SIGCONT, see :mod:`glutetui.tui.driver`) and every later write to the terminal fails. ``kill``
sends SIGTERM. Either way glutetui leaves with ``128 + signal number``, the status a shell
reports for a process ended by that signal, after one last save attempt if a session's sets are
unsaved (every set is already saved as it is logged).

:class:`HangUp` is installed before the app exists, so a signal is handled at any moment: while
starting, before or during the first frame, in a dialog, while saving, during shutdown. Python
runs signal handlers in the main thread only, between two bytecodes, which a main thread stuck
in a write never reaches. So the work is done by a daemon thread woken by the C-level handler
(:func:`signal.set_wakeup_fd`). On the first SIGHUP or SIGTERM it:

1. points stdout and stderr at ``/dev/null`` if the terminal is gone, so nothing waits on
   writing to it and no final flush fails;
2. asks the app's event loop, thread-safely, to make the last save and exit;
3. is the watchdog: if the process is still there ``deadline`` seconds later, it saves what it
   can without the event loop, restores a terminal that is still there and calls ``os._exit``.

The watchdog cannot hang: it never waits on the terminal (its one write is non-blocking), takes
no lock the main thread could be holding while stuck, and imports nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

HANDLED = tuple(
    sig for sig in (getattr(signal, "SIGHUP", None), getattr(signal, "SIGTERM", None)) if sig
)
DEADLINE = 0.8
"""Seconds an orderly exit gets after a signal before the watchdog ends the process."""
RESTORE = (
    b"\x1b[<u"  # kitty keyboard protocol off
    b"\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # mouse reports off
    b"\x1b[?2004l\x1b[?1004l"  # bracketed paste and focus reports off
    b"\x1b[?7h\x1b[?1049l\x1b[?25h"  # line wrap on, main screen back, cursor shown
)
"""What Textual writes on leaving application mode, for when the watchdog leaves instead."""

TTY, HUNG_UP, NOT_A_TTY = "tty", "hung up", "not a tty"


def terminal_state(fd: int) -> str:
    """:data:`TTY`, :data:`HUNG_UP` (a hung-up terminal answers EIO) or :data:`NOT_A_TTY`."""
    import termios  # POSIX only, like hang-ups

    try:
        termios.tcgetattr(fd)
    except termios.error as exc:
        return HUNG_UP if exc.args[:1] == (errno.EIO,) else NOT_A_TTY
    return TTY


class TerminalWatch:
    """Whether a descriptor that was a terminal has stopped being one (for good).

    It stops when the terminal is hung up, or when :class:`HangUp` points it at ``/dev/null``.
    A check is one ioctl, about a microsecond.
    """

    def __init__(self, fd: int, state: Callable[[int], str] = terminal_state) -> None:
        self.fd = fd
        self._state = state
        self.was_tty = state(fd) != NOT_A_TTY
        """``fd`` was a terminal when watching began (or one already hung up)."""
        self._gone = False

    def gone(self) -> bool:
        """True once ``fd``, a terminal when watching began, is not a working one any more."""
        if self.was_tty and not self._gone:
            self._gone = self._state(self.fd) != TTY
        return self._gone


def _write_without_waiting(fd: int, data: bytes) -> None:
    """Write what the terminal takes right now; never wait for it."""
    try:
        blocking = os.get_blocking(fd)
        os.set_blocking(fd, False)
    except OSError:
        return
    try:
        os.write(fd, data)
    except OSError:
        pass  # full (a stalled link) or gone: nothing to restore there
    finally:
        # The open file is shared with the shell, which expects it blocking again.
        with contextlib.suppress(OSError):
            os.set_blocking(fd, blocking)


class HangUp:
    """SIGHUP and SIGTERM: a last save and an exit, in the app's loop or by the watchdog.

    ``sleep`` is the watchdog's clock and ``leave`` its exit (:func:`os._exit`); tests pass
    their own. ``input_fd`` is where the terminal's modes are read and restored; ``output_fds``
    are moved to ``/dev/null`` when the terminal is gone, and the first still a terminal gets
    :data:`RESTORE` from the watchdog.
    """

    def __init__(
        self,
        *,
        deadline: float = DEADLINE,
        sleep: Callable[[float], object] = time.sleep,
        leave: Callable[[int], object] = os._exit,
        input_fd: int = 0,
        output_fds: tuple[int, ...] = (2, 1),
    ) -> None:
        self.deadline = deadline
        self._sleep = sleep
        self._leave = leave
        self._input_fd = input_fd
        self._output_fds = output_fds
        self.signum: int | None = None
        """The first SIGHUP or SIGTERM, once received."""
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._finish: Callable[[int], object] | None = None
        self._rescue: Callable[[], object] | None = None
        self._outputs: list[TerminalWatch] = []
        self._modes: list[Any] | None = None
        self._pipe: tuple[int, int] | None = None
        self._previous: dict[int, Any] = {}
        self._previous_wakeup = -1
        self._thread: threading.Thread | None = None

    def install(self) -> None:
        """Handle SIGHUP and SIGTERM from now on; call from the main thread, before the app."""
        if os.name != "posix":  # no hang-ups, and no set_wakeup_fd on a pipe
            return
        import termios

        self._outputs = [TerminalWatch(fd) for fd in self._output_fds]
        with contextlib.suppress(termios.error):  # not a terminal: no modes to restore
            self._modes = termios.tcgetattr(self._input_fd)
        read_fd, write_fd = os.pipe()
        os.set_blocking(write_fd, False)  # the C-level handler must never block
        self._pipe = (read_fd, write_fd)
        self._thread = threading.Thread(target=self._watch, name="glutetui-hangup", daemon=True)
        self._thread.start()
        self._previous_wakeup = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        for sig in HANDLED:
            self._previous[sig] = signal.signal(sig, self._on_signal)

    def attach(self, finish: Callable[[int], object], rescue: Callable[[], object]) -> None:
        """Call from the app's event loop as it starts: signals now reach the app.

        ``finish(signum)`` is called in the loop: save, then exit. ``rescue()`` is the
        watchdog's last save, from its own thread, so it must not touch widgets. A signal that
        came before is finished right away.
        """
        loop = asyncio.get_running_loop()
        with self._lock:
            self._loop, self._finish, self._rescue = loop, finish, rescue
            pending = self.signum
        if pending is not None:
            finish(pending)

    def detach(self) -> None:
        """The app's loop is done: a signal from now on only arms the watchdog."""
        with self._lock:
            self._loop = self._finish = None

    def uninstall(self) -> None:
        """Give the signals back and stop watching (tests do; the app keeps it to the end)."""
        if self._pipe is None:
            return
        signal.set_wakeup_fd(self._previous_wakeup)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        read_fd, write_fd = self._pipe
        os.close(write_fd)  # the watcher reads the end of the pipe and returns
        if self._thread is not None:
            self._thread.join()
        os.close(read_fd)
        self._pipe = None

    def _on_signal(self, signum: int, frame: object) -> None:
        """Python's handler. The C-level handler has already woken the watcher; this wakes it
        again in case something replaced the wake-up descriptor (as asyncio's
        ``add_signal_handler`` would)."""
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                os.write(self._pipe[1], bytes([signum]))

    def _watch(self) -> None:
        """The watcher thread: wait for the first SIGHUP or SIGTERM, then deal with it."""
        assert self._pipe is not None
        while True:
            try:
                data = os.read(self._pipe[0], 256)
            except OSError:
                return
            if not data:
                return  # uninstalled
            # Every signal Python handles writes its number here (SIGWINCH, SIGCONT, ...).
            for signum in data:
                if signum in HANDLED:
                    self._received(signum)
                    return

    def _received(self, signum: int) -> None:
        with self._lock:
            self.signum = signum
            loop, finish = self._loop, self._finish
        if any(watch.gone() for watch in self._outputs):
            self._silence()
        if loop is not None and finish is not None:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(finish, signum)
        self._sleep(self.deadline)
        self._expire(signum)

    def _silence(self) -> None:
        """Point the outputs that were the terminal at ``/dev/null``.

        A write to a hung-up terminal fails (EIO), which kills Textual's output thread, and a
        failed flush at exit turns the exit status into 120.
        """
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                for watch in self._outputs:
                    if watch.was_tty:
                        os.dup2(devnull, watch.fd)
            finally:
                os.close(devnull)

    def _expire(self, signum: int) -> None:
        """The orderly exit took too long: save what can be, restore the terminal, leave."""
        if self._rescue is not None:
            # Nothing may keep the watchdog from leaving; there is nowhere left to report to.
            with contextlib.suppress(Exception):
                self._rescue()
        self._restore_terminal()
        self._leave(128 + signum)

    def _restore_terminal(self) -> None:
        """Put back the modes from before the app and leave its screen, if there is a terminal."""
        import termios

        if self._modes is not None and terminal_state(self._input_fd) == TTY:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(self._input_fd, termios.TCSANOW, self._modes)
        for watch in self._outputs:
            if terminal_state(watch.fd) == TTY:
                _write_without_waiting(watch.fd, RESTORE)
                return
