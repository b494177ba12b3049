"""A test plugin with one invalid exercise (refused) and one valid one (kept)."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="test-partial-broken",
            name="Broken",
            instructions=["Zero reps cannot be done."],
            reps=0,
        )
    )
    register(
        glutetui.Exercise(
            id="test-partial-valid",
            name="Valid exercise of a partly broken plugin",
            instructions=["Stand tall."],
            sets=2,
            reps=10,
        )
    )
