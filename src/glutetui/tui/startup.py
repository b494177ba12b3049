"""What the app says once its first screen is drawn: problems, a welcome, a session to resume.

Run after the first frame (see :meth:`glutetui.tui.app.GluteApp.on_mount`): the library comes
first, then the settings and plugin problems found while loading, the one-time welcome, and
the look for an unfinished session (read in a thread, see
:func:`glutetui.tui.session_mode.offer_resume`) and whether the next-morning question is due
(:func:`glutetui.tui.checkin.offer_checkin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui import startgc
from glutetui.text import neutralise
from glutetui.tui.checkin import offer_checkin
from glutetui.tui.session_mode import offer_resume
from glutetui.tui.state import FIRST_RUN_NOTICE, load_state, save_state

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp

MAX_SETTINGS_LINES = 3
"""Settings problems named in their one toast; the settings screen shows every key."""

MAX_PROBLEM_NOTICES = 3
"""Plugin problems shown as toasts; the rest are counted and listed on the plugins screen."""


def after_first_frame(
    app: GluteApp, settings_notices: tuple[str, ...], *, checkin: bool = True
) -> None:
    """Say what went wrong while loading, welcome a first-time user, offer to resume, and
    (``checkin``: unless the first screen, Today, asks itself) offer a due check-in."""
    startgc.resume()
    for notice in app.paths.open_folders():
        app.notify(
            neutralise(notice), title="Privacy", severity="warning", timeout=20, markup=False
        )
    if settings_notices:
        # One toast for them all: a toast each stacked past the top of a small screen.
        shown = settings_notices[:MAX_SETTINGS_LINES]
        more = len(settings_notices) - len(shown)
        text = "\n".join(neutralise(n) for n in shown) + (f"\n… and {more} more." if more else "")
        app.notify(
            text + "\nPress , to open the settings.",
            title="Settings",
            severity="warning",
            timeout=15,
            markup=False,
        )
    problems = app.plugin_result.problems
    for name, reason in problems[:MAX_PROBLEM_NOTICES]:
        app.notify(
            f"{neutralise(name)}: {neutralise(reason)}\nPress p to see every plugin.",
            title="Plugin problem",
            severity="warning",
            timeout=15,
            markup=False,
        )
    if len(problems) > MAX_PROBLEM_NOTICES:
        app.notify(
            f"{len(problems) - MAX_PROBLEM_NOTICES} more plugin problem(s). Press p to see them.",
            title="Plugin problems",
            severity="warning",
            timeout=15,
        )
    welcome(app)
    offer_resume(app)
    if checkin:
        offer_checkin(app)


def welcome(app: GluteApp) -> None:
    """Point a first-time user at the about screen, once (remembered in ``state.toml``)."""
    state = load_state(app.paths.state_file)
    if state.get(FIRST_RUN_NOTICE):
        return
    # Short-lived: it sits over the exercise's text at 80x24.
    app.notify("New here? Press a for why and how to train safely, ? for the keys.", timeout=6)
    try:
        save_state(app.paths.state_file, {**state, FIRST_RUN_NOTICE: True})
    except OSError as exc:
        # Not worth interrupting anyone for: the only cost is seeing the welcome again.
        app.log.warning(f"could not record the first-run notice: {exc}")
