"""The end-of-session report: what was done, how it felt, and how it compares with last time.

Every figure comes from :mod:`glutetui.figures`, so the report says what the log screen and
``glutetui log`` say about the same session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from glutetui.figures import (
    ExerciseFigures,
    exercise_figures,
    format_duration,
    format_weight,
    session_figures,
)
from glutetui.model import ExerciseLog, Session


@dataclass(frozen=True)
class ExerciseReport(ExerciseFigures):
    """What was done of one exercise in one session (its figures), how it felt, and last time."""

    name: str
    pain: int | None
    note: str
    skipped: bool
    previous: ExerciseReport | None = None
    """The same exercise the last time it was done, if ever."""
    previous_date: str | None = None

    def comparison(self, unit: str, *, with_date: bool = True) -> str:
        """``+4 reps, +60 kg volume vs 20 Nov``, ``+5 s vs 20 Nov`` for timed sets, or
        ``first time``; short without the date."""
        prev = self.previous
        if prev is None:
            return "first time"
        timed = bool(self.seconds or prev.seconds)
        parts = [f"{self.reps - prev.reps:+d} reps"] if self.reps or prev.reps or not timed else []
        if timed:
            parts.append(f"{self.seconds - prev.seconds:+d} s")
        if self.volume or prev.volume:
            volume = format_weight(self.volume - prev.volume, unit, signed=True)
            parts.append(f"{volume} volume" if with_date else volume)
        return ", ".join(parts) + (f" vs {self.previous_date}" if with_date else "")


@dataclass(frozen=True)
class SessionReport:
    """What the summary screen shows at the end of a session."""

    session: Session
    unit: str
    duration: timedelta | None
    """How long it took (:func:`glutetui.figures.session_duration`); ``None`` with no end."""
    work_sets: int
    warmup_sets: int
    reps: int
    volume: float
    seconds: int
    """Seconds of the timed work sets, both sides added up."""
    exercises: tuple[ExerciseReport, ...]

    @property
    def duration_text(self) -> str:
        """``42 min`` or ``1 h 05 min``, as every view writes a duration."""
        return format_duration(self.duration)


def _exercise_report(session: Session, log: ExerciseLog, unit: str) -> ExerciseReport:
    done = exercise_figures(session, log.exercise_id, unit)
    return ExerciseReport(
        **vars(done),
        name=log.name,
        pain=log.pain,
        note=log.note,
        skipped=log.skipped,
    )


def session_report(
    session: Session, history: Iterable[Session] = (), *, unit: str = "kg"
) -> SessionReport:
    """Figures of ``session`` and, per exercise, a comparison with the last earlier session
    (from ``history``, in any order) that logged a work set of it."""
    earlier = sorted(
        (h for h in history if h.id != session.id and h.started_at < session.started_at),
        key=lambda h: h.started_at,
        reverse=True,
    )
    exercises = []
    for log in session.exercises:
        report = _exercise_report(session, log, unit)
        for past in earlier:
            past_log = past.exercise(log.exercise_id)
            if past_log is None or not any(
                s.exercise_id == log.exercise_id and not s.warmup for s in past.sets
            ):
                continue
            report = replace(
                report,
                previous=_exercise_report(past, past_log, unit),
                previous_date=f"{past.started_at.day} {past.started_at:%b}",
            )
            break
        exercises.append(report)
    totals = session_figures(session, unit)
    return SessionReport(
        session=session,
        unit=unit,
        duration=totals.duration,
        work_sets=totals.work_sets,
        warmup_sets=totals.warmup_sets,
        reps=totals.reps,
        volume=totals.volume,
        seconds=totals.seconds,
        exercises=tuple(exercises),
    )
