"""KeyBar: the footer line of keys, drawn as one line of text.

Textual's Footer mounts a widget per key and rebuilds them all whenever the active bindings
change, which happens several times while a screen settles; on glutetui's library that was a
quarter of the time to first paint. KeyBar reads the same public state
(``Screen.active_bindings``, ``Screen.bindings_updated_signal``) and redraws one line instead.
Clicking a key runs its action, as with Footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.dom import DOMNode
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

SEPARATOR = "  "

KEPT_ACTIONS = frozenset(
    {"app.help", "help", "switch_pane", "app.back_to_session", "back_to_session", "go"}
)
"""Never dropped from a full footer: help lists every key, so none is out of reach; the way
back to a running session must never vanish; a narrow screen's pane switch is the way to half
of it; and the plan's go is what the plan is for (at 40 columns it lost its place to quit)."""

LAST_DROPPED = frozenset({"app.quit", "quit"})
"""Dropped only once every other droppable key is gone: it is where people look for quit."""


class Entry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    description: str
    enabled: bool
    action: str
    node: DOMNode
    keep: bool


def _width(entries: list[Entry], padded: bool) -> int:
    pad = 2 if padded else 0
    return sum(len(e.key) + pad + 1 + len(e.description) for e in entries) + len(SEPARATOR) * max(
        0, len(entries) - 1
    )


class KeyBar(Widget):
    """One line showing each active binding's key and description, and the palette key."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--disabled",
    }

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._spans: list[tuple[int, int, str, DOMNode]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        """The keys, grouped by action (``r,enter`` shows once), then the palette key.

        Cut to whole entries, never mid-label: when the line is too long the keys lose their
        padding, then the last keys go (the screen's own come first, so the app's go first);
        the help key and the palette key always stay, and help lists every key.
        """
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        entries: list[Entry] = []
        seen: set[str] = set()
        chosen = [
            entry for key, entry in active.items() if entry.binding.show and key != palette_key
        ]
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            chosen.append(active[palette_key])
        for node, binding, enabled, _tooltip in chosen:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keep = binding.action in KEPT_ACTIONS or binding.key == palette_key
            entries.append(
                Entry(
                    self.app.get_key_display(binding),
                    binding.description,
                    enabled,
                    binding.action,
                    node,
                    keep,
                )
            )
        width = self.size.width or 80
        for padded in (True, False):
            if _width(entries, padded) <= width:
                return self._draw(entries, padded)
        while len(entries) > 1 and _width(entries, False) > width:
            droppable = [i for i, e in enumerate(entries) if not e.keep]
            if not droppable:
                break
            first_choice = [i for i in droppable if entries[i].action not in LAST_DROPPED]
            del entries[(first_choice or droppable)[-1]]
        return self._draw(entries, False)

    def _draw(self, entries: list[Entry], padded: bool) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str, DOMNode]] = []
        pad = " " if padded else ""
        for entry in entries:
            if text:
                text.append(SEPARATOR)
            start = len(text)
            text.append(f"{pad}{entry.key}{pad}", key_style if entry.enabled else disabled_style)
            text.append(
                f" {entry.description}", description_style if entry.enabled else disabled_style
            )
            if entry.enabled:
                spans.append((start, len(text), entry.action, entry.node))
        self._spans = spans
        return text

    async def on_click(self, event: events.Click) -> None:
        """Run the action of the key under the pointer."""
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(action, node)
                return
