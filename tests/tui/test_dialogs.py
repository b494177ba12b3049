"""The dialogs on their own: the one yes/no question, and typed access to the app's services."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, Label

from glutetui.tui.base import GluteScreen, glute_app
from glutetui.tui.dialogs import ConfirmDialog

from .support import screen_shown


class Asker(App[None]):
    """A bare app that asks one question and keeps the answers."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool | None] = []

    def compose(self) -> ComposeResult:
        yield Label("behind the dialog")

    def ask(self) -> None:
        self.push_screen(
            ConfirmDialog("Delete it?", "It goes to the trash.", "Move to trash", "Keep it"),
            self.answers.append,
        )


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        (("y",), True),
        (("n",), False),
        (("escape",), False),
        (("enter",), False),  # the safe button has the focus: a stray enter says no
        (("tab", "enter"), True),  # unless the person moved to yes first
    ],
)
async def test_only_y_or_the_yes_button_says_yes(keys: tuple[str, ...], answer: bool) -> None:
    app = Asker()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask()
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert isinstance(dialog.focused, Button) and dialog.focused.id == "no"
        buttons = [str(b.label) for b in dialog.query(Button)]
        assert buttons == ["Keep it (n)", "Move to trash (y)"]
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ConfirmDialog)


async def test_the_question_is_shown_as_typed() -> None:
    app = App[None]()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConfirmDialog("[b]Sure?[/b]", "/logs/[x].toml: No space left"))
        dialog = await screen_shown(pilot, ConfirmDialog)
        texts = [str(w.render()) for w in dialog.query(".dialog-title, .dialog-question")]
        assert texts == ["[b]Sure?[/b]", "/logs/[x].toml: No space left"]


async def test_screens_reach_the_app_services_only_inside_glutetui() -> None:
    app = App[None]()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GluteScreen[None]())
        screen = await screen_shown(pilot, GluteScreen)
        with pytest.raises(TypeError, match="GluteApp"):
            screen.store  # noqa: B018 (the property is what raises)
        with pytest.raises(TypeError, match="GluteApp"):
            glute_app(app)
