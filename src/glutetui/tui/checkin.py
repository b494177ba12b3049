"""When the app asks the next-morning question, and from where it can be answered later.

After the first frame, :func:`offer_checkin` looks in a thread whether a check-in is due
(:func:`glutetui.coach.checkins.due_checkin`); if so the library gets the small panel of
:mod:`glutetui.tui.widgets.checkin_panel` at its foot. Nothing of this delays the first paint,
and with ``coaching = false`` nothing is read at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.coach.checkins import due_checkin, read_all
from glutetui.log.errors import StoreError

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp
    from glutetui.tui.screens.today import TodayScreen


def offer_checkin(app: GluteApp, *, force: bool = False) -> None:
    """Show the check-in panel if one is due (``force``: whenever asked, from the palette)."""
    if not app.settings.coaching and not force:
        return
    store, paths, clock = app.store, app.paths, app.clock

    def find() -> None:
        try:
            rows = store.summaries(
                limit=1, where=lambda row: row.status != "in-progress" and row.sets > 0
            ).rows
        except (StoreError, OSError) as exc:
            app.call_from_thread(app.notify, f"Could not read the log: {exc}", severity="warning")
            return
        finished = [(row.id, row.started_at) for row in rows]
        if force:
            app.call_from_thread(
                show_checkin, app, finished[0][0] if finished else None, force=True
            )
            return
        due = due_checkin(finished, read_all(paths), clock.now())
        if due is not None:
            app.call_from_thread(show_checkin, app, due)

    app.run_worker(find, thread=True, name="find-due-checkin", group="checkin")


def prompt_on_today(screen: TodayScreen) -> None:
    """The Today screen's ``checkin_prompt``: its panel when a check-in is due (Today is
    opened first for someone following a programme, and again with ``t``)."""
    from glutetui.tui.base import glute_app

    offer_checkin(glute_app(screen.app))


def show_checkin(app: GluteApp, follows: str | None, *, force: bool = False) -> None:
    """Put the check-in panel at the foot of the first screen (library or Today), once.

    Found due while the person already moved on (a session started, the log opened), it waits
    for the next start or the palette: a question in the middle of a set would be in the way.
    """
    from glutetui.tui.screens.library import LibraryScreen
    from glutetui.tui.screens.today import TodayScreen
    from glutetui.tui.widgets.checkin_panel import CheckInPanel

    if not force and not isinstance(app.screen, LibraryScreen | TodayScreen):
        return
    if not app.screen.query(CheckInPanel):
        app.screen.mount(CheckInPanel(follows))
