"""How the session screen saves, and how it is left without losing a set.

Every entry is saved at once through the screen's :class:`~glutetui.workout.recorder.Recorder`.
A save that fails says where and why, keeps the sets in memory and lets ``r`` (or the next
entry) try again; a refusal to write over someone else's work goes to
:func:`~glutetui.tui.session_owner.offer_save_apart`. Leaving an unsaved session retries first
and asks before anything is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Label

from glutetui.log import StoreError
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.format import sets_count
from glutetui.tui.session_owner import offer_save_apart
from glutetui.workout.lease import SessionClaimError

if TYPE_CHECKING:
    from glutetui.tui.screens.session import SessionScreen


def save_session(screen: SessionScreen) -> bool:
    """Write the screen's session; on failure keep it in memory, say where and why, carry on."""
    session = screen.runner.session
    status = screen.query_one("#save-status", Label)
    try:
        saved = screen.recorder.save(session)
    except StoreError as exc:
        screen.unsaved = True
        where = getattr(exc, "path", screen.store.logs_dir)
        reason = getattr(exc, "reason", str(exc))
        screen.save_problem = f"{where}: {reason}"
        status.update(f"NOT SAVED to {where}: {reason}. Your sets are kept; r retries.")
        status.add_class("-error")
        if isinstance(exc, SessionClaimError):  # not a passing fault: retrying cannot help
            offer_save_apart(screen, exc)
        else:
            screen.notify(
                f"{where}: {reason}\nYour sets are kept in memory; press r to retry.",
                title="Could not save the session",
                severity="error",
                timeout=20,
                markup=False,
            )
        screen.refresh_bindings()
        return False
    if screen.unsaved:
        screen.notify(f"Saved to {saved.path}.", title="Saved again")
    screen.unsaved = False
    status.update(f"Saved {sets_count(session.sets)}.")
    status.remove_class("-error")
    screen.refresh_bindings()
    for failure in saved.new_failures:
        screen.notify(str(failure), title="Plugin problem", severity="warning", markup=False)
    return True


def leave_safely(screen: SessionScreen, then: Callable[[], object]) -> None:
    """Call ``then`` (which drops the screen's session) once no unsaved set would be lost.

    If the session is unsaved the save is retried first; if it fails again the person is asked
    and ``then`` runs only on an explicit yes.
    """
    if not screen.unsaved or screen.save():
        then()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            then()

    screen.app.push_screen(
        ConfirmDialog(
            "The session is NOT SAVED",
            f"Only in memory, {sets_count(screen.runner.session.sets)}: "
            f"{screen.save_problem}\nKeep them and r retries the save.",
            yes_label="Discard them",
            no_label="Keep them",
        ),
        answered,
    )
