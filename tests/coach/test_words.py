"""The coach's lines in words: last time per side, the suggestion, notices made safe."""

from __future__ import annotations

from dataclasses import replace

from glutetui.coach.policy import default_policy
from glutetui.coach.words import last_time, suggestion_lines
from glutetui.settings import Settings
from tests.coach.helpers import WALK, history, morning, outing

S = Settings()


def test_last_time_keeps_sides_apart() -> None:
    text = last_time(outing(left=(12, 11), right=(15, 15), pain=5, after=morning("worse")), S)
    assert "left 12, 11 · right 15, 15 reps" in text
    assert "yellow band at the knees" in text and "pain 5 – acceptable" in text
    assert text.endswith("next morning worse")
    assert "each side 15, 15 reps" in last_time(outing(left=(15, 15)), S)


def test_suggestion_lines_say_direction_in_words_and_neutralise_plugin_text() -> None:
    past = history(outing(left=(15, 15), pain=7, unit="band:red@knees"), outing(4, pain=6))
    suggestion = default_policy(WALK, past, S)
    lines = suggestion_lines(suggestion, suggestion.dose_text(WALK), past.outings[0], S)
    assert lines[0].startswith("Coach ↓ down: 2 × 10–15/side")
    assert lines[2].startswith("Why: pain 7, too much last time")
    assert lines[3].startswith("Please note:") and "physiotherapist" in lines[3]
    hostile = replace(suggestion, reason="[b]x\x1b[2J", notice=None)
    shown = suggestion_lines(hostile, "d", None, S)
    assert "\x1b" not in "".join(shown) and shown[1] == "Last time: not done yet"
