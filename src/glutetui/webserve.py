"""``glutetui serve``: the app in a browser tab, through textual-serve, made safe to leave running.

textual-serve on its own has no authentication and no Origin check, and every websocket that
connects starts a process as the serving user: any page the person visits could drive their
glutetui through the loopback port (cross-site websocket hijacking), and anyone who can reach
the port could read and write their health log. So the server here

- binds to loopback by default and refuses any other address unless a token was chosen;
- always requires a token: a random one is made when none is given, and the address printed at
  start carries it once; the page then keeps it in an HttpOnly, SameSite=Strict cookie and
  redirects to an address without it, so it does not linger in history or referrers;
- accepts requests only for the host names it serves (a DNS-rebinding page has another name);
- accepts a websocket only from a page of its own origin;
- caps how many app processes run at once;
- ends each app process when its tab closes: first the app's own quit (it has saved every set
  already), then SIGTERM (the app saves and exits), then SIGKILL as a last resort.

Only this module and textual-serve import aiohttp; textual is imported by the app processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import logging
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from glutetui.errors import GlutetuiError

log = logging.getLogger("glutetui.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

DEFAULT_MAX_SESSIONS = 3
QUIT_GRACE = 5.0
"""Seconds an app gets to quit on its own, and then to act on SIGTERM, before the next step."""
TOKEN_BYTES = 24
WILDCARDS = frozenset({"0.0.0.0", "::", "[::]", ""})


class ServeError(GlutetuiError):
    """The server cannot start with the options given."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A random token for one run of the server."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True)
class Gate:
    """Who may reach the served app: the checks, free of any web framework so they test plainly."""

    token: str
    hosts: frozenset[str]
    """``Host`` header values accepted (name:port, lower case)."""
    origins: frozenset[str]
    """``Origin`` header values accepted for the websocket (scheme://name:port)."""

    @classmethod
    def for_address(cls, host: str, port: int, token: str, public_url: str | None = None) -> Gate:
        """The gate of a server bound to ``host``:``port`` (and reached at ``public_url``, if set)."""
        names = {host.lower()}
        if is_loopback(host):
            names |= {"localhost", "127.0.0.1", "[::1]"}
        if ":" in host and not host.startswith("["):
            names.add(f"[{host.lower()}]")
        hosts = {f"{name}:{port}" for name in names}
        origins = {f"http://{h}" for h in hosts}
        if public_url:
            parts = urlsplit(public_url)
            if parts.scheme and parts.netloc:
                hosts.add(parts.netloc.lower())
                origins.add(f"{parts.scheme}://{parts.netloc}".lower())
        return cls(token=token, hosts=frozenset(hosts), origins=frozenset(origins))

    def token_ok(self, presented: str | None) -> bool:
        """Whether ``presented`` is the token (compared in constant time)."""
        return presented is not None and hmac.compare_digest(
            presented.encode("utf-8", "surrogateescape"), self.token.encode()
        )

    def host_ok(self, host: str | None) -> bool:
        """Whether a request's ``Host`` header names this server."""
        return host is not None and host.lower() in self.hosts

    def origin_ok(self, origin: str | None) -> bool:
        """Whether a websocket's ``Origin`` is a page of this server (browsers always send one)."""
        return origin is not None and origin.lower() in self.origins


@dataclass(frozen=True)
class ServeOptions:
    """What ``glutetui serve`` was asked for, checked."""

    host: str
    port: int
    token: str
    token_chosen: bool
    """False when the token was made up for this run (then it is printed in the address)."""
    max_sessions: int
    command: str
    public_url: str | None = None

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.token_chosen:
            raise ServeError(
                f"refusing to serve on {self.host}, which other machines can reach, without a "
                "token of your choosing: every visitor would get your log; pass --token (or set "
                "GLUTETUI_SERVE_TOKEN), and put the server behind HTTPS"
            )
        if self.host in WILDCARDS and not self.public_url:
            raise ServeError(
                f"listening on every address ({self.host}) needs --public-url, the address people "
                "open (https://…): requests naming any other host are refused"
            )
        if not 1 <= self.port <= 65535:
            raise ServeError(f"port {self.port} is not between 1 and 65535")
        if self.max_sessions < 1:
            raise ServeError("--max-sessions must be at least 1")
        if len(self.token) < 16:
            raise ServeError("the token must be at least 16 characters long")

    @property
    def address(self) -> str:
        """Where the page is served (without the token)."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}"


def app_command(config_dir: str) -> str:
    """The shell command textual-serve runs for each tab: this interpreter's glutetui."""
    # `exec`: textual-serve runs it through a shell, and signals must reach glutetui itself.
    return "exec " + shlex.join([sys.executable, "-m", "glutetui", "--config-dir", config_dir])


class GuardedServer(Server):
    """textual-serve's server behind a :class:`Gate`, with a cap and a sure end for each app."""

    def __init__(self, options: ServeOptions) -> None:
        super().__init__(
            options.command,
            host=options.host,
            port=options.port,
            title="glutetui",
            public_url=options.address,
        )
        self.options = options
        self.gate = Gate.for_address(options.host, options.port, options.token, options.public_url)
        self.cookie = f"glutetui_token_{options.port}"
        self.open_tabs = 0

    def initialize_logging(self) -> None:
        """Plain log lines on stderr: the server's own banner is replaced by :meth:`on_startup`."""
        logging.basicConfig(level=logging.INFO, format="glutetui serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve prints a banner here, before the port is even open."""

    def announce(self, _message: str = "") -> None:
        """Say where to go, once the port is open; the token is shown only when made up here."""
        shown = self.options.address + "/"
        if not self.options.token_chosen:
            shown += f"?token={self.options.token}"
        sys.stdout.write(
            f"glutetui serve: open {shown}\n"
            f"glutetui serve: at most {self.options.max_sessions} tab(s) at once; Ctrl+C stops\n"
        )
        sys.stdout.flush()

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM (textual-serve's loop, announcing once listening)."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.options.host,
            port=self.options.port,
            handle_signals=False,
            loop=loop,
            print=self.announce,
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    def _presented_token(self, request: web.Request) -> str | None:
        return request.cookies.get(self.cookie) or request.query.get("token")

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.gate.host_ok(request.headers.get("Host")):
            # A page on another name resolving here (DNS rebinding) or a stray proxy.
            raise web.HTTPMisdirectedRequest(text="glutetui serve: unknown host name\n")
        if request.path.startswith("/static/"):
            return await handler(request)  # the page's script and fonts: nothing of the user's
        if not self.gate.token_ok(self._presented_token(request)):
            raise web.HTTPUnauthorized(
                text="glutetui serve: open the address `glutetui serve` printed; it carries the token.\n"
            )
        if request.path == "/" and "token" in request.query:
            # Keep the token in a cookie, out of the address bar, history and referrers.
            response = web.HTTPFound("/")
            response.set_cookie(
                self.cookie,
                self.options.token,
                httponly=True,
                samesite="Strict",
                secure=(self.options.public_url or "").startswith("https:"),
            )
            return response
        return await handler(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: check its origin and the cap, run the app, and make sure the app ends."""
        if not self.gate.origin_ok(request.headers.get("Origin")):
            raise web.HTTPForbidden(text="glutetui serve: websocket from a foreign page refused\n")
        if self.open_tabs >= self.options.max_sessions:
            raise web.HTTPServiceUnavailable(
                text=f"glutetui serve: {self.options.max_sessions} tab(s) already open; close one first\n"
            )
        width = _clamp(request.query.get("width"), 80, 10, 500)
        height = _clamp(request.query.get("height"), 24, 4, 300)
        websocket = web.WebSocketResponse(heartbeat=15)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=False,
        )
        self.open_tabs += 1  # before any await, so two upgrades at once cannot both pass the cap
        try:
            await websocket.prepare(request)
            await service.start(width, height)
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError, AssertionError):
                # A malformed message from the page ends that tab, never the server.
                await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionResetError):
            pass
        finally:
            await end_app(service)
            self.open_tabs -= 1
            await websocket.close()
        return websocket


def _clamp(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        number = default
    return max(low, min(high, number))


async def end_app(service: AppService, grace: float = QUIT_GRACE) -> None:
    """End one tab's app: ask it to quit, then SIGTERM (it saves and exits), then SIGKILL."""
    process = service._process  # textual-serve keeps no public handle on its child
    with contextlib.suppress(TimeoutError, ConnectionResetError, BrokenPipeError):
        await asyncio.wait_for(asyncio.shield(service.stop()), grace)
    if process is None or process.returncode is not None:
        return
    for sent in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(sent)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), grace)
            return
    log.warning("app process %s did not end", process.pid)


def serve(options: ServeOptions) -> None:
    """Run the server until Ctrl+C or SIGTERM."""
    GuardedServer(options).serve()
