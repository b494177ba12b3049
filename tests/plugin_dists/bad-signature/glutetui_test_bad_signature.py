"""A test plugin whose hook implementation has an argument the hookspec does not offer."""

import glutetui


@glutetui.hookimpl
def register_exercises(register, catalog):
    register(
        glutetui.Exercise(
            id="test-bad-signature", name="Bad signature", instructions=["Never registered."]
        )
    )
