"""Saving a planned session as a routine file, from the plan screen's key or the palette."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from glutetui.model import RoutineItem
from glutetui.text import neutralise
from glutetui.tui.user_files import reread_user_files
from glutetui.userfiles.routines_write import RoutineFileError, save_routine

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp
    from glutetui.workout.plan import Plan


def routine_items(plan: Plan, unit: str) -> list[RoutineItem]:
    """The plan's exercises with their sets and reps, and their load when it is in ``unit``
    (a routine's load is in the user's unit; a band colour is not a load)."""
    return [
        RoutineItem(
            item.exercise_id,
            sets=(item.sets, item.sets),
            reps=item.reps,
            load=item.load if item.unit == unit else None,
        )
        for item in plan.items
    ]


def save_plan_as_routine(app: GluteApp, plan: Plan, name: str, unit: str) -> str | None:
    """Write ``plan`` as the routine ``name`` and show it in the catalog; its id, or ``None``
    (and a notice saying why) when it could not be saved."""
    try:
        path, routine = save_routine(
            app.paths.config_root, name, routine_items(plan, unit), app.catalog.routines
        )
    except RoutineFileError as exc:
        app.notify(f"Not saved: {neutralise(exc)}", severity="error", markup=False)
        return None
    reread_user_files(app)
    app.notify(
        f"Saved as the routine {neutralise(routine.name)} (routines/{os.path.basename(path)}).",
        markup=False,
    )
    return routine.id
