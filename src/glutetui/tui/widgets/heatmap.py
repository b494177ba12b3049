"""A contributions-style calendar of training days: one column per week, one row per weekday.

Each day is one character whose *shape* carries the amount, so the map reads the same without
colour (``NO_COLOR``) and over a slow link: ``·`` rest day, ``░ ▒ ▓ █`` more and more work sets
(scaled to the busiest day shown), and a blank for days still to come. Colour, when there is
any, comes from the component classes ``heat-map--level-0`` … ``heat-map--level-4`` and
``heat-map--today``, styled in the screen's ``.tcss``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutetui.stats import Calendar, heat_level

SHADES = ("·", "░", "▒", "▓", "█")
"""The character for each level, from rest day to busiest."""
DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 4


class CalendarHeatMap(Widget):
    """Work sets per day over whole weeks, drawn as a grid of shaded characters."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"heat-map--level-{n}" for n in range(len(SHADES))),
        "heat-map--today",
        "heat-map--label",
    }

    calendar: reactive[Calendar | None] = reactive(None, layout=True)
    """What to draw; ``None`` draws nothing."""

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Labels plus two characters per week."""
        weeks = self.calendar.weeks if self.calendar else 0
        return max(LABEL_WIDTH + 2 * weeks, len(self.legend()))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Month line, seven weekdays and a legend."""
        return 9 if self.calendar else 0

    @staticmethod
    def legend() -> str:
        """The key under the map."""
        return "rest " + SHADES[0] + "  " + " ".join(SHADES[1:]) + " more sets"

    def render(self) -> Text:
        """The grid."""
        cal = self.calendar
        if cal is None:
            return Text()
        label_style = self.get_component_rich_style("heat-map--label")
        peak = cal.peak
        text = Text(no_wrap=True, overflow="crop")
        # The month line: a month's short name above the first week that starts in it.
        months = [" "] * (LABEL_WIDTH + 2 * cal.weeks)
        last_month = None
        for week in range(cal.weeks):
            monday = cal.start + timedelta(weeks=week)
            if monday.month != last_month:
                name = monday.strftime("%b")
                col = LABEL_WIDTH + 2 * week
                if col + len(name) <= len(months) and all(c == " " for c in months[col - 1 :]):
                    months[col : col + len(name)] = name
                last_month = monday.month
        text.append("".join(months).rstrip() + "\n", style=label_style)
        for weekday in range(7):
            text.append(f"{DAY_LABELS[weekday]:<{LABEL_WIDTH}}", style=label_style)
            for week in range(cal.weeks):
                day = cal.start + timedelta(weeks=week, days=weekday)
                text.append(*self._cell(day, cal, peak))
                if week < cal.weeks - 1:
                    text.append(" ")
            text.append("\n")
        text.append(self.legend(), style=label_style)
        return text

    def _cell(self, day: date, cal: Calendar, peak: int) -> tuple[str, Style | str]:
        if day > cal.end:
            return " ", ""
        level = heat_level(cal.sets.get(day, 0), peak, levels=len(SHADES) - 1)
        style = self.get_component_rich_style(f"heat-map--level-{level}")
        if day == cal.end:
            style += self.get_component_rich_style("heat-map--today")
        return SHADES[level], style
