"""Left against right, one pair of bars per per-side exercise, and the log's Balance tab.

The longer side's bar is full width and the other is scaled to it, so the gap *is* the
imbalance. A flagged imbalance is spelled out in words ("! right 18% weaker") as well as styled
with the ``balance-bars--flagged`` component class, so it reads without colour.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from glutetui.balance import DEFAULT_IMBALANCE_THRESHOLD, ExerciseBalance
from glutetui.model import SIDES, Side
from glutetui.text import neutralise

FULL, EMPTY = "█", "░"
SIDE_LABELS = {"left": "L", "right": "R"}


def describe(entry: ExerciseBalance) -> str:
    """The verdict in words: even, slightly uneven, flagged, or why it cannot be said."""
    b = entry.balance
    if not b.compared:
        if b.mismatched:
            return "cannot compare: the sides were done at different loads or bands"
        return "cannot compare: only one side was done"
    if b.weaker is None or b.imbalance < 0.005:
        return "even"
    pct = round(b.imbalance * 100)
    return f"! {b.weaker} {pct}% weaker" if b.flagged else f"{b.weaker} {pct}% lower"


def footnote(entry: ExerciseBalance) -> str:
    """What the comparison left out: sides not done, sets at different loads or bands."""
    b = entry.balance
    parts = [f"{side} not done in {n} set(s)" for side in SIDES if (n := b.not_done(side))]
    if b.mismatched and b.compared:
        parts.append(f"{b.mismatched} set(s) at different loads or bands left out")
    return "; ".join(parts)


def amount_text(entry: ExerciseBalance, side: Side) -> str:
    """A side's total as shown at the end of its bar: reps, or seconds of timed sets."""
    b = entry.balance
    return f"{b.amount(side):,.0f} {'reps' if b.basis == 'reps' else 's'}"


class BalanceBars(Widget):
    """Bars for each :class:`~glutetui.balance.ExerciseBalance`, flagged ones marked in words."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "balance-bars--title",
        "balance-bars--bar",
        "balance-bars--weak-bar",
        "balance-bars--flagged",
    }

    entries: reactive[tuple[ExerciseBalance, ...]] = reactive((), layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Three lines per exercise (four with a footnote) and a blank between them."""
        lines = sum(4 + bool(footnote(e)) for e in self.entries)
        return max(0, lines - 1)

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
        basis = "reps, same load" if b.basis == "reps" else "seconds, same load"
        text.append(
            neutralise(entry.name), style=self.get_component_rich_style("balance-bars--title")
        )
        text.append(f"  ({sessions}, {basis})  ")
        verdict = describe(entry)
        text.append(
            verdict,
            style=self.get_component_rich_style("balance-bars--flagged") if b.flagged else "",
        )
        amounts = {side: amount_text(entry, side) for side in SIDES}
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
        note = footnote(entry)
        if note:
            text.append(f"\n  {note}")


class BalancePane(VerticalScroll):
    """The Balance tab: a verdict in words over the bars; :meth:`show` fills it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Static(id="log-balance-intro", markup=False)
        yield BalanceBars(id="log-balance-bars")

    def show(self, balance: tuple[ExerciseBalance, ...]) -> None:
        """Draw ``balance``, naming every exercise whose weaker side is flagged."""
        intro = self.query_one("#log-balance-intro", Static)
        self.query_one(BalanceBars).entries = balance
        if not balance:
            intro.update("No per-side exercises logged yet.")
            return
        flagged = [neutralise(b.name) for b in balance if b.balance.flagged]
        pct = round(DEFAULT_IMBALANCE_THRESHOLD * 100)
        verdict = (
            f"! Weaker side more than {pct}% behind: {', '.join(flagged)}"
            if flagged
            else f"No side more than {pct}% behind the other."
        )
        intro.update(
            "Left (L) against right (R), recent sessions added up; only sets done on both "
            f"sides at the same load or band are compared.\n{verdict}"
        )
