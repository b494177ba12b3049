"""Shared test set-up: Hypothesis profiles, and a temporary config for every test.

Every test runs with its own temporary config, cache and XDG folders, never the developer's.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from glutetui.paths import Paths

# Hypothesis: a quick profile by default for the inner loop, the full one in CI (.ci/run sets
# HYPOTHESIS_PROFILE=ci). Neither has a deadline nor the too-slow health check: the machines
# are shared, and another process's load must not fail a test of this code.
settings.register_profile(
    "dev", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("dev"), max_examples=100, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point GLUTETUI_CONFIG_DIR, the XDG dirs and HOME at fresh temporary folders."""
    root = tmp_path_factory.mktemp("home")
    config = root / "config" / "glutetui"
    monkeypatch.setenv("HOME", str(root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("GLUTETUI_CONFIG_DIR", str(config))
    monkeypatch.delenv("GLUTETUI_CACHE_DIR", raising=False)
    monkeypatch.delenv("GLUTETUI_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("GLUTETUI_STRICT_PLUGINS", raising=False)
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.delenv("NO_COLOR")
    return config


@pytest.fixture
def paths(isolated_config: Path) -> Paths:
    """Paths of the test's temporary config dir."""
    return Paths.resolve(isolated_config)
