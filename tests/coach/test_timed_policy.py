"""The default policy on a timed exercise: it says the dose in seconds and never claims reps."""

from __future__ import annotations

from glutetui.coach.policy import default_policy
from glutetui.model import Exercise
from glutetui.settings import Settings
from tests.coach.helpers import history, morning, outing

PLANK = Exercise(
    id="side-plank",
    name="Side plank",
    instructions=["Hold the line."],
    sets=(2, 3),
    seconds=(10, 30),
    per_side=True,
)
S = Settings()


def test_a_timed_exercise_keeps_its_dose_in_seconds() -> None:
    # Logged in seconds, so every set's reps are 0: that is no reason to stay "below the top".
    done = history(outing(left=(0, 0), unit=None, after=morning()), exercise_id="side-plank")
    suggestion = default_policy(PLANK, done, S)
    assert suggestion.direction == "same"
    assert suggestion.rule == "double-progression-stay"
    assert "timed exercise" in suggestion.reason and "reached" not in suggestion.reason
    assert suggestion.dose_text(PLANK) == "2 × 10–30 s/side, bodyweight"


def test_the_safety_rules_still_step_a_timed_exercise_down() -> None:
    done = history(outing(left=(0, 0), sets=3, unit=None, pain=7), exercise_id="side-plank")
    suggestion = default_policy(PLANK, done, S)
    assert (suggestion.direction, suggestion.rule, suggestion.sets) == ("down", "red-pain", 2)


def test_suggest_json_gives_a_timed_exercise_its_seconds() -> None:
    from glutetui.cli.coach_cmds import as_json

    done = history(outing(left=(0, 0), unit=None, after=morning()), exercise_id="side-plank")
    dose = as_json(default_policy(PLANK, done, S), PLANK, "default")["dose"]
    assert isinstance(dose, dict) and dose["seconds"] == [10, 30]
