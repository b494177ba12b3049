"""A Textual app left running forever after its terminal hangs up: a reproduction for upstream.

Needs only Textual, on Linux (or macOS). Run it:

    python textual-hangup-repro.py            # 20 trials; most leave a process behind
    python textual-hangup-repro.py --workaround

Each trial starts a small app on a pseudo-terminal as the session leader (as ``tmux new-session
app`` or ``ssh host app`` do), waits for its first output, lets a random 0-0.15 s pass, and
closes the terminal's master side: the kernel hangs the terminal up and sends the app SIGHUP and
then SIGCONT. The app exits on SIGHUP the usual way (``loop.add_signal_handler`` ->
``App.exit``). A process still there 5 s later is reported stuck, with its threads' stacks, and
killed.

What happens (Textual 8.2.8): ``LinuxDriver``'s SIGCONT handler calls
``resume_application_mode()`` although the app was never suspended, so ``start_application_mode``
runs again, from inside the signal handler, on the dead terminal. It starts a second
``WriterThread``, which dies on its first write (EIO, without a word), and from then on every
``driver.write`` puts into that thread's queue, bounded at 30, which nothing drains: the 31st
write blocks the main thread forever, typically in ``App._shutdown`` -> ``disable_input`` ->
``_disable_mouse_support`` -> ``WriterThread.write`` -> ``Queue.put``, while the first writer
waits in ``Queue.get`` on its own, empty queue. SIGHUP and SIGTERM are then handled by no one,
only SIGKILL ends the process.

``--workaround`` runs the same app with a driver that resumes only after a suspend: no trial
gets stuck.
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import pty
import random
import select
import signal
import sys
import tempfile
import time

from textual.app import App, ComposeResult
from textual.drivers.linux_driver import LinuxDriver
from textual.widgets import Static


class ResumeOnlyAfterSuspend(LinuxDriver):
    """The workaround: a stray SIGCONT (as from a hang-up) must not restart application mode."""

    suspended = False

    def suspend_application_mode(self) -> None:
        self.suspended = True
        super().suspend_application_mode()

    def resume_application_mode(self) -> None:
        if self.suspended:
            self.suspended = False
            super().resume_application_mode()


class Ticker(App[None]):
    """Redraws often, like an app still starting up, and exits on SIGHUP."""

    def compose(self) -> ComposeResult:
        yield Static(id="tick")

    def on_mount(self) -> None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)
        self.count = 0
        self.set_interval(0.01, self.tick)

    def tick(self) -> None:
        self.count += 1
        self.query_one("#tick", Static).update(f"tick {self.count}\n" * 20)


def child(stacks: str, workaround: bool) -> None:
    faulthandler.register(signal.SIGUSR1, file=open(stacks, "w"), all_threads=True)  # noqa: SIM115
    Ticker(driver_class=ResumeOnlyAfterSuspend if workaround else None).run()


def trial(workaround: bool) -> str | None:
    """One hang-up; the stuck process's stacks, or None if it ended."""
    stacks = tempfile.mktemp(suffix=".txt")
    pid, fd = pty.fork()
    if pid == 0:
        try:
            child(stacks, workaround)
        finally:
            os._exit(0)
    while not select.select([fd], [], [], 5)[0]:
        pass  # first output
    os.read(fd, 65536)
    time.sleep(random.uniform(0, 0.15))
    os.close(fd)  # the hang-up
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return None
        time.sleep(0.05)
    os.kill(pid, signal.SIGUSR1)
    time.sleep(0.5)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with open(stacks) as f:
        return f.read()


def main() -> None:
    workaround = "--workaround" in sys.argv
    trials = 20
    stuck = [stacks for stacks in (trial(workaround) for _ in range(trials)) if stacks]
    if stuck:
        sys.stdout.write(f"A stuck process's threads:\n{stuck[0]}\n")
    sys.stdout.write(f"{len(stuck)} of {trials} processes were still running 5 s later\n")


if __name__ == "__main__":
    main()
