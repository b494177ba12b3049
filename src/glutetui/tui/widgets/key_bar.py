"""KeyBar: the footer line of keys, drawn as one line of text.

Textual's Footer mounts a widget per key and rebuilds them all whenever the active bindings
change, which happens several times while a screen settles; on glutetui's library that was a
quarter of the time to first paint. KeyBar reads the same public state
(``Screen.active_bindings``, ``Screen.bindings_updated_signal``) and redraws one line instead.
Clicking a key runs its action, as with Footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

SEPARATOR = "  "


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
        """The keys, grouped by action (``r,enter`` shows once), then the palette key."""
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        spans: list[tuple[int, int, str, DOMNode]] = []
        seen: set[str] = set()
        entries = [
            entry for key, entry in active.items() if entry.binding.show and key != palette_key
        ]
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            entries.append(active[palette_key])
        for node, binding, enabled, _tooltip in entries:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            if text:
                text.append(SEPARATOR)
            start = len(text)
            text.append(
                f" {self.app.get_key_display(binding)} ", key_style if enabled else disabled_style
            )
            text.append(f" {binding.description}", description_style if enabled else disabled_style)
            if enabled:
                spans.append((start, len(text), binding.action, node))
        self._spans = spans
        return text

    async def on_click(self, event: events.Click) -> None:
        """Run the action of the key under the pointer."""
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(action, node)
                return
