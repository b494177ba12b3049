"""A real headless Chromium opens the address ``glutetui serve`` printed and gets the library.

The browser is driven over the Chrome DevTools Protocol (a websocket, through aiohttp): it opens
the printed address (token and all), follows the redirect that moves the token into a cookie,
runs textual-serve's page script, which opens the app's websocket from the page's own origin.
What the app sends that websocket is read from the browser's own network events, so the test
sees what the terminal in the page was given to draw. A screenshot is saved for a person to look
at. Closing the tab must end the app.

Skipped, saying why, where Chromium is missing; ``GLUTETUI_REQUIRE_BROWSER=1`` (set by .ci/run
once it installed Chromium) fails instead.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.e2e.pty_harness import ANSI, make_config_dir

from .support import Served, gone, start_server, stop_server

pytestmark = pytest.mark.e2e

REQUIRE_ENV = "GLUTETUI_REQUIRE_BROWSER"
TIMEOUT = 60.0
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1000,700",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set, but there is no chromium on PATH")
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    running = start_server(make_config_dir(tmp_path))
    yield running
    stop_server(running)


class DevTools:
    """One page of Chromium, over the DevTools Protocol."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.replies: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = message.json()
            if "id" in data:
                waiting = self.replies.pop(data["id"], None)
                if waiting is not None:  # a reply nobody waits for (closing the tab's)
                    waiting.set_result(data)
            else:
                await self.events.put(data)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        reply: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.replies[number] = reply
        await self.ws.send_json({"id": number, "method": method, "params": params})
        answer = await asyncio.wait_for(reply, TIMEOUT)
        assert "error" not in answer, answer
        result: dict[str, Any] = answer.get("result", {})
        return result


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[tuple[aiohttp.ClientSession, int]]:
    process = subprocess.Popen(
        [
            chromium(),
            *FLAGS,
            "--remote-debugging-port=0",  # Chromium picks a free port and says which
            f"--user-data-dir={tmp_path / 'chromium'}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = devtools_port(process)
        async with aiohttp.ClientSession() as client:
            yield client, port
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
        process.kill()


def devtools_port(process: subprocess.Popen[str]) -> int:
    """The port from Chromium's "DevTools listening on ws://127.0.0.1:PORT/…" line (waits on
    its standard error, no polling)."""
    assert process.stderr is not None
    deadline = time.monotonic() + TIMEOUT
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([process.stderr], [], [], left)
        line = process.stderr.readline() if ready else ""
        if not line and process.poll() is not None:
            break
        found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
        if found:
            return int(found.group(1))
    raise AssertionError("Chromium never said where its DevTools listen")


async def page_socket(client: aiohttp.ClientSession, port: int) -> str:
    """The DevTools address of the browser's first page (it listens by now)."""
    async with client.get(f"http://127.0.0.1:{port}/json/list") as listing:
        pages = [t for t in await listing.json() if t["type"] == "page"]
    assert pages, "Chromium has no page"
    return str(pages[0]["webSocketDebuggerUrl"])


async def test_chromium_opens_the_printed_address_and_sees_the_library(
    served: Served, browser: tuple[aiohttp.ClientSession, int], tmp_path: Path
) -> None:
    client, port = browser
    async with client.ws_connect(await page_socket(client, port), max_msg_size=0) as ws:
        tools = DevTools(ws)
        await tools.call("Network.enable")
        await tools.call("Page.enable")
        await tools.call("Page.navigate", url=f"{served.base}/?token={served.token}")
        drawn = bytearray()

        async def until_drawn(*needles: str) -> None:
            while True:
                event = await tools.events.get()
                if event["method"] == "Network.webSocketFrameReceived":
                    frame = event["params"]["response"]
                    if frame["opcode"] == 2:  # binary: what the app drew
                        drawn.extend(base64.b64decode(frame["payloadData"]))
                        text = ANSI.sub(b"", bytes(drawn)).decode("utf-8", "replace")
                        if all(n.replace(" ", "") in text.replace(" ", "") for n in needles):
                            return

        await asyncio.wait_for(until_drawn("Library", "Clamshell"), TIMEOUT)
        [pid] = served.app_pids()
        shot = await tools.call("Page.captureScreenshot", format="png")
        picture = tmp_path / "library-in-chromium.png"
        picture.write_bytes(base64.b64decode(shot["data"]))
        print(f"screenshot: {picture}")
        # Close the tab; no reply comes, the page's DevTools socket goes with it.
        await ws.send_json({"id": next(tools.ids), "method": "Page.close", "params": {}})
        await asyncio.wait_for(tools.reader, TIMEOUT)
    assert gone([pid]), "the app outlived its page"
