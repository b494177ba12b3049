"""``programme: ...``: Today, and the report for a physiotherapist, from the palette."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from glutetui.tui.commands import Command, CommandsProvider

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp

REPORTS = "reports"
"""The report written from the app goes to ``<config dir>/reports/``."""


def write_report(app: GluteApp, kind: str) -> None:
    """Write the report (in a worker thread) and say where it is, or why it could not be."""
    from glutetui.cli.report_cmd import INSTALL_HINT
    from glutetui.errors import GlutetuiError

    try:
        import matplotlib  # noqa: F401 - only to learn whether it is there
    except ImportError:
        app.call_from_thread(app.notify, INSTALL_HINT, severity="warning", markup=False)
        return
    from glutetui.fsutil import write_atomic
    from glutetui.report.build import gather

    now = app.clock.now()
    try:
        data = gather(app.paths, now.date(), None)
        if kind == "pdf":
            from glutetui.report.pdf import render as render_pdf

            payload = render_pdf(data, f"{now:%Y-%m-%d %H:%M}")
        else:
            from glutetui.report.html import render as render_html

            payload = render_html(data, f"{now:%Y-%m-%d %H:%M}").encode("utf-8")
        target = os.path.join(
            app.paths.config_root, REPORTS, f"glutetui-report-{now:%Y-%m-%d}.{kind}"
        )
        write_atomic(target, payload)
    except (GlutetuiError, OSError) as exc:
        app.call_from_thread(app.notify, f"No report: {exc}", severity="error", markup=False)
        return
    app.call_from_thread(app.notify, f"Report written to {target}", markup=False)


class ProgrammeCommands(CommandsProvider):
    """``programme: ...``."""

    def commands(self) -> Iterable[Command]:
        """Today and the report."""
        yield ("programme: today", "Today's session, this week and the stage", self._run("today"))
        for kind in ("html", "pdf"):
            yield (
                f"programme: report ({kind.upper()})",
                "A report for your physiotherapist, written to the config dir's reports folder",
                partial(self._start, kind),
            )

    def _start(self, kind: str) -> None:
        app = self.glute_app
        app.run_worker(partial(write_report, app, kind), thread=True, group="report")
