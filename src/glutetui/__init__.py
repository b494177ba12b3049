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

TYPE_CHECKING = False  # not `from typing import ...`: importing typing costs the CLI ~5 ms

__version__ = "0.1.0"

PROJECT_NAME = "glutetui"
"""The pluggy project name and the entry-point group."""
BUILTIN_DISTRIBUTION = "glutetui"
"""The distribution whose plugins load first: the built-ins shipped in glutetui's own wheel."""

if TYPE_CHECKING:
    import pluggy

    from glutetui.model import Dose, Exercise, Routine, RoutineItem, Session, SetResult

    hookimpl: pluggy.HookimplMarker

    from glutetui.coach.programmes import Criteria, Programme, SelfTestSchedule, Stage
    from glutetui.coach.selftests import Field as SelfTestField
    from glutetui.coach.selftests import SelfTest

_MODEL_NAMES = frozenset({"Dose", "Exercise", "Routine", "RoutineItem", "Session", "SetResult"})
_PROGRAMME_NAMES = frozenset({"Criteria", "Programme", "SelfTestSchedule", "Stage"})
_SELF_TEST_NAMES = {"SelfTest": "SelfTest", "SelfTestField": "Field"}


def __getattr__(name: str) -> object:
    # Resolved on first use (PEP 562) so that `glutetui --version` or a cached
    # `glutetui exercises` does not pay for importing pluggy and building the dataclasses.
    if name == "hookimpl":
        import pluggy

        marker = pluggy.HookimplMarker(PROJECT_NAME)
        globals()["hookimpl"] = marker
        return marker
    if name in _MODEL_NAMES:
        from glutetui import model

        value = getattr(model, name)
        globals()[name] = value
        return value
    if name in _PROGRAMME_NAMES:
        from glutetui.coach import programmes

        value = getattr(programmes, name)
        globals()[name] = value
        return value
    if name in _SELF_TEST_NAMES:
        from glutetui.coach import selftests

        value = getattr(selftests, _SELF_TEST_NAMES[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module 'glutetui' has no attribute {name!r}")


__all__ = [
    "PROJECT_NAME",
    "Criteria",
    "Dose",
    "Exercise",
    "Programme",
    "Routine",
    "RoutineItem",
    "SelfTest",
    "SelfTestField",
    "SelfTestSchedule",
    "Session",
    "SetResult",
    "Stage",
    "__version__",
    "hookimpl",
]
