"""A test plugin with a misspelled hook name: pluggy's check_pending must catch it."""

import glutetui


@glutetui.hookimpl
def register_exercise(register):
    register(
        glutetui.Exercise(
            id="test-misspelled", name="Misspelled", instructions=["Never registered."]
        )
    )
