"""The next-morning question, as a small panel at the foot of the screen that never blocks it.

Type the pain now (0–10), then choose better, same or worse. *Skip* records that the question
was skipped (it is not asked again about that session); *Later* closes the panel, and the
palette's ``log: morning check-in`` brings it back.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label

from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn, Compared
from glutetui.coach.zones import describe_pain
from glutetui.tui.base import glute_app

ANSWERS: tuple[Compared, ...] = ("better", "same", "worse")


class CheckInPanel(Vertical):
    """Asks how the hip feels this morning; records the answer as a check-in file."""

    class Done(Message):
        """The panel closed: ``checkin`` is what was recorded (``None`` for *Later*)."""

        def __init__(self, checkin: CheckIn | None) -> None:
            super().__init__()
            self.checkin = checkin

    def __init__(self, follows: str | None) -> None:
        super().__init__(id="checkin-panel")
        self.follows = follows

    def compose(self) -> ComposeResult:
        yield Label(checkins.QUESTION, classes="checkin-question")
        with Horizontal(classes="checkin-row"):
            yield Input(
                placeholder="pain 0–10",
                id="checkin-pain",
                restrict=r"[0-9]{0,2}",
                max_length=2,
                compact=True,
            )
            for answer in ANSWERS:
                yield Button(answer.capitalize(), id=f"checkin-{answer}", compact=True)
        with Horizontal(classes="checkin-row"):
            yield Button("Skip", id="checkin-skip", compact=True)
            yield Button("Later", id="checkin-later", compact=True)
            yield Label(
                "Skip: stop asking. Later: the palette.",
                classes="checkin-hint",
            )

    def _pain(self) -> int | None:
        text = self.query_one("#checkin-pain", Input).value.strip()
        return int(text) if text.isdigit() and 0 <= int(text) <= checkins.MAX_PAIN else None

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = (event.button.id or "").removeprefix("checkin-")
        if choice == "later":
            self._close(None)
            return
        app = glute_app(self.app)
        now = app.clock.now()
        if choice == "skip":
            record = CheckIn(now, None, None, follows=self.follows, skipped=True)
        else:
            pain = self._pain()
            if pain is None:
                self.app.notify("Type the pain now, 0 to 10, first.", severity="warning")
                self.query_one("#checkin-pain", Input).focus()
                return
            compared: Compared = (
                "better" if choice == "better" else "worse" if choice == "worse" else "same"
            )
            record = CheckIn(now, pain, compared, follows=self.follows)
        try:
            checkins.save(app.paths, record)
        except OSError as exc:
            self.app.notify(
                f"The check-in could not be saved ({exc.strerror}); try again later.",
                severity="error",
            )
            return
        if record.pain is not None:
            said = describe_pain(record.pain, app.settings)
            self.app.notify(f"Recorded: {said}, {record.compared}. Thank you.")
        self._close(record)

    def _close(self, record: CheckIn | None) -> None:
        self.post_message(self.Done(record))
        self.remove()
