"""Another glutetui process holding a session, for the tests of one owner per session.

:class:`Other` runs :func:`other_owner` in a real second process (spawned: a fresh
interpreter, as a second glutetui would be): it starts a session, logs a set, and logs
another when told to, reporting whether that save was refused because the session was taken
over. The pipe to it is waited on with a time limit, never slept on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.workout.lease import SessionTakenOverError
from glutetui.workout.recorder import Recorder
from glutetui.workout.runner import Runner
from tests.workout.support import small_plan

WAIT = 30.0
"""Seconds to wait for the other process's answer (it starts a Python: slow on a busy box)."""
SPAWN = multiprocessing.get_context("spawn")


def other_owner(config_dir: str, session_id: str, conn: Connection) -> None:
    """The other process: start the session, log a set, then log one more when told to."""
    clock = FakeClock()
    recorder = Recorder(LogStore(Paths.resolve(config_dir)), clock=clock)
    runner = Runner.start(small_plan(), session_id, clock)
    recorder.save(runner.record_set(12))
    conn.send(("saved", os.getpid()))
    if conn.recv() != "next":
        return
    try:
        recorder.save(runner.record_set(10))
    except SessionTakenOverError as exc:
        conn.send(("taken over", exc.reason))
    else:
        conn.send(("saved again", ""))
    conn.recv()  # hold on (and so to the lease) until told to end


class Other:
    """:func:`other_owner` in a real second process, and the pipe to it."""

    def __init__(self, config_dir: Path, session_id: str) -> None:
        self.conn, theirs = SPAWN.Pipe()
        self.process = SPAWN.Process(
            target=other_owner, args=(str(config_dir), session_id, theirs), daemon=True
        )
        self.process.start()
        theirs.close()

    def answer(self) -> tuple[str, object]:
        assert self.conn.poll(WAIT), "the other process did not answer"
        kind, detail = self.conn.recv()
        return kind, detail

    def kill(self) -> None:
        if self.process.pid is not None and self.process.is_alive():
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(WAIT)
