"""Known equipment words: canonical keys, nice names, and aliases plugins may use."""

from __future__ import annotations

from glutetui.text import neutralise

NAMES: dict[str, str] = {
    "band": "resistance band",
    "mini band": "mini band",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "barbell": "barbell",
    "bench": "bench",
    "hip abductor machine": "hip abductor machine",
    "cable machine": "cable machine",
    "mat": "mat",
    "step": "step or box",
    "ankle weight": "ankle weight",
    "wall": "wall",
    "chair": "chair",
}
"""Canonical key -> the name shown to people."""

ALIASES: dict[str, str] = {
    "resistance band": "band",
    "resistance-band": "band",
    "loop band": "band",
    "bands": "band",
    "miniband": "mini band",
    "mini-band": "mini band",
    "dumbbells": "dumbbell",
    "db": "dumbbell",
    "kettlebells": "kettlebell",
    "kb": "kettlebell",
    "bar": "barbell",
    "abductor machine": "hip abductor machine",
    "hip-abductor-machine": "hip abductor machine",
    "abduction machine": "hip abductor machine",
    "hip abduction machine": "hip abductor machine",
    "cable": "cable machine",
    "yoga mat": "mat",
    "box": "step",
    "ankle weights": "ankle weight",
}
"""Spellings plugin authors reach for -> canonical key."""


def display_name(key: str) -> str:
    """The name shown for an equipment key; unknown words (a plugin's) are shown as they are,
    control characters removed."""
    return NAMES.get(key) or neutralise(key)


def normalise_word(word: str) -> str:
    """Lower-case and trim an equipment word and map known aliases to their key."""
    key = " ".join(word.strip().lower().replace("_", " ").split())
    return ALIASES.get(key, key)
