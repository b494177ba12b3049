"""The session runner as a pure state machine: whole sessions walked without a screen or a sleep."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.model import Exercise, Routine, RoutineItem, Session, SetResult
from glutetui.runner import (
    MAX_LOAD,
    InvalidEntry,
    Plan,
    PlanItem,
    Runner,
    RunnerError,
    format_load,
    parse_load,
    parse_pain,
    parse_range,
    parse_reps,
    parse_rpe,
    parse_whole,
    summarize,
)

CLAM = Exercise(
    id="clamshell",
    name="Clamshell",
    instructions=["Lift the knee."],
    sets=3,
    reps=(12, 15),
    per_side=True,
    hold_seconds=1,
    optional_equipment=["band", "mat"],
    cues=["Feet together"],
)
THRUST = Exercise(
    id="hip-thrust",
    name="Hip thrust",
    instructions=["Lift the hips."],
    sets=(3, 4),
    reps=(8, 12),
    equipment=["barbell", "bench"],
    rest_seconds=120,
)
WALK = Exercise(
    id="band-walk",
    name="Band walk",
    instructions=["Step sideways."],
    sets=(2, 3),
    reps=(10, 15),
    per_side=True,
    equipment=["band"],
)
CATALOG = Catalog(exercises={e.id: e for e in (CLAM, THRUST, WALK)})


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def small_plan() -> Plan:
    """Clamshell 2 sets per side, then hip thrust 2 sets with one warm-up."""
    return Plan(
        (
            PlanItem(CLAM, sets=2, reps=(12, 15)),
            PlanItem(THRUST, sets=2, reps=(8, 12), load=40.0, unit="kg", warmup_sets=1),
        ),
        rest_seconds=90,
        switch_sides_seconds=10,
    )


# --------------------------------------------------------------------------- the plan


def test_steps_order_sides_warmups_and_pain() -> None:
    labels = [(s.item, s.label) for s in small_plan().steps]
    assert labels == [
        (0, "Set 1 of 2 · Left side"),
        (0, "Set 1 of 2 · Right side"),
        (0, "Set 2 of 2 · Left side"),
        (0, "Set 2 of 2 · Right side"),
        (0, "How did it feel?"),
        (1, "Warm-up 1 of 1"),
        (1, "Set 1 of 2"),
        (1, "Set 2 of 2"),
        (1, "How did it feel?"),
    ]
    assert [s.index for s in small_plan().steps] == list(range(9))


def test_pauses_between_steps() -> None:
    plan = small_plan()
    kinds = [(p.kind, p.seconds) if (p := plan.pause_after(i)) else None for i in range(9)]
    assert kinds == [
        ("switch-sides", 10),
        ("rest", 90),
        ("switch-sides", 10),
        None,  # last set: the pain question comes next
        None,  # between exercises
        ("rest", 120),  # warm-up -> work set, the exercise's own rest
        ("rest", 120),
        None,
        None,
    ]
    assert plan.with_item(1, rest_seconds=45).pause_after(6).seconds == 45


def test_equipment_for_the_whole_session_gathered_once() -> None:
    plan = Plan.for_exercises([WALK, CLAM, THRUST])
    assert plan.equipment() == ("band", "barbell", "bench")
    assert plan.optional_equipment() == ("mat",)  # band is already required
    assert plan.equipment_names() == ("resistance band", "barbell", "bench")


def test_plan_defaults_and_routine_overrides() -> None:
    plan = Plan.for_exercises([THRUST])
    assert (plan.items[0].sets, plan.items[0].reps) == (3, (8, 12))
    routine = Routine(
        id="r",
        name="R",
        items=[RoutineItem("hip-thrust", sets=(4, 4), reps=10, load=60), "clamshell"],
    )
    plan = Plan.for_routine(routine, CATALOG, unit="lb")
    assert plan.routine_id == "r"
    first = plan.items[0]
    assert (first.sets, first.reps, first.load, first.unit) == (4, (10, 10), 60.0, "lb")
    assert first.describe() == "4 sets of 10 reps · 60 lb"
    with pytest.raises(KeyError):
        Plan.for_routine(Routine(id="x", name="X", items=["nope"]), CATALOG)


@pytest.mark.parametrize(
    "changes",
    [{"sets": 0}, {"sets": 21}, {"reps": (5, 3)}, {"warmup_sets": -1}, {"load": -5.0}],
)
def test_plan_item_rejects_nonsense(changes: dict) -> None:
    with pytest.raises(InvalidEntry):
        small_plan().with_item(0, **changes)


def test_plan_rejects_empty_and_duplicates() -> None:
    with pytest.raises(InvalidEntry):
        Plan(())
    with pytest.raises(InvalidEntry):
        Plan.for_exercises([CLAM, CLAM])


# --------------------------------------------------------------------------- walking a session


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


def test_wrong_kind_of_entry_changes_nothing(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    before = runner.session
    with pytest.raises(RunnerError):
        runner.record_pain(3)
    for bad in (-1, 501, True, 2.5):
        with pytest.raises(InvalidEntry):
            runner.record_set(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidEntry):
        runner.record_set(10, load=MAX_LOAD + 1)
    with pytest.raises(InvalidEntry):
        runner.record_set(10, load=float("nan"))
    with pytest.raises(InvalidEntry):
        runner.record_set(10, rpe=11)
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


def _walk(runner: Runner, actions: str) -> None:
    for a in actions:
        step = runner.current
        if a == "r":
            if step.kind == "set":
                runner.record_set(10, load=20.0, unit="kg", rpe=6)
            else:
                runner.record_pain(1, "ok")
        elif a == "s":
            runner.skip()
        elif a == "x":
            runner.skip_exercise()
        elif a == "u":
            runner.undo()


@pytest.mark.parametrize("actions", ["", "rr", "rrrr", "rrrrr", "rrrrrr", "xr", "rrsu", "rrrrru"])
def test_resume_from_saved_session_gives_the_same_next_step(clock: FakeClock, actions: str) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    _walk(runner, actions)
    saved = runner.session
    resumed = Runner.resume(saved, CATALOG, clock, rest_seconds=90, switch_sides_seconds=10)
    assert resumed.current == runner.current
    assert resumed.session == saved
    assert resumed.plan.steps == runner.plan.steps
    assert resumed.can_undo == runner.can_undo
    # ...and both continue identically.
    for r in (runner, resumed):
        if not r.at_end:
            _walk(r, "r")
        if r.can_undo:
            r.undo()
    assert resumed.session == runner.session


def test_resume_without_the_plugin_still_walks(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s1", clock)
    _walk(runner, "rrr")
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


# --------------------------------------------------------------------------- typed entries


@pytest.mark.parametrize(("text", "value"), [("12", 12), (" 0 ", 0), ("500", 500)])
def test_parse_reps_accepts(text: str, value: int) -> None:
    assert parse_reps(text) == value


@pytest.mark.parametrize("text", ["", "-1", "501", "1e3", "12.5", "twelve", "٣", "9" * 40])
def test_parse_reps_rejects_with_a_reason(text: str) -> None:
    with pytest.raises(InvalidEntry, match="reps"):
        parse_reps(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", (None, None)),
        ("20", (20.0, "kg")),
        ("22,5", (22.5, "kg")),
        ("45 LB", (45.0, "lb")),
        ("10kgs", (10.0, "kg")),
        ("red band", (None, "band:red")),
        ("band: green", (None, "band:green")),
        ("1000", (1000.0, "kg")),
    ],
)
def test_parse_load_accepts(text: str, value: tuple) -> None:
    assert parse_load(text) == value


@pytest.mark.parametrize("text", ["-5", "1001", "nan", "inf", "20 stone", "1e9", "kg"])
def test_parse_load_rejects_with_a_reason(text: str) -> None:
    with pytest.raises(InvalidEntry, match="load"):
        parse_load(text)


def test_parse_rpe_and_pain() -> None:
    assert parse_rpe("") is None
    assert parse_rpe("7") == 7
    assert parse_pain("0") == 0
    assert parse_pain(" ") is None
    for bad in ("0", "11", "x", "-1"):
        with pytest.raises(InvalidEntry):
            parse_rpe(bad)
    for bad in ("11", "x", "-1", "2.5"):
        with pytest.raises(InvalidEntry):
            parse_pain(bad)


def test_format_load() -> None:
    assert format_load(None, None) == "bodyweight"
    assert format_load(20.0, "kg") == "20 kg"
    assert format_load(None, "band:red") == "red band"


# --------------------------------------------------------------------------- the summary


def test_summary_figures_and_comparison_with_last_time(clock: FakeClock) -> None:
    first = Runner.start(small_plan(), "old", clock)
    _walk(first, "rrrrr")  # clamshell: 4 sets of 10 reps, pain 1
    first.record_set(10, load=20.0, unit="kg")  # warm-up
    first.record_set(8, load=40.0, unit="kg")
    first.finish()
    clock.advance(86400 * 2)
    second = Runner.start(small_plan(), "new", clock)
    _walk(second, "rrrrr")
    second.skip()
    second.record_set(10, load=100.0, unit="lb")
    second.record_set(10, load=45.0, unit="kg")
    clock.advance(1800)
    session = second.finish()
    summary = summarize(session, [session, first.session], unit="kg")
    assert summary.duration_text == "30 min"
    assert summary.work_sets == 4  # two per-side clamshell sets count once each, two thrusts
    assert summary.warmup_sets == 0
    assert summary.reps == 60
    clam, thrust = summary.exercises
    assert dict(clam.reps_by_side) == {"left": 20, "right": 20}
    assert clam.pain == 1
    assert clam.comparison("kg") == "+0 reps, +0 kg volume vs 23 Nov"
    assert thrust.volume == pytest.approx(10 * 100 / 2.2046226218 + 450)
    assert thrust.best_load == pytest.approx(100 / 2.2046226218)  # 100 lb beats 45 kg
    assert thrust.previous.reps == 8
    assert thrust.previous.volume == 320
    assert thrust.comparison("kg").startswith("+12 reps, +")
    assert summarize(first.session, [session]).exercises[0].comparison("kg") == "first time"


def test_summary_of_unfinished_session_uses_last_set_time(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s", clock)
    clock.advance(125)
    runner.record_set(10)
    assert summarize(runner.session).duration_seconds == 125


def test_session_type_is_the_model_session(clock: FakeClock) -> None:
    assert isinstance(Runner.start(small_plan(), "s", clock).session, Session)


def test_parse_range_and_whole() -> None:
    assert parse_range("8-12") == (8, 12)
    assert parse_range(" 8 – 12 ") == (8, 12)
    assert parse_range("10") == (10, 10)
    for bad in ("", "12-8", "0", "8-", "a-b", "1-2-3", "8-999"):
        with pytest.raises(InvalidEntry, match="reps"):
            parse_range(bad)
    assert parse_whole("3", "sets", 1, 20) == 3
    for bad in ("0", "21", "", "x", "-2"):
        with pytest.raises(InvalidEntry, match="sets"):
            parse_whole(bad, "sets", 1, 20)


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
