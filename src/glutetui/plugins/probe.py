"""Loading the plugins in a child process, so that no plugin can hang or end glutetui.

Used when the catalog cache (:mod:`glutetui.plugins.cache`) is stale and a plugin from another
distribution than glutetui is installed (glutetui's own load in process): a child Python imports
every plugin and builds the catalog data, telling the parent on a pipe which plugin's code is
running. The parent gives each plugin :func:`~glutetui.plugins.calls.import_seconds` to finish;
a plugin that takes longer (an endless loop, a long sleep) or ends the child (``os._exit``,
a crash in C) is named and reported, the child is ended, and a new child loads the others
with that plugin left out. Whatever plugins write to standard output, even below Python, goes
to the child's own throwaway output, never to the parent's.

The result is the same plain data the cache holds; the cache then serves it until something
installed changes, so this costs one extra Python start only after an install or upgrade.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from typing import Any

from glutetui.plugins.calls import import_seconds

_BEGIN = b"begin "
_DATA = b"data "
_OWN_SECONDS = 60
"""What glutetui's own part of loading (outside any plugin's code) may take."""

_CHILD_CODE = (
    "import sys, json; sys.path[:] = json.loads(sys.argv[1]); "
    "from glutetui.plugins.probe import child; child(sys.argv[2])"
)


class ProbeError(Exception):
    """The child failed for a reason no plugin can be blamed for."""


def child(skip_json: str) -> None:
    """The child's side: load every plugin and send the catalog data on the original stdout."""
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    # Plugins writing to fd 1 (print, os.write, C code) now write to stderr, which the parent
    # keeps to itself; only this module writes to ``out``.
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from glutetui.plugins.cache import content, sources
    from glutetui.plugins.loader import load

    def watch(name: str) -> None:
        out.write(_BEGIN + name.encode("utf-8", "backslashreplace") + b"\n")

    before = set(sys.modules)
    result = load(strict=False, skip=json.loads(skip_json), watch=watch)
    folders, files = sources(result, [name for name in sys.modules if name not in before])
    # The key is made by the parent: it is the one whose environment the cache describes.
    payload = marshal.dumps({"catalog": content(result), "folders": folders, "files": files})
    out.write(_DATA + str(len(payload)).encode() + b"\n" + payload)
    out.close()
    # Nothing a plugin registered at exit (atexit, a non-daemon thread) may delay the parent.
    os._exit(0)


def load_data() -> dict[str, Any]:
    """The catalog data of every plugin, loaded in child processes with a time limit each,
    keyed for the cache (:func:`glutetui.plugins.cache.keyed`)."""
    from glutetui.plugins.cache import keyed

    skip: dict[str, str] = {}
    limit = import_seconds()
    # Each round either finishes or leaves one more plugin out, so this ends.
    while True:
        blamed, reason, sent = _one_round(skip, limit)
        if sent is not None:
            return keyed(sent["catalog"], sent["folders"], sent["files"])
        skip[blamed] = reason


def _one_round(skip: dict[str, str], limit: float) -> tuple[str, str, dict[str, Any] | None]:
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD_CODE, json.dumps(sys.path), json.dumps(skip)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            start_new_session=True,  # its own process group: ending it ends what it started
        )
        assert proc.stdout is not None
        try:
            return _follow(proc, proc.stdout.fileno(), limit, errors)
        finally:
            _end(proc)


def _follow(
    proc: subprocess.Popen[bytes], fd: int, limit: float, errors: Any
) -> tuple[str, str, dict[str, Any] | None]:
    buffer = b""
    running = ""
    deadline = time.monotonic() + _OWN_SECONDS
    while True:
        while buffer.startswith(_BEGIN) and b"\n" in buffer:
            line, _, buffer = buffer.partition(b"\n")
            running = line[len(_BEGIN) :].decode("utf-8", "replace")
            # Each plugin gets the whole limit; glutetui's own work between plugins more.
            deadline = time.monotonic() + (limit if running else _OWN_SECONDS)
        if buffer.startswith(_DATA) and b"\n" in buffer:
            size_text, _, payload = buffer[len(_DATA) :].partition(b"\n")
            if len(payload) >= int(size_text):
                return "", "", marshal.loads(payload[: int(size_text)])
        wait = deadline - time.monotonic()
        if wait <= 0 or not select.select([fd], [], [], wait)[0]:
            if running:
                return running, _hung(limit), None
            raise ProbeError(f"loading plugins took over {_OWN_SECONDS} s outside any plugin")
        chunk = os.read(fd, 65536)
        if chunk:
            buffer += chunk
            continue
        code = proc.wait()
        if running:
            return running, _ended(code), None
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        raise ProbeError(f"the plugin loader ended with status {code}: {' '.join(tail)}")


def _hung(limit: float) -> str:
    return (
        f"did not finish loading within {limit:g} s (an endless loop or a long wait at "
        "import?); left out until it is reinstalled or changed"
    )


def _ended(code: int) -> str:
    how = f"signal {-code}" if code < 0 else f"exit status {code}"
    return f"ended the process while loading ({how}); left out until it is reinstalled or changed"


def _end(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()
