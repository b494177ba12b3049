"""The fault-injection trials of ``bench/faults.py``, at smaller counts (see that module).

SIGKILL during set-by-set saves loses no set the app said was saved and corrupts no file;
damaged session files are reported (or read as values the app could write), never raise and
are never changed by reading; mangled imports never raise, and a refused import writes nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench" / "faults.py"


def faults() -> ModuleType:
    spec = importlib.util.spec_from_file_location("faults", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["faults"] = module
    spec.loader.exec_module(module)
    return module


def test_kill_during_saves_loses_nothing(tmp_path: Path) -> None:
    tally = faults().kill_trials(25, tmp_path)
    assert tally.trials == 25 and tally.accepted > 25  # the child saved sets before each kill
    assert tally.clean, tally.notes


def test_damaged_session_files_are_reported_and_left_alone(tmp_path: Path) -> None:
    tally = faults().file_trials(150, tmp_path)
    assert tally.trials == 150 and tally.reported > 0
    assert tally.clean, tally.notes


def test_mangled_imports_never_raise_and_a_refusal_writes_nothing(tmp_path: Path) -> None:
    tally = faults().import_trials(150, tmp_path)
    assert tally.trials == 150 and tally.reported > 0
    assert tally.clean, tally.notes
