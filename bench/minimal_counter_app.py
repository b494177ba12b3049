"""The baseline for key-press latency: a minimal Textual app whose Static shows a number that
``+`` increments (as glutetui's reps picker does). Starts at 100, like the session benchmark."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Counter(App[None]):
    BINDINGS = [("plus", "more", "+1")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 100

    def compose(self) -> ComposeResult:
        yield Static("MINIMAL COUNTER READY")
        yield Static(f"reps {self.count}", id="count")

    def action_more(self) -> None:
        self.count += 1
        self.query_one("#count", Static).update(f"reps {self.count}")


if __name__ == "__main__":
    Counter().run()
