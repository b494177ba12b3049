"""``glutetui serve``: the app in a browser tab (the optional extra ``glutetui[web]``)."""

from __future__ import annotations

import os

from glutetui.errors import GlutetuiError

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    import argparse

    from glutetui.paths import Paths

TOKEN_ENV = "GLUTETUI_SERVE_TOKEN"
INSTALL_HINT = "pip install 'glutetui[web]'"


class WebExtraMissing(GlutetuiError):
    """textual-serve (the ``web`` extra) is not installed."""


def configure_serve(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui serve``."""
    p.description = (
        "Serve the app to a browser tab on this machine. Every tab runs its own glutetui as you, "
        "with your log, so the server listens on 127.0.0.1 only, asks for a token (made up and "
        "printed in the address unless you choose one), accepts connections only from its own "
        f"page, and runs at most --max-sessions apps at once. Needs: {INSTALL_HINT}."
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--token",
        default=None,
        help=f"the token a browser must present (default: ${TOKEN_ENV}, else a new random one); "
        "required to listen on any address but loopback",
    )
    p.add_argument(
        "--max-sessions",
        type=int,
        default=None,
        metavar="N",
        help="how many tabs may run the app at once (default: 3)",
    )
    p.add_argument(
        "--public-url",
        default=None,
        metavar="URL",
        help="the address people open when a reverse proxy (HTTPS) sits in front",
    )
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui serve``: check the options, then serve until Ctrl+C."""
    paths.check()
    try:
        from glutetui import webserve
    except ImportError as exc:
        raise WebExtraMissing(
            f"serving to a browser needs textual-serve, which is not installed ({exc.name} is "
            f"missing); install it with: {INSTALL_HINT}"
        ) from exc
    chosen = args.token or os.environ.get(TOKEN_ENV) or None
    options = webserve.ServeOptions(
        host=args.host,
        port=args.port,
        token=chosen or webserve.new_token(),
        token_chosen=chosen is not None,
        max_sessions=args.max_sessions or webserve.DEFAULT_MAX_SESSIONS,
        command=webserve.app_command(str(paths.config_dir)),
        public_url=args.public_url,
    )
    webserve.serve(options)
    return 0
