"""NumberPicker: a whole number picked with + / - or typed digits, drawn large.

Used for reps (one key to accept the default, a tap of + or - to adjust) and for pain 0–10.
It only ever holds a whole number inside its bounds (or "no answer" when allowed), so nothing
typed into it can reach the runner as nonsense; a refused key says why in a message.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Label


class NumberPicker(Widget, can_focus=True):
    """A bounded whole number: ``+``/``-`` (or up/down) step it, digits type it, backspace erases."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign,up,right", "step(1)", "+1", show=False),
        Binding("minus,underscore,down,left", "step(-1)", "-1", show=False),
        Binding("backspace", "erase", "Erase", show=False),
    ]

    value: reactive[int | None] = reactive(None)
    """The number, or ``None`` for no answer (only when ``allow_none``)."""

    class Changed(Message):
        """The value changed (by a key or by code)."""

        def __init__(self, picker: NumberPicker, value: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.value = value
            """The new value."""

        @property
        def control(self) -> NumberPicker:
            """The picker that changed."""
            return self.picker

    class Refused(Message):
        """A key was refused; ``reason`` says why in words fit to show."""

        def __init__(self, picker: NumberPicker, reason: str) -> None:
            super().__init__()
            self.picker = picker
            self.reason = reason
            """Why the key was refused."""

        @property
        def control(self) -> NumberPicker:
            """The picker that refused the key."""
            return self.picker

    def __init__(
        self,
        value: int | None,
        *,
        minimum: int = 0,
        maximum: int = 500,
        allow_none: bool = False,
        label: str = "",
        short_label: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.minimum = minimum
        self.maximum = maximum
        self.allow_none = allow_none
        self.label = label
        self.short_label = label if short_label is None else short_label
        """Shown before the number on one line, where the big digits do not fit."""
        self._fresh = True  # the next digit replaces the value instead of extending it
        self.set_reactive(NumberPicker.value, self._clamp(value))

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="picker-label")
        yield Digits(self._text(), classes="picker-digits")
        # The same number on one line, for screens too small for the big digits.
        yield Label(f"{self.short_label} {self._text()}", classes="picker-small")

    def _clamp(self, value: int | None) -> int | None:
        if value is None:
            return None if self.allow_none else self.minimum
        return max(self.minimum, min(self.maximum, value))

    def _text(self) -> str:
        return "-" if self.value is None else str(self.value)

    def set_value(self, value: int | None) -> None:
        """Set the value from code (the next typed digit starts a new number)."""
        self.value = self._clamp(value)
        self._fresh = True

    def watch_value(self, value: int | None) -> None:
        if self.is_mounted:
            self.query_one(Digits).update(self._text())
            self.query_one(".picker-small", Label).update(f"{self.short_label} {self._text()}")
        self.post_message(self.Changed(self, value))

    def on_focus(self) -> None:
        self._fresh = True

    def action_step(self, delta: int) -> None:
        """Add ``delta``, staying inside the bounds (from no answer, start at the minimum)."""
        self._fresh = False
        if self.value is None:
            self.value = self.minimum
            return
        new = self.value + delta
        if not self.minimum <= new <= self.maximum:
            self._refuse()
            return
        self.value = new

    def _refuse(self) -> None:
        self.post_message(
            self.Refused(
                self, f"{self.label or 'value'} goes from {self.minimum} to {self.maximum}"
            )
        )

    def action_erase(self) -> None:
        """Drop the last digit (down to the minimum, or to no answer when allowed)."""
        if self.value is None:
            return
        shorter = self.value // 10
        if shorter == 0 and self.value < 10:
            self.value = None if self.allow_none else self.minimum
        else:
            self.value = max(self.minimum, shorter)
        self._fresh = False

    def on_key(self, event: events.Key) -> None:
        """Digits type the number: the first replaces it, the next ones extend it."""
        if (
            event.character is None
            or not event.character.isascii()
            or not event.character.isdigit()
        ):
            return
        event.stop()
        event.prevent_default()
        digit = int(event.character)
        new = digit if self._fresh or self.value is None else self.value * 10 + digit
        if new > self.maximum:
            new = digit  # start over rather than refuse: "1" "2" "5" "0" on a 0-500 picker
            if new > self.maximum:
                self._refuse()
                return
        if new < self.minimum:
            self._refuse()
            return
        self.value = new
        self._fresh = False
