"""Whether what a plugin (or a file in the config dir) registers makes sense: every problem of
an exercise or a routine, in words its author can act on, and an exercise made sound.

The plugin loader and the config-dir files both go through here, so an exercise is held to the
same rules wherever it comes from.
"""

from __future__ import annotations

from dataclasses import replace

from glutetui.equipment import normalise_word
from glutetui.model import (
    EQUIPMENT_WORD_RE,
    LADDER_WORD_RE,
    MAX_ALIAS_LENGTH,
    MAX_HOLD_SECONDS,
    MAX_LOAD_STEP,
    MAX_REPS,
    MAX_REST_SECONDS,
    MAX_SETS,
    MAX_TIMED_SECONDS,
    SLUG_RE,
    Exercise,
    Routine,
    RoutineItem,
)


class InvalidExerciseError(ValueError):
    """An exercise or routine whose values make no sense; the message lists every problem."""


def _range_problems(label: str, value: object, upper: int) -> list[str]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return [f"{label} must be a whole number or a (min, max) pair, not {value!r}"]
    lo, hi = value
    problems = []
    if lo < 1:
        problems.append(f"{label} must be at least 1, not {lo}")
    if lo > hi:
        problems.append(f"{label} range {lo}–{hi} has its minimum above its maximum")
    if hi > upper:
        problems.append(f"{label} of {hi} is beyond the sane limit of {upper}")
    return problems


def exercise_problems(ex: Exercise) -> list[str]:
    """Every reason ``ex`` cannot be registered; empty when it is fine."""
    problems: list[str] = []
    if not isinstance(ex.id, str) or not SLUG_RE.fullmatch(ex.id):
        problems.append(
            f"id {ex.id!r} must be a non-empty slug like 'side-plank' (a-z, 0-9, hyphens)"
        )
    if not isinstance(ex.name, str) or not ex.name.strip():
        problems.append("name must not be empty")
    if not isinstance(ex.summary, str):
        problems.append("summary must be text")
    if not ex.instructions:
        problems.append("needs at least one instruction")
    elif not all(isinstance(s, str) and s.strip() for s in ex.instructions):
        problems.append("every instruction must be non-empty text")
    problems += _range_problems("sets", ex.sets, MAX_SETS)
    problems += _range_problems("reps", ex.reps, MAX_REPS)
    if not isinstance(ex.per_side, bool):
        problems.append(f"per_side must be True or False, not {ex.per_side!r}")
    if ex.hold_seconds is not None and (
        not isinstance(ex.hold_seconds, int)
        or isinstance(ex.hold_seconds, bool)
        or not 1 <= ex.hold_seconds <= MAX_HOLD_SECONDS
    ):
        problems.append(
            f"hold_seconds must be a whole number from 1 to {MAX_HOLD_SECONDS}, not {ex.hold_seconds!r}"
        )
    if ex.seconds is not None:
        problems += _range_problems("seconds", ex.seconds, MAX_TIMED_SECONDS)
        if ex.hold_seconds is not None:
            problems.append(
                "a timed exercise (seconds) has no reps to hold at the top: drop hold_seconds"
            )
    if ex.rest_seconds is not None and (
        not isinstance(ex.rest_seconds, int)
        or isinstance(ex.rest_seconds, bool)
        or not 0 <= ex.rest_seconds <= MAX_REST_SECONDS
    ):
        problems.append(
            f"rest_seconds must be a whole number from 0 to {MAX_REST_SECONDS}, not {ex.rest_seconds!r}"
        )
    for label, words in (
        ("equipment", ex.equipment),
        ("optional_equipment", ex.optional_equipment),
    ):
        for word in words:
            if not isinstance(word, str) or not EQUIPMENT_WORD_RE.fullmatch(normalise_word(word)):
                problems.append(
                    f"{label} word {word!r} must be a short word or phrase (letters, digits, spaces, hyphens)"
                )
    for label, texts in (("cues", ex.cues), ("tags", ex.tags)):
        if not all(isinstance(t, str) and t.strip() for t in texts):
            problems.append(f"every entry in {label} must be non-empty text")
    if ex.evidence is not None and not isinstance(ex.evidence, str):
        problems.append("evidence must be text")
    for alias in ex.aliases:
        if not isinstance(alias, str) or not alias.strip():
            problems.append(f"every alias must be non-empty text, not {alias!r}")
        elif len(alias.strip()) > MAX_ALIAS_LENGTH:
            problems.append(f"alias {alias[:20]!r}... is longer than {MAX_ALIAS_LENGTH} characters")
    return problems + _ladder_problems(ex)


def _ladder_problems(ex: Exercise) -> list[str]:
    """What is wrong with the optional ladder fields (see docs/plugins.md, "Ladder fields")."""
    problems: list[str] = []
    for label, step in (("load_step_kg", ex.load_step_kg), ("load_step_lb", ex.load_step_lb)):
        if step is not None and (
            not isinstance(step, int | float)
            or isinstance(step, bool)
            or not 0 < step <= MAX_LOAD_STEP
        ):
            problems.append(f"{label} must be a number above 0 and at most {MAX_LOAD_STEP}")
    for label, words in (("band_positions", ex.band_positions), ("band_colours", ex.band_colours)):
        if not all(isinstance(w, str) and LADDER_WORD_RE.fullmatch(w) for w in words):
            problems.append(f"every entry in {label} must be a short lower-case word")
        elif len(set(words)) != len(words):
            problems.append(f"{label} must not repeat an entry")
    if ex.band_positions and not ex.band_colours:
        problems.append("band_positions need band_colours (a position is where a band goes)")
    for label, other in (("easier", ex.easier), ("harder", ex.harder)):
        if other is not None and (not isinstance(other, str) or not SLUG_RE.fullmatch(other)):
            problems.append(f"{label} must be an exercise id like 'side-plank', not {other!r}")
        elif other is not None and other == ex.id:
            problems.append(f"{label} must name another exercise, not this one")
    return problems


def normalise_exercise(ex: Exercise) -> Exercise:
    """Validate ``ex`` and return it with equipment words mapped to their canonical keys.

    Raises :class:`InvalidExerciseError` listing every problem.
    """
    if not isinstance(ex, Exercise):
        raise InvalidExerciseError(f"expected a glutetui.Exercise, got {type(ex).__name__}")
    problems = exercise_problems(ex)
    if problems:
        raise InvalidExerciseError("; ".join(problems))
    return replace(
        ex,
        equipment=tuple(dict.fromkeys(normalise_word(w) for w in ex.equipment)),
        optional_equipment=tuple(dict.fromkeys(normalise_word(w) for w in ex.optional_equipment)),
        aliases=tuple(dict.fromkeys(a.strip() for a in ex.aliases)),
    )


def routine_problems(routine: Routine) -> list[str]:
    """Every reason ``routine`` cannot be registered (exercise ids are checked by the catalog)."""
    problems: list[str] = []
    if not isinstance(routine.id, str) or not SLUG_RE.fullmatch(routine.id):
        problems.append(f"id {routine.id!r} must be a non-empty slug like 'morning-basics'")
    if not isinstance(routine.name, str) or not routine.name.strip():
        problems.append("name must not be empty")
    if not routine.items:
        problems.append("needs at least one exercise")
    for item in routine.items:
        if not isinstance(item, RoutineItem) or not isinstance(item.exercise_id, str):
            problems.append(f"item {item!r} must be an exercise id or a glutetui.RoutineItem")
            continue
        if item.sets is not None:
            problems += _range_problems(f"{item.exercise_id} sets", item.sets, MAX_SETS)
        if item.reps is not None:
            problems += _range_problems(f"{item.exercise_id} reps", item.reps, MAX_REPS)
        if item.load is not None and (not isinstance(item.load, int | float) or item.load < 0):
            problems.append(f"{item.exercise_id} load must be a non-negative number")
    return problems
