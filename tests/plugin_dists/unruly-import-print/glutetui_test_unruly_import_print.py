"""A test plugin that prints when imported, and registers one good exercise."""

import os

import glutetui

print("hello from a chatty plugin")
os.write(1, b"written below Python\n")


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="test-chatty-exercise",
            name="Chatty test exercise",
            summary="Proves a plugin that prints at import still registers.",
            instructions=["Stand on one leg."],
            sets=(2, 3),
            reps=(8, 12),
        )
    )
