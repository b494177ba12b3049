"""The log's listing (``LogStore.files``): what a screen compares to follow the log."""

from __future__ import annotations

import os
from dataclasses import replace

from glutetui.log import LogStore
from glutetui.log.store import same_files
from glutetui.paths import Paths
from tests.history_factory import write_history


def test_every_change_to_the_log_changes_its_listing_and_nothing_else_does(
    paths: Paths,
) -> None:
    history = write_history(paths, 0.02)
    store = LogStore(paths)
    store.summaries(limit=5)
    seen = store.last_scan  # what that read found, with no second listing
    assert same_files(store.files(), seen)
    (paths.logs_dir / ".a-lease-or-temp-file").write_text("{}")  # hidden: not the log
    assert same_files(store.files(), seen)

    store.save(replace(history[0], note="changed"))
    changed = store.files()
    assert not same_files(changed, seen)
    name = f"{history[1].id}.toml"
    store.delete(history[1].id)
    deleted = store.files()
    assert not same_files(deleted, changed)
    os.replace(paths.trash_dir / name, paths.logs_dir / name)
    assert not same_files(store.files(), deleted)
