"""``glutetui serve`` over loopback: the token, the Origin check, the cap, and the end of each tab.

Each test starts the real ``glutetui serve`` (textual-serve underneath) on a free loopback port
with a temporary config dir, and talks to it as a browser's page script would, with aiohttp.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.pty_harness import make_config_dir, read_session

from .support import Served, Tab, gone, origin, start_server, stop_server

pytestmark = pytest.mark.e2e


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    running = start_server(make_config_dir(tmp_path))
    yield running
    stop_server(running)


@pytest.fixture
def served_one(tmp_path: Path) -> Iterator[Served]:
    running = start_server(make_config_dir(tmp_path), "--max-sessions", "1")
    yield running
    stop_server(running)


@pytest.fixture
async def client() -> AsyncIterator[aiohttp.ClientSession]:
    # unsafe=True: keep cookies for an IP address (127.0.0.1), as a browser does.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


async def status(client: aiohttp.ClientSession, url: str, **kwargs: object) -> int:
    async with client.get(url, allow_redirects=False, **kwargs) as response:  # type: ignore[arg-type]
        return response.status


async def test_the_page_needs_the_token_then_keeps_it_in_a_cookie(
    served: Served, client: aiohttp.ClientSession
) -> None:
    assert await status(client, served.base + "/") == 401
    assert await status(client, served.base + "/?token=not-the-token") == 401
    async with client.get(served.base + f"/?token={served.token}", allow_redirects=False) as first:
        assert first.status == 302
        assert first.headers["Location"] == "/"  # the token leaves the address bar
        set_cookie = first.headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    async with client.get(served.base + "/") as page:  # the cookie jar now holds the token
        assert page.status == 200
        assert "/ws" in await page.text()


async def test_a_foreign_host_name_is_refused(
    served: Served, client: aiohttp.ClientSession
) -> None:
    # What a DNS-rebinding page sends: its own name, resolving to 127.0.0.1.
    headers = {"Host": f"attacker.example:{served.port}"}
    url = served.base + f"/?token={served.token}"
    assert await status(client, url, headers=headers) == 421


async def test_a_websocket_from_a_foreign_page_or_without_token_is_refused(
    served: Served, client: aiohttp.ClientSession
) -> None:
    url = served.base.replace("http", "ws") + "/ws"
    for headers, cookies, expected in [
        ({"Origin": "http://attacker.example"}, served.cookie, 403),
        ({}, served.cookie, 403),  # no Origin: not the page's own script
        (origin(served), {}, 401),
        (origin(served), {f"glutetui_token_{served.port}": "x" * 32}, 401),
    ]:
        client.cookie_jar.clear()
        client.cookie_jar.update_cookies(cookies)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(url, headers=headers)
        assert refused.value.status == expected, (headers, cookies)
    assert served.app_pids() == []  # no refused connection started an app


async def test_a_tab_runs_the_app_and_the_cap_refuses_one_more(
    served_one: Served, client: aiohttp.ClientSession
) -> None:
    served = served_one
    client.cookie_jar.update_cookies(served.cookie)
    url = served.base.replace("http", "ws") + "/ws?width=80&height=24"
    async with client.ws_connect(url, headers=origin(served)) as ws:
        tab = Tab(ws)
        await tab.wait_for_text("Library")
        await tab.wait_for_text("Clamshell")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(url, headers=origin(served))
        assert refused.value.status == 503
        assert len(served.app_pids()) == 1


async def test_closing_the_tab_ends_the_app_with_the_set_saved(
    served: Served, client: aiohttp.ClientSession
) -> None:
    client.cookie_jar.update_cookies(served.cookie)
    url = served.base.replace("http", "ws") + "/ws?width=80&height=24"
    async with client.ws_connect(url, headers=origin(served)) as ws:
        tab = Tab(ws)
        await tab.wait_for_text("Barbell hip thrust")
        [pid] = served.app_pids()
        await tab.type("s")
        await tab.wait_for_text("Plan a session")
        await tab.type("g")
        await tab.wait_for_text("Set 1 of 3")
        await tab.type("\r")
        await tab.wait_for_text("Saved 1 set.")
    assert gone([pid]), "the app outlived its tab"
    assert len(read_session(served.config_dir).get("sets", [])) == 1
    # The next tab offers to resume, as the next terminal login would.
    async with client.ws_connect(url, headers=origin(served)) as ws:
        await Tab(ws).wait_for_text("unfinished")


def run_serve(config_dir: Path, *args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    prelude = code or "pass"
    script = (
        f"import sys; {prelude}\nfrom glutetui.cli import main\n"
        f"sys.exit(main(['--config-dir', {str(config_dir)!r}, 'serve', *{list(args)!r}]))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )


def test_another_address_than_loopback_needs_a_chosen_token(tmp_path: Path) -> None:
    done = run_serve(tmp_path, "--host", "0.0.0.0")
    assert done.returncode == 1
    assert "--token" in done.stderr and "Traceback" not in done.stderr
    short = run_serve(tmp_path, "--token", "short")
    assert short.returncode == 1 and "16 characters" in short.stderr


def test_without_the_web_extra_it_says_how_to_install_it(tmp_path: Path) -> None:
    # None in sys.modules makes the import fail as if textual-serve were not installed.
    done = run_serve(tmp_path, code="sys.modules['textual_serve'] = None")
    assert done.returncode == 1
    assert "pip install 'glutetui[web]'" in done.stderr
    assert "Traceback" not in done.stderr
