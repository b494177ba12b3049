"""Hip abductor machine."""

import glutetui


@glutetui.hookimpl
def register_exercises(register):
    register(
        glutetui.Exercise(
            id="hip-abductor-machine",
            name="Hip abductor machine",
            # What Strong, Hevy and other apps call it, for `glutetui import`.
            aliases=[
                "Hip Abductor (Machine)",
                "Hip Abduction (Machine)",
                "Hip Abduction Machine",
                "Seated Hip Abduction",
                "Hip Abduction",
            ],
            summary="Seated leg presses outward that isolate the hip abductors, with little help from other muscles.",
            instructions=[
                "Sit on the machine with the pads against the outside of your thighs and your legs close together.",
                "Push both legs out to the sides against the pads.",
                "Bring the legs back in under control, keeping the muscles working; do not let the weight stack come to rest at the bottom.",
                "Do 8 to 12 reps per set, for 3 to 4 sets.",
            ],
            sets=(3, 4),
            reps=(8, 12),
            equipment=["hip abductor machine"],
            # The ladder: one plate of the stack at a time (a common stack step), then a 4th set.
            load_step_kg=5,
            load_step_lb=10,
            cues=[
                "Controlled return: the stack never rests",
                "Sit tall, press out to the sides",
            ],
            tags=["seated", "gym", "machine", "strength", "endurance"],
        )
    )
