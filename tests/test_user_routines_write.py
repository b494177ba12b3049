"""Routines saved from the app are files people could have written, and read back the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutetui.model import RoutineItem
from glutetui.plugins import load_plugins
from glutetui.userfiles.catalog import with_user_files
from glutetui.userfiles.routines_write import (
    RoutineFileError,
    delete_routine,
    rename_routine,
    save_routine,
)

ITEMS = (
    RoutineItem("clamshell", sets=(2, 2), reps=(10, 12)),
    RoutineItem("barbell-hip-thrust", sets=(3, 3), reps=(8, 8), load=40.0),
)


def test_saved_renamed_and_deleted(tmp_path: Path) -> None:
    plugins = load_plugins()
    path, routine = save_routine(
        str(tmp_path), "  After\x07 work ", ITEMS, plugins.catalog.routines
    )
    assert path == str(tmp_path / "routines" / "after-work.toml")
    assert routine.name == "After work", "control characters go"
    back = with_user_files(plugins, str(tmp_path)).catalog.routine("after-work")
    assert back == routine
    assert rename_routine(path, "Evenings").id == "after-work"
    assert with_user_files(plugins, str(tmp_path)).catalog.routine("after-work").name == "Evenings"
    delete_routine(path)
    assert "after-work" not in with_user_files(plugins, str(tmp_path)).catalog.routines


def test_an_id_in_use_gets_a_number(tmp_path: Path) -> None:
    taken = {"home-no-machines"}
    _, first = save_routine(str(tmp_path), "Home, no machines", ITEMS, taken)
    _, second = save_routine(str(tmp_path), "Home no machines", ITEMS, taken)
    assert (first.id, second.id) == ("home-no-machines-2", "home-no-machines-3")


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_a_name_that_cannot_be_saved(tmp_path: Path, name: str) -> None:
    with pytest.raises(RoutineFileError):
        save_routine(str(tmp_path), name, ITEMS, set())
    assert not (tmp_path / "routines").exists()
