"""Left against right, one pair of bars per per-side exercise.

The longer side's bar is full width and the other is scaled to it, so the gap *is* the
imbalance. A flagged imbalance is spelled out in words ("! right 18% weaker") as well as styled
with the ``balance-bars--flagged`` component class, so it reads without colour.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from glutetui.model import SIDES
from glutetui.stats import ExerciseBalance

FULL, EMPTY = "█", "░"
SIDE_LABELS = {"left": "L", "right": "R"}


def describe(entry: ExerciseBalance) -> str:
    """The verdict in words: even, slightly uneven, or flagged."""
    b = entry.balance
    if b.weaker is None or b.imbalance < 0.005:
        return "even"
    pct = round(b.imbalance * 100)
    return f"! {b.weaker} {pct}% weaker" if b.flagged else f"{b.weaker} {pct}% lower"


def amount_text(entry: ExerciseBalance, side: str, unit: str) -> str:
    """A side's total as shown at the end of its bar."""
    b = entry.balance
    value = b.amount(side)  # type: ignore[arg-type]
    if b.basis == "volume":
        return f"{value:,.0f} {unit}·reps"
    return f"{value:,.0f} reps"


class BalanceBars(Widget):
    """Bars for each :class:`~glutetui.stats.ExerciseBalance`, flagged ones marked in words."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "balance-bars--title",
        "balance-bars--bar",
        "balance-bars--weak-bar",
        "balance-bars--flagged",
    }

    entries: reactive[tuple[ExerciseBalance, ...]] = reactive((), layout=True)
    unit: reactive[str] = reactive("kg")

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        """Three lines per exercise and a blank between them."""
        return max(0, 4 * len(self.entries) - 1)

    def render(self) -> Text:
        """The bars."""
        width = max(20, self.content_region.width or self.size.width)
        text = Text(no_wrap=True, overflow="crop")
        for index, entry in enumerate(self.entries):
            if index:
                text.append("\n\n")
            self._render_entry(text, entry, width)
        return text

    def _render_entry(self, text: Text, entry: ExerciseBalance, width: int) -> None:
        b = entry.balance
        sessions = f"last {entry.sessions} session" + ("s" if entry.sessions != 1 else "")
        basis = "reps × load" if b.basis == "volume" else "reps"
        text.append(f"{entry.name}", style=self.get_component_rich_style("balance-bars--title"))
        text.append(f"  ({sessions}, {basis})  ")
        verdict = describe(entry)
        text.append(
            verdict,
            style=self.get_component_rich_style("balance-bars--flagged") if b.flagged else "",
        )
        amounts = {side: amount_text(entry, side, self.unit) for side in SIDES}
        tail = max(len(a) for a in amounts.values()) + 1
        bar_width = max(5, width - 2 - tail - 1)
        stronger = max(b.amount("left"), b.amount("right"))
        for side in SIDES:
            share = b.amount(side) / stronger if stronger > 0 else 0.0
            filled = round(share * bar_width)
            weak = b.flagged and side == b.weaker
            bar_style = "balance-bars--weak-bar" if weak else "balance-bars--bar"
            text.append(f"\n{SIDE_LABELS[side]} ")
            text.append(FULL * filled, style=self.get_component_rich_style(bar_style))
            text.append(EMPTY * (bar_width - filled))
            text.append(f" {amounts[side]:>{tail - 1}}")
