"""The end-of-session report: figures, per-exercise comparison with last time, duration."""

from __future__ import annotations

from datetime import timedelta

import pytest

from glutetui.clock import FakeClock
from glutetui.figures import MISSING
from glutetui.workout.report import session_report
from glutetui.workout.runner import Runner

from .support import small_plan, walk


def test_report_figures_and_comparison_with_last_time(clock: FakeClock) -> None:
    first = Runner.start(small_plan(), "old", clock)
    walk(first, "rrrrr")  # clamshell: 4 sets of 10 reps, pain 1
    first.record_set(10, load=20.0, unit="kg")  # warm-up
    first.record_set(8, load=40.0, unit="kg")
    first.finish()
    clock.advance(86400 * 2)
    second = Runner.start(small_plan(), "new", clock)
    walk(second, "rrrrr")
    second.skip()
    second.record_set(10, load=100.0, unit="lb")
    second.record_set(10, load=45.0, unit="kg")
    clock.advance(1800)
    session = second.finish()
    summary = session_report(session, [session, first.session], unit="kg")
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
    assert session_report(first.session, [session]).exercises[0].comparison("kg") == "first time"


def test_an_unfinished_session_lasts_until_its_last_set(clock: FakeClock) -> None:
    runner = Runner.start(small_plan(), "s", clock)
    assert session_report(runner.session).duration_text == MISSING  # nothing marks an end yet
    clock.advance(125)
    runner.record_set(10)
    assert session_report(runner.session).duration == timedelta(seconds=125)
