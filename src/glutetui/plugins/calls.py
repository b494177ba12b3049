"""Calling plugin code with a time limit, off the caller's thread.

A plugin's hook runs in a daemon thread of its own; the caller waits at most the time limit.
A hook still running then is reported by plugin name and never called again by this process:
a thread stuck in an endless loop or inside C cannot be stopped, so it is left to run, and
:func:`exit_now_if_stuck` ends the process without waiting for it when the command is done.

The limit is :data:`HOOK_SECONDS` (``GLUTETUI_PLUGIN_TIMEOUT`` overrides it), short because the
app's screen waits for it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from glutetui.switches import TIMEOUT_ENV

T = TypeVar("T")

HOOK_SECONDS = 1.0
"""How long one plugin's hook may take before it counts as stuck."""
IMPORT_SECONDS = 5.0
"""How long importing one plugin (and calling its registration hooks) may take."""

_stuck: set[str] = set()
"""Plugins with a call that ran past its limit, in this process: not called again."""
_late: list[threading.Thread] = []
"""The threads of those calls, which may still be running."""
_stuck_lock = threading.Lock()


def hook_seconds() -> float:
    """The time limit of one hook call: ``GLUTETUI_PLUGIN_TIMEOUT`` when set and valid."""
    return seconds_from_env(HOOK_SECONDS)


def import_seconds() -> float:
    """The time limit of importing one plugin: ``GLUTETUI_PLUGIN_TIMEOUT`` when set and valid."""
    return seconds_from_env(IMPORT_SECONDS)


def seconds_from_env(default: float) -> float:
    """``GLUTETUI_PLUGIN_TIMEOUT`` as seconds (0.05 to 3600), else ``default``."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, ""))
    except ValueError:
        return default
    return value if 0.05 <= value <= 3600 else default


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How one limited call ended: a value, an exception, or still running (``timed_out``)."""

    value: T | None = None
    error: BaseException | None = None
    timed_out: bool = False


def stuck_plugins() -> frozenset[str]:
    """Plugins whose code ran past its time limit in this process (it may be running still)."""
    with _stuck_lock:
        return frozenset(_stuck)


def call_limited(plugin: str, func: Callable[[], T], seconds: float) -> Outcome[T]:
    """Run ``func`` in a daemon thread and wait at most ``seconds`` for it.

    Anything it prints goes nowhere near the terminal (the app's screen or a ``--json`` stream):
    ``sys.stdout`` is swapped for a buffer while it runs. A call still running after
    ``seconds`` marks ``plugin`` as stuck (:func:`stuck_plugins`).
    """
    box: list[Outcome[T]] = []

    def run() -> None:
        try:
            box.append(Outcome(value=func()))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, who reports it by name
            box.append(Outcome(error=exc))

    thread = threading.Thread(target=run, name=f"glutetui-plugin-{plugin}", daemon=True)
    with quiet_stdout():
        thread.start()
        thread.join(seconds)
    if thread.is_alive():
        with _stuck_lock:
            _stuck.add(plugin)
            _late.append(thread)
        return Outcome(timed_out=True)
    return box[0]


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Swap ``sys.stdout`` for a throwaway buffer while plugin code runs."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def exit_now_if_stuck(code: int) -> None:
    """End the process with ``code`` at once if a plugin's code is still running.

    Python would wait for nothing (the threads are daemons), but a stuck thread can still hold
    a lock that interpreter shutdown needs; output is flushed first, nothing is lost.
    """
    with _stuck_lock:
        running = any(thread.is_alive() for thread in _late)
    if not running:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
