"""Progression ladders: the rungs an exercise climbs, as its plugin declares them.

A rung is the dose short of reps: how many sets, the load, the band (colour and where it goes)
and, at either end, a harder or easier exercise. Going up takes, in this order, the first step
the exercise offers (coaching.md §3): more load (kg or lb, by settings); the band further down
the legs (knees → ankles → feet, Lewis et al. 2018) and after the last position the next band
colour; one more set, up to the dose's maximum; then the harder variant the plugin names.
Going down undoes the same steps in reverse order.

A band's position is kept in its unit: ``band:red@ankles`` (``docs/log-format.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from glutetui.figures import BAND_PREFIX, KG_PER_LB, format_load
from glutetui.model import Exercise
from glutetui.settings import Settings

POSITION_MARK = "@"


@dataclass(frozen=True)
class Rung:
    """One rung of an exercise's ladder."""

    sets: int
    load: float | None = None
    """Weight in ``unit`` (kg or lb); ``None`` for bodyweight or a band."""
    unit: str | None = None
    """``kg``, ``lb``, ``band:<colour>`` or ``band:<colour>@<position>``; ``None``: bodyweight."""
    variant: str | None = None
    """Another exercise to switch to (the harder or easier one), when the ladder ends."""


def band_unit(colour: str, position: str | None) -> str:
    """``band:red@ankles``: a band colour and where it goes, as a load unit."""
    return f"{BAND_PREFIX}{colour}" + (f"{POSITION_MARK}{position}" if position else "")


def band_parts(unit: str | None) -> tuple[str | None, str | None]:
    """``band:red@ankles`` -> ``("red", "ankles")``; anything but a band -> ``(None, None)``."""
    if unit is None or not unit.startswith(BAND_PREFIX):
        return (None, None)
    colour, _, position = unit.removeprefix(BAND_PREFIX).partition(POSITION_MARK)
    return (colour or None, position or None)


def load_step(exercise: Exercise, settings: Settings) -> float | None:
    """The exercise's load step in the settings' unit, or ``None`` if it is not loaded."""
    if settings.units == "lb":
        if exercise.load_step_lb is not None:
            return float(exercise.load_step_lb)
        if exercise.load_step_kg is not None:
            return round(exercise.load_step_kg / KG_PER_LB, 1)
        return None
    if exercise.load_step_kg is not None:
        return float(exercise.load_step_kg)
    if exercise.load_step_lb is not None:
        return round(exercise.load_step_lb * KG_PER_LB, 2)
    return None


def loaded(exercise: Exercise) -> bool:
    """The exercise's ladder is a load (a weight in kg or lb)."""
    return exercise.load_step_kg is not None or exercise.load_step_lb is not None


def needs_band(exercise: Exercise) -> bool:
    """The exercise cannot be done without a band, so its bottom rung has one."""
    return "band" in exercise.equipment


def bottom(exercise: Exercise) -> Rung:
    """Where a first session starts: the fewest sets, no load, the lightest band if one is needed."""
    unit = None
    if exercise.band_colours and needs_band(exercise):
        first_position = exercise.band_positions[0] if exercise.band_positions else None
        unit = band_unit(exercise.band_colours[0], first_position)
    return Rung(sets=exercise.sets[0], unit=unit)


def _band_up(exercise: Exercise, unit: str | None) -> str | None:
    colours, positions = exercise.band_colours, exercise.band_positions
    if not colours or (unit is not None and not unit.startswith(BAND_PREFIX)):
        return None
    colour, position = band_parts(unit)
    if colour is None:
        return band_unit(colours[0], positions[0] if positions else None)
    if positions and position in positions and position != positions[-1]:
        return band_unit(colour, positions[positions.index(position) + 1])
    if colour in colours and colour != colours[-1]:
        return band_unit(colours[colours.index(colour) + 1], positions[0] if positions else None)
    return None


def _band_down(exercise: Exercise, unit: str | None) -> str | bool | None:
    """The unit one band step down; ``False`` when there is none."""
    colours, positions = exercise.band_colours, exercise.band_positions
    colour, position = band_parts(unit)
    if colour is None or colour not in colours:
        return False
    if positions and position in positions and position != positions[0]:
        return band_unit(colour, positions[positions.index(position) - 1])
    index = colours.index(colour)
    if index > 0:
        return band_unit(colours[index - 1], positions[-1] if positions else None)
    return False if needs_band(exercise) else None


def step_up(exercise: Exercise, rung: Rung, settings: Settings) -> Rung | None:
    """The next rung up, or ``None`` at the top of the ladder."""
    step = load_step(exercise, settings)
    if step is not None and not (rung.unit or "").startswith(BAND_PREFIX):
        return replace(rung, load=round((rung.load or 0.0) + step, 2), unit=settings.units)
    band = _band_up(exercise, rung.unit)
    if band is not None:
        return replace(rung, unit=band)
    if rung.sets < exercise.sets[1]:
        return replace(rung, sets=rung.sets + 1)
    if exercise.harder is not None:
        return replace(rung, variant=exercise.harder)
    return None


def step_down(exercise: Exercise, rung: Rung, settings: Settings) -> Rung | None:
    """The next rung down, or ``None`` at the bottom of the ladder."""
    if rung.sets > exercise.sets[0]:
        return replace(rung, sets=rung.sets - 1)
    band = _band_down(exercise, rung.unit)
    if band is not False:
        return replace(rung, unit=band if isinstance(band, str) else None)
    step = load_step(exercise, settings)
    if step is not None and rung.load is not None and rung.load > 0:
        lower = round(rung.load - step, 2)
        return replace(
            rung, load=lower if lower > 0 else None, unit=rung.unit if lower > 0 else None
        )
    if exercise.easier is not None:
        return replace(rung, variant=exercise.easier)
    return None


def describe_load(rung: Rung) -> str:
    """``20 kg``, ``red band at the ankles``, ``bodyweight`` (:func:`glutetui.figures.format_load`)."""
    return format_load(rung.load, rung.unit)
