"""Check-ins written as real files move a followed programme on, read the way every view reads."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from glutetui.clock import FakeClock
from glutetui.coach import checkins
from glutetui.coach.checkins import CheckIn, Compared
from glutetui.coach.programmes_context import load_context
from glutetui.coach.programmes_state import ProgrammeState, save_state
from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.history_factory import make_session

BASICS = "gluteus-medius-basics-3x"
START = date(2026, 11, 2)  # a Monday
TRAINED = (0, 2, 4, 7, 9, 11)


def follow_with_sessions(paths: Paths, clock: FakeClock) -> list[str]:
    """Start the built-in programme on START and log its six sessions of the first two weeks."""
    save_state(paths.config_root, ProgrammeState(BASICS, START))
    store = LogStore(paths, durable=False)
    tz = clock.now().tzinfo
    ids = []
    for offset in TRAINED:
        session = make_session(START + timedelta(days=offset), tz=tz)  # type: ignore[arg-type]
        store.save(session)
        ids.append(session.id)
    return ids


def answer(
    paths: Paths, clock: FakeClock, day: int, follows: str, pain: int, compared: Compared
) -> None:
    """Move the clock to 8 in the morning of programme day ``day`` and answer the question."""
    morning = datetime.combine(START + timedelta(days=day), datetime.min.time()).replace(hour=8)
    clock.advance((morning.astimezone() - clock.now()).total_seconds())
    checkins.save(paths, CheckIn(clock.now(), pain, compared, follows=follows), durable=False)


def start_clock() -> FakeClock:
    return FakeClock(datetime.combine(START, datetime.min.time()).replace(hour=7).astimezone())


def stage_on(paths: Paths, day: int) -> int:
    position = load_context(paths, START + timedelta(days=day)).position
    assert position is not None
    return position.stage_index


def test_four_settled_mornings_on_file_move_stage_one_on(paths: Paths) -> None:
    clock = start_clock()
    ids = follow_with_sessions(paths, clock)
    assert stage_on(paths, 14) == 0  # two weeks done, but no morning answered yet
    for day, follows, compared in ((1, ids[0], "same"), (3, ids[1], "better"), (5, ids[2], "same")):
        answer(paths, clock, day, follows, 2, compared)
    context = load_context(paths, START + timedelta(days=14))
    assert context.position is not None and context.position.stage_index == 0
    assert context.position.readiness is not None
    assert ("the last 4 next-morning answers settled (3 of 4 are)", False) in (
        context.position.readiness.conditions
    )
    answer(paths, clock, 8, ids[3], 3, "better")
    assert len(checkins.read_all(paths).items) == 4
    assert stage_on(paths, 13) == 0  # still inside week 2: a stage moves on at a week's end
    assert stage_on(paths, 14) == 1


def test_a_worse_or_red_morning_on_file_keeps_the_stage(paths: Paths) -> None:
    clock = start_clock()
    ids = follow_with_sessions(paths, clock)
    for day, follows in ((1, ids[0]), (3, ids[1]), (5, ids[2])):
        answer(paths, clock, day, follows, 1, "same")
    answer(paths, clock, 8, ids[3], 7, "same")  # the same as before, but too much pain
    assert stage_on(paths, 14) == 0
    answer(paths, clock, 10, ids[4], 1, "worse")
    assert stage_on(paths, 14) == 0


def test_a_skipped_question_is_no_answer(paths: Paths) -> None:
    clock = start_clock()
    ids = follow_with_sessions(paths, clock)
    for day, follows in ((1, ids[0]), (3, ids[1]), (5, ids[2])):
        answer(paths, clock, day, follows, 1, "same")
    clock.advance(3 * 86400)
    skipped = CheckIn(clock.now(), None, None, follows=ids[3], skipped=True)
    checkins.save(paths, skipped, durable=False)
    assert stage_on(paths, 14) == 0


def test_an_unreadable_checkin_is_reported_by_path(paths: Paths) -> None:
    clock = start_clock()
    follow_with_sessions(paths, clock)
    bad = checkins.folder(paths) / "20261103T080000-000000.toml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("format = 1\npain = 11\n", "utf-8")
    context = load_context(paths, START + timedelta(days=3))
    assert any(source == str(bad) for source, _ in context.problems)
    assert bad.read_text("utf-8") == "format = 1\npain = 11\n"  # left alone
