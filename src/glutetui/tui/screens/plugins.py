"""Plugins: every plugin that was found, what it registered, and what went wrong."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from glutetui.plugins import LoadResult
from glutetui.text import neutralise
from glutetui.tui.base import GluteScreen
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

STATUS_LABEL = {
    "ok": "ok",
    "partial": "loaded with problems",
    "failed": "FAILED",
    "disabled": "disabled",
}


def describe_plugins(result: LoadResult) -> Text:
    """One block per plugin; problems first so they are not missed. Plain Text, no markup:
    the reasons quote plugin code and error messages."""
    text = Text()
    problems = result.problems
    if problems:
        text.append(f"{len(problems)} problem(s)\n", style="bold reverse")
        for name, reason in problems:
            text.append(f"• {neutralise(name)}: ", style="bold")
            text.append(f"{neutralise(reason)}\n")
        text.append("\n")
    else:
        text.append("Every plugin loaded without a problem.\n\n")
    for info in result.plugins:
        text.append(neutralise(info.name), style="bold")
        text.append(f"  {STATUS_LABEL.get(info.status, info.status)}\n")
        dist = (
            neutralise(f"{info.distribution} {info.version}")
            if info.distribution
            else "not installed"
        )
        text.append(f"  module {neutralise(info.module)} ({dist})\n", style="dim")
        registered = [*info.exercises, *(f"routine {r}" for r in info.routines)]
        text.append(f"  registered: {neutralise(', '.join(registered)) or 'nothing'}\n")
        for reason in info.problems:
            text.append("  problem: ", style="bold")
            text.append(f"{neutralise(reason)}\n")
    text.append("\nglutetui plugins on the command line prints the same report.", style="dim")
    return text


class PluginsScreen(GluteScreen[None]):
    """The plugin report, pushed over the current section; escape goes back."""

    TITLE = "Plugins"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="plugins-back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="plugins-scroll"):
            yield Static(describe_plugins(self.plugin_result), id="plugins-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#plugins-scroll").focus()
