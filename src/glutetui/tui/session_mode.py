"""The session mode's lifecycle: entering it, finding it, leaving it, and resuming into it.

A running session lives in its own Textual mode, so the library or the log can be opened in
the middle of it and the rest countdown keeps going. This module is the one place that adds,
switches to and removes that mode. It imports the session screen only once a session exists,
so the library, the palette and quitting can ask "is a session running?" without loading it.

At start-up, once the first screen is drawn, :func:`offer_resume` looks for a session left
unfinished (a dropped link, a kill, a closed terminal) and offers to resume it exactly where
it stopped, to keep it as it is (marked incomplete), or to decide later (it is offered again
next time). A session still open in another instance (an SSH login whose old process lives
on) is offered only to take over, after saying where it is open
(:mod:`glutetui.workout.lease`); resuming claims the session for this process first and reads
it again, so nothing the other instance saved before letting go is missed.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual.app import UnknownModeError

from glutetui.log import StoreError
from glutetui.workout.entries import RunnerError
from glutetui.workout.lease import Holder, SessionHeldError, holder_of, lease_path
from glutetui.workout.recorder import Recorder
from glutetui.workout.runner import Runner

if TYPE_CHECKING:
    from glutetui.log import LogStore
    from glutetui.model import Session
    from glutetui.tui.app import GluteApp
    from glutetui.tui.dialogs.resume import ResumeChoice
    from glutetui.tui.screens.session import SessionScreen

SESSION_MODE = "session"


def start_session(app: GluteApp, runner: Runner, recorder: Recorder | None = None) -> None:
    """Open ``runner`` in the session mode, replacing a finished session's screens.

    ``recorder`` is the owner of a resumed session (see :func:`offer_resume`); a new session
    gets one at its first save.
    """
    from glutetui.tui.screens.session import SessionScreen

    async def go() -> None:
        if app.current_mode == SESSION_MODE:
            await app.switch_mode(app.DEFAULT_MODE)
        _let_go(app)
        with contextlib.suppress(UnknownModeError):  # no earlier session: nothing to remove
            await app.remove_mode(SESSION_MODE)
        app.add_mode(SESSION_MODE, lambda: SessionScreen(runner, recorder=recorder))
        await app.switch_mode(SESSION_MODE)

    app.call_later(go)


async def close_session(app: GluteApp, *, discard: bool = False) -> None:
    """Back to the library; the session mode's screens are dropped once the switch is done.

    A session whose sets are not saved is not dropped silently: the save is retried and, if it
    fails again, the person is asked first (``discard=True`` skips that: they were asked).
    """
    screen = unsaved_session(app)
    if screen is not None and not discard:
        screen.leave_safely(lambda: app.call_later(close_session, app, discard=True))
        return
    await app.switch_mode(app.DEFAULT_MODE)

    async def drop() -> None:
        _let_go(app)
        with contextlib.suppress(UnknownModeError):
            await app.remove_mode(SESSION_MODE)

    # Later, not here: this may run inside a handler of one of the screens being removed.
    app.call_later(drop)


def _let_go(app: GluteApp) -> None:
    """The session's screen is being dropped: this app no longer runs it, so its lease goes
    (an unfinished one can then be resumed by the next glutetui at once)."""
    screen = session_screen(app)
    if screen is not None:
        screen.recorder.release()


def session_screen(app: GluteApp) -> SessionScreen | None:
    """The open session's screen, finished or not; ``None`` when no session was opened."""
    try:
        stack = app.get_screen_stack(SESSION_MODE)
    except KeyError:
        return None
    # Only now: a session mode exists, so its screen's module is loaded already.
    from glutetui.tui.screens.session import SessionScreen

    return next((screen for screen in stack if isinstance(screen, SessionScreen)), None)


def running_session(app: GluteApp) -> SessionScreen | None:
    """The screen of a session still in progress, if one is open (in any mode).

    A finished session whose final save failed counts as running: its sets are only in memory,
    so a new session must not replace it.
    """
    screen = session_screen(app)
    if screen is not None and (not screen.runner.finished or screen.unsaved):
        return screen
    return None


def unsaved_session(app: GluteApp) -> SessionScreen | None:
    """The open session's screen if its last save failed (its sets are only in memory)."""
    screen = session_screen(app)
    return screen if screen is not None and screen.unsaved else None


async def quit_safely(app: GluteApp) -> None:
    """Quit; if a session's last save failed, retry it and ask before losing its sets."""
    screen = unsaved_session(app)
    if screen is None:
        app.exit()
        return
    await app.switch_mode(SESSION_MODE)
    screen.leave_safely(app.exit)


# --------------------------------------------------------------------------- resuming


def offer_resume(app: GluteApp) -> None:
    """Offer the newest unfinished session, if there is one (call once the first screen shows).

    The log is read in a thread so that a long history never holds up the first keys.
    """
    store = app.store

    def find() -> None:
        try:
            unfinished = store.unfinished()
        except (StoreError, OSError) as exc:
            app.call_from_thread(
                app.notify, f"Could not look for unfinished sessions: {exc}", severity="warning"
            )
            return
        for session in unfinished:
            try:
                runner = _load_runner(app, store, session)
            except (StoreError, RunnerError, OSError) as exc:
                app.call_from_thread(
                    app.notify,
                    f"Session {session.id} cannot be resumed: {exc}",
                    severity="warning",
                    markup=False,
                )
                continue
            holder = holder_of(lease_path(store.logs_dir, session.id))
            app.call_from_thread(_ask, app, store, runner, holder)
            return

    app.run_worker(find, thread=True, name="find-unfinished-session", group="resume")


def _load_runner(app: GluteApp, store: LogStore, session: Session) -> Runner:
    # The full file, not the index's summary of it: resuming needs every field.
    full = store.load(session.id)
    return Runner.resume(
        full,
        app.catalog,
        app.clock,
        rest_seconds=app.settings.rest_seconds,
        switch_sides_seconds=app.settings.switch_sides_seconds,
    )


def _ask(app: GluteApp, store: LogStore, runner: Runner, holder: Holder | None) -> None:
    from glutetui.tui.dialogs.resume import ResumeDialog

    def chosen(choice: ResumeChoice | None) -> None:
        if choice in ("resume", "take-over"):
            _resume(app, store, runner.session.id, take_over=choice == "take-over")
        elif choice == "keep":
            _keep_incomplete(app, store, runner.session.id)

    app.push_screen(ResumeDialog(runner, holder), chosen)


def _claim(
    app: GluteApp, store: LogStore, session_id: str, *, take_over: bool
) -> tuple[Recorder, Runner] | None:
    """Own the session and build its runner from the file as it is now; ``None`` (and a
    notice saying why) if it cannot be had."""
    recorder = Recorder(store, app.plugin_result, app.clock)
    try:
        session = recorder.claim(session_id, take_over=take_over)
        runner = Runner.resume(
            session,
            app.catalog,
            app.clock,
            rest_seconds=app.settings.rest_seconds,
            switch_sides_seconds=app.settings.switch_sides_seconds,
        )
    except SessionHeldError as exc:  # someone opened it since the question was asked
        app.notify(f"{exc.reason}.", title="Not resumed", severity="warning", markup=False)
        return None
    except (StoreError, RunnerError) as exc:
        recorder.release()
        app.notify(str(exc), title="Not resumed", severity="warning", markup=False)
        return None
    return recorder, runner


def _resume(app: GluteApp, store: LogStore, session_id: str, *, take_over: bool) -> None:
    claimed = _claim(app, store, session_id, take_over=take_over)
    if claimed is not None:
        recorder, runner = claimed
        start_session(app, runner, recorder)


def _keep_incomplete(app: GluteApp, store: LogStore, session_id: str) -> None:
    """Save the session as it is, marked incomplete, and tell the plugins."""
    claimed = _claim(app, store, session_id, take_over=False)
    if claimed is None:
        return
    recorder, runner = claimed
    try:
        saved = recorder.save(runner.abandon())
    except StoreError as exc:
        recorder.release()
        app.notify(str(exc), title="Could not save", severity="error", markup=False)
        return
    for failure in saved.new_failures:
        app.notify(str(failure), title="Plugin problem", severity="warning", markup=False)
    app.notify("Kept as an incomplete session.", timeout=4)
