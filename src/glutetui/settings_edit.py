"""Changing ``settings.toml`` from the settings screen: each key's meaning, typed text read
back into a value the file could hold, and a save that touches only what was changed.

Every key :class:`~glutetui.settings.Settings` defines is offered, whatever it is (a key added
later shows up without a change here): its meaning is the attribute's docstring, its check the
one :data:`~glutetui.settings.CHECKS` holds. The file is written with tomli-w, and only when the
person saves; keys glutetui does not know are kept, hand-written comments are not.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from glutetui import settings as settings_module
from glutetui.fsutil import write_atomic
from glutetui.settings import CHECKS, Settings

TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})


class SettingsFileError(Exception):
    """``settings.toml`` could not be read back or written; the message says which and why."""


@dataclass(frozen=True)
class Key:
    """One key of ``settings.toml``: its name, meaning, default and whether typing edits it."""

    name: str
    meaning: str
    default: Any
    editable: bool
    """False for tables (``keys``), which are edited in the file itself."""


def _docstrings() -> dict[str, str]:
    """Each :class:`Settings` attribute's docstring, read from the module's source."""
    try:
        tree = ast.parse(inspect.getsource(settings_module))
    except (OSError, TypeError):  # installed without its source: the names still show
        return {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == Settings.__name__:
            docs: dict[str, str] = {}
            body = node.body
            for stmt, nxt in itertools.pairwise(body):
                if (
                    isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and isinstance(nxt, ast.Expr)
                    and isinstance(nxt.value, ast.Constant)
                    and isinstance(nxt.value.value, str)
                ):
                    words = " ".join(nxt.value.value.split())
                    docs[stmt.target.id] = words.replace("``", "")
            return docs
    return {}


def settings_keys() -> list[Key]:
    """Every key of ``settings.toml``, in the order :class:`Settings` declares them."""
    docs = _docstrings()
    defaults = Settings()
    return [
        Key(
            f.name,
            docs.get(f.name, ""),
            getattr(defaults, f.name),
            not isinstance(getattr(defaults, f.name), Mapping),
        )
        for f in fields(Settings)
    ]


def as_text(value: Any) -> str:
    """A value as the settings screen shows it in a box (what :func:`parse_text` reads back)."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse_text(name: str, text: str) -> Any:
    """``text`` typed for key ``name`` as the value the file would hold.

    Raises :class:`ValueError` whose message says what the key accepts.
    """
    default = getattr(Settings(), name)
    text = text.strip()
    value: Any
    if isinstance(default, bool):
        word = text.lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValueError("type on or off")
        value = word in TRUE_WORDS
    elif isinstance(default, int):
        if not text.isascii() or not text.isdigit() or len(text) > 6:
            raise ValueError("type a whole number")
        value = int(text)
    elif isinstance(default, tuple):
        value = [w.strip().lower() for w in text.split(",") if w.strip()]
    else:
        value = text
    problem = CHECKS[name](value)
    if problem:
        raise ValueError(problem)
    return value


def save_changes(path: Path, changes: Mapping[str, Any]) -> None:
    """Write ``changes`` into ``path`` (created if missing); every other key stays as it was.

    A value equal to the default is still written: the person chose it. Raises
    :class:`SettingsFileError` when the file cannot be read back as TOML or written.
    """
    import tomli_w

    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsFileError(f"{path} cannot be read back to save into it: {exc}") from exc
    data.update({k: list(v) if isinstance(v, tuple) else v for k, v in changes.items()})
    try:
        write_atomic(path, tomli_w.dumps(data).encode("utf-8"))
    except OSError as exc:
        raise SettingsFileError(f"{path} could not be written: {exc.strerror or exc}") from exc
