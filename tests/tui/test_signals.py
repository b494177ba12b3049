"""SIGHUP and SIGTERM: the app's last save and exit, the watchdog, the hang-up-safe driver.

The signals are real (sent to the test process, whose handlers :class:`HangUp` replaces for the
test); the watchdog's clock and its exit are not, so no test waits for a deadline. Terminals are
pseudo-terminals the tests open, never the one pytest runs in.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import termios
import threading
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.paths import Paths
from glutetui.tui.driver import HangUpSafeDriver
from glutetui.tui.signals import (
    DEADLINE,
    HUNG_UP,
    NOT_A_TTY,
    RESTORE,
    TTY,
    HangUp,
    TerminalWatch,
    terminal_state,
)

from .support import make_session_app, start_small_session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="hang-ups are POSIX")
WAIT = 10.0
"""How long a test waits for another thread before failing (never reached when it works)."""


class Watchdog:
    """The watchdog's clock and exit: time passes when the test says so; leaving is recorded."""

    def __init__(self) -> None:
        self.asked: list[float] = []
        self.waiting = threading.Event()
        self.time_passes = threading.Event()
        self.left: list[int] = []
        self.gone = threading.Event()

    def sleep(self, seconds: float) -> None:
        self.asked.append(seconds)
        self.waiting.set()
        assert self.time_passes.wait(WAIT)

    def leave(self, status: int) -> None:
        self.left.append(status)
        self.gone.set()

    def expire(self) -> list[int]:
        """Let the deadline pass; the status the watchdog left with."""
        assert self.waiting.wait(WAIT)
        self.time_passes.set()
        assert self.gone.wait(WAIT)
        return self.left


@pytest.fixture
def watchdog() -> Watchdog:
    return Watchdog()


@pytest.fixture
def plain_fd(tmp_path: Path) -> Iterator[int]:
    """A descriptor that is no terminal (for a HangUp that must not touch pytest's)."""
    fd = os.open(tmp_path / "out", os.O_RDWR | os.O_CREAT)
    yield fd
    os.close(fd)


@pytest.fixture
def make_hang_up(watchdog: Watchdog, plain_fd: int) -> Iterator[type[HangUp]]:
    """Build and install HangUps on the test's clock, and uninstall them afterwards."""
    made: list[HangUp] = []

    def make(input_fd: int = plain_fd, output_fds: tuple[int, ...] = (plain_fd,)) -> HangUp:
        hang_up = HangUp(
            sleep=watchdog.sleep, leave=watchdog.leave, input_fd=input_fd, output_fds=output_fds
        )
        hang_up.install()
        made.append(hang_up)
        return hang_up

    yield make  # type: ignore[misc]
    watchdog.time_passes.set()
    for hang_up in made:
        hang_up.uninstall()


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, int]]:
    master, slave = os.openpty()
    yield master, slave
    for fd in (master, slave):
        with contextlib.suppress(OSError):  # the test closed it: that was the hang-up
            os.close(fd)


# --------------------------------------------------------------------------- the terminal


def test_terminal_state_tells_a_hung_up_terminal_from_a_file(
    pty_pair: tuple[int, int], plain_fd: int
) -> None:
    master, slave = pty_pair
    assert terminal_state(slave) == TTY
    os.close(master)  # what a dropped link does
    assert terminal_state(slave) == HUNG_UP
    assert terminal_state(plain_fd) == NOT_A_TTY


def test_a_terminal_watch_is_gone_for_good_once_the_terminal_stops_answering() -> None:
    answers = iter([TTY, TTY, HUNG_UP])
    watch = TerminalWatch(7, lambda fd: next(answers))
    assert watch.was_tty and not watch.gone()
    assert watch.gone()
    assert watch.gone()  # without asking again: the iterator is empty


def test_output_that_never_was_a_terminal_is_never_gone() -> None:
    watch = TerminalWatch(7, lambda fd: NOT_A_TTY)
    assert not watch.was_tty and not watch.gone()


# --------------------------------------------------------------------------- the signals


async def test_a_signal_is_finished_in_the_loop_and_the_watchdog_leaves_after_the_deadline(
    make_hang_up: type[HangUp], watchdog: Watchdog
) -> None:
    hang_up = make_hang_up()
    finished = asyncio.Event()
    got: list[int] = []
    rescued: list[bool] = []
    hang_up.attach(
        lambda signum: (got.append(signum), finished.set()), lambda: rescued.append(True)
    )
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(finished.wait(), WAIT)
    assert got == [signal.SIGTERM] and hang_up.signum == signal.SIGTERM
    assert watchdog.waiting.wait(WAIT)
    assert watchdog.asked == [DEADLINE] and not watchdog.left and not rescued
    assert watchdog.expire() == [128 + signal.SIGTERM]
    assert rescued == [True]


async def test_a_signal_before_the_app_runs_is_finished_as_soon_as_it_attaches(
    make_hang_up: type[HangUp], watchdog: Watchdog
) -> None:
    hang_up = make_hang_up()
    os.kill(os.getpid(), signal.SIGHUP)
    assert watchdog.waiting.wait(WAIT)
    got: list[int] = []
    hang_up.attach(got.append, lambda: None)
    assert got == [signal.SIGHUP]


async def test_after_the_app_a_signal_only_arms_the_watchdog(
    make_hang_up: type[HangUp], watchdog: Watchdog
) -> None:
    hang_up = make_hang_up()
    got: list[int] = []
    hang_up.attach(got.append, lambda: None)
    hang_up.detach()
    os.kill(os.getpid(), signal.SIGHUP)
    assert watchdog.expire() == [128 + signal.SIGHUP]
    await asyncio.sleep(0)
    assert got == []


def test_other_signals_do_not_wake_the_watchdog(
    make_hang_up: type[HangUp], watchdog: Watchdog
) -> None:
    previous = signal.signal(signal.SIGUSR1, lambda signum, frame: None)
    try:
        make_hang_up()
        os.kill(os.getpid(), signal.SIGUSR1)  # its byte reaches the watcher too
        os.kill(os.getpid(), signal.SIGTERM)
        assert watchdog.expire() == [128 + signal.SIGTERM]
    finally:
        signal.signal(signal.SIGUSR1, previous)


async def test_the_watchdog_leaves_even_when_its_last_save_fails(
    make_hang_up: type[HangUp], watchdog: Watchdog
) -> None:
    def rescue() -> None:
        raise SaveError(Path("/nowhere"), "No space left on device")

    make_hang_up().attach(lambda signum: None, rescue)
    os.kill(os.getpid(), signal.SIGTERM)
    assert watchdog.expire() == [128 + signal.SIGTERM]


def test_a_hung_up_terminal_is_swapped_for_dev_null(
    make_hang_up: type[HangUp], watchdog: Watchdog, pty_pair: tuple[int, int]
) -> None:
    master, slave = pty_pair
    make_hang_up(input_fd=slave, output_fds=(slave,))
    os.close(master)
    os.kill(os.getpid(), signal.SIGHUP)
    assert watchdog.waiting.wait(WAIT)
    assert os.fstat(slave).st_rdev == os.stat(os.devnull).st_rdev
    os.write(slave, b"nobody reads this, and nothing waits")
    assert watchdog.expire() == [128 + signal.SIGHUP]


def test_the_watchdog_restores_a_terminal_that_is_still_there(
    make_hang_up: type[HangUp], watchdog: Watchdog, pty_pair: tuple[int, int]
) -> None:
    master, slave = pty_pair
    before = termios.tcgetattr(slave)
    make_hang_up(input_fd=slave, output_fds=(slave,))
    tty.setraw(slave)  # what the app does to it
    assert termios.tcgetattr(slave) != before
    os.kill(os.getpid(), signal.SIGTERM)
    assert watchdog.expire() == [128 + signal.SIGTERM]
    assert termios.tcgetattr(slave) == before
    assert RESTORE in os.read(master, 4096)
    assert os.get_blocking(slave)


# --------------------------------------------------------------------------- the driver


@pytest.fixture
def driver_signals() -> Iterator[None]:
    """A driver takes SIGTSTP and SIGCONT when built (in a running loop); give them back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


async def test_the_driver_resumes_only_after_suspending(driver_signals: None) -> None:
    calls: list[str] = []

    class Recording(HangUpSafeDriver):
        def start_application_mode(self) -> None:
            calls.append("start")

        def stop_application_mode(self) -> None:
            calls.append("stop")

    driver = Recording(App())
    driver.resume_application_mode()  # the SIGCONT of a hang-up: the app was never stopped
    assert calls == []
    driver.suspend_application_mode()  # ctrl+z
    driver.resume_application_mode()  # fg
    driver.resume_application_mode()
    assert calls == ["stop", "start"]


async def test_the_driver_neither_starts_nor_writes_nor_waits_on_a_terminal_that_is_gone(
    driver_signals: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    monkeypatch.setattr(LinuxDriver, "start_application_mode", lambda self: started.append(True))
    driver = HangUpSafeDriver(App())
    driver.terminal = TerminalWatch(7, lambda fd: HUNG_UP)
    driver.start_application_mode()
    driver.write("\x1b[?1049l")  # Textual's own write asserts an output thread
    driver.close()
    assert started == []


def test_the_app_uses_the_hang_up_safe_driver(paths: Paths) -> None:
    assert make_session_app(paths, FakeClock()).driver_class is HangUpSafeDriver


# --------------------------------------------------------------------------- the app


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Saves fail while ``failing["on"]``."""
    real_save = LogStore.save
    state = {"on": False}

    def save(self: LogStore, session):  # type: ignore[no-untyped-def]
        if state["on"]:
            raise SaveError(self.path_for(session.id), "No space left on device")
        return real_save(self, session)

    monkeypatch.setattr(LogStore, "save", save)
    return state


async def _exited(app: App[int], pilot) -> int:  # type: ignore[no-untyped-def]
    for _ in range(100):
        if app.return_code is not None:
            return app.return_code
        await pilot.pause(0.05)
    raise AssertionError("the app never exited")


async def test_a_signal_retries_an_unsaved_sessions_save_then_exits(
    paths: Paths, make_hang_up: type[HangUp], watchdog: Watchdog, failing: dict[str, bool]
) -> None:
    app = make_session_app(paths, FakeClock())
    app.hang_up = make_hang_up()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        failing["on"] = True
        await pilot.press("enter")
        await pilot.pause()
        assert screen.unsaved
        failing["on"] = False
        os.kill(os.getpid(), signal.SIGHUP)
        assert await _exited(app, pilot) == 128 + signal.SIGHUP
    assert len(LogStore(paths).load(screen.runner.session.id).sets) == 1
    assert watchdog.expire() == [128 + signal.SIGHUP]


async def test_the_watchdog_saves_what_the_app_could_not(
    paths: Paths, make_hang_up: type[HangUp], watchdog: Watchdog, failing: dict[str, bool]
) -> None:
    app = make_session_app(paths, FakeClock())
    app.hang_up = make_hang_up()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        failing["on"] = True
        await pilot.press("enter")
        await pilot.pause()
        os.kill(os.getpid(), signal.SIGTERM)
        assert await _exited(app, pilot) == 128 + signal.SIGTERM
        assert screen.unsaved  # the app's last attempt failed too
    failing["on"] = False  # the disk has room again by the deadline
    assert watchdog.expire() == [128 + signal.SIGTERM]
    assert len(LogStore(paths).load(screen.runner.session.id).sets) == 1
