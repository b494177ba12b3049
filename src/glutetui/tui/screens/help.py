"""Help: every key of the screen underneath, then the keys that work everywhere.

Read from the bindings themselves (the screen's ``active_bindings``, which a keymap in the
settings has already applied), never from a hand-kept list, so it cannot drift from what the
keys do. Keys without a description are Textual's plumbing and are left out.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar


def key_rows(screen: Screen[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(this screen's keys, global keys)`` as ``(keys, description)``, keys of one action
    joined (``r, enter``); a key shows under the one binding that answers it. A focused
    widget's keys show only when glutetui gave them an id: Textual's own moves (up, page
    down ...) are the same in every list."""
    here: dict[str, tuple[list[str], str]] = {}
    everywhere: dict[str, tuple[list[str], str]] = {}
    app = screen.app
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        if active.node is not screen and active.node is not app and binding.id is None:
            continue  # a widget's own moves (up, page down ...), the same in every list
        group = everywhere if active.node is app else here
        keys, _ = group.setdefault(f"{id(active.node)}:{binding.action}", ([], binding.description))
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return (
        [(", ".join(keys), text) for keys, text in here.values()],
        [(", ".join(keys), text) for keys, text in everywhere.values()],
    )


def help_text(screen: Screen[Any]) -> Text:
    """The keys laid out as two short lists; plain text (descriptions are never markup)."""
    here, everywhere = key_rows(screen)
    text = Text(no_wrap=False)
    name = screen.title or type(screen).__name__
    for heading, rows in ((f"Keys on {name}", here), ("Keys everywhere", everywhere)):
        text.append(f"{heading}\n", style="bold")
        width = max((len(keys) for keys, _ in rows), default=0)
        for keys, description in rows or [("", "(none)")]:
            text.append(f"  {keys:<{width}}  ", style="bold")
            text.append(f"{description}\n")
        text.append("\n")
    text.append("ctrl+p opens the command palette: every action by name.")
    return text


class HelpScreen(Screen[None]):
    """Every key of ``screen`` and the global ones; escape (or ?) goes back."""

    TITLE = "Help"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "app.pop_screen", "Back", id="help-back"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._text = help_text(screen)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="help-scroll"):
            yield Static(self._text, id="help-text")
        yield KeyBar()

    def on_mount(self) -> None:
        # Focus the text so the arrow keys and page keys scroll it.
        self.query_one("#help-scroll").focus()
