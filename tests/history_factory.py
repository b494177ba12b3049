"""Realistic sessions for tests and benchmarks.

``make_session(day)`` builds one finished session of the five built-in exercises (3 sets, per
side where the exercise is per side), with loads that creep up over the years, pain that fades,
an occasional note and a left side that is sometimes weaker. ``write_history(paths, years)``
writes one session a day for ``years`` years (3,650 sessions for 10) through the real store and
returns them, oldest first. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths

# (id, name, per_side, reps range, unit, start load, load step per year)
EXERCISES: tuple[tuple[str, str, bool, tuple[int, int], str | None, float | None, float], ...] = (
    ("lateral-band-walk", "Lateral band walk", True, (10, 15), "band:red", None, 0.0),
    ("hip-abductor-machine", "Hip abductor machine", False, (10, 12), "kg", 30.0, 5.0),
    ("clamshell", "Clamshell", True, (12, 15), "band:green", None, 0.0),
    ("single-leg-deadlift", "Single-leg deadlift", True, (8, 10), "kg", 8.0, 2.0),
    ("barbell-hip-thrust", "Barbell hip thrust", False, (8, 12), "kg", 40.0, 10.0),
)

NOTES = ("", "", "", "", "felt strong", "left hip tight", "short on time", "good form today")
TZ = timezone(timedelta(hours=1))
EPOCH = date(2017, 1, 1)


def make_session(
    day: date,
    *,
    rng: random.Random | None = None,
    session_id: str | None = None,
    tz: timezone = TZ,
    status: str = "complete",
) -> Session:
    """One realistic session on ``day`` (5 exercises x 3 sets, both sides where per side)."""
    rng = rng or random.Random(day.toordinal())
    start = datetime.combine(day, time(18, rng.randrange(0, 50), rng.randrange(60)), tzinfo=tz)
    years = max(0.0, (day - EPOCH).days / 365.0)
    weak_left = rng.random() < 0.2
    clock = start
    exercises: list[ExerciseLog] = []
    sets: list[SetResult] = []
    for ex_id, name, per_side, (lo, hi), unit, base, step in EXERCISES:
        load = None if base is None else round((base + step * years) * 2) / 2
        pain = max(0, min(10, round(rng.gauss(max(0.0, 4 - 0.4 * years), 1))))
        exercises.append(
            ExerciseLog(
                exercise_id=ex_id,
                name=name,
                per_side=per_side,
                target_sets=3,
                target_reps=(lo, hi),
                pain=pain,
                note=rng.choice(NOTES),
            )
        )
        for n in range(1, 4):
            for side in ("left", "right") if per_side else (None,):
                reps = rng.randint(lo, hi)
                if side == "left" and weak_left:
                    reps = max(1, reps - rng.randint(1, 3))
                clock += timedelta(seconds=rng.randint(40, 120))
                sets.append(
                    SetResult(
                        exercise_id=ex_id,
                        set_number=n,
                        reps=reps,
                        side=side,  # type: ignore[arg-type]
                        load=load,
                        unit=unit,
                        rpe=rng.randint(6, 9),
                        finished_at=clock,
                        note="left weaker" if side == "left" and weak_left and n == 1 else "",
                    )
                )
    return Session(
        id=session_id or f"{start.astimezone(UTC):%Y%m%dT%H%M%S}-{rng.randrange(16**6):06x}",
        started_at=start,
        exercises=tuple(exercises),
        sets=tuple(sets),
        ended_at=clock + timedelta(minutes=2),
        status=status,  # type: ignore[arg-type]
        note=rng.choice(NOTES),
        routine_id="gluteus-medius-basics",
        cursor=len(sets),
    )


def write_history(
    paths: Paths, years: float, *, seed: int = 0, end: date = date(2026, 11, 22)
) -> list[Session]:
    """One session a day for ``years`` years ending on ``end``, written to ``paths``; oldest first.

    Written without fsync (``durable=False``) so that 3,650 sessions take seconds, not minutes.
    """
    rng = random.Random(seed)
    days = round(365 * years)
    store = LogStore(paths, durable=False)
    out = []
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        session = make_session(day, rng=rng)
        store.save(session)
        out.append(session)
    return out
