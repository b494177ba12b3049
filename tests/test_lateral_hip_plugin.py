"""``plugins/glutetui-lateral-hip`` from its source, next to the built-ins: no install needed.

The installed plugin, its own tests and its life in the log: ``tests/test_lateral_hip_e2e.py``.
"""

from __future__ import annotations

import importlib
import types

import pytest

from glutetui.coach.programmes import Programme, check_programme
from glutetui.plugins import LoadResult, load_plugins
from glutetui.validation import exercise_problems
from tests.plugin_venv import ROOT

SOURCE = ROOT / "plugins" / "glutetui-lateral-hip" / "src"


@pytest.fixture
def modules(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, types.ModuleType]]:
    monkeypatch.syspath_prepend(str(SOURCE))
    return [
        ("lateral_hip", importlib.import_module("glutetui_lateral_hip.exercises")),
        ("lateral_hip_programme", importlib.import_module("glutetui_lateral_hip.programme")),
    ]


@pytest.fixture
def loaded(modules: list[tuple[str, types.ModuleType]]) -> LoadResult:
    return load_plugins(extra=modules, strict=True)


def programmes(result: LoadResult) -> list[Programme]:
    found: list[Programme] = []
    assert result.manager is not None
    result.manager.hook.register_programmes(register=found.append)
    return [p for p in found if p.id == "lateral-hip-leap"]


def test_exercises_and_routines_register_cleanly(loaded: LoadResult) -> None:
    ours = {p.name: p for p in loaded.plugins if p.name.startswith("lateral_hip")}
    assert [ours[n].status for n in ("lateral_hip", "lateral_hip_programme")] == ["ok", "ok"]
    assert len(ours["lateral_hip"].exercises) == 5
    for exercise_id in ours["lateral_hip"].exercises:
        exercise = loaded.catalog.get(exercise_id)
        assert exercise_problems(exercise) == []
        assert exercise.evidence and exercise.instructions


def test_every_id_carries_the_plugin_prefix(loaded: LoadResult) -> None:
    """docs/plugins.md, "Stable ids": a plugin's ids start with its name, so none can collide."""
    ours = {p.name: p for p in loaded.plugins if p.name.startswith("lateral_hip")}
    (programme,) = programmes(loaded)
    ids = [*ours["lateral_hip"].exercises, *ours["lateral_hip_programme"].routines, programme.id]
    assert len(ids) == 9
    assert [i for i in ids if not i.startswith("lateral-hip-")] == []


def test_every_ladder_step_is_an_exercise_the_catalog_has(loaded: LoadResult) -> None:
    steps = {
        (ex.id, label, other)
        for ex in loaded.catalog.exercises.values()
        if loaded.catalog.source(ex.id) == "lateral_hip"
        for label, other in (("easier", ex.easier), ("harder", ex.harder))
        if other is not None
    }
    assert ("lateral-hip-bridge", "harder", "lateral-hip-offset-bridge") in steps
    assert (
        "lateral-hip-isometric-hip-abduction-lying",
        "harder",
        "lateral-hip-isometric-hip-abduction-standing",
    ) in steps
    for _, _, other in steps:
        assert loaded.catalog.get(other).id == other


def test_the_programme_follows_the_trial_weeks_and_validates(loaded: LoadResult) -> None:
    (programme,) = programmes(loaded)
    check_programme(programme, loaded.catalog.routines)
    assert [s.name.partition(":")[0] for s in programme.stages] == ["Week 1", "Week 2", "Weeks 3–8"]
    assert [s.advance.min_weeks for s in programme.stages[:2]] == [1, 1]
    assert "doi:10.1186/s12891-016-1043-6" in programme.source
    early = {
        item.exercise_id
        for s in programme.stages[:2]
        for r in s.routines
        for item in loaded.catalog.routines[r].items
    }
    # coaching.md §2: side-lying work squeezes a sore hip's tendons, so not in weeks 1 and 2.
    assert "lateral-hip-side-lying-hip-abduction" not in early
    assert "lateral-hip-offset-bridge" not in {
        i.exercise_id for i in loaded.catalog.routines["lateral-hip-week-1"].items
    }


def test_side_lying_work_carries_the_compression_note(loaded: LoadResult) -> None:
    evidence = loaded.catalog.get("lateral-hip-side-lying-hip-abduction").evidence or ""
    assert "Grimaldi et al., Sports Med 2015" in evidence
    assert "Not for the first weeks" in evidence
