"""Fixtures of the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pty_harness import make_config_dir


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A fresh config dir whose first-run notice was already shown."""
    return make_config_dir(tmp_path)
