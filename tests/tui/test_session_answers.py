"""What was typed is what gets logged: a pain score typed on the last step survives finishing or
quitting from it, and reps far above the target are asked about once (issue 10, item 9)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.dialogs import ConfirmDialog
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.screens.summary import SummaryScreen
from glutetui.workout.entries import plausible_reps

from .support import SESSION_ID, screen_shown, settle, start_small_session

SIZE = (80, 24)


def test_plausible_reps_allows_twice_the_top_and_five_over_it() -> None:
    assert plausible_reps(24, (8, 12)) and not plausible_reps(25, (8, 12))
    assert plausible_reps(8, (1, 3)) and not plausible_reps(9, (1, 3))
    assert plausible_reps(0, (8, 12))


async def to_last_pain_step(app: GluteApp, pilot: Pilot[Any]) -> SessionScreen:
    screen = await start_small_session(app, pilot)
    await pilot.press("enter", "enter", "enter")  # clamshell: left, right, its pain step
    await pilot.press("enter", "n", "enter")  # hip thrust: two sets, the rest skipped between
    assert screen.runner.current is not None and screen.runner.current.kind == "pain"
    return screen


async def test_pain_typed_on_the_last_step_is_kept_when_finishing(
    session_app: GluteApp, paths: Paths
) -> None:
    async with session_app.run_test(size=SIZE) as pilot:
        await to_last_pain_step(session_app, pilot)
        await pilot.press("4", "f")  # before the fix: finished with no pain answer
        await screen_shown(pilot, SummaryScreen)
        await settle(pilot)
    session = LogStore(paths).load(SESSION_ID)
    assert session.status == "complete"
    assert session.exercise("hip-thrust").pain == 4


async def test_pain_typed_on_a_step_is_kept_when_quitting(
    session_app: GluteApp, paths: Paths
) -> None:
    async with session_app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter", "enter")  # clamshell left and right: now its pain step
        await pilot.press("3", "q")
        await settle(pilot)
        assert screen.runner.session.exercise("clamshell").pain == 3
    assert LogStore(paths).load(SESSION_ID).exercise("clamshell").pain == 3


async def test_reps_far_above_the_target_are_asked_about_once(session_app: GluteApp) -> None:
    async with session_app.run_test(size=SIZE) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter", "enter", "enter")
        await pilot.press("3", "5", "enter")  # 35 for a target of 8-12
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert dialog.title_text == "Log 35 reps?"
        await pilot.press("n")  # change it
        await screen_shown(pilot, SessionScreen)
        assert screen.runner.logged("hip-thrust") == ()
        await pilot.press("1", "0", "enter")  # a plausible number: no question
        assert [s.reps for s in screen.runner.logged("hip-thrust")] == [10]
        await pilot.press("4", "0", "enter")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("y")
        await screen_shown(pilot, SessionScreen)
        assert [s.reps for s in screen.runner.logged("hip-thrust")] == [10, 40]


async def test_escape_sequences_pasted_into_a_note_never_reach_the_log_or_the_screen(
    session_app: GluteApp, paths: Paths
) -> None:
    from textual import events
    from textual.widgets import Input

    hostile = "left hip \x1b]2;owned\x07tight\x1b[?1049l \x9b31m" + "x" * 2000
    async with session_app.run_test(size=SIZE) as pilot:
        screen = await to_last_pain_step(session_app, pilot)
        note = screen.query_one("#note", Input)
        note.focus()
        await pilot.pause()
        note.post_message(events.Paste(hostile))  # what a terminal's bracketed paste delivers
        await pilot.pause()
        shown = note.value
        screen.action_finish()  # "f" would be typed into the note, which has the focus
        if isinstance(pilot.app.screen, ConfirmDialog):  # finishing with steps left asks
            await pilot.press("y")
        await screen_shown(pilot, SummaryScreen)
        await settle(pilot)
    saved = LogStore(paths).load(SESSION_ID).exercise("hip-thrust").note
    for text in (shown, saved):
        assert "left hip" in text and "tight" in text
        assert not any(c in text for c in "\x1b\x07\x9b"), repr(text[:60])
    assert len(saved) == 500  # a paste too long for the field keeps what fits
