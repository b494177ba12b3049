"""The report's tables and lines in words, shared by the HTML and the PDF layouts."""

from __future__ import annotations

from glutetui.figures import format_load, format_number, format_seconds
from glutetui.report.data import DosePoint, ExerciseReport, ReportData

SIDES = ("left", "right", "both")


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


def first_and_last(exercise: ExerciseReport, unit: str) -> list[tuple[str, str, str]]:
    """Per side: ``(side, first session's dose, last session's dose)``."""
    rows = []
    for side in SIDES:
        mine = [p for p in exercise.points if p.side == side]
        if mine:
            rows.append(
                (side, _dose(mine[0], exercise.timed, unit), _dose(mine[-1], exercise.timed, unit))
            )
    return rows


def summary_rows(data: ReportData) -> list[tuple[str, str]]:
    """The period at a glance."""
    rows = [
        ("Period", f"{data.since.isoformat()} to {data.until.isoformat()}"),
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
    """Per-side exercises: name, left, right, what is compared, and the difference."""
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
        rows.append((exercise.name, left, right, b.basis, gap))
    return rows
