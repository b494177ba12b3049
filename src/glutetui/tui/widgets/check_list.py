"""CheckList: a SelectionList whose boxes say ``[x]`` or ``[ ]`` in text, not only in colour.

Textual's SelectionList draws every box as the same ``▐X▌`` and tells ticked from unticked by
colour alone, which vanishes under ``NO_COLOR`` or on a monochrome terminal. Here the state is
in the characters. Enter only ticks (space still toggles): an enter meant as "yes, this one"
must never take an exercise out of a plan.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

TICKED = "[x]"
UNTICKED = "[ ]"


class CheckList(SelectionList[T]):
    """A list of choices with ``[x]``/``[ ]`` boxes; space toggles, enter ticks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "tick", "Tick", show=False),
    ]

    def _get_left_gutter_width(self) -> int:
        return len(TICKED) + 1

    def render_line(self, y: int) -> Strip:
        """The option's line after a box that reads ``[x]`` when ticked, ``[ ]`` when not."""
        line = OptionList.render_line(self, y)
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        ticked = selection.value in self._selected
        style = "selection-list--button"
        if ticked:
            style += "-selected"
        if self.highlighted == index:
            style += "-highlighted"
        underlying = next(iter(line)).style or self.rich_style
        box_style = underlying + self.get_component_rich_style(style, partial=True)
        return Strip(
            [
                Segment(TICKED if ticked else UNTICKED, style=box_style),
                Segment(" ", style=underlying),
                *line,
            ]
        )

    def action_tick(self) -> None:
        """Tick the highlighted choice; an already ticked one stays ticked."""
        if self.highlighted is not None:
            self.select(self.get_option_at_index(self.highlighted))
