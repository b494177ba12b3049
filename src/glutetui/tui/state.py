"""Small app state kept in ``state.toml``: things the app remembers that are not settings.

Settings belong to the user and are never written unasked; this file belongs to the app (for
example: the first-run notice was shown). A missing or unreadable file reads as empty state,
never as an error: losing it only means seeing the welcome notice once more.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

FIRST_RUN_NOTICE = "first_run_notice_shown"
"""Key set to ``true`` once the welcome notice pointing at the about screen was shown."""


def load_state(path: Path) -> dict[str, Any]:
    """The state in ``path``; empty when it is missing or cannot be read."""
    import tomllib  # read after the first frame, so kept out of start-up's imports

    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def save_state(path: Path, state: Mapping[str, Any]) -> None:
    """Write ``state`` atomically (:func:`glutetui.fsutil.write_atomic`); raises ``OSError``."""
    import tomli_w

    from glutetui.fsutil import write_atomic

    write_atomic(path, tomli_w.dumps(dict(state)).encode("utf-8"))
