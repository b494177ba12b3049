"""The runner as a pure state machine: whole sessions walked without a screen or a sleep."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Session, SetResult
from glutetui.workout.entries import RunnerError
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

from .support import CATALOG, CLAM, small_plan, walk


def test_walk_a_whole_session(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    session = runner.session
    assert session.status == "in-progress"
    assert [e.target_sets for e in session.exercises] == [2, 2]
    assert session.exercise("hip-thrust").warmup_sets == 1
    assert runner.exercise_position == (1, 2)
    for reps in (15, 14, 13, 12):
        clock.advance(60)
        runner.record_set(reps)
    assert runner.current.kind == "pain"
    runner.record_pain(2, " a little tight ")
    assert runner.exercise_position == (2, 2)
    assert runner.default_load() == (40.0, "kg")
    runner.record_set(10, load=20, unit="kg")  # warm-up
    assert runner.default_load() == (40.0, "kg")  # warm-up load does not carry to work sets
    runner.record_set(10, load=40, unit="kg", rpe=7)
    assert runner.default_load() == (40.0, "kg")
    runner.record_set(9, load=42.5, unit="kg", rpe=9, note="hard")
    runner.record_pain(0)
    assert runner.at_end and runner.current is None
    assert runner.progress == (9, 9)
    clock.advance(30)
    final = runner.finish()
    assert final.status == "complete"
    assert final.ended_at == clock.now()
    assert len(final.sets) == 7
    assert len(final.work_sets) == 6
    assert final.sets[0] == SetResult(
        "clamshell", 1, 15, "left", finished_at=final.started_at + timedelta(seconds=60)
    )
    assert final.sets[4].warmup and final.sets[4].set_number == 1
    assert final.sets[-1].note == "hard"
    assert final.exercise("clamshell").pain == 2
    assert final.exercise("clamshell").note == "a little tight"
    assert not any(e.skipped for e in final.exercises)
    with pytest.raises(RunnerError):
        runner.record_set(1)
    with pytest.raises(RunnerError):
        runner.undo()


def test_an_entry_of_the_wrong_kind_changes_nothing(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    before = runner.session
    with pytest.raises(RunnerError, match="not a pain step"):
        runner.record_pain(3)
    assert runner.session is before


def test_undo_at_exercise_boundaries(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    assert not runner.can_undo
    with pytest.raises(RunnerError, match="nothing to undo"):
        runner.undo()
    for _ in range(4):
        runner.record_set(12)
    runner.record_pain(4, "knee")
    assert runner.current.warmup  # first step of the second exercise
    runner.undo()  # back across the boundary: the pain answer goes first
    assert runner.current.kind == "pain"
    assert runner.session.exercise("clamshell").pain is None
    assert runner.session.exercise("clamshell").note == ""
    runner.undo()  # then the last set of the first exercise
    assert runner.current.label == "Set 2 of 2 · Right side"
    assert len(runner.session.sets) == 3
    runner.record_set(11)
    runner.skip()  # no pain answer
    assert runner.current.warmup
    runner.undo()  # the skip was the last action: only it is taken back
    assert runner.current.kind == "pain"
    assert len(runner.session.sets) == 4
    runner.undo()  # then the set
    assert runner.current.label == "Set 2 of 2 · Right side"
    assert len(runner.session.sets) == 3


def test_undo_after_a_skip_takes_back_the_skip_not_the_set(clock: FakeClock) -> None:
    runner = Runner.start(Plan((PlanItem(CLAM, sets=2, reps=(12, 15)),)), "s1", clock)
    runner.record_set(14)  # Set 1 left
    runner.skip()  # a stray k on the right side
    assert runner.current.label == "Set 2 of 2 · Left side"
    runner.undo()
    assert runner.current.label == "Set 1 of 2 · Right side"
    assert [(s.set_number, s.side, s.reps) for s in runner.session.sets] == [(1, "left", 14)]
    runner.undo()  # a second u takes back the set
    assert runner.current.label == "Set 1 of 2 · Left side"
    assert runner.session.sets == ()
    # Skips in a row (or a skipped exercise) go back together.
    runner.record_set(12)
    runner.skip_exercise()
    assert runner.current.kind == "pain"
    runner.undo()
    assert runner.current.label == "Set 1 of 2 · Right side"
    assert len(runner.session.sets) == 1


def test_skip_set_and_skip_exercise(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    runner.skip_exercise()  # nothing logged: the whole exercise is skipped, pain not asked
    assert runner.current.item == 1 and runner.current.warmup
    assert runner.session.exercise("clamshell").skipped
    runner.skip()  # skip the warm-up
    runner.record_set(8, load=40, unit="kg")
    runner.skip_exercise()  # something logged: the pain question still comes
    assert runner.current.kind == "pain"
    assert not runner.session.exercise("hip-thrust").skipped
    runner.skip_exercise()  # on the pain step: moves past it
    assert runner.at_end
    with pytest.raises(RunnerError):
        runner.skip()
    runner.undo()  # the skips after the set go back first, the set stays
    assert runner.current.label == "Set 2 of 2"
    assert len(runner.session.sets) == 1
    runner.undo()  # then the set
    assert runner.current.label == "Set 1 of 2"
    assert runner.session.sets == ()
    runner.undo()  # no entry left: back to the start, which un-skips the first exercise
    assert runner.cursor == 0
    assert not runner.session.exercise("clamshell").skipped
    assert not runner.can_undo
    with pytest.raises(RunnerError, match="nothing to undo"):
        runner.undo()


def test_all_skipped_session_is_incomplete_not_complete(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    runner.skip_exercise()
    runner.skip_exercise()
    assert runner.at_end
    final = runner.finish()
    assert final.status == "incomplete"
    assert all(e.skipped for e in final.exercises)


def test_finish_early_is_incomplete_and_marks_untouched_exercises(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    runner.record_set(12)
    final = runner.finish(note="phone rang")
    assert final.status == "incomplete"
    assert final.note == "phone rang"
    assert not final.exercise("clamshell").skipped
    assert final.exercise("hip-thrust").skipped
    assert runner.finished and runner.current is None


# --------------------------------------------------------------------------- resume


@pytest.mark.parametrize("actions", ["", "rr", "rrrr", "rrrrr", "rrrrrr", "xr", "rrsu", "rrrrru"])
def test_resume_from_saved_session_gives_the_same_next_step(clock: FakeClock, actions: str) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    walk(runner, actions)
    saved = runner.session
    resumed = Runner.resume(saved, CATALOG, clock, rest_seconds=90, switch_sides_seconds=10)
    assert resumed.current == runner.current
    assert resumed.session == saved
    assert resumed.plan.steps == runner.plan.steps
    assert resumed.can_undo == runner.can_undo
    # ...and both continue identically.
    for r in (runner, resumed):
        if not r.at_end:
            walk(r, "r")
        if r.can_undo:
            r.undo()
    assert resumed.session == runner.session


def test_resume_without_the_plugin_still_walks(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    walk(runner, "rrr")
    resumed = Runner.resume(runner.session, Catalog(), clock)
    assert resumed.current.label == "Set 2 of 2 · Right side"
    assert resumed.item().exercise.name == "Clamshell"
    assert resumed.default_load() == (20.0, "kg")


def test_resume_refuses_finished_sessions_and_clamps_cursor(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    with pytest.raises(RunnerError):
        Runner.resume(replace(runner.session, status="complete"), CATALOG, clock)
    far = Runner.resume(replace(runner.session, cursor=999), CATALOG, clock)
    assert far.at_end


def test_abandon_keeps_it_incomplete(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    clock.advance(100)
    runner.record_set(12)
    clock.advance(3600)
    kept = Runner.resume(runner.session, CATALOG, clock).abandon()
    assert kept.status == "incomplete"
    assert kept.ended_at == runner.session.sets[0].finished_at


# --------------------------------------------------------------------------- random walks


ACTIONS = st.sampled_from(["set", "pain", "skip", "skip_exercise", "undo", "finish", "resume"])


@settings(deadline=None)
@given(actions=st.lists(st.tuples(ACTIONS, st.integers(-5, 600)), max_size=60))
def test_random_action_sequences_never_crash_and_count_sets(
    actions: list[tuple[str, int]],
) -> None:
    clock = FakeClock()
    runner = Runner.start(small_plan(), "s1", clock)
    # A reference model: the undo stack of entries, each with the cursor right after it. Undo
    # removes the top entry only when the cursor is right there (no skip since); else it only
    # takes back the skips.
    entries: list[tuple[str, int]] = []
    records = undos = 0
    for action, value in actions:
        before = runner.session
        try:
            if action == "set":
                runner.record_set(value, load=float(value), unit="kg", rpe=value % 12)
                entries.append(("set", runner.cursor))
                records += 1
            elif action == "pain":
                runner.record_pain(value)
                entries.append(("pain", runner.cursor))
            elif action == "skip":
                runner.skip()
            elif action == "skip_exercise":
                runner.skip_exercise()
            elif action == "undo":
                cursor = runner.cursor
                runner.undo()
                if entries and entries[-1][1] == cursor and entries.pop()[0] == "set":
                    undos += 1
            elif action == "finish":
                runner.finish()
            else:
                if not runner.finished:
                    runner = Runner.resume(runner.session, CATALOG, clock)
        except RunnerError:
            assert runner.session is before  # a refused action changes nothing
        clock.advance(1)
        session = runner.session
        assert len(session.sets) == records - undos
        assert 0 <= session.cursor <= len(runner.steps)
        assert all(runner.plan.step_of(s) < session.cursor for s in session.sets)
        if not runner.finished:
            assert runner.can_undo == (bool(entries) or session.cursor > 0)


def test_session_type_is_the_model_session(clock: FakeClock) -> None:
    assert isinstance(Runner.start(small_plan(), "s", clock).session, Session)


def test_resume_after_a_warmup_suggests_the_planned_work_load(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    runner.skip_exercise()  # to the hip thrust: warm-up, then work sets at 40 kg
    assert runner.current.warmup
    runner.record_set(10, load=20.0, unit="kg")  # a light warm-up
    assert runner.default_load() == (40.0, "kg")
    assert runner.session.exercise("hip-thrust").planned_load == 40.0
    resumed = Runner.resume(runner.session, CATALOG, clock)
    assert resumed.current.label == "Set 1 of 2"
    assert resumed.default_load() == (40.0, "kg")
    assert resumed.plan.items[1].load == 40.0


def test_resume_of_a_log_without_planned_load_ignores_warmups(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    runner.skip_exercise()
    runner.record_set(10, load=20.0, unit="kg")  # warm-up
    runner.record_set(8, load=45.0, unit="kg")  # work set 1, heavier than planned
    # As an older file would have it: no planned load kept.
    legacy = replace(
        runner.session,
        exercises=tuple(
            replace(e, planned_load=None, planned_unit=None) for e in runner.session.exercises
        ),
    )
    resumed = Runner.resume(legacy, CATALOG, clock)
    assert resumed.plan.items[1].load == 45.0
    assert resumed.default_load() == (45.0, "kg")
    only_warmup = replace(legacy, sets=legacy.sets[:1], cursor=legacy.cursor - 1)
    assert Runner.resume(only_warmup, CATALOG, clock).plan.items[1].load is None
