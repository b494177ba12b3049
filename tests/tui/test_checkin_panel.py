"""The next-morning question in the app: shown after the first paint, never in the way."""

from __future__ import annotations

from datetime import timedelta

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.coach import checkins
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.log import LogScreen
from glutetui.tui.widgets.checkin_panel import CheckInPanel

from .support import CLAM, log_ready, run_command, seen_first_run, settle

YESTERDAY = "20261122T180000-abcdef"


def _app(paths: Paths, clock: FakeClock, *, coaching: bool = True) -> GluteApp:
    seen_first_run(paths)
    start = clock.now() - timedelta(days=1)
    LogStore(paths, durable=False).save(
        Session(
            id=YESTERDAY,
            started_at=start,
            ended_at=start + timedelta(minutes=20),
            status="complete",
            exercises=(ExerciseLog(CLAM.id, CLAM.name, per_side=True, pain=3),),
            sets=(SetResult(CLAM.id, 1, 12, side="left"), SetResult(CLAM.id, 1, 12, side="right")),
        )
    )
    return make_app(
        paths,
        plugins=LoadResult(catalog=Catalog(exercises={CLAM.id: CLAM}), plugins=()),
        clock=clock,
        settings=LoadedSettings(Settings(coaching=coaching)),
    )


async def test_asked_once_after_a_session_day_without_blocking(
    paths: Paths, clock: FakeClock
) -> None:
    async with _app(paths, clock).run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the due check reads the log in a thread
        panel = pilot.app.screen.query_one(CheckInPanel)
        assert panel.follows == YESTERDAY
        assert not panel.has_focus_within  # the library keeps the keys
        await pilot.click("#checkin-same")  # no pain typed yet: asked for it, nothing saved
        assert checkins.read_all(paths).items == ()
        pilot.app.screen.query_one("#checkin-pain").focus()
        await pilot.press("1", "1", "backspace")  # "11" cannot be typed past 2 digits; 1 stays
        await pilot.click("#checkin-worse")
        await pilot.pause()
        assert not pilot.app.screen.query(CheckInPanel)
    (one,) = checkins.read_all(paths).items
    assert (one.pain, one.compared, one.follows) == (1, "worse", YESTERDAY)
    async with _app(paths, clock).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query(CheckInPanel)  # answered: not asked again


async def test_skip_is_remembered_and_later_comes_back_from_the_palette(
    paths: Paths, clock: FakeClock
) -> None:
    async with _app(paths, clock).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#checkin-later")
        await pilot.pause()
        assert not pilot.app.screen.query(CheckInPanel) and checkins.read_all(paths).items == ()
        await run_command(pilot, "log: morning check-in")
        screen = await log_ready(pilot)
        assert isinstance(screen, LogScreen)
        panel = screen.query_one(CheckInPanel)
        assert panel.follows == YESTERDAY
        await pilot.click("#checkin-skip")
        await pilot.pause()
    (one,) = checkins.read_all(paths).items
    assert one.skipped and one.follows == YESTERDAY
    async with _app(paths, clock).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query(CheckInPanel)


async def test_not_asked_with_coaching_off(paths: Paths, clock: FakeClock) -> None:
    async with _app(paths, clock, coaching=False).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query(CheckInPanel)
