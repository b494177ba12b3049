"""import → export → import, property-tested: glutetui's CSV and Strong exports read back to the
same sets, and once read back, another trip changes nothing at all. (A first trip may: an
exercise entry without sets has no row, and Strong's layout numbers sets by their order.)"""

from __future__ import annotations

import io
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given

from glutetui.cli.exporting import write_export
from glutetui.cli.importing import read_import
from glutetui.cli.names import ExerciseNames
from glutetui.log import LogStore
from glutetui.model import Session, SetResult
from glutetui.paths import Paths
from glutetui.plugins import load_plugins
from tests.cli import strategies


@cache
def names() -> ExerciseNames:
    return ExerciseNames(load_plugins().catalog.exercises.values())


def trip(fmt: str, sessions: list[Session], folder: Path) -> tuple[str, list[Session]]:
    """``sessions`` exported as ``fmt``, and that file imported into a fresh log."""
    out = io.StringIO()
    write_export(fmt, sessions, out, None, "kg")
    store = LogStore(Paths.resolve(folder), durable=False)
    for s in read_import(out.getvalue(), None, "kg", names).sessions:
        store.save(s)
    return out.getvalue(), list(store.history().sessions)


def counted(s: SetResult) -> tuple[object, ...]:
    """What a set did, as every export keeps it (Strong writes no time as 0 seconds)."""
    return (s.exercise_id, s.side, s.reps, s.rpe, s.kind, s.seconds or None, s.note)


@pytest.mark.parametrize("fmt", ["csv", "strong"])
@given(logged=strategies.logs)
def test_import_export_import_keeps_every_set(fmt: str, logged: list[Session]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _, once = trip(fmt, logged, Path(tmp) / "once")
        second, twice = trip(fmt, once, Path(tmp) / "twice")
        third, _ = trip(fmt, twice, Path(tmp) / "thrice")
        assert third == second
        by_id = {s.id: s for s in once}
        for s in logged:
            if s.sets:
                assert [counted(x) for x in by_id[s.id].sets] == [counted(x) for x in s.sets]
