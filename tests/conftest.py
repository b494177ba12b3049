"""Every test runs with its own temporary config, cache and XDG folders, never the developer's."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutetui.paths import Paths


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
