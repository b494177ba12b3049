"""Fixtures shared by the workout tests."""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test says so."""
    return FakeClock()
