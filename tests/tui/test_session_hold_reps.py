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
