"""Small builders for coach tests: exercises, outings and sessions in a few words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from glutetui.coach.checkins import CheckIn, Compared
from glutetui.coach.history import ExerciseHistory, Outing
from glutetui.coach.ladder import Rung
from glutetui.model import Exercise, ExerciseLog, Session, SetResult

NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)

WALK = Exercise(
    id="walk",
    name="Band walk",
    instructions=("Step.",),
    sets=(2, 3),
    reps=(10, 15),
    per_side=True,
    equipment=("band",),
    band_positions=("knees", "ankles", "feet"),
    band_colours=("yellow", "red"),
)
MACHINE = Exercise(
    id="machine",
    name="Machine",
    instructions=("Press.",),
    sets=(3, 4),
    reps=(8, 12),
    load_step_kg=5,
    load_step_lb=10,
    harder="machine-heavy",
)


def morning(compared: Compared = "same", pain: int = 1, *, sharp: bool = False) -> CheckIn:
    return CheckIn(when=NOW, pain=pain, compared=compared, sharp=sharp)


def outing(
    days_ago: float = 2,
    *,
    left: tuple[int, ...] = (12, 12),
    right: tuple[int, ...] | None = None,
    pain: int | None = 2,
    sets: int = 2,
    unit: str | None = "band:yellow@knees",
    load: float | None = None,
    after: CheckIn | None = None,
    target: tuple[int, int] = (10, 15),
) -> Outing:
    reps = {"left": left, "right": left if right is None else right}
    return Outing(
        session_id=f"s{days_ago}".replace(".", "-"),
        started_at=NOW - timedelta(days=days_ago),
        rung=Rung(sets=sets, load=load, unit=unit),
        target_reps=target,
        reps=reps,
        pain=pain,
        morning=after,
    )


def history(*outings: Outing, exercise_id: str = "walk") -> ExerciseHistory:
    return ExerciseHistory(exercise_id=exercise_id, now=NOW, outings=outings)


def session(
    sid: str,
    days_ago: float,
    exercise: Exercise,
    reps: dict[str | None, tuple[int, ...]],
    *,
    pain: int | None = 2,
    unit: str | None = None,
    load: float | None = None,
) -> Session:
    start = NOW - timedelta(days=days_ago)
    sets = [
        SetResult(
            exercise_id=exercise.id,
            set_number=n,
            reps=r,
            side=side,
            load=load,
            unit=unit,  # type: ignore[arg-type]
        )
        for side, per_set in reps.items()
        for n, r in enumerate(per_set, start=1)
    ]
    log = ExerciseLog(
        exercise_id=exercise.id,
        name=exercise.name,
        per_side=exercise.per_side,
        target_sets=max(len(v) for v in reps.values()),
        target_reps=exercise.reps,
        pain=pain,
        planned_load=load,
        planned_unit=unit,
    )
    return Session(
        id=sid,
        started_at=start,
        ended_at=start + timedelta(minutes=30),
        status="complete",
        exercises=(log,),
        sets=tuple(sets),
    )
