"""Reading only the part of the log a report covers, so a long history costs little more.

Session ids start with the second they started (``docs/log-format.md``), UTC for glutetui's own
sessions and local time for imported ones, so the files of a period are found by name (a day
of margin either side covers every time zone) and only those are read.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from glutetui.fsutil import is_temp_name
from glutetui.log import LogStore
from glutetui.log.errors import StoreError
from glutetui.log.toml_format import SUFFIX
from glutetui.model import Session
from glutetui.paths import Paths

MARGIN = timedelta(days=1)


def _day_of_id(session_id: str) -> date | None:
    try:
        return date(int(session_id[0:4]), int(session_id[4:6]), int(session_id[6:8]))
    except ValueError:
        return None


def sessions_between(paths: Paths, since: date, until: date) -> tuple[list[Session], int]:
    """Sessions whose file names fall in the period (with a day's margin), and how many of
    those files could not be read. The caller filters by each session's own start day."""
    store = LogStore(paths)
    try:
        names = os.listdir(paths.logs_dir)
    except FileNotFoundError:
        return [], 0
    found: list[Session] = []
    unreadable = 0
    for name in sorted(names):
        if not name.endswith(SUFFIX) or is_temp_name(name):
            continue
        session_id = name[: -len(SUFFIX)]
        day = _day_of_id(session_id)
        if day is not None and not since - MARGIN <= day <= until + MARGIN:
            continue
        try:
            found.append(store.load(session_id))
        except StoreError:
            unreadable += 1
    return found, unreadable
