"""A real ``glutetui serve`` on a loopback port, and a websocket tab that reads what the app draws."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import select
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.e2e.pty_harness import ANSI, exits_within

START_TIMEOUT = 30.0
TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    """One running ``glutetui serve``."""

    process: subprocess.Popen[str]
    port: int
    token: str
    config_dir: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def cookie(self) -> dict[str, str]:
        return {f"glutetui_token_{self.port}": self.token}

    def app_pids(self) -> list[int]:
        """The app processes the server runs now (its children)."""
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                fields = stat.rpartition(")")[2].split()
                if int(fields[1]) == self.process.pid and fields[0] != "Z":
                    found.append(int(entry))
        return found


def start_server(config_dir: Path, *extra: str, token: str | None = None) -> Served:
    """Start ``glutetui serve`` and wait for the address it prints."""
    port = free_port()
    argv = [sys.executable, "-m", "glutetui", "--config-dir", str(config_dir), "serve"]
    argv += ["--port", str(port), *extra]
    if token is not None:
        argv += ["--token", token]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], START_TIMEOUT)
    line = process.stdout.readline() if ready else ""
    if "open http" not in line:
        process.kill()
        raise AssertionError(f"glutetui serve did not start: {line!r}")
    match = re.search(r"token=(\S+)", line)
    shown = match.group(1) if match else None
    assert (shown is None) == (token is not None), line
    return Served(process, port, token or str(shown), config_dir)


def stop_server(served: Served) -> None:
    served.process.send_signal(signal.SIGINT)
    try:
        served.process.wait(10)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()


@dataclass
class Tab:
    """A websocket to the server, as the page's script opens it, collecting what the app draws."""

    ws: aiohttp.ClientWebSocketResponse
    output: bytearray = field(default_factory=bytearray)
    closed: bool = False

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def shows(self, needle: str) -> bool:
        text = self.text()
        return needle in text or needle.replace(" ", "") in text.replace(" ", "")

    async def wait_for_text(self, needle: str, timeout: float = TIMEOUT) -> None:
        """Read frames until ``needle`` was drawn."""

        async def read() -> None:
            while not self.shows(needle):
                message = await self.ws.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.output.extend(message.data)
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    self.closed = True
                    raise AssertionError(f"{needle!r} never drawn; the tab closed")

        try:
            await asyncio.wait_for(read(), timeout)
        except TimeoutError:
            raise AssertionError(f"{needle!r} never drawn; last:\n{self.text()[-1500:]}") from None

    async def type(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])


def origin(served: Served) -> dict[str, str]:
    return {"Origin": served.base}


def gone(pids: Iterator[int] | list[int], within: float = 15.0) -> bool:
    return all(exits_within(pid, within) for pid in pids)
