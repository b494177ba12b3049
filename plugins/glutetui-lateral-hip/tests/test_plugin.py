"""The installed plugin, as glutetui itself loads it (run after `pip install -e .`)."""

import os
import subprocess
import sys

from glutetui.plugins import load_plugins

EXERCISES = (
    "lateral-hip-isometric-hip-abduction-lying",
    "lateral-hip-isometric-hip-abduction-standing",
    "lateral-hip-bridge",
    "lateral-hip-offset-bridge",
    "lateral-hip-side-lying-hip-abduction",
)
ROUTINES = ("lateral-hip-week-1", "lateral-hip-week-2", "lateral-hip-weeks-3-8")


def test_glutetui_loads_both_plugins_without_a_problem():
    result = load_plugins(strict=True)
    mine = {p.name: p for p in result.plugins if p.distribution == "glutetui-lateral-hip"}
    assert set(mine) == {"lateral_hip", "lateral_hip_programme"}
    assert all(p.status == "ok" and p.problems == () for p in mine.values())
    assert mine["lateral_hip"].exercises == EXERCISES
    assert mine["lateral_hip_programme"].routines == ROUTINES


def test_every_ladder_step_leads_to_an_exercise_in_the_catalog():
    catalog = load_plugins(strict=True).catalog
    for exercise_id in EXERCISES:
        exercise = catalog.get(exercise_id)
        assert exercise.instructions and exercise.evidence
        for other in (exercise.easier, exercise.harder):
            if other is not None:
                assert catalog.get(other).id == other
    assert catalog.get("lateral-hip-bridge").harder == "lateral-hip-offset-bridge"
    assert catalog.get("lateral-hip-offset-bridge").easier == "lateral-hip-bridge"


def test_the_programme_is_on_offer_without_a_problem(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLUTETUI_")}
    done = subprocess.run(
        [sys.executable, "-m", "glutetui", "programme", "list"],
        capture_output=True,
        text=True,
        env={**env, "GLUTETUI_CONFIG_DIR": str(tmp_path)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    (line,) = [line for line in done.stdout.splitlines() if "lateral-hip-leap" in line]
    assert "(3 stages, 7/7/7 a week; from lateral_hip_programme)" in line
