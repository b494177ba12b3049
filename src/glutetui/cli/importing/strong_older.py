"""Strong's older CSV export: the unit is the column's name.

``Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes`` (``lbs`` and ``mi``
for imperial users), sets numbered from 0, no duration, no RPE.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from glutetui.cli.importing.drafts import Layout
from glutetui.cli.importing.strong import NAME, REQUIRED, StrongColumns, parse, unit_of

if TYPE_CHECKING:
    from collections.abc import Sequence

_WEIGHTS = ("kg", "kgs", "lb", "lbs")
_DISTANCES = ("km", "mi", "m", "miles")


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """The older layout, told by a weight column named for its unit."""
    if not set(header) >= REQUIRED:
        return None
    weight = next((h for h in header if h.lower() in _WEIGHTS), None)
    if weight is None:
        return None
    distance = next((h for h in header if h.lower() in _DISTANCES), "")
    columns = StrongColumns(
        weight=weight,
        unit=unit_of(weight),
        distance=distance or "Distance",
        distance_label=distance,
    )
    return Layout(NAME, "Strong (older)", partial(parse, columns=columns))
