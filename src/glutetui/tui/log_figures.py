"""What the log screen's Progress, Consistency and Balance tabs show, computed off the UI thread.

The figures themselves come from :mod:`glutetui.stats`; this module picks the spans the tabs
show (the calendar's weeks, the weekly goal's weeks) and gathers them in one value that a
worker thread can hand back to the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from glutetui import balance as sides
from glutetui import stats

if TYPE_CHECKING:
    from glutetui.log import FileProblem
    from glutetui.model import Session
    from glutetui.settings import Settings

CALENDAR_WEEKS = 16
"""Weeks in the Consistency tab's calendar."""
WEEKS_SHOWN = 12
"""Weeks in the Consistency tab's weekly-goal trend."""


@dataclass(frozen=True)
class LogFigures:
    """Everything the Progress, Consistency and Balance tabs show."""

    streak: stats.Streak
    calendar: stats.Calendar
    weeks: tuple[stats.WeekSets, ...]
    balance: tuple[sides.ExerciseBalance, ...]
    exercises: dict[str, str]
    """Exercise id -> name of every exercise logged, for the Progress tab's choice."""


def compute_figures(sessions: Iterable[Session], today: date, settings: Settings) -> LogFigures:
    """The figures for ``sessions`` (newest first) as of ``today``."""
    sessions = tuple(sessions)
    return LogFigures(
        streak=stats.streak(sessions, today),
        calendar=stats.training_calendar(sessions, today, CALENDAR_WEEKS),
        weeks=stats.weekly_sets(sessions, today, settings.weekly_goal_sets, WEEKS_SHOWN),
        balance=sides.recent_balance(sessions),
        exercises=stats.exercises_in(sessions),
    )


@dataclass(frozen=True)
class LoadedLog:
    """What the history worker hands back: every session, the unreadable files, the figures."""

    sessions: tuple[Session, ...]
    problems: tuple[FileProblem, ...]
    figures: LogFigures
