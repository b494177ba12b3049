"""The baseline: a minimal Textual app that draws one Static."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("MINIMAL APP READY")


if __name__ == "__main__":
    Minimal().run()
