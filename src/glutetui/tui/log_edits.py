"""The log screen's two edits, a session's note and moving it to the trash, made safe for a
session that is still running.

A session running in this app is edited through its own screen's recorder, so its next set
keeps the new note instead of writing the old one back; it is not deleted while it runs. A
session open in another glutetui (:mod:`glutetui.workout.lease`) is left alone, and the person
is told where it is open. Anything else is the file's own business: read, changed, written.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from glutetui.log import StoreError
from glutetui.text import neutralise
from glutetui.tui.format import when
from glutetui.workout.lease import holder_of, lease_path

if TYPE_CHECKING:
    from glutetui.tui.screens.log import LogScreen
    from glutetui.tui.screens.session import SessionScreen


def running_here(screen: LogScreen, session_id: str) -> SessionScreen | None:
    """The session screen of this app running ``session_id``, if it is running here."""
    if "glutetui.tui.screens.session" not in sys.modules:
        return None  # no session was opened in this app
    from glutetui.tui.session_mode import running_session

    running = running_session(screen.glute_app)
    return running if running is not None and running.runner.session.id == session_id else None


def open_elsewhere(screen: LogScreen, session_id: str) -> str | None:
    """Where ``session_id`` is open in another glutetui, if it is (to say why not)."""
    holder = holder_of(lease_path(screen.store.logs_dir, session_id))
    if holder is None or holder.is_this_process:
        return None
    return holder.describe()


def edit_note(screen: LogScreen, session_id: str) -> None:
    """Ask for the session's new note, then save it (see :func:`save_note`)."""
    from glutetui.tui.dialogs import NoteEditDialog

    running = running_here(screen, session_id)
    session = running.runner.session if running is not None else screen.load(session_id)
    if session is None:
        return
    screen.app.push_screen(
        NoteEditDialog(session.note, when(session.started_at)),
        partial(save_note, screen, session_id),
    )


def save_note(screen: LogScreen, session_id: str, note: str | None) -> None:
    """Save ``note`` as the session's note: through its running screen if it runs here."""
    if note is None or session_id not in screen.pages.rows:
        return
    running = running_here(screen, session_id)
    if running is not None:
        running.runner.session = replace(running.runner.session, note=note)
        if running.save():  # the recorder's own save: its next set keeps the note
            screen.show_note(running.runner.session)
            screen.notify("Note saved.")
        else:
            screen.notify(
                "The note is kept with the running session, which could not be saved just now: "
                "see the session screen.",
                severity="warning",
            )
        return
    where = open_elsewhere(screen, session_id)
    if where is not None:
        screen.notify(
            f"Not changed: this session is {where}. Change its note there, or here once it is "
            "finished.",
            severity="warning",
            markup=False,
        )
        return
    # The file as it is now, not as it was when the dialog opened.
    session = screen.load(session_id)
    if session is None or note == session.note:
        return
    updated = replace(session, note=note)
    try:
        screen.store.save(updated)
    except StoreError as exc:
        screen.notify(f"The note was not saved: {neutralise(exc)}", severity="error", markup=False)
        return
    screen.show_note(updated)
    screen.notify("Note saved.")


def busy(screen: LogScreen, session_id: str) -> bool:
    """Whether ``session_id`` is running (here or elsewhere), saying so: not to be deleted."""
    if running_here(screen, session_id) is not None:
        screen.notify(
            "This session is running: finish it first (f on the session screen); then it can "
            "be deleted.",
            severity="warning",
        )
        return True
    where = open_elsewhere(screen, session_id)
    if where is not None:
        screen.notify(
            f"Not deleted: this session is {where}. Delete it once it is finished there.",
            severity="warning",
            markup=False,
        )
        return True
    return False


def confirm_delete(screen: LogScreen, session_id: str) -> None:
    """Ask, then move the session to the trash (unless it is running)."""
    from glutetui.tui.dialogs import ConfirmDialog

    row = screen.pages.rows.get(session_id)
    if row is None or busy(screen, session_id):
        return
    screen.app.push_screen(
        ConfirmDialog(
            "Delete this session?",
            f"{when(row.started_at)}: {row.worked} exercises, {row.sets} sets\n\n"
            "It moves to the trash folder in your config dir; nothing is erased.",
            yes_label="Move to trash",
            no_label="Keep it",
        ),
        partial(delete, screen, session_id),
    )


def delete(screen: LogScreen, session_id: str, confirmed: bool | None) -> None:
    """Move the session to the trash once confirmed (and if nothing started running it)."""
    if not confirmed or session_id not in screen.pages.rows or busy(screen, session_id):
        return
    try:
        moved_to = screen.store.delete(session_id)
    except StoreError as exc:
        screen.notify(
            f"The session was not deleted: {neutralise(exc)}", severity="error", markup=False
        )
        return
    screen.drop_row(session_id)
    screen.notify(
        f"Moved to the trash: {moved_to}\nMove it back to logs/ to restore it.",
        title="Session deleted",
        markup=False,
    )
