"""The ``[keys]`` remaps of ``settings.toml``, checked against the app's own bindings.

:func:`glutetui.settings.key_problem` has already refused what is not shaped like a key; here
a remap is also refused when its binding id is not one of the app's, or a key name is not one
Textual knows (``f13`` exists, ``foo`` does not). A refused remap keeps the binding's default
key, and the notice names it, so ``quit = "[bold]"`` can never leave the app without a way out.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from functools import cache

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key

_MODIFIERS = ("ctrl+", "shift+", "alt+", "meta+", "super+", "hyper+")


def _base(key: str) -> str:
    while key.startswith(_MODIFIERS):
        key = key.split("+", 1)[1]
    return key


@cache
def key_names() -> frozenset[str]:
    """Every key name Textual knows, without modifiers (``enter``, ``f5``, ``comma``, ``a``)."""
    names = {_base(k.value) for k in Keys if not k.value.startswith("<")}
    names |= {_character_to_key(chr(c)) for c in range(0x21, 0x7F)}
    names |= set(KEY_NAME_REPLACEMENTS.values())
    return frozenset(names)


def _bindings_of(classes: Iterable[type[DOMNode]]) -> set[str]:
    ids = set()
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def _subclasses(cls: type[DOMNode]) -> Iterable[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@cache
def binding_ids() -> frozenset[str]:
    """The id of every binding the app and its screens, dialogs and widgets declare."""
    import glutetui.tui as tui

    for module in pkgutil.walk_packages(tui.__path__, "glutetui.tui."):
        importlib.import_module(module.name)
    ours = [c for c in _subclasses(DOMNode) if c.__module__.startswith("glutetui.")]
    return frozenset(_bindings_of(ours))


def checked_keymap(keys: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The remaps the app can use, and a notice naming each one it cannot (whose binding keeps
    its default key)."""
    known_ids, names = binding_ids(), key_names()
    good: dict[str, str] = {}
    notices = []
    for binding_id, spec in keys.items():
        if binding_id not in known_ids:
            notices.append(
                f"settings.toml: keys.{binding_id} is not a binding of glutetui, so it was "
                "ignored (the help screen and docs name each binding id)"
            )
            continue
        unknown = [k for k in spec.split(",") if len(_base(k)) > 1 and _base(k) not in names]
        if unknown:
            notices.append(
                f"settings.toml: keys.{binding_id}: {', '.join(map(repr, unknown))} is not a "
                "key name; its default key is kept"
            )
            continue
        good[binding_id] = spec
    return good, notices
