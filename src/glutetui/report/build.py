"""Gather a report from the config dir: the sessions of the period, the programme, the settings."""

from __future__ import annotations

from datetime import date, timedelta

from glutetui.paths import Paths
from glutetui.report.data import ProgrammeSummary, ReportData, build, self_test_rows
from glutetui.report.reading import sessions_between

DEFAULT_WEEKS = 12
"""Without ``--since`` and without a programme, the report covers the last twelve weeks."""


def gather(paths: Paths, today: date, since: date | None) -> ReportData:
    """The report's data from ``since`` (default: the programme's start, else twelve weeks
    back) to ``today``, with the next-morning check-ins of ``checkins/``."""
    from glutetui.coach.programmes_context import load_context
    from glutetui.settings import load_settings

    context = load_context(paths, today)
    summary = None
    if context.programme is not None and context.position is not None and context.state is not None:
        position = context.position
        summary = ProgrammeSummary(
            name=context.programme.name,
            started=context.state.started,
            stage=position.stage.name,
            stage_number=position.stage_index + 1,
            stages=len(context.programme.stages),
            adherence=position.adherence,
            source=context.programme.source,
        )
    if since is not None:
        period = "the date asked for to today"
    elif summary is not None:
        since, period = summary.started, "the programme's start to today"
    else:
        since = today - timedelta(weeks=DEFAULT_WEEKS)
        period = f"the last {DEFAULT_WEEKS} weeks, no programme being followed"
    sessions, unreadable = sessions_between(paths, since, today)
    settings = load_settings(paths.settings_file).settings
    return build(
        sessions,
        since,
        today,
        settings.units,
        checkins=context.checkins.items,
        settings=settings,
        programme=summary,
        self_tests=self_test_rows(context.results, context.self_tests),
        unreadable=unreadable,
        period=period,
    )
