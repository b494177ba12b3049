"""Matching an exercise against filter words and the equipment a person has.

Kept free of heavy imports: the cached ``glutetui exercises`` path uses it on plain dicts and
:class:`glutetui.catalog.Catalog` on exercises, so both filter identically.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


def search_text(*parts: str) -> str:
    """The lower-cased text that filter words are matched against."""
    return " ".join(parts).lower()


def matches(
    text: str, required: Iterable[str], words: Iterable[str], have: set[str] | None
) -> bool:
    """Whether every word occurs in ``text`` and ``required`` equipment is all in ``have``.

    ``have=None`` means no equipment filter; optional equipment never excludes an exercise.
    """
    if have is not None and not set(required) <= have:
        return False
    return all(w in text for w in words)
