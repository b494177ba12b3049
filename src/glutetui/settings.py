"""User settings from ``settings.toml`` in the config dir.

The file is the user's: glutetui reads it, reports every key it cannot use (naming the key and
falling back to that key's default), and never writes it unasked (the settings screen writes
it when the person saves, see ``settings_edit.py``). An unreadable file means all defaults plus one notice, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

MAX_EQUIPMENT = 50
"""Equipment words in ``equipment`` at most."""


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default."""

    units: str = "kg"
    """Load unit: ``kg`` or ``lb``."""
    rest_seconds: int = 90
    """Rest between sets, unless the exercise says otherwise."""
    switch_sides_seconds: int = 10
    """Pause between the left and the right side of a set."""
    bell: bool = True
    """Ring the terminal bell when a timer ends (works over SSH)."""
    hold_cue: bool = True
    """Count the hold at the top of each rep for exercises that have one."""
    hold_lower_seconds: int = 2
    """Seconds to lower between holds: after each hold the next one starts by itself until the
    top of the rep range (0: every hold waits for h)."""
    weekly_goal_sets: int = 30
    """Work sets per week to aim for."""
    theme: str = ""
    """Colour theme, one of Textual's (``nord``, ``gruvbox`` ...); empty for the default."""
    equipment: tuple[str, ...] = ()
    """The equipment you own: the library starts filtered to it (empty: any equipment)."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> key, to remap keys (``[keys] start-session = "enter"``)."""
    coaching: bool = True
    """Suggest a dose for each exercise and ask the next-morning question (``false`` turns both off)."""
    pain_amber_from: int = 4
    """Pain (0–10) from which it reads as "acceptable" rather than "fine"."""
    pain_red_from: int = 6
    """Pain (0–10) from which it reads as "too much"."""


def _int_in(lo: int, hi: int) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            return f"must be a whole number from {lo} to {hi}"
        return None

    return check


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        return None if v in choices else "must be one of " + ", ".join(repr(c) for c in choices)

    return check


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _theme(v: Any) -> str | None:
    if not isinstance(v, str) or not re.fullmatch(r"[a-z0-9-]{0,40}", v):
        return "must be a theme name such as 'nord' (lower-case letters, digits and dashes)"
    return None


def _equipment(v: Any) -> str | None:
    if (
        not isinstance(v, list | tuple)
        or len(v) > MAX_EQUIPMENT
        or not all(
            isinstance(w, str) and re.fullmatch(r"[a-z0-9 -]{1,40}", w.strip().lower()) for w in v
        )
    ):
        return f'must be a list of up to {MAX_EQUIPMENT} equipment words such as ["band"]'
    return None


def _keys(v: Any) -> str | None:
    if not isinstance(v, dict):
        return 'must be a table of binding id = "key" pairs'
    return None  # each pair is checked on its own (see key_problem)


_MODIFIERS = ("ctrl+", "shift+", "alt+", "meta+", "super+", "hyper+")
_KEY_NAME = re.compile(r"[a-z][a-z0-9_]*")


def key_problem(binding_id: object, keys: object) -> str | None:
    """Why ``keys`` cannot be bound (``None`` if it can, as far as its shape goes).

    A binding takes one key or several separated by commas, each optionally after modifiers:
    ``q``, ``ctrl+q``, ``f2,ctrl+s``. Markup (``[bold]``), empty parts (``,,,``) and spaces
    are refused here; whether a name is one the terminal library knows is checked by the app.
    """
    if not isinstance(binding_id, str) or not binding_id:
        return "a binding id must be text"
    if not isinstance(keys, str):
        return 'must be a key in quotes, like "ctrl+q"'
    for part in keys.split(","):
        base = part
        while base.startswith(_MODIFIERS):
            base = base.split("+", 1)[1]
        single = len(base) == 1 and base.isprintable() and not base.isspace()
        if not (single or _KEY_NAME.fullmatch(base)):
            return f'{keys!r} is not a key (write one like "q", "ctrl+q" or "f2,ctrl+s")'
    return None


CHECKS: dict[str, Callable[[Any], str | None]] = {
    "units": _one_of("kg", "lb"),
    "rest_seconds": _int_in(0, 900),
    "switch_sides_seconds": _int_in(0, 300),
    "bell": _bool,
    "hold_cue": _bool,
    "hold_lower_seconds": _int_in(0, 30),
    "weekly_goal_sets": _int_in(1, 500),
    "theme": _theme,
    "equipment": _equipment,
    "keys": _keys,
    "coaching": _bool,
    "pain_amber_from": _int_in(1, 10),
    "pain_red_from": _int_in(1, 10),
}
assert set(CHECKS) == {f.name for f in fields(Settings)}


@dataclass(frozen=True)
class LoadedSettings:
    """Settings plus a notice for every key that could not be used."""

    settings: Settings
    notices: tuple[str, ...] = ()


def parse_settings(data: Mapping[str, Any], where: str = "settings.toml") -> LoadedSettings:
    """Settings from already-parsed TOML; bad keys fall back to their defaults with a notice."""
    defaults = Settings()
    values: dict[str, Any] = {}
    notices = []
    for key, value in data.items():
        check = CHECKS.get(key)
        if check is None:
            notices.append(f"{where}: unknown key {key!r} is ignored (known: {', '.join(CHECKS)})")
            continue
        problem = check(value)
        if not problem and key == "keys":
            value = _good_keys(value, where, defaults, notices)
        if problem:
            default = getattr(defaults, key)
            notices.append(
                f"{where}: {key} {problem}, not {value!r}; using the default {default!r}"
            )
            continue
        values[key] = tuple(value) if key == "equipment" else value
    return LoadedSettings(replace(defaults, **values), tuple(notices))


def _good_keys(
    keys: dict[str, Any], where: str, defaults: Settings, notices: list[str]
) -> dict[str, str]:
    """The remaps that can be used; a notice for each that cannot, naming it."""
    good = {}
    for binding_id, value in keys.items():
        problem = key_problem(binding_id, value)
        if problem:
            notices.append(f"{where}: keys.{binding_id} {problem}; its default key is kept")
        else:
            good[binding_id] = value
    return good


def load_settings(path: Path) -> LoadedSettings:
    """Read ``path``; a missing file is all defaults, an unreadable one is all defaults plus a notice."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(
            Settings(), (f"{path}: cannot be read ({exc.strerror}); using defaults",)
        )
    import tomllib  # only when there is a file: most people never write one

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return LoadedSettings(Settings(), (f"{path}: not valid TOML ({exc}); using defaults",))
    return parse_settings(data, where=str(path))
