"""What every dialog shares: it is modal, centred, and styled in ``dialogs.tcss``."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal dialog returning a ``ResultT`` with ``dismiss``.

    Put the content in a container with the ``dialog`` class; ``dialog-title`` and
    ``dialog-hint`` style a title and a line of keys. Every dialog's styles are in
    ``dialogs.tcss`` beside this module (read once, the first time any dialog opens).
    """

    CSS_PATH = "dialogs.tcss"
