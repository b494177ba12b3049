"""Programmes written as TOML files in the config dir: ``programmes/*.toml``.

One programme per file, checked like a plugin's (:func:`~glutetui.coach.programmes.programme_problems`);
a file that cannot be used is reported by its name and line, and every other file still loads.
The layout is documented in ``docs/programmes.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from glutetui.coach.programmes import (
    Criteria,
    Programme,
    SelfTestSchedule,
    Stage,
    programme_problems,
)

FOLDER = "programmes"
MAX_FILE_BYTES = 64 * 1024
TOP_KEYS = frozenset({"id", "name", "summary", "source", "stages", "self_tests"})
TEST_KEYS = frozenset({"test", "weeks"})
STAGE_KEYS = frozenset({"name", "routines", "sessions_per_week", "note", "advance"})
ADVANCE_KEYS = frozenset({"min_weeks", "settled_checkins", "min_adherence"})
_STAGE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*stages[ \t]*\]\]", re.MULTILINE)


@dataclass(frozen=True)
class FileProblem:
    """A programme file that was left out, and why (``line`` when the reason has one)."""

    path: str
    reason: str
    line: int | None = None

    def describe(self) -> str:
        where = os.path.basename(self.path) + (f", line {self.line}" if self.line else "")
        return f"{where}: {self.reason}"


class _Bad(Exception):
    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def folder_of(config_root: str) -> str:
    """Where people put programme files."""
    return os.path.join(config_root, FOLDER)


def _line_of_key(text: str, key: str, start: int = 0) -> int | None:
    match = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _stage_line(text: str, number: int, reason: str = "") -> int | None:
    """The line of stage ``number``'s header, or of the key ``reason`` names inside it."""
    headers = list(_STAGE_HEADER.finditer(text))
    if number - 1 >= len(headers):
        return None
    start = headers[number - 1].start()
    for key in sorted(STAGE_KEYS | ADVANCE_KEYS):
        if f" {key} " in reason:
            line = _line_of_key(text, key, start)
            if line is not None:
                return line
    return text.count("\n", 0, start) + 1


def _unknown(table: dict[str, Any], allowed: frozenset[str], label: str, line: int | None) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise _Bad(f"{label}unknown key {extra[0]!r} (known: {', '.join(sorted(allowed))})", line)


def _stage(text: str, number: int, table: object) -> Stage:
    line = _stage_line(text, number)
    label = f"stage {number}: "
    if not isinstance(table, dict):
        raise _Bad(f"{label}must be a [[stages]] table", line)
    _unknown(table, STAGE_KEYS, label, line)
    advance = table.get("advance", {})
    if not isinstance(advance, dict):
        raise _Bad(f"{label}advance must be a table", line)
    _unknown(advance, ADVANCE_KEYS, f"{label}advance: ", line)
    routines = table.get("routines", ())
    if isinstance(routines, str):
        routines = (routines,)
    if not isinstance(routines, list | tuple):
        raise _Bad(f"{label}routines must be a list of routine ids", line)
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
    """The programme ``text`` describes; raises ``_Bad`` (reason and line) otherwise."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise _Bad(f"not valid TOML: {reason}", int(found.group(1)) if found else None) from None
    _unknown(data, TOP_KEYS, "", None)
    stages = data.get("stages", [])
    if not isinstance(stages, list):
        raise _Bad("stages must be [[stages]] tables", _line_of_key(text, "stages"))
    tests = data.get("self_tests", [])
    if not isinstance(tests, list) or not all(isinstance(t, dict) for t in tests):
        raise _Bad("self_tests must be [[self_tests]] tables", _line_of_key(text, "self_tests"))
    for table in tests:
        _unknown(table, TEST_KEYS, "self_tests: ", None)
        if not isinstance(table.get("weeks", []), list):
            raise _Bad(
                "self_tests: weeks must be a list like [0, 4, 8]", _line_of_key(text, "weeks")
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
            line = _line_of_key(text, first.split(" ", 1)[0])
        raise _Bad("; ".join(problems), line)
    return programme


def load_files(
    config_root: str, known_routines: set[str] | None = None
) -> tuple[list[tuple[str, Programme]], list[FileProblem]]:
    """Every usable programme file as ``(path, programme)``, by file name, and every problem."""
    folder = folder_of(config_root)
    try:
        names = sorted(
            n for n in os.listdir(folder) if n.endswith(".toml") and not n.startswith(".")
        )
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        return [], [FileProblem(folder, f"cannot list the folder: {exc.strerror or exc}")]
    found: list[tuple[str, Programme]] = []
    problems: list[FileProblem] = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                raise _Bad(f"is larger than {MAX_FILE_BYTES // 1024} KiB")
            found.append((path, parse_programme(raw.decode("utf-8"), known_routines)))
        except _Bad as exc:
            problems.append(FileProblem(path, exc.reason, exc.line))
        except UnicodeDecodeError:
            problems.append(FileProblem(path, "is not UTF-8 text"))
        except OSError as exc:
            problems.append(FileProblem(path, f"cannot be read: {exc.strerror or exc}"))
    return found, problems
