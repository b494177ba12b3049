"""glutetui's own importers, as the built-in importer plugin registers them.

Each format is one :class:`~glutetui.importers.Importer`; Strong's three layouts are tried
within the one ``strong`` importer, Strong 6 and the older layout first because they also have
every column Strong's classic one needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glutetui.cli.importing import fitnotes, glutetui, hevy, strong, strong6, strong_older
from glutetui.importers import Importer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glutetui.cli.importing.drafts import Layout


def _strong(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    for fits in (strong6.recognise, strong_older.recognise, strong.recognise):
        layout = fits(header, sample)
        if layout is not None:
            return layout
    return None


BUILTIN_IMPORTERS = (
    Importer(glutetui.NAME, glutetui.recognise),
    Importer(strong.NAME, _strong),
    Importer(hevy.NAME, hevy.recognise),
    Importer(fitnotes.NAME, fitnotes.recognise),
)
"""In the order they are tried, which is the order the built-in plugin registers them."""
