"""Asking the policy plugins for suggestions, one plugin's failure never the person's.

``suggest_dose`` is a firstresult hook, but pluggy would let one raising implementation stop
the call. Here each implementation is called on its own, in pluggy's order; one that raises or
answers something glutetui cannot use is reported by plugin name and the next one is asked.
glutetui's own policy answers when none does (also when the built-in plugin is disabled).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from glutetui.coach.checkins import CheckIns, read_all
from glutetui.coach.history import ExerciseHistory, exercise_history
from glutetui.coach.policy import DIRECTIONS, Suggestion, default_policy
from glutetui.coach.recent import recent_sessions
from glutetui.log import LogStore
from glutetui.log.errors import FileProblem
from glutetui.model import MAX_REPS, MAX_SETS, MAX_TIMED_SECONDS, SLUG_RE, Exercise, Session
from glutetui.plugins.result import describe
from glutetui.settings import Settings
from glutetui.workout.entries import MAX_LOAD

if TYPE_CHECKING:
    from glutetui.plugins.result import LoadResult

MAX_TEXT = 300
BUILTIN_POLICY = "coach_policy"


@dataclass(frozen=True)
class Suggestions:
    """A suggestion per exercise, who made it, and ``(plugin, reason)`` for each failed policy."""

    items: tuple[Suggestion, ...]
    policies: tuple[str, ...]
    """The plugin whose policy answered, one per item (``glutetui`` for the fallback)."""
    problems: tuple[tuple[str, str], ...] = ()
    histories: tuple[ExerciseHistory, ...] = ()
    """What each suggestion was made from, one per item (for "last time")."""
    file_problems: tuple[FileProblem, ...] = ()
    """Log and check-in files that could not be read (left alone)."""


def suggestion_problems(value: object, exercise: Exercise) -> list[str]:
    """Why ``value`` is not a suggestion glutetui can show and plan with; empty when it is."""
    if not isinstance(value, Suggestion):
        return [f"returned a {type(value).__name__}, not a glutetui Suggestion"]
    problems = []
    if value.exercise_id != exercise.id:
        problems.append(f"answered for {value.exercise_id!r}, not {exercise.id!r}")
    if value.direction not in DIRECTIONS:
        problems.append(f"direction {value.direction!r} is not up, same or down")
    if (
        isinstance(value.sets, bool)
        or not isinstance(value.sets, int)
        or not 1 <= value.sets <= MAX_SETS
    ):
        problems.append(f"sets {value.sets!r} is not a whole number from 1 to {MAX_SETS}")
    reps = value.reps
    if not (
        isinstance(reps, tuple)
        and len(reps) == 2
        and all(isinstance(r, int) and not isinstance(r, bool) for r in reps)
        and 1 <= reps[0] <= reps[1] <= MAX_REPS
    ):
        problems.append(f"reps {reps!r} is not a range within 1–{MAX_REPS}")
    held = value.seconds
    if held is not None and not (
        isinstance(held, tuple)
        and len(held) == 2
        and all(isinstance(h, int) and not isinstance(h, bool) for h in held)
        and 1 <= held[0] <= held[1] <= MAX_TIMED_SECONDS
    ):
        problems.append(f"seconds {held!r} is not a range within 1–{MAX_TIMED_SECONDS}")
    elif held is not None and not exercise.timed:
        problems.append("seconds are for a timed exercise; this one counts reps")
    load = value.load
    if load is not None and (
        isinstance(load, bool)
        or not isinstance(load, int | float)
        or not math.isfinite(load)
        or not 0 <= load <= MAX_LOAD
    ):
        problems.append(f"load {load!r} is not a number from 0 to {MAX_LOAD:g}")
    for name in ("unit", "lead_side", "variant", "notice", "notice_rule"):
        text = getattr(value, name)
        if text is not None and (not isinstance(text, str) or not text or len(text) > MAX_TEXT):
            problems.append(f"{name} must be short text or None")
    for name in ("reason", "rule", "source"):
        text = getattr(value, name)
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            problems.append(f"{name} must be non-empty text of at most {MAX_TEXT} characters")
    if value.lead_side not in (None, "left", "right"):
        problems.append("lead_side must be left, right or None")
    if value.variant is not None and not SLUG_RE.fullmatch(value.variant):
        problems.append("variant must be an exercise id")
    return problems


def ask_policies(
    impls: Sequence[Any],
    exercise: Exercise,
    history: ExerciseHistory,
    settings: Settings,
    problems: list[tuple[str, str]],
) -> tuple[Suggestion, str]:
    """The first usable answer of ``impls`` (pluggy hook implementations, in call order)."""
    arguments = {"exercise": exercise, "history": history, "settings": settings}
    for impl in impls:
        try:
            # As pluggy does: an implementation may take any subset of the arguments.
            answer = impl.function(**{name: arguments[name] for name in impl.argnames})
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a policy bug must not stop planning
            problems.append((impl.plugin_name, f"hook suggest_dose raised {describe(exc)}"))
            continue
        if answer is None:
            continue
        wrong = suggestion_problems(answer, exercise)
        if wrong:
            problems.append((impl.plugin_name, "suggest_dose " + "; ".join(wrong)))
            continue
        return answer, impl.plugin_name
    return default_policy(exercise, history, settings), "glutetui"


def suggest(
    plugins: LoadResult | None,
    exercises: Iterable[Exercise],
    sessions: Sequence[Session],
    checkins: CheckIns,
    settings: Settings,
    now: datetime,
) -> Suggestions:
    """A suggestion for each of ``exercises`` after ``sessions`` and ``checkins``."""
    manager = plugins.hook_manager() if plugins is not None else None
    # pluggy calls the last registered implementation first (tryfirst/trylast respected).
    impls = list(reversed(manager.hook.suggest_dose.get_hookimpls())) if manager else []
    problems: list[tuple[str, str]] = []
    items, policies, histories = [], [], []
    for exercise in exercises:
        history = exercise_history(exercise.id, sessions, checkins, settings.units, now)
        answer, policy = ask_policies(impls, exercise, history, settings, problems)
        items.append(answer)
        policies.append(policy)
        histories.append(history)
    return Suggestions(
        tuple(items),
        tuple(policies),
        tuple(dict.fromkeys(problems)),
        tuple(histories),
        checkins.problems,
    )


def suggest_from_log(
    plugins: LoadResult | None,
    exercises: Sequence[Exercise],
    store: LogStore,
    settings: Settings,
    now: datetime,
) -> Suggestions:
    """:func:`suggest` over the log and check-ins of ``store``'s config dir, reading only
    each exercise's newest sessions (:func:`~glutetui.coach.recent.recent_sessions`)."""
    recent = recent_sessions(store, [ex.id for ex in exercises])
    found_checkins = read_all(store.paths)
    found = suggest(plugins, exercises, recent.sessions, found_checkins, settings, now)
    return replace(found, file_problems=recent.problems + found.file_problems)
