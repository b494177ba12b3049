"""ReadProgress: how far a slow read of the log has got (a log synced from another machine).

Hidden unless a read takes a while: the worker that reads decides with a
:class:`glutetui.progress.Pacer` (the command line's bar uses the same one) and only then
calls :meth:`ReadProgress.show_progress` on the app's thread. Styled in ``log.tcss``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from glutetui.progress import Pacer


class ReadProgress(Horizontal):
    """``Reading the log: 1,200 of 3,650 files`` and a bar."""

    def compose(self) -> ComposeResult:
        yield Label(id="read-progress-label")
        yield ProgressBar(id="read-progress-bar", show_eta=False)

    def on_mount(self) -> None:
        self.display = False

    def show_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` files read."""
        self.display = True
        self.query_one(Label).update(f"Reading the log: {done:,} of {total:,} files")
        self.query_one(ProgressBar).update(total=total, progress=done)

    def finish(self) -> None:
        """The read is over: hide."""
        self.display = False

    def reporter(self, clock: Callable[[], float]) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` callback for a worker thread that reads the log."""
        pacer = Pacer(clock)

        def report(done: int, total: int) -> None:
            if pacer.due(done, total):
                self.app.call_from_thread(self.show_progress, done, total)

        return report
