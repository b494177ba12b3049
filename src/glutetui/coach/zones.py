"""Pain zones: what a pain score from 0 to 10 means, in words as well as a colour id.

The limits are the ones most often taught with the pain-monitoring model (coaching.md §1):
0–3 fine, 4–5 acceptable, 6 and above too much. They come from secondary summaries, so they
are defaults a person can change in ``settings.toml`` (``pain_amber_from``, ``pain_red_from``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from glutetui.settings import Settings

if TYPE_CHECKING:
    from glutetui.coach.checkins import CheckIn

ZoneId = Literal["green", "amber", "red"]

ZONE_SOURCE = (
    "pain-monitoring model, Silbernagel et al. 2007, Am J Sports Med 35(6); "
    "zone limits from secondary summaries, adjustable in settings"
)
"""Where the zones come from, shown wherever a zone is."""

MAX_PAIN = 10


@dataclass(frozen=True)
class PainZone:
    """One zone: an id for colour, words for everyone, and the range it covers."""

    id: ZoneId
    words: str
    """``fine``, ``acceptable`` or ``too much``."""
    low: int
    high: int

    @property
    def label(self) -> str:
        """``acceptable (4–5)``: the words with the range, for places with room for both."""
        span = str(self.low) if self.low == self.high else f"{self.low}–{self.high}"
        return f"{self.words} ({span})"


def zones(settings: Settings) -> tuple[PainZone, ...]:
    """The zones under ``settings``, lowest first; an empty one (limits crossed) is left out."""
    amber = min(settings.pain_amber_from, settings.pain_red_from)
    red = settings.pain_red_from
    found = [
        PainZone("green", "fine", 0, amber - 1),
        PainZone("amber", "acceptable", amber, red - 1),
        PainZone("red", "too much", red, MAX_PAIN),
    ]
    return tuple(z for z in found if z.low <= z.high)


def pain_zone(pain: int, settings: Settings) -> PainZone:
    """The zone ``pain`` (0–10) falls in. Raises ``ValueError`` for a score outside 0–10."""
    if isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= MAX_PAIN:
        raise ValueError(f"pain must be a whole number from 0 to {MAX_PAIN}, not {pain!r}")
    return next(z for z in zones(settings) if z.low <= pain <= z.high)


def describe_pain(pain: int | None, settings: Settings) -> str:
    """``pain 5 – acceptable``, or ``pain not given``: a score with its zone in words."""
    if pain is None:
        return "pain not given"
    return f"pain {pain} – {pain_zone(pain, settings).words}"


def is_settled(checkin: CheckIn, settings: Settings) -> bool:
    """Whether a next-morning answer counts as settled (the 24-hour rule, coaching.md §1).

    Settled: answered (not skipped), the same as before the session or better, and the pain
    now below the red zone. The one definition: programmes' stage criteria and every view use it.
    """
    if checkin.skipped or checkin.pain is None or checkin.compared == "worse":
        return False
    return pain_zone(checkin.pain, settings).id != "red"
