"""Small app state kept in ``state.toml``: things the app remembers that are not settings.

Settings belong to the user and are never written unasked; this file belongs to the app (for
example: the first-run notice was shown). A missing or unreadable file reads as empty state,
never as an error: losing it only means seeing the welcome notice once more.
"""

from __future__ import annotations

import os
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
    """Write ``state`` atomically: a temp file in the same folder, fsync, then ``os.replace``."""
    import tomli_w

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            tomli_w.dump(dict(state), fh)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
