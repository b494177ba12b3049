"""``library: ...`` and ``exercise: <name>``: filtering the library and opening any exercise."""

from __future__ import annotations

from collections.abc import Iterable

from glutetui.text import neutralise
from glutetui.tui.commands import Command, CommandsProvider


class LibraryCommands(CommandsProvider):
    """``library: ...``: searching and filtering the exercise list."""

    def commands(self) -> Iterable[Command]:
        """The library's commands."""
        yield (
            "library: search",
            "Type to filter by name, tag or equipment",
            self._run("library('focus_filter')"),
        )
        yield (
            "library: filter by equipment",
            "Only exercises you can do with the equipment you have",
            self._run("library('equipment_filter')"),
        )
        yield (
            "library: clear equipment filter",
            "Show exercises for any equipment again",
            self._run("library('clear_equipment')"),
        )


class ExerciseCommands(CommandsProvider):
    """``exercise: <name>``: jump to any exercise's details."""

    def commands(self) -> Iterable[Command]:
        """One command per exercise in the catalog."""
        catalog = self.glute_app.catalog
        for ex in catalog.exercises.values():
            yield (
                f"exercise: {neutralise(ex.name)}",
                neutralise(f"{ex.dose.describe()} (from {catalog.source(ex.id)})"),
                self._run(f"library(\"show_exercise('{ex.id}')\")"),
            )
