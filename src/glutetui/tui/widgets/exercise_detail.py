"""ExerciseDetail: everything about one exercise, in a scrollable pane."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from glutetui.equipment import display_name
from glutetui.model import Exercise
from glutetui.text import neutralise
from glutetui.userfiles import is_file_source


def describe_exercise(ex: Exercise, plugin: str) -> Text:
    """The detail text of ``ex``. Built from Text parts, not markup, so plugin text shows as typed."""
    text = Text()

    def heading(title: str) -> None:
        text.append(f"\n{title}\n", style="bold underline")

    text.append(neutralise(ex.name), style="bold")
    text.append("\n")
    if ex.summary:
        text.append(f"{neutralise(ex.summary)}\n")
    heading("Dose")
    text.append(f"{neutralise(ex.dose.describe())}\n")
    heading("Equipment")
    required = neutralise(", ".join(display_name(e) for e in ex.equipment)) or "none"
    text.append(f"Needs: {required}\n")
    if ex.optional_equipment:
        optional = neutralise(", ".join(display_name(e) for e in ex.optional_equipment))
        text.append(f"Optional: {optional}\n")
    heading("How to do it")
    for number, step in enumerate(ex.instructions, 1):
        text.append(f"{number}. ", style="bold")
        text.append(f"{neutralise(step)}\n")
    if ex.cues:
        heading("Form cues")
        for cue in ex.cues:
            text.append(f"• {neutralise(cue)}\n")
    if ex.evidence:
        heading("Evidence")
        text.append(f"{neutralise(ex.evidence)}\n")
    text.append("\nFrom your file: " if is_file_source(plugin) else "\nFrom plugin: ", style="dim")
    text.append(neutralise(plugin), style="italic")
    return text


class ExerciseDetail(VerticalScroll, can_focus=True):
    """The details of the exercise under the list's cursor; focus it to scroll with the keys."""

    def __init__(
        self,
        ex: Exercise | None = None,
        plugin: str = "",
        empty: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[Exercise | None, str, str] = (ex, plugin, empty)

    def compose(self) -> ComposeResult:
        yield Static(self._render_text(*self._shown), id="detail-text")

    @staticmethod
    def _render_text(ex: Exercise | None, plugin: str, empty: str) -> Text:
        return describe_exercise(ex, plugin) if ex is not None else Text(empty)

    @property
    def plain(self) -> str:
        """What the pane says, without styles (for tests and screen readers' sake)."""
        content = self.query_one("#detail-text", Static).content
        return content.plain if isinstance(content, Text) else str(content)

    def show(self, ex: Exercise | None, plugin: str = "", empty: str = "") -> None:
        """Show ``ex`` (from ``plugin``), or the ``empty`` message when there is none."""
        if (ex, plugin, empty) == self._shown:
            return  # the cursor landed where it was: no new layout
        self._shown = (ex, plugin, empty)
        self.query_one("#detail-text", Static).update(self._render_text(ex, plugin, empty))
        self.scroll_home(animate=False)
