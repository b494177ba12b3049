"""The report's tables and lines in words, shared by the HTML and the PDF layouts."""

from __future__ import annotations

from glutetui.balance import DEFAULT_IMBALANCE_THRESHOLD
from glutetui.coach.zones import ZONE_SOURCE
from glutetui.figures import format_load, format_number, format_seconds
from glutetui.report.data import DosePoint, ExerciseReport, ReportData

SIDES = ("left", "right", "both")
SIDE_WORDS = {"left": "left", "right": "right", "both": "both sides"}
"""``both`` is an exercise done with both legs at once, logged without a side."""
DOSE_MEANING = (
    "Doses count work sets only (warm-ups left out): the reps or seconds of all of them in one "
    "session, per side, and the heaviest load among them."
)
SETTLED_MEANING = (
    "Settled: the next morning felt the same as before the session or better, with pain below "
    "the too-much zone (the 24-hour rule of the same model)."
)


BALANCE_MEANING = (
    "Left and right are compared like with like: the totals of the sets done on both sides at "
    f"the same load or band. A difference above {DEFAULT_IMBALANCE_THRESHOLD * 100:.0f} % is flagged: "
    "glutetui's own prompt to look closer, not a clinical limit."
)


def plural(count: int, word: str) -> str:
    """``1 session``, ``2 sessions``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def percent(share: float) -> str:
    """``0.4567`` -> ``46 %``."""
    return f"{share * 100:.0f} %"


def _dose(point: DosePoint, timed: bool, unit: str) -> str:
    amount = format_seconds(point.seconds) if timed else f"{point.reps} reps"
    if point.load is not None:
        return f"{amount} at up to {format_load(point.load, unit)}"
    if point.bands:
        return f"{amount}, band {', '.join(point.bands)}"
    return amount


def _dated(point: DosePoint, timed: bool, unit: str) -> str:
    return f"{point.day.isoformat()}: {_dose(point, timed, unit)}"


def first_and_last(exercise: ExerciseReport, unit: str) -> list[tuple[str, str, str]]:
    """Per side: ``(side, first session's day and dose, last session's day and dose)``."""
    rows = []
    for side in SIDES:
        mine = [p for p in exercise.points if p.side == side]
        if mine:
            rows.append(
                (
                    SIDE_WORDS[side],
                    _dated(mine[0], exercise.timed, unit),
                    _dated(mine[-1], exercise.timed, unit),
                )
            )
    return rows


def exercise_lines(exercise: ExerciseReport, unit: str) -> list[str]:
    """An exercise's lines for the PDF: how often, then first and last dose per side."""
    lines = [f"{plural(exercise.sessions, 'session')} in this period; first and last per side:"]
    lines += [
        f"    {side}: {first}  ->  {last}" for side, first, last in first_and_last(exercise, unit)
    ]
    return lines


def explanations(data: ReportData) -> list[str]:
    """What the pain chart and the next-morning answers mean, each with its source."""
    spans = ", ".join(z.label for z in data.zones)
    lines = [
        "During sessions: the highest pain (0–10) logged for any exercise of the session. "
        f"Zones, under this person's settings: {spans} ({ZONE_SOURCE}).",
    ]
    if data.mornings:
        lines.append(SETTLED_MEANING)
    else:
        lines.append("No next-morning check-in was recorded in this period.")
    return lines


def summary_rows(data: ReportData) -> list[tuple[str, str]]:
    """The period at a glance."""
    rows = [
        (
            "Period",
            f"{data.since.isoformat()} to {data.until.isoformat()}"
            + (f" ({data.period})" if data.period else ""),
        ),
        ("Sessions", str(data.sessions)),
        ("Training days", str(data.training_days)),
    ]
    if data.pain:
        rows.append(("Highest pain in a session", f"{max(p for _, p in data.pain)} of 10"))
    if data.mornings:
        settled = sum(1 for m in data.mornings if m.settled)
        rows.append(
            (
                "Next-morning check-ins",
                f"{len(data.mornings)}, {settled} settled; highest pain {max(m.pain for m in data.mornings)} of 10",
            )
        )
    if data.programme is None:
        rows.append(("Programme", "none being followed"))
    if data.unreadable:
        rows.append(("Log files left out", f"{data.unreadable} could not be read"))
    return rows


def programme_rows(data: ReportData) -> list[tuple[str, str]]:
    """The programme followed and its adherence."""
    p = data.programme
    if p is None:
        return []
    return [
        ("Programme", p.name),
        ("Started", p.started.isoformat()),
        ("Stage", f"{p.stage_number} of {p.stages}: {p.stage}"),
        (
            "Adherence",
            f"{p.adherence.done} of {p.adherence.planned} planned sessions done "
            f"({percent(p.adherence.share)})",
        ),
        *([("Source", p.source)] if p.source else []),
    ]


def balance_rows(data: ReportData) -> list[tuple[str, str, str, str, str]]:
    """Per-side exercises: name, left, right, how many sets compare, and the difference."""
    rows: list[tuple[str, str, str, str, str]] = []
    for exercise in data.exercises:
        b = exercise.balance
        if b is None:
            continue
        word = "reps" if b.basis == "reps" else "s"
        left, right = f"{format_number(b.left)} {word}", f"{format_number(b.right)} {word}"
        if b.compared == 0:
            gap = "cannot compare (no set on both sides at one load)"
        elif b.weaker is None:
            gap = "even"
        else:
            gap = f"{b.weaker} {percent(b.imbalance)} less" + (" (flagged)" if b.flagged else "")
        rows.append((exercise.name, left, right, plural(b.compared, "set"), gap))
    return rows
