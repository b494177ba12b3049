"""Policy plugins: the first usable answer wins; one that fails is reported and skipped."""

from __future__ import annotations

import importlib.metadata

from glutetui.coach.checkins import CheckIns
from glutetui.coach.suggest import suggest
from glutetui.plugins import load_plugins
from glutetui.settings import Settings
from tests.coach.helpers import NOW, WALK, session
from tests.test_plugins import make_plugin

BUILTINS = [
    ep
    for ep in importlib.metadata.entry_points(group="glutetui")
    if ep.name in {"lateral_band_walk", "coach_policy"}
]

EASY = """
from glutetui.coach.policy import Suggestion

@hookimpl
def suggest_dose(exercise, history):
    return Suggestion(exercise_id=exercise.id, direction="down", sets=1, reps=(5, 5),
                      load=None, unit=None, reason="take it easy (my physio)",
                      rule="physio-easy", source="my physio")
"""
RAISES = """
@hookimpl
def suggest_dose(exercise, history, settings):
    raise RuntimeError("policy broke")
"""
NONSENSE = """
from glutetui.coach.policy import Suggestion

@hookimpl
def suggest_dose(exercise):
    return Suggestion(exercise_id="someone-else", direction="sideways", sets=0, reps=(9, 2),
                      load=float("nan"), unit=None, reason="", rule="x", source="y")
"""
ABSTAINS = """
@hookimpl
def suggest_dose(exercise):
    return None
"""
WRONG_TYPE = """
@hookimpl
def suggest_dose(exercise):
    return {"direction": "up"}
"""


def _run(*extra: tuple[str, str]):
    plugins = load_plugins(
        entry_points=BUILTINS, extra=[(n, make_plugin(n, src)) for n, src in extra]
    )
    assert not plugins.problems
    past = [session("s1", 1, WALK, {"left": (15, 15), "right": (15, 15)}, unit="band:red@knees")]
    return suggest(plugins, [WALK], past, CheckIns(), Settings(), NOW)


def test_the_builtin_policy_answers_by_default() -> None:
    found = _run()
    assert found.policies == ("coach_policy",) and not found.problems
    assert found.items[0].rule == "double-progression-up"


def test_a_plugin_replaces_the_policy() -> None:
    found = _run(("physio", EASY))
    assert found.policies == ("physio",) and found.items[0].rule == "physio-easy"


def test_a_failing_policy_is_reported_by_name_and_the_next_one_answers() -> None:
    found = _run(
        ("broken", RAISES), ("silly", NONSENSE), ("typed", WRONG_TYPE), ("quiet", ABSTAINS)
    )
    assert found.policies == ("coach_policy",)
    reasons = dict(found.problems)
    assert set(reasons) == {"broken", "silly", "typed"}
    assert "RuntimeError: policy broke" in reasons["broken"]
    for part in (
        "answered for 'someone-else'",
        "direction 'sideways'",
        "sets 0",
        "reps (9, 2)",
        "load nan",
        "reason must",
    ):
        assert part in reasons["silly"]
    assert "returned a dict" in reasons["typed"]


def test_without_the_builtin_plugin_glutetui_policy_still_answers() -> None:
    found = suggest(None, [WALK], [], CheckIns(), Settings(), NOW)
    assert found.policies == ("glutetui",) and found.items[0].rule == "first-session"
