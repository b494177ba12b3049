"""Environment switches, readable without importing anything heavy."""

from __future__ import annotations

import os

DISABLE_ENV = "GLUTETUI_DISABLE_PLUGINS"
"""Comma-separated plugin (entry-point or distribution) names to skip."""
STRICT_ENV = "GLUTETUI_STRICT_PLUGINS"
"""Set to 1 to turn any plugin problem into an error, for plugin authors."""
TIMEOUT_ENV = "GLUTETUI_PLUGIN_TIMEOUT"
"""Seconds a plugin's import or hook may take before it is reported as stuck and left out."""


def env_flag(name: str) -> bool:
    """Whether environment variable ``name`` is set to a true value (1, true, yes, on)."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def disabled_from_env() -> set[str]:
    """Plugin names listed in ``GLUTETUI_DISABLE_PLUGINS``."""
    return {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip()}
