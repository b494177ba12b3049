"""The validated exercises and routines, searchable by name, tag and equipment."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from glutetui.equipment import display_name
from glutetui.model import Exercise, Routine
from glutetui.search import matches, search_text


class UnknownExerciseError(KeyError):
    """An exercise or routine id that no installed plugin registered."""

    def __str__(self) -> str:
        return f"no exercise or routine with id {self.args[0]!r} is installed (see `glutetui exercises`)"


@dataclass(frozen=True)
class Catalog:
    """Every exercise and routine that loaded, with the plugin each came from.

    Built by :func:`glutetui.plugins.load_plugins`; order is registration order (built-ins
    first).
    """

    exercises: Mapping[str, Exercise] = field(default_factory=dict)
    routines: Mapping[str, Routine] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)
    """Exercise or routine id -> name of the plugin that registered it."""

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with ``exercise_id``; raises :class:`UnknownExerciseError`."""
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise UnknownExerciseError(exercise_id) from None

    def routine(self, routine_id: str) -> Routine:
        """The routine with ``routine_id``; raises :class:`UnknownExerciseError`."""
        try:
            return self.routines[routine_id]
        except KeyError:
            raise UnknownExerciseError(routine_id) from None

    def source(self, item_id: str) -> str:
        """The plugin that registered an exercise or routine."""
        return self.sources.get(item_id, "?")

    def equipment(self) -> list[str]:
        """Every equipment key used by any exercise, required or optional, sorted by display name."""
        keys: dict[str, None] = {}
        for ex in self.exercises.values():
            keys.update(dict.fromkeys(ex.equipment))
            keys.update(dict.fromkeys(ex.optional_equipment))
        return sorted(keys, key=display_name)

    def search(self, text: str = "", have: Iterable[str] | None = None) -> list[Exercise]:
        """Exercises matching every word of ``text`` and doable with the equipment in ``have``.

        Words match the name, id, summary, tags, plugin and equipment, case-insensitively.
        ``have=None`` means no equipment filter; ``have=[]`` keeps only exercises that need
        nothing (optional equipment never excludes an exercise).
        """
        words = text.lower().split()
        available = None if have is None else set(have)
        return [
            ex
            for ex in self.exercises.values()
            if matches(self.search_text(ex), ex.equipment, words, available)
        ]

    def search_text(self, ex: Exercise) -> str:
        """What filter words are matched against for ``ex``."""
        gear = [display_name(e) for e in (*ex.equipment, *ex.optional_equipment)]
        return search_text(ex.id, ex.name, ex.summary, self.source(ex.id), *ex.tags, *gear)
