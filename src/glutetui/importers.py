"""The importer contract: what a plugin registers through ``register_importers``.

An :class:`Importer` has a name (what ``glutetui import --format`` takes) and a function that
looks at a CSV file's header (and its first row) and, when it knows the layout, answers with a
:class:`Layout`: how to read the rows (:class:`Cells`, typed and range-checked) into
:class:`~glutetui.model.Session` objects, given a :class:`Context` (the unit for files that do
not say, the installed exercises' names, the tally of rows set aside). Raise
:class:`ImportFormatError` for a row that cannot be logged; give each session an id with
:func:`import_id` so that importing the same file again finds the sessions already there.
``docs/plugins.md`` has a whole example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glutetui.cli.importing.drafts import Context, Layout, import_id
from glutetui.cli.importing.rows import Cells, ImportFormatError

NAME_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,39}")
"""An importer's name: lower-case letters, digits and dashes, 1 to 40, starting with a letter."""


@dataclass(frozen=True)
class Importer:
    """One file format glutetui can import, registered by a plugin."""

    name: str
    """What ``glutetui import --format`` takes, and what ``glutetui plugins`` lists."""
    recognise: Callable[[Sequence[str], Sequence[str] | None], Layout | None]
    """``recognise(header, first_row)``: the :class:`Layout` of a file with this header (the
    first row is ``None`` for a file without rows), or ``None`` when it is not this format.
    Called for every CSV file imported, in plugin order, until one answers: keep it quick."""


def importer_problems(item: object) -> list[str]:
    """What is wrong with a registered importer, in words; empty when it is fine."""
    if not isinstance(item, Importer):
        return [f"expected a glutetui.importers.Importer, got {type(item).__name__}"]
    problems = []
    if not isinstance(item.name, str) or not NAME_PATTERN.fullmatch(item.name):
        problems.append(
            f"name {item.name!r} must be 1 to 40 lower-case letters, digits or dashes, "
            "starting with a letter"
        )
    if not callable(item.recognise):
        problems.append("recognise must be a function of (header, first_row)")
    return problems


__all__ = [
    "Cells",
    "Context",
    "ImportFormatError",
    "Importer",
    "Layout",
    "import_id",
    "importer_problems",
]
