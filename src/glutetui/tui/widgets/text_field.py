"""A text box that never takes control characters.

A terminal hands a paste over as it is: a note copied from a web page or a chat can carry
escape sequences, a bell or a NUL, and Textual's ``Input`` keeps them, so they reached the log
and, through anything that showed the note raw, the terminal. Here they are removed as the
text arrives (:func:`glutetui.text.neutralise`), and a paste longer than the box allows keeps
what fits instead of being dropped whole.
"""

from __future__ import annotations

from textual.widgets import Input

from glutetui.text import neutralise


class TextField(Input):
    """``Input`` for free text that is saved (notes, names): no control characters get in."""

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` without its control characters, cut to the room left."""
        clean = neutralise(text)
        if self.max_length:
            clean = clean[: max(0, self.max_length - len(self.value))]
        super().insert_text_at_cursor(clean)

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace a stretch with ``text`` without its control characters."""
        super().replace(neutralise(text), start, end)
