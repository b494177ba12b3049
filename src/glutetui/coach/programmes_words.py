"""A programme position in words: the ``glutetui due`` line and the ``programme status`` lines."""

from __future__ import annotations

from datetime import date

from glutetui.coach.programmes import Programme
from glutetui.coach.programmes_schedule import Position
from glutetui.text import neutralise

NOTHING_TODAY = "Nothing due today: "


def _day(day: date, today: date) -> str:
    if day == today:
        return "today"
    if (day - today).days == 1:
        return "tomorrow"
    return f"{day:%A} {day.isoformat()}"


def _routine(position: Position, routine_names: dict[str, str]) -> str:
    return neutralise(routine_names.get(position.routine, position.routine))


def _tests(position: Position, test_names: dict[str, str]) -> str:
    names = [neutralise(test_names.get(t, t)) for t in position.self_tests_due]
    return f"; self-test this week: {', '.join(names)} (`glutetui selftest`)" if names else ""


def due_line(
    programme: Programme,
    position: Position,
    routine_names: dict[str, str],
    test_names: dict[str, str] | None = None,
) -> str:
    """One line: what is due today, or when the next session is, and any self-test due."""
    line = _session_line(programme, position, routine_names)
    tests = _tests(position, test_names or {})
    if tests and line.startswith(NOTHING_TODAY):
        line = "No session today: " + line.removeprefix(NOTHING_TODAY)
    return line + tests


def _session_line(programme: Programme, position: Position, routine_names: dict[str, str]) -> str:
    name = neutralise(programme.name)
    week = f"{position.done_this_week} of {position.planned_this_week} done this week"
    if position.paused:
        return f"Nothing due: {name} is paused (`glutetui programme resume` carries on)"
    routine = _routine(position, routine_names)
    if position.due:
        return f"Due today: {routine} ({name}); {week}"
    assert position.next_session is not None
    when = _day(position.next_session, position.today)
    return f"{NOTHING_TODAY}next session {when} ({routine}); {week}"


def status_lines(
    programme: Programme,
    position: Position,
    routine_names: dict[str, str],
    started: date,
    test_names: dict[str, str] | None = None,
) -> list[str]:
    """Several lines: programme, stage, this week, adherence, and what it takes to move on."""
    stages = len(programme.stages)
    stage = position.stage
    lines = [
        f"{neutralise(programme.name)}, started {started.isoformat()}, week {position.week + 1}"
        + (" (paused)" if position.paused else ""),
        f"Stage {position.stage_index + 1} of {stages}: {neutralise(stage.name)}"
        + (f", week {position.stage_week + 1}" if not position.final_stage else ""),
    ]
    if stage.note:
        lines.append(f"  {neutralise(stage.note)}")
    lines.append(due_line(programme, position, routine_names, test_names))
    adherence = position.adherence
    lines.append(
        f"Adherence: {adherence.done} of {adherence.planned} planned sessions done ({adherence.share:.0%})"
    )
    if position.readiness is None:
        lines.append("Final stage: it goes on until you end the programme.")
    else:
        lines.append("To move on at the end of a week:")
        for words, ok in position.readiness.conditions:
            lines.append(f"  [{'x' if ok else ' '}] {words}")
    if programme.source:
        lines.append(f"Source: {neutralise(programme.source)}")
    return lines
