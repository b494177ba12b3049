"""The start-up hold on the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from glutetui import startgc


@pytest.fixture(autouse=True)
def restore_gc() -> Iterator[None]:
    gc.unfreeze()
    yield
    startgc._held = False
    gc.enable()
    gc.unfreeze()


def test_hold_then_resume_freezes_start_up_objects_and_collects_again() -> None:
    frozen_before = gc.get_freeze_count()
    startgc.hold()
    assert not gc.isenabled()
    startgc.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen_before


def test_resume_without_hold_changes_nothing() -> None:
    startgc.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_hold_leaves_a_collector_someone_else_turned_off_alone() -> None:
    gc.disable()
    startgc.hold()
    startgc.resume()
    assert not gc.isenabled()  # it was not ours to turn back on
    assert gc.get_freeze_count() == 0
