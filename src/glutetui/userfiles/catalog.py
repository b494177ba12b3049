"""Exercises and routines written as TOML files in the config dir, added to the catalog.

``exercises/<id>.toml`` holds one exercise with the fields of :class:`~glutetui.model.Exercise`;
``routines/<id>.toml`` one routine with those of :class:`~glutetui.model.Routine` and its items
as ``[[items]]`` tables (the fields of :class:`~glutetui.model.RoutineItem`). Each is checked
exactly like a plugin's registration (:func:`~glutetui.validation.normalise_exercise`,
:func:`~glutetui.validation.routine_problems`, ids nobody else uses), after every plugin; a file that
cannot be used is reported by its name and line under "your files" and the others still load.
"""

from __future__ import annotations

import os
import re
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from glutetui.catalog import Catalog
from glutetui.model import Exercise, Routine, RoutineItem
from glutetui.plugins.result import LoadResult, PluginInfo
from glutetui.userfiles import FOLDERS, YOUR_FILES, is_file_source
from glutetui.userfiles.reading import (
    FileError,
    FileProblem,
    line_of_key,
    parse_toml,
    read_folder,
    refuse_unknown,
)
from glutetui.validation import InvalidExerciseError, normalise_exercise, routine_problems

if TYPE_CHECKING:
    from collections.abc import Callable


EXERCISE_KEYS = frozenset(f.name for f in fields(Exercise))
ROUTINE_KEYS = frozenset({"id", "name", "summary", "items"})
ITEM_KEYS = frozenset(f.name for f in fields(RoutineItem))


def folders_of(config_root: str) -> list[str]:
    """The exercise and routine folders of ``config_root``."""
    return [os.path.join(config_root, name) for name in FOLDERS]


def label_of(path: str) -> str:
    """``exercises/x.toml``: how a file is named to people (its folder tells what it holds)."""
    return f"{os.path.basename(os.path.dirname(path))}/{os.path.basename(path)}"


def _problem_line(text: str, problems: str, keys: frozenset[str]) -> int | None:
    """The line of the first key a validation message names (``reps of 500 is beyond …``)."""
    for problem in problems.split("; "):
        first = problem.split(" ", 1)[0]
        if first in keys:
            return line_of_key(text, first)
    return None


def _tupled(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def parse_exercise(text: str) -> Exercise:
    """The exercise ``text`` describes, checked as a plugin's; raises :class:`FileError`."""
    data = parse_toml(text)
    refuse_unknown(data, EXERCISE_KEYS, "", None, text)
    if not isinstance(data.get("id"), str) or not isinstance(data.get("name"), str):
        missing = "id" if not isinstance(data.get("id"), str) else "name"
        raise FileError(f"{missing} is needed, as text in quotes", line_of_key(text, missing))
    try:
        return normalise_exercise(Exercise(**{k: _tupled(v) for k, v in data.items()}))
    except (InvalidExerciseError, TypeError, ValueError) as exc:
        reason = str(exc)
        raise FileError(reason, _problem_line(text, reason, EXERCISE_KEYS)) from None


def _item(number: int, table: object) -> RoutineItem:
    if isinstance(table, str):
        return RoutineItem(exercise_id=table)
    if not isinstance(table, dict):
        raise FileError(f"item {number} must be an [[items]] table or an exercise id")
    refuse_unknown(table, ITEM_KEYS, f"item {number}: ", None)
    if not isinstance(table.get("exercise_id"), str):
        raise FileError(f"item {number}: exercise_id is needed, as text in quotes")
    return RoutineItem(**{k: _tupled(v) for k, v in table.items()})


def parse_routine(text: str) -> Routine:
    """The routine ``text`` describes, its shape checked (its exercise ids are checked against
    the catalog by :func:`with_user_files`); raises :class:`FileError`."""
    data = parse_toml(text)
    refuse_unknown(data, ROUTINE_KEYS, "", None, text)
    items = data.get("items", [])
    if not isinstance(items, list):
        raise FileError("items must be [[items]] tables", line_of_key(text, "items"))
    routine = Routine(
        id=data.get("id", ""),
        name=data.get("name", ""),
        summary=data.get("summary", ""),
        items=tuple(_item(n, t) for n, t in enumerate(items, 1)),
    )
    problems = routine_problems(routine)
    if problems:
        raise FileError("; ".join(problems), _routine_line(text, "; ".join(problems)))
    return routine


def _routine_line(text: str, problem: str) -> int | None:
    line = _problem_line(text, problem, ROUTINE_KEYS)
    if line is None:
        # "<exercise id> sets ...": the line naming that exercise.
        first = re.escape(problem.split(" ", 1)[0])
        found = re.search(rf"""^[ \t]*exercise_id[ \t]*=[ \t]*["']{first}["']""", text, re.M)
        line = text.count("\n", 0, found.start()) + 1 if found else None
    return line


def with_user_files(result: LoadResult, config_root: str) -> LoadResult:
    """``result`` with the exercises and routines of ``config_root``'s files added after every
    plugin's, and a "your files" entry in its report (only when there is a file or folder)."""
    root_exercises, root_routines = folders_of(config_root)
    catalog = result.catalog
    # Items of files read before are dropped first: reading again after a save is no clash.
    sources = {k: v for k, v in catalog.sources.items() if not is_file_source(v)}
    exercises = {k: v for k, v in catalog.exercises.items() if k in sources}
    routines = {k: v for k, v in catalog.routines.items() if k in sources}
    problems: list[str] = []
    added_exercises: list[str] = []
    added_routines: list[str] = []

    def owner(item_id: str) -> str:
        source = sources[item_id]
        return f"your file {source!r}" if is_file_source(source) else f"plugin {source!r}"

    def report(found: list[FileProblem]) -> None:
        problems.extend(
            f"{label_of(p.path)}{f', line {p.line}' if p.line else ''}: {p.reason}" for p in found
        )

    ex_files, ex_problems = read_folder(root_exercises, parse_exercise)
    report(ex_problems)
    for path, exercise in ex_files:
        if exercise.id in exercises:
            report([_taken(path, "exercise", exercise.id, owner(exercise.id))])
            continue
        exercises[exercise.id] = exercise
        sources[exercise.id] = label_of(path)
        added_exercises.append(exercise.id)
    routine_files, routine_problems_found = read_folder(root_routines, parse_routine)
    report(routine_problems_found)
    for path, routine in routine_files:
        missing = [i.exercise_id for i in routine.items if i.exercise_id not in exercises]
        if missing:
            reason = "uses exercises nobody registered: " + ", ".join(missing)
            report([FileProblem(path, reason, _routine_line(text_of(path), f"{missing[0]} "))])
        elif routine.id in routines:
            report([_taken(path, "routine", routine.id, owner(routine.id))])
        else:
            routines[routine.id] = routine
            sources[routine.id] = label_of(path)
            added_routines.append(routine.id)
    info = PluginInfo(
        name=YOUR_FILES,
        module=config_root,
        status="partial" if problems else "ok",
        problems=tuple(problems),
        exercises=tuple(added_exercises),
        routines=tuple(added_routines),
    )
    reload = result.reload
    others = tuple(p for p in result.plugins if p.name != YOUR_FILES)
    folders = os.path.isdir(root_exercises) or os.path.isdir(root_routines)
    return replace(
        result,
        catalog=Catalog(exercises=exercises, routines=routines, sources=sources),
        plugins=(*others, info) if folders else others,
        reload=None if reload is None else _reloading(reload, config_root),
    )


def _reloading(reload: Callable[[], LoadResult], config_root: str) -> Callable[[], LoadResult]:
    """A reload that keeps the files: hooks see the same catalog the screens showed."""
    return lambda: with_user_files(reload(), config_root)


def _taken(path: str, kind: str, item_id: str, by: str) -> FileProblem:
    text = text_of(path)
    return FileProblem(
        path, f"{kind} id {item_id!r} is already registered by {by}", line_of_key(text, "id")
    )


def text_of(path: str) -> str:
    """A file's text again, to find a line in (it was readable a moment ago)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return ""
