"""A test plugin whose hook raises after registering: nothing of it may stay."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="test-hook-raises-exercise",
            name="Registered before the hook raised",
            instructions=["Never shown: the hook raised after registering it."],
        )
    )
    raise ValueError("this test plugin's hook fails on purpose")
