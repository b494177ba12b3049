"""glutetui's own importers (its own exports, Strong, Hevy, FitNotes), registered as a plugin
through the same hook as any other importer."""

from __future__ import annotations

from collections.abc import Callable

import glutetui
from glutetui.cli.importing.builtin import BUILTIN_IMPORTERS
from glutetui.importers import Importer


@glutetui.hookimpl
def register_importers(register: Callable[[Importer], None]) -> None:
    """Register the built-in importers, in the order they are tried."""
    for importer in BUILTIN_IMPORTERS:
        register(importer)
