"""A test plugin that reuses a built-in exercise id: the built-in must win."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="clamshell",
            name="Impostor clamshell",
            instructions=["Never shown: the built-in clamshell came first."],
        )
    )
