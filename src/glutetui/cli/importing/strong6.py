"""Strong 6's CSV export: separated by semicolons, every cell quoted, units in the header.

``"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";
"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"`` (``Weight (lbs)`` for
imperial users). The workout's length is in seconds, set orders can be written as set types
(``WARM_UP``, ``FAILURE``, ...), and numbers may carry a decimal comma (``62,5``).
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from glutetui.cli.importing.drafts import Layout
from glutetui.cli.importing.strong import NAME, REQUIRED, StrongColumns, parse, unit_of

if TYPE_CHECKING:
    from collections.abc import Sequence

_WEIGHT = re.compile(r"Weight \((kg|kgs|lb|lbs)\)")
_DISTANCE = re.compile(r"Distance \((\w+)\)")
_SHORT = {"meters": "m", "metres": "m", "kilometers": "km", "miles": "mi"}


def recognise(header: Sequence[str], sample: Sequence[str] | None) -> Layout | None:
    """Strong 6's layout, told by its ``Workout #`` column and a unit in the weight's name."""
    if "Workout #" not in header or not set(header) >= REQUIRED:
        return None
    weight = next((m for h in header if (m := _WEIGHT.fullmatch(h))), None)
    if weight is None:
        return None
    distance = next((m for h in header if (m := _DISTANCE.fullmatch(h))), None)
    columns = StrongColumns(
        duration="Duration (sec)",
        weight=weight.group(),
        unit=unit_of(weight.group(1)),
        distance=distance.group() if distance else "Distance",
        distance_label=_SHORT.get(distance.group(1), distance.group(1)) if distance else "",
    )
    return Layout(NAME, "Strong 6", partial(parse, columns=columns))
