"""What a session screen does when its recorder refuses to write over someone else's work.

The recorder (:mod:`glutetui.workout.recorder`) refuses a save when another instance took the
session over, or when the session's file changed behind the screen's back (a hand edit, another
program). The sets stay in memory; this module says so calmly and offers to keep them as a new
session, leaving the other file as it is. A hang-up cannot ask: :func:`last_save` then keeps the
sets as a new session by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.log import StoreError
from glutetui.text import neutralise
from glutetui.tui.dialogs.save_apart import SaveApartDialog
from glutetui.tui.format import sets_count
from glutetui.workout.lease import SessionClaimError, SessionHeldError, SessionTakenOverError

if TYPE_CHECKING:
    from glutetui.tui.screens.session import SessionScreen


def title_for(problem: SessionClaimError) -> str:
    """The refusal in a few words."""
    if isinstance(problem, SessionTakenOverError):
        return "Another glutetui took this session over"
    if isinstance(problem, SessionHeldError):
        return "This session is open in another glutetui"
    return "The session's file changed behind this screen"


def offer_save_apart(screen: SessionScreen, problem: SessionClaimError) -> None:
    """Tell the person why nothing was written and offer to save the sets as a new session.

    Asked once at a time: while the question is open, further refusals only update the status.
    """
    if isinstance(screen.app.screen, SaveApartDialog):
        return
    count = sets_count(screen.runner.session.sets)
    question = (
        f"{neutralise(problem.reason)}.\n\n"
        f"Nothing was written over it. This screen keeps its {count}: save "
        "them as a new session (the other file stays as it is), or keep them in memory for "
        "now (r asks again)."
    )

    def answered(yes: bool | None) -> None:
        if yes:
            save_apart(screen)

    screen.app.push_screen(
        SaveApartDialog(
            title_for(problem), question, yes_label="Save as new", no_label="Keep in memory"
        ),
        answered,
    )


def save_apart(screen: SessionScreen) -> None:
    """Go on with the screen's session under a new id, and save it."""
    screen.runner.session = screen.recorder.set_apart(screen.runner.session)
    if screen.save():
        path = screen.store.path_for(screen.runner.session.id)
        screen.notify(f"Saved as a new session: {path}", title="Saved", markup=False)


def last_save(screen: SessionScreen) -> bool:
    """The last save before exiting (a hang-up, a termination), from any thread: no widgets.

    A refused save cannot ask anyone now, so the sets are kept as a new session. Returns
    whether the sets are saved; when not (the disk is still full, say) there is nothing more
    to do: the process is ending.
    """
    recorder = screen.recorder
    session = screen.runner.session
    try:
        try:
            recorder.save(session)
        except SessionClaimError:
            session, _ = recorder.save_apart(session)
            screen.runner.session = session
    except StoreError:
        return False
    screen.unsaved = False
    return True
