"""Programmes written as TOML files in the config dir: ``programmes/*.toml``.

One programme per file, checked like a plugin's (:func:`~glutetui.coach.programmes.programme_problems`);
a file that cannot be used is reported by its name and line, and every other file still loads.
The layout is documented in ``docs/programmes.md``.
"""

from __future__ import annotations

import os
import re

from glutetui.coach.programmes import (
    Criteria,
    Programme,
    SelfTestSchedule,
    Stage,
    programme_problems,
)
from glutetui.userfiles.reading import (
    FileError,
    FileProblem,
    line_of_key,
    parse_toml,
    read_folder,
    refuse_unknown,
)

__all__ = ["FileProblem", "folder_of", "load_files", "parse_programme"]

FOLDER = "programmes"
TOP_KEYS = frozenset({"id", "name", "summary", "source", "stages", "self_tests"})
TEST_KEYS = frozenset({"test", "weeks"})
STAGE_KEYS = frozenset({"name", "routines", "sessions_per_week", "note", "advance"})
ADVANCE_KEYS = frozenset({"min_weeks", "settled_checkins", "min_adherence"})
_STAGE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*stages[ \t]*\]\]", re.MULTILINE)


def folder_of(config_root: str) -> str:
    """Where people put programme files."""
    return os.path.join(config_root, FOLDER)


def _stage_line(text: str, number: int, reason: str = "") -> int | None:
    """The line of stage ``number``'s header, or of the key ``reason`` names inside it."""
    headers = list(_STAGE_HEADER.finditer(text))
    if number - 1 >= len(headers):
        return None
    start = headers[number - 1].start()
    for key in sorted(STAGE_KEYS | ADVANCE_KEYS):
        if f" {key} " in reason:
            line = line_of_key(text, key, start)
            if line is not None:
                return line
    return text.count("\n", 0, start) + 1


def _stage(text: str, number: int, table: object) -> Stage:
    line = _stage_line(text, number)
    label = f"stage {number}: "
    if not isinstance(table, dict):
        raise FileError(f"{label}must be a [[stages]] table", line)
    refuse_unknown(table, STAGE_KEYS, label, line)
    advance = table.get("advance", {})
    if not isinstance(advance, dict):
        raise FileError(f"{label}advance must be a table", line)
    refuse_unknown(advance, ADVANCE_KEYS, f"{label}advance: ", line)
    routines = table.get("routines", ())
    if isinstance(routines, str):
        routines = (routines,)
    if not isinstance(routines, list | tuple):
        raise FileError(f"{label}routines must be a list of routine ids", line)
    return Stage(
        name=table.get("name", ""),
        routines=tuple(routines),
        sessions_per_week=table.get("sessions_per_week", 3),
        note=table.get("note", ""),
        advance=Criteria(
            min_weeks=advance.get("min_weeks", 1),
            settled_checkins=advance.get("settled_checkins", 0),
            min_adherence=advance.get("min_adherence", 0.0),
        ),
    )


def parse_programme(text: str, known_routines: set[str] | None = None) -> Programme:
    """The programme ``text`` describes; raises ``FileError`` (reason and line) otherwise."""
    data = parse_toml(text)
    refuse_unknown(data, TOP_KEYS, "", None)
    stages = data.get("stages", [])
    if not isinstance(stages, list):
        raise FileError("stages must be [[stages]] tables", line_of_key(text, "stages"))
    tests = data.get("self_tests", [])
    if not isinstance(tests, list) or not all(isinstance(t, dict) for t in tests):
        raise FileError("self_tests must be [[self_tests]] tables", line_of_key(text, "self_tests"))
    for table in tests:
        refuse_unknown(table, TEST_KEYS, "self_tests: ", None)
        if not isinstance(table.get("weeks", []), list):
            raise FileError(
                "self_tests: weeks must be a list like [0, 4, 8]", line_of_key(text, "weeks")
            )
    programme = Programme(
        self_tests=tuple(
            SelfTestSchedule(t.get("test", ""), tuple(t.get("weeks", []))) for t in tests
        ),
        id=data.get("id", ""),
        name=data.get("name", ""),
        summary=data.get("summary", ""),
        source=data.get("source", ""),
        stages=tuple(_stage(text, n, s) for n, s in enumerate(stages, 1)),
    )
    problems = programme_problems(programme, known_routines)
    if problems:
        first = problems[0]
        found = re.match(r"stage (\d+)", first)
        if found:
            line = _stage_line(text, int(found.group(1)), first)
        else:
            line = line_of_key(text, first.split(" ", 1)[0])
        raise FileError("; ".join(problems), line)
    return programme


def load_files(
    config_root: str, known_routines: set[str] | None = None
) -> tuple[list[tuple[str, Programme]], list[FileProblem]]:
    """Every usable programme file as ``(path, programme)``, by file name, and every problem."""
    return read_folder(folder_of(config_root), lambda text: parse_programme(text, known_routines))
