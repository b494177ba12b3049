"""glutetui: a terminal coach for gluteus medius strengthening.

This module is the public face for plugin authors. A plugin is a module registered under the
``glutetui`` entry-point group::

    # pyproject.toml of your distribution
    [project.entry-points.glutetui]
    side_plank = "glutetui_side_plank"

that implements hooks with :data:`hookimpl`::

    # glutetui_side_plank.py
    import glutetui

    @glutetui.hookimpl
    def register_exercises(register):
        register(glutetui.Exercise(
            id="side-plank-leg-lift",
            name="Side plank with leg lift",
            summary="Holds the pelvis level against gravity.",
            instructions=["Lie on your side ...", "Lift the top leg ..."],
            sets=(2, 3), reps=(8, 12), per_side=True, hold_seconds=2,
            equipment=["mat"],
        ))

    @glutetui.hookimpl
    def register_routines(register):
        register(glutetui.Routine(id="plank-day", name="Plank day",
                                  items=["side-plank-leg-lift", "clamshell"]))

Install it with ``pip install`` next to glutetui and check it with ``glutetui plugins``.
The hooks are documented in :mod:`glutetui.hookspecs`; ``docs/plugins.md`` is the guide.
"""

from __future__ import annotations

import pluggy

from glutetui.model import Dose, Exercise, Routine, RoutineItem, Session, SetResult

__version__ = "0.1.0"

PROJECT_NAME = "glutetui"
"""The pluggy project name and the entry-point group."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a function in a plugin module as the implementation of a glutetui hook."""

__all__ = [
    "PROJECT_NAME",
    "Dose",
    "Exercise",
    "Routine",
    "RoutineItem",
    "Session",
    "SetResult",
    "__version__",
    "hookimpl",
]
