"""The session screens driven by keys: plan, run, save after every set, summary, resume."""

from __future__ import annotations

import pluggy
import pytest

from glutetui import PROJECT_NAME, hookimpl, hookspecs
from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.log import LogStore, SaveError
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.dialogs import PlanItemDialog, ResumeDialog
from glutetui.tui.screens.plan import PlanScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.workout.plan import Plan, PlanItem
from glutetui.workout.runner import Runner

from .support import (
    CLAM,
    THRUST,
    screen_shown,
    seen_first_run,
    session_screen,
    settle,
    start_small_session,
)


@pytest.fixture
def app(session_app: GluteApp) -> GluteApp:
    return session_app


async def test_full_two_exercise_session_by_keys(
    app: GluteApp, clock: FakeClock, paths: Paths, bells: list[int]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # library: plan a session with the highlighted exercise
        plan_screen = await screen_shown(pilot, PlanScreen)
        assert plan_screen.order == ["clamshell"]
        # Tick the hip thrust too, from the exercise list on the left.
        await pilot.press("shift+tab", "down", "space", "tab")
        assert plan_screen.order == ["clamshell", "hip-thrust"]
        assert "barbell" in str(plan_screen.query_one("#plan-equipment").render())
        await pilot.press("minus")  # clamshell: 1 set per side
        assert plan_screen.items["clamshell"].sets == 1
        await pilot.press("down", "enter")  # edit the hip thrust
        assert isinstance(app.screen, PlanItemDialog)
        await pilot.click("#edit-load")
        await pilot.press("4", "0", "enter")
        assert plan_screen.items["hip-thrust"].load == 40.0
        await pilot.press("g")
        await screen_shown(pilot, SessionScreen)
        screen = session_screen(app)
        runner = screen.runner
        assert "Set 1 of 1 · Left side" in str(screen.query_one("#step-label").render())

        clock.advance(40)
        await pilot.press("enter")  # left: 15 reps, the default
        assert screen.countdown is not None and screen.countdown.label == "Switch sides"
        clock.advance(6)
        screen.tick()
        assert bells == [1]
        assert screen.countdown is None
        await pilot.press("minus", "minus", "enter")  # right: 13 reps
        await pilot.press("2", "tab")  # pain 2, then the note
        await pilot.press(*"fine", "enter")
        assert runner.current.label == "Set 1 of 2"
        await pilot.press("enter")  # 12 reps at the planned 40 kg
        assert screen.countdown.label == "Rest"
        await pilot.press("t")
        assert screen.countdown.remaining == 45
        await pilot.press("n")  # skip the rest: no bell for a skipped rest
        assert screen.countdown is None and bells == [1]
        await pilot.press("tab", "tab", "8", "enter")  # RPE 8
        await pilot.press("enter")  # pain: no answer
        assert runner.at_end
        clock.advance(60)
        await pilot.press("enter")  # finish
        await screen_shown(pilot, SummaryScreen)
        await settle(pilot)  # the comparison with the history, read in a thread
        table = app.screen.query_one("#summary-table")
        assert table.row_count == 2

    saved = LogStore(paths).load(runner.session.id)
    assert saved.status == "complete"
    assert [(s.exercise_id, s.side, s.reps, s.load, s.unit, s.rpe) for s in saved.sets] == [
        ("clamshell", "left", 15, None, None, None),
        ("clamshell", "right", 13, None, None, None),
        ("hip-thrust", None, 12, 40.0, "kg", None),
        ("hip-thrust", None, 12, 40.0, "kg", 8),
    ]
    assert saved.exercise("clamshell").pain == 2
    assert saved.exercise("clamshell").note == "fine"
    assert saved.exercise("hip-thrust").pain is None
    assert saved.ended_at == clock.now()


async def test_saved_after_every_set_and_plugins_told(paths: Paths, clock: FakeClock) -> None:
    told: list[tuple[int, bool]] = []

    class Mirror:
        """A plugin whose session_saved hook records the call, then fails."""

        @hookimpl
        def session_saved(self, session, final):
            told.append((len(session.sets), final))
            raise RuntimeError("boom")

    manager = pluggy.PluginManager(PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    manager.register(Mirror(), name="mirror")
    seen_first_run(paths)
    app = make_app(
        paths,
        plugins=LoadResult(
            catalog=Catalog(exercises={e.id: e for e in (CLAM, THRUST)}),
            plugins=(),
            manager=manager,
        ),
        clock=clock,
        settings=LoadedSettings(Settings()),
    )
    notices: list[str] = []
    real_notify = app.notify
    app.notify = lambda message, **kw: notices.append(message) or real_notify(message, **kw)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        store = LogStore(paths)
        await pilot.press("enter")
        assert [s.reps for s in store.load(screen.runner.session.id).sets] == [15]
        await pilot.press("enter")
        assert len(store.load(screen.runner.session.id).sets) == 2
        assert store.load(screen.runner.session.id).status == "in-progress"
        assert told == [(1, False), (2, False)]
        await pilot.press("f", "y")
        await screen_shown(pilot, SummaryScreen)
        assert told[-1] == (2, True)
        assert store.load(screen.runner.session.id).status == "incomplete"
    # A raising plugin is reported (by name), once rather than after every set.
    assert [n for n in notices if "boom" in n] == [
        "mirror: hook session_saved raised RuntimeError: boom"
    ]


async def test_save_error_keeps_the_set_and_retries(
    app: GluteApp, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = LogStore.save
    failing = {"on": True}

    def save(self: LogStore, session):
        if failing["on"]:
            raise SaveError(self.path_for(session.id), "No space left on device")
        return real_save(self, session)

    monkeypatch.setattr(LogStore, "save", save)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter")
        status = str(screen.query_one("#save-status").render())
        assert "NOT SAVED" in status and "No space left on device" in status
        assert str(paths.logs_dir) in status
        assert screen.unsaved and len(screen.runner.session.sets) == 1
        assert not LogStore(paths).exists(screen.runner.session.id)
        failing["on"] = False
        await pilot.press("r")
        assert not screen.unsaved
        assert len(LogStore(paths).load(screen.runner.session.id).sets) == 1
        assert app.is_running


async def test_bad_load_is_refused_inline_and_nothing_is_logged(app: GluteApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("tab", *"-5", "enter")
        assert "load must be" in str(screen.query_one("#entry-error").render())
        assert screen.runner.session.sets == ()
        await pilot.press("escape")
        for key in ("9", "9", "9", "9"):  # 9999 on a 0-500 picker starts over, never overflows
            await pilot.press(key)
        assert screen.query_one("#reps").value == 99
        screen.query_one("#load").value = "12 kg"
        await pilot.press("enter", "y")  # 99 for a target of 12-15: asked once, confirmed
        assert [(s.reps, s.load) for s in screen.runner.session.sets] == [(99, 12.0)]


async def test_undo_skip_and_pause_keys(app: GluteApp, clock: FakeClock) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        runner = screen.runner
        await pilot.press("enter", "enter")
        assert runner.current.kind == "pain"
        await pilot.press("escape", "u")
        assert runner.current.label == "Set 1 of 1 · Right side"
        assert len(runner.session.sets) == 1
        await pilot.press("x")  # skip the rest of the clamshell: pain still asked
        assert runner.current.kind == "pain"
        await pilot.press("k")  # skip the pain question
        assert runner.current.label == "Set 1 of 2"
        await pilot.press("enter")
        countdown = screen.countdown
        await pilot.press("p")
        clock.advance(100)
        assert countdown.paused and countdown.remaining == 30
        await pilot.press("p")
        assert not countdown.paused
        assert screen.countdown is countdown


async def test_countdown_keeps_running_while_the_library_is_open(
    app: GluteApp, clock: FakeClock, bells: list[int]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("enter", "enter")  # both sides: rest follows
        assert screen.countdown is None  # the pain question comes first, no rest
        await pilot.press("enter")
        await pilot.press("enter")  # hip thrust set 1: rest 30 s
        assert screen.countdown.label == "Rest"
        await pilot.press("l")  # the library, mid-rest
        await pilot.pause()
        assert app.current_mode == "library"
        clock.advance(40)  # the rest ends while the session is not on screen
        await pilot.press("s")  # back to the running session, not a new plan
        await screen_shown(pilot, SessionScreen)
        assert app.screen is screen
        assert screen.countdown is None  # caught up as the session came back
        assert bells == [1]
        screen.tick()  # however many ticks run after it ended,
        screen.tick()
        assert bells == [1]  # it rang once


async def test_resume_offered_at_start_and_continues_at_the_same_step(
    app: GluteApp, paths: Paths, clock: FakeClock
) -> None:
    plan = Plan((PlanItem(CLAM, sets=2, reps=(12, 15)), PlanItem(THRUST, sets=2, reps=(8, 12))))
    runner = Runner.start(plan, "20261123T170000-aaaaaa", clock)
    runner.record_set(14)
    runner.record_set(13)
    runner.record_set(12)
    LogStore(paths).save(runner.session)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, ResumeDialog)
        await pilot.press("r")
        await screen_shown(pilot, SessionScreen)
        screen = session_screen(app)
        assert screen.runner.current == runner.current
        assert "Set 2 of 2 · Right side" in str(screen.query_one("#step-label").render())
        await pilot.press("enter")
        assert len(LogStore(paths).load(runner.session.id).sets) == 4


async def test_keep_as_incomplete(app: GluteApp, paths: Paths, clock: FakeClock) -> None:
    plan = Plan((PlanItem(THRUST, sets=2, reps=(8, 12)),))
    runner = Runner.start(plan, "20261123T170000-bbbbbb", clock)
    runner.record_set(10)
    LogStore(paths).save(runner.session)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, ResumeDialog)
        await pilot.press("k")
        await settle(pilot)
        assert not isinstance(app.screen, ResumeDialog)
    kept = LogStore(paths).load(runner.session.id)
    assert kept.status == "incomplete"
    assert len(kept.sets) == 1


async def test_an_exception_in_app_code_keeps_logged_sets_and_exits_non_zero(
    app: GluteApp, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RuntimeError, match="bug in a screen"):
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await start_small_session(app, pilot)
            await pilot.press("enter")

            def broken() -> None:
                raise RuntimeError("bug in a screen")

            monkeypatch.setattr(screen, "show_step", broken)
            await pilot.press("enter")  # the set is saved, then drawing the next step fails
            await pilot.pause()
    assert app.return_code == 1
    saved = LogStore(paths).load("20261123T180000-abcdef")
    assert [s.side for s in saved.sets] == ["left", "right"]
    assert saved.status == "in-progress"


async def test_hold_cue_counts_and_rings_once(
    app: GluteApp, clock: FakeClock, bells: list[int]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(app, pilot)
        await pilot.press("h")  # clamshell holds 1 s at the top
        assert screen.countdown is not None and screen.countdown.label == "Hold 1 s"
        clock.advance(1.5)
        screen.tick()
        screen.tick()
        # One bell for the hold; lowering (2 s) now runs towards the next hold by itself.
        assert bells == [1] and screen.countdown is not None
        assert screen.countdown.label.startswith("Lower")
        await pilot.press("enter")  # logging the set is unaffected
        assert len(screen.runner.session.sets) == 1
