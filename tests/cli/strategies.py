"""Hypothesis strategies for sessions the app could have logged: every value within the limits
the app applies to what people type, text without control characters (tests/log/strategies.py
has any value a file may hold)."""

from __future__ import annotations

from hypothesis import strategies as st

from glutetui.model import MAX_REPS, MAX_SETS, SET_KINDS, ExerciseLog, Session, SetResult
from glutetui.workout.entries import (
    MAX_LOAD,
    MAX_PAIN,
    MAX_REPS_DONE,
    MAX_SET_NUMBER,
    MAX_SET_SECONDS,
    MAX_WARMUP_SETS,
    RPE_RANGE,
)
from tests.log.strategies import ids, moments

BIDI = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=BIDI), max_size=20
)
loads = st.floats(min_value=0, max_value=MAX_LOAD)
units = st.sampled_from(["kg", "lb", "band:red"]) | text.filter(lambda t: 0 < len(t) <= 40)
sets = st.builds(
    SetResult,
    exercise_id=ids,
    set_number=st.integers(1, MAX_SET_NUMBER),
    reps=st.integers(0, MAX_REPS_DONE),
    side=st.sampled_from([None, "left", "right"]),
    load=st.none() | loads,
    unit=st.none() | units,
    rpe=st.none() | st.integers(*RPE_RANGE),
    warmup=st.just(False),  # the kind says it (see SetResult)
    finished_at=st.none() | moments,
    note=text,
    seconds=st.none() | st.integers(0, MAX_SET_SECONDS),
    kind=st.sampled_from(SET_KINDS),
)
target_reps = st.tuples(st.integers(1, MAX_REPS), st.integers(1, MAX_REPS)).map(
    lambda r: (min(r), max(r))
)
exercises = st.builds(
    ExerciseLog,
    exercise_id=ids,
    name=text,
    per_side=st.booleans(),
    target_sets=st.none() | st.integers(1, MAX_SETS),
    target_reps=st.none() | target_reps,
    pain=st.none() | st.integers(0, MAX_PAIN),
    note=text,
    skipped=st.booleans(),
    warmup_sets=st.integers(0, MAX_WARMUP_SETS),
    planned_load=st.none() | loads,
    planned_unit=st.none() | units,
)
sessions = st.builds(
    Session,
    id=st.from_regex(r"[0-9]{8}T[0-9]{6}-[0-9a-f]{6}", fullmatch=True),
    started_at=moments,
    exercises=st.lists(exercises, max_size=4).map(tuple),
    sets=st.lists(sets, max_size=8).map(tuple),
    ended_at=st.none() | moments,
    status=st.sampled_from(["in-progress", "complete", "incomplete"]),
    note=text,
    routine_id=st.none() | ids,
    cursor=st.integers(0, 100),
    source=st.sampled_from(["glutetui", "strong", "hevy", "fitnotes"]),
)
logs = st.lists(sessions, max_size=5, unique_by=lambda s: s.id)
"""What a log folder can hold: sessions with ids of their own."""
