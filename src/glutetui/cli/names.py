"""Exercise names typed on the command line or found in other apps' exports."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutetui.model import Exercise

_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str) -> str:
    """``"Hip Thrust (Barbell)"`` -> ``"hip-thrust-barbell"``: the id of an exercise known only by name."""
    return "-".join(_WORD.findall(text.lower())) or "exercise"


def normalise(text: str) -> str:
    """Lower-case words, punctuation and spacing ignored: how names are compared."""
    return " ".join(_WORD.findall(text.lower()))


class ExerciseNames:
    """Maps another app's name for an exercise to the id of an installed exercise.

    An exercise is found by its id, its name, or one of the ``aliases`` its plugin declares,
    compared by :func:`normalise`. Ids and names are looked up before aliases, so one
    exercise's alias never takes another's own name; between two aliases the exercise loaded
    first (the built-ins load first) wins.
    """

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        known = list(exercises)
        self._ids: dict[str, str] = {}
        for ex in known:
            self._ids.setdefault(normalise(ex.name), ex.id)
            self._ids.setdefault(normalise(ex.id), ex.id)
        for ex in known:
            for alias in ex.aliases:
                self._ids.setdefault(normalise(alias), ex.id)

    def id_for(self, name: str) -> str:
        """The id of the exercise called ``name``; for one not installed, the name's slug."""
        return self._ids.get(normalise(name)) or slug(name)
