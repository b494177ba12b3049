"""What the report shows, gathered from the log: plain data, no drawing.

Every number is asked of :mod:`glutetui.figures` (what sets amount to) and :mod:`glutetui.stats`
(training days, left/right balance), the same definitions every view of the app uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from glutetui import balance as sides
from glutetui import figures, stats
from glutetui.coach.adherence import Adherence
from glutetui.coach.checkins import CheckIn
from glutetui.coach.selftests import SelfTest, SelfTestResult
from glutetui.coach.zones import ZONE_SOURCE, PainZone, is_settled, pain_zone, zones
from glutetui.model import Session, SetResult
from glutetui.settings import Settings
from glutetui.text import neutralise

NOT_A_DIAGNOSIS = (
    "This report lists what was logged in glutetui. It is not a diagnosis and not medical "
    "advice: talk it through with your physiotherapist or doctor."
)
PAIN_ZONES_SOURCE = f"Pain zones: {ZONE_SOURCE}."


@dataclass(frozen=True)
class Morning:
    """One answered next-morning check-in, as the report shows it."""

    day: date
    pain: int
    zone: str
    """The pain's zone in words (``fine``, ``acceptable``, ``too much``)."""
    compared: str
    """``better``, ``same`` or ``worse`` than before the session."""
    settled: bool
    """Settled by :func:`glutetui.coach.zones.is_settled`, the programmes' own definition."""


@dataclass(frozen=True)
class DosePoint:
    """One session's work on one exercise, on one side (``both`` for two-sided exercises)."""

    day: date
    side: str
    reps: int
    seconds: int
    load: float | None
    """Heaviest numeric load of the work sets, in the report's unit (``None`` for none)."""
    bands: tuple[str, ...]
    """Band colours used (``red``), for band work."""


@dataclass(frozen=True)
class ExerciseReport:
    """One exercise over the report's period."""

    exercise_id: str
    name: str
    sessions: int
    points: tuple[DosePoint, ...]
    balance: sides.Balance | None

    @property
    def timed(self) -> bool:
        """Its work is counted in seconds (holds) rather than reps."""
        return any(p.seconds for p in self.points) and not any(p.reps for p in self.points)


@dataclass(frozen=True)
class ProgrammeSummary:
    """The programme followed, for the report's first section."""

    name: str
    started: date
    stage: str
    stage_number: int
    stages: int
    adherence: Adherence
    source: str


@dataclass(frozen=True)
class Note:
    day: date
    where: str
    text: str


@dataclass(frozen=True)
class SelfTestRow:
    """One self-test result, in words."""

    day: date
    test: str
    answers: tuple[tuple[str, str], ...]
    """``(question, answer)`` in the order the test asks them."""
    note: str = ""
    source: str = ""
    """Where the test comes from and what counts as positive, as the test's plugin says."""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows."""

    since: date
    until: date
    unit: str
    sessions: int
    training_days: int
    pain: tuple[tuple[date, int], ...]
    """Highest pain reported in each session that had one (:func:`glutetui.figures.max_pain`)."""
    mornings: tuple[Morning, ...]
    """Answered next-morning check-ins in the period, oldest first (skipped ones left out)."""
    exercises: tuple[ExerciseReport, ...]
    notes: tuple[Note, ...]
    programme: ProgrammeSummary | None = None
    self_tests: tuple[SelfTestRow, ...] = ()
    unreadable: int = 0
    """Log files in the period that could not be read (left out, never touched)."""
    zones: tuple[PainZone, ...] = zones(Settings())
    """The pain zones under the person's settings, lowest first (shaded on the pain chart)."""
    sources: tuple[str, ...] = field(default=(PAIN_ZONES_SOURCE,))
    period: str = ""
    """Why the period starts and ends where it does, in words (``from the programme's start``)."""


def _band_colours(sets: Iterable[SetResult]) -> tuple[str, ...]:
    found = [s.unit.partition(":")[2] for s in sets if figures.is_band(s.unit) and s.unit]
    return tuple(dict.fromkeys(neutralise(c) for c in found if c))


def _dose_points(session: Session, work: Sequence[SetResult], unit: str) -> list[DosePoint]:
    day = stats.session_day(session)
    sides = sorted({s.side or "both" for s in work})
    points = []
    for side in sides:
        mine = [s for s in work if (s.side or "both") == side]
        counted = figures.set_figures(mine, unit)
        points.append(
            DosePoint(
                day, side, counted.reps, counted.seconds, counted.best_load, _band_colours(mine)
            )
        )
    return points


def build(
    sessions: Iterable[Session],
    since: date,
    until: date,
    unit: str = "kg",
    *,
    checkins: Iterable[CheckIn] = (),
    settings: Settings | None = None,
    programme: ProgrammeSummary | None = None,
    self_tests: Iterable[SelfTestRow] = (),
    unreadable: int = 0,
    period: str = "",
) -> ReportData:
    """The report's data for sessions started from ``since`` to ``until`` (both included)."""
    chosen = sorted(
        (s for s in sessions if since <= stats.session_day(s) <= until),
        key=lambda s: (s.started_at, s.id),
    )
    pain: list[tuple[date, int]] = []
    notes: list[Note] = []
    pairs_by_exercise: dict[str, list[sides.Pair]] = {}
    points: dict[str, list[DosePoint]] = {}
    counts: dict[str, int] = {}
    for session in chosen:
        day = stats.session_day(session)
        highest = figures.max_pain(session.exercises)
        if highest is not None:
            pain.append((day, highest))
        if session.note.strip():
            notes.append(Note(day, "session", neutralise(session.note.strip())))
        for entry in session.exercises:
            if entry.note.strip():
                notes.append(Note(day, neutralise(entry.name), neutralise(entry.note.strip())))
        for exercise_id in dict.fromkeys(s.exercise_id for s in session.sets):
            work = [s for s in session.sets if s.exercise_id == exercise_id and not s.warmup]
            if not work:
                continue
            # Paired within the session: set numbers start again in every session.
            pairs_by_exercise.setdefault(exercise_id, []).extend(sides.side_pairs(work))
            points.setdefault(exercise_id, []).extend(_dose_points(session, work, unit))
            counts[exercise_id] = counts.get(exercise_id, 0) + 1
    names = stats.exercises_in(chosen)
    exercises = tuple(
        ExerciseReport(
            exercise_id=exercise_id,
            name=neutralise(name),
            sessions=counts[exercise_id],
            points=tuple(points[exercise_id]),
            balance=sides.compare_pairs(pairs_by_exercise[exercise_id]),
        )
        for exercise_id, name in names.items()
        if exercise_id in counts
    )
    rules = Settings() if settings is None else settings
    mornings = tuple(
        Morning(
            c.when.date(),
            c.pain,
            pain_zone(c.pain, rules).words,
            c.compared,
            is_settled(c, rules),
        )
        for c in sorted(checkins, key=lambda c: c.when)
        if c.pain is not None and c.compared is not None and since <= c.when.date() <= until
    )
    tests = tuple(r for r in self_tests if since <= r.day <= until)
    # Each self-test shown keeps its source beside the pain zones', once however often it was done.
    test_sources = dict.fromkeys(f"{r.test}: {r.source}" for r in tests if r.source)
    return ReportData(
        since=since,
        until=until,
        unit=unit,
        sessions=len(chosen),
        training_days=len(stats.training_days(chosen)),
        pain=tuple(pain),
        mornings=mornings,
        exercises=exercises,
        notes=tuple(notes),
        programme=programme,
        self_tests=tests,
        unreadable=unreadable,
        zones=zones(rules),
        period=period,
        sources=(PAIN_ZONES_SOURCE, *test_sources),
    )


def self_test_rows(
    results: Iterable[SelfTestResult], tests: Mapping[str, SelfTest]
) -> tuple[SelfTestRow, ...]:
    """Results of installed self-tests in words, oldest first."""
    rows = []
    for result in results:
        test = tests.get(result.test_id)
        if test is None:
            continue
        answers = []
        for key in test.result_keys():
            field = test.field_of(key)
            assert field is not None
            side = key.split("_", 1)[0] + " " if field.per_side else ""
            answers.append(
                (f"{side}{neutralise(field.label).lower()}", str(result.values.get(key, "")))
            )
        rows.append(
            SelfTestRow(
                result.when.date(),
                neutralise(test.name),
                tuple(answers),
                neutralise(result.note),
                neutralise(test.source),
            )
        )
    return tuple(sorted(rows, key=lambda r: r.day))
