"""The question after a save was refused so as not to overwrite another owner's work.

Asked by :func:`glutetui.tui.session_owner.offer_save_apart`: keep the sets as a new session,
or in memory for now. A yes/no question, so it is :class:`ConfirmDialog`; its own class lets
the screen tell that the question is already open.
"""

from __future__ import annotations

from glutetui.tui.dialogs.confirm import ConfirmDialog


class SaveApartDialog(ConfirmDialog):
    """Save the session's sets as a new session (yes) or keep them in memory (no)."""
