"""Each hold counted with ``h`` that runs to its end is one rep done, filled into the reps."""

from __future__ import annotations

from glutetui.clock import FakeClock
from glutetui.tui.app import GluteApp
from glutetui.tui.widgets.countdown import CountdownPanel

from .support import start_small_session


async def test_finished_holds_count_the_reps(session_app: GluteApp, clock: FakeClock) -> None:
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)  # the clamshell holds 1 s
        reps = screen.query_one("#reps")
        for done in (1, 2, 3):
            await pilot.press("h")
            clock.advance(1.5)
            screen.tick()
            assert reps.value == done
        panel = screen.query_one(CountdownPanel)
        assert panel.display
        assert str(panel.query_one(".countdown-label").render()).endswith("(3 done)")
        await pilot.press("h")
        clock.advance(0.5)
        await pilot.press("h")  # started again mid-hold: the cut-short hold is no rep
        clock.advance(0.6)
        screen.tick()
        assert reps.value == 3
        clock.advance(0.5)
        screen.tick()
        assert reps.value == 4
        await pilot.press("enter")
        assert [s.reps for s in screen.runner.logged("clamshell")] == [4]
        assert reps.value == 15  # the next side starts from the default again


async def test_holds_follow_one_another_until_the_top_of_the_range(
    session_app: GluteApp, clock: FakeClock
) -> None:
    """One h: hold 1 s, lower 2 s, hold again… by themselves, each hold a rep, up to 15."""
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)  # clamshell: 12 to 15, hold 1 s
        reps = screen.query_one("#reps")
        await pilot.press("h")
        for done in range(1, 16):
            clock.advance(1.1)  # the hold ends: one more rep, then lowering starts by itself
            screen.tick()
            assert reps.value == done
            assert screen.countdown is not None or done == 15
            if done < 15:
                assert screen.pauses.kind == "lower"
                clock.advance(2.1)  # lowering ends: the next hold starts by itself
                screen.tick()
                assert screen.pauses.kind == "hold"
        assert screen.countdown is None  # the top of the range: the cycle stops
        await pilot.press("enter")
        assert [s.reps for s in screen.runner.logged("clamshell")] == [15]


async def test_without_lowering_time_each_hold_waits_for_h(
    session_app: GluteApp, clock: FakeClock
) -> None:
    from dataclasses import replace

    session_app.settings = replace(session_app.settings, hold_lower_seconds=0)
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("h")
        clock.advance(1.1)
        screen.tick()
        assert screen.query_one("#reps").value == 1
        assert screen.countdown is None
