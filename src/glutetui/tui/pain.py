"""Pain shown in its zone: words for everyone, and a colour for those who see it."""

from __future__ import annotations

from rich.text import Text

from glutetui.coach.zones import ZoneId, pain_zone
from glutetui.figures import MISSING
from glutetui.settings import Settings

ZONE_STYLES: dict[ZoneId, str] = {"green": "green", "amber": "yellow", "red": "bold red"}


def pain_text(pain: int | None, settings: Settings) -> Text:
    """``5 acceptable`` in the amber zone's colour; :data:`~glutetui.figures.MISSING` for none."""
    if pain is None:
        return Text(MISSING)
    zone = pain_zone(pain, settings)
    return Text(f"{pain} {zone.words}", style=ZONE_STYLES[zone.id])
