"""Routines saved from the app: a planned session written as ``routines/<slug>.toml``, renamed
or deleted later. The files are the same ones people write by hand
(:mod:`glutetui.userfiles.catalog` reads them back), written with the one atomic write.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import replace

from glutetui.fsutil import write_atomic
from glutetui.model import Routine, RoutineItem
from glutetui.text import strip_controls
from glutetui.userfiles.catalog import parse_routine
from glutetui.userfiles.reading import MAX_FILE_BYTES, FileError
from glutetui.validation import routine_problems

FOLDER = "routines"
MAX_NAME_LENGTH = 80
_WORD = re.compile(r"[a-z0-9]+")


class RoutineFileError(Exception):
    """A routine file that cannot be saved, renamed or deleted; the message says why."""


def clean_name(name: str) -> str:
    """``name`` on one line without control characters; raises :class:`RoutineFileError`."""
    text = " ".join(strip_controls(name)[0].split())
    if not text:
        raise RoutineFileError("a routine needs a name")
    if len(text) > MAX_NAME_LENGTH:
        raise RoutineFileError(f"a routine's name is at most {MAX_NAME_LENGTH} characters")
    return text


def free_id(name: str, taken: Container[str], folder: str) -> str:
    """An id for ``name`` (``"My hips"`` -> ``my-hips``) that no routine and no file has."""
    plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    base = "-".join(_WORD.findall(plain))[:60].strip("-") or "routine"
    candidate, number = base, 1
    while candidate in taken or os.path.exists(os.path.join(folder, f"{candidate}.toml")):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def routine_toml(routine: Routine) -> str:
    """The file's text for ``routine``: what a person would write, read back the same."""
    import tomli_w

    items = []
    for item in routine.items:
        table: dict[str, object] = {"exercise_id": item.exercise_id}
        # One number for a fixed count, as a person would write it; a range as a list.
        for key, value in (("sets", item.sets), ("reps", item.reps)):
            if value is not None:
                table[key] = value[0] if value[0] == value[1] else list(value)
        if item.load is not None:
            table["load"] = item.load
        items.append(table)
    data: dict[str, object] = {"id": routine.id, "name": routine.name}
    if routine.summary:
        data["summary"] = routine.summary
    data["items"] = items
    return "# Saved from glutetui; edit freely (docs/your-files.md).\n" + tomli_w.dumps(
        data, multiline_strings=True
    )


def save_routine(
    config_root: str, name: str, items: Sequence[RoutineItem], taken: Container[str]
) -> tuple[str, Routine]:
    """Write a new routine called ``name`` with ``items``; its path and the routine.

    ``taken`` holds the routine ids in use (plugins' and files'). Raises
    :class:`RoutineFileError` for a name or items that cannot make a routine, or a failed write.
    """
    folder = os.path.join(config_root, FOLDER)
    clean = clean_name(name)
    routine = Routine(id=free_id(clean, taken, folder), name=clean, items=tuple(items))
    problems = routine_problems(routine)
    if problems:
        raise RoutineFileError("; ".join(problems))
    path = os.path.join(folder, f"{routine.id}.toml")
    _write(path, routine)
    return path, routine


def rename_routine(path: str, name: str) -> Routine:
    """Give the routine in ``path`` a new name (its id, which a log or programme may name,
    stays); raises :class:`RoutineFileError`."""
    clean = clean_name(name)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        routine = parse_routine(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, FileError) as exc:
        raise RoutineFileError(f"{os.path.basename(path)} cannot be read: {exc}") from None
    renamed = replace(routine, name=clean)
    _write(path, renamed)
    return renamed


def delete_routine(path: str) -> None:
    """Remove the routine file ``path``; raises :class:`RoutineFileError`."""
    try:
        os.remove(path)
    except FileNotFoundError:
        return  # already gone: what was asked for
    except OSError as exc:
        raise RoutineFileError(
            f"{os.path.basename(path)} cannot be deleted: {exc.strerror or exc}"
        ) from None


def _write(path: str, routine: Routine) -> None:
    try:
        write_atomic(path, routine_toml(routine).encode("utf-8"))
    except OSError as exc:
        raise RoutineFileError(
            f"{os.path.basename(path)} cannot be written: {exc.strerror or exc}"
        ) from None
