"""A well-behaved test plugin: one exercise, one routine and a session_saved hook."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="test-good-exercise",
            name="Good test exercise",
            summary="Proves a third-party plugin installed with pip is loaded.",
            instructions=["Stand on one leg.", "Switch legs."],
            sets=(2, 3),
            reps=(8, 12),
            per_side=True,
            equipment=["Resistance Band"],
        )
    )


@glutetui.hookimpl
def register_routines(register):
    register(
        glutetui.Routine(
            id="test-good-routine",
            name="Good test routine",
            items=["test-good-exercise", "clamshell"],
        )
    )


@glutetui.hookimpl
def session_saved(session, final):
    pass
