"""Hypothesis strategies for sessions: any value a file may hold and glutetui could have logged
(the limits of glutetui.workout.entries, which reading checks)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from glutetui.model import MAX_REPS, MAX_TIMED_SECONDS, SET_KINDS, ExerciseLog, Session, SetResult
from glutetui.workout.entries import MAX_LOAD, MAX_REPS_DONE

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
ids = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True).filter(lambda s: len(s) < 40)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9998, 12, 30)),
    offsets,
)
small = st.integers(min_value=0, max_value=10_000)
sets = st.builds(
    SetResult,
    exercise_id=ids,
    set_number=st.integers(1, 50),
    reps=st.integers(min_value=0, max_value=MAX_REPS_DONE),
    side=st.sampled_from([None, "left", "right"]),
    load=st.none() | st.floats(min_value=0, max_value=MAX_LOAD, width=64),
    unit=st.none() | text.filter(bool),
    rpe=st.none() | st.integers(1, 10),
    warmup=st.just(False),  # the kind says it: a warm-up's `warmup` follows (see SetResult)
    finished_at=st.none() | moments,
    note=text,
    seconds=st.none() | small,
    kind=st.sampled_from(SET_KINDS),
)
exercises = st.builds(
    ExerciseLog,
    exercise_id=ids,
    name=text,
    per_side=st.booleans(),
    target_sets=st.none() | st.integers(1, 20),
    target_reps=st.none()
    | st.tuples(st.integers(1, MAX_REPS), st.integers(1, MAX_REPS)).map(lambda r: tuple(sorted(r))),
    target_seconds=st.none()
    | st.tuples(st.integers(1, MAX_TIMED_SECONDS), st.integers(1, MAX_TIMED_SECONDS)).map(
        lambda r: tuple(sorted(r))
    ),
    pain=st.none() | st.integers(0, 10),
    note=text,
    skipped=st.booleans(),
    warmup_sets=st.integers(0, 3),
    planned_load=st.none() | st.floats(min_value=0, max_value=MAX_LOAD, width=64),
    planned_unit=st.none() | text.filter(bool),
)
sessions = st.builds(
    Session,
    id=st.from_regex(r"[0-9]{8}T[0-9]{6}-[0-9a-f]{6}", fullmatch=True),
    started_at=moments,
    exercises=st.lists(exercises, max_size=5).map(tuple),
    sets=st.lists(sets, max_size=12).map(tuple),
    ended_at=st.none() | moments,
    status=st.sampled_from(["in-progress", "complete", "incomplete"]),
    note=text,
    routine_id=st.none() | ids,
    cursor=st.integers(0, 500),
    source=st.sampled_from(["glutetui", "strong", "hevy"]),
)
