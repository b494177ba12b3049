"""Exercise names typed on the command line or found in other apps' exports."""

from __future__ import annotations

import hashlib
import re
import unicodedata

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutetui.model import Exercise

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")


def slug(text: str) -> str:
    """``"Hip Thrust (Barbell)"`` -> ``"hip-thrust-barbell"``: the id of an exercise known only
    by name. Accents go (``Élévation`` -> ``elevation``); a name in a script without Latin
    letters (``平板支撑``) gets ``exercise-`` and a digest of its words, so two such names never
    share an id."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = _ASCII_WORD.findall(plain)
    if words:
        return "-".join(words)
    key = normalise(text)
    return f"exercise-{hashlib.sha256(key.encode()).hexdigest()[:6]}" if key else "exercise"


def normalise(text: str) -> str:
    """Lower-case words in any script, punctuation and spacing ignored: how names are compared."""
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
