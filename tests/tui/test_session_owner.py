"""One owner per session, on screen: a session open in another process is only offered to take
over, after saying where; a refused save keeps the sets and offers a new session; the log
screen's note edit on the running session goes through its recorder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from textual.widgets import Input, Label, Static

from glutetui.log import LogStore
from glutetui.paths import Paths
from glutetui.tui.app import GluteApp
from glutetui.tui.dialogs import NoteEditDialog, ResumeDialog
from glutetui.tui.dialogs.save_apart import SaveApartDialog
from glutetui.tui.screens.log import LogScreen
from glutetui.tui.screens.session import SessionScreen
from glutetui.tui.session_mode import SESSION_MODE
from tests.lease_holder import Other

from .support import SESSION_ID, open_log, screen_shown, settle, start_small_session


@pytest.fixture
def other(paths: Paths) -> Iterator[Other]:
    paths.check()
    started = Other(paths.config_dir, "20261123T170000-cccccc")
    yield started
    started.kill()


def status(screen: SessionScreen) -> str:
    return str(screen.query_one("#save-status", Label).render())


async def test_a_session_open_in_another_process_is_only_taken_over_after_saying_where(
    session_app: GluteApp, paths: Paths, other: Other
) -> None:
    assert other.answer()[0] == "saved"
    store = LogStore(paths)
    async with session_app.run_test(size=(80, 24)) as pilot:
        dialog = await screen_shown(pilot, ResumeDialog)
        shown = " ".join(str(text.render()) for text in dialog.query(Static))
        assert "open elsewhere" in shown
        assert "open in another glutetui since " in shown
        assert f"pid {other.process.pid} on " in shown
        await pilot.press("r", "enter", "k")  # not offered: two owners would lose sets
        assert isinstance(session_app.screen, ResumeDialog)
        await pilot.press("t")
        screen = await screen_shown(pilot, SessionScreen)
        await pilot.press("enter")
        assert "Saved 1 set." in status(screen)

    other.conn.send("next")
    kind, reason = other.answer()
    assert kind == "taken over" and "taken over by another glutetui" in str(reason)
    assert len(store.load("20261123T170000-cccccc").sets) == 2  # the first owner wrote nothing
    other.conn.send("end")


async def test_a_hand_edit_behind_the_running_session_is_kept_and_the_sets_saved_apart(
    session_app: GluteApp, paths: Paths
) -> None:
    store = LogStore(paths)
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter")
        path = store.path_for(SESSION_ID)
        edited = path.read_bytes() + b"# edited by hand\n"
        path.write_bytes(edited)

        await pilot.press("enter")
        dialog = await screen_shown(pilot, SaveApartDialog)
        assert dialog.title_text == "The session's file changed behind this screen"
        assert "This screen keeps its 1 set:" in dialog.question
        assert path.read_bytes() == edited
        assert screen.unsaved and "NOT SAVED" in status(screen)

        await pilot.press("y")
        await screen_shown(pilot, SessionScreen)
        assert not screen.unsaved and "Saved 1 set." in status(screen)
        apart = screen.runner.session.id
        assert apart != SESSION_ID and len(store.load(apart).sets) == 2
        await pilot.press("enter")  # and it goes on under its new id (the pain question)
        assert store.load(apart).cursor == screen.runner.session.cursor == 3
    assert path.read_bytes() == edited


async def test_the_running_sessions_note_edited_in_the_log_survives_the_next_set(
    session_app: GluteApp, paths: Paths
) -> None:
    store = LogStore(paths)
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter")
        log = await open_log(pilot)
        assert log.selected_id() == SESSION_ID
        await pilot.press("n")
        note_dialog = await screen_shown(pilot, NoteEditDialog)
        note_dialog.query_one(Input).value = "left hip tight"
        await pilot.press("enter")
        await screen_shown(pilot, LogScreen)
        assert store.load(SESSION_ID).note == "left hip tight"

        await pilot.press("d")  # a running session is not deleted from under its screen
        await settle(pilot)
        assert isinstance(session_app.screen, LogScreen) and store.exists(SESSION_ID)

        await session_app.switch_mode(SESSION_MODE)
        await screen_shown(pilot, SessionScreen)
        await pilot.press("enter")
        assert "Saved 1 set." in status(screen)
    saved = store.load(SESSION_ID)
    assert (len(saved.sets), saved.note) == (2, "left hip tight")


async def test_a_hang_up_after_a_refused_save_keeps_the_sets_apart(
    session_app: GluteApp, paths: Paths
) -> None:
    from glutetui.tui.session_owner import last_save

    store = LogStore(paths)
    async with session_app.run_test(size=(80, 24)) as pilot:
        screen = await start_small_session(session_app, pilot)
        await pilot.press("enter")
        os.unlink(store.path_for(SESSION_ID))  # deleted by hand behind its back
        await pilot.press("enter")
        await screen_shown(pilot, SaveApartDialog)
        assert last_save(screen)  # what a hang-up does: nobody can be asked any more
        apart = screen.runner.session.id
    assert not store.exists(SESSION_ID)
    assert len(store.load(apart).sets) == 2


async def test_a_session_dropped_from_the_app_lets_its_lease_go(
    session_app: GluteApp, paths: Paths
) -> None:
    from glutetui.tui.session_mode import close_session
    from glutetui.workout.lease import holder_of, lease_path

    lease = lease_path(paths.logs_dir, SESSION_ID)
    async with session_app.run_test(size=(80, 24)) as pilot:
        await start_small_session(session_app, pilot)
        await pilot.press("enter")
        held = holder_of(lease)
        assert held is not None and held.is_this_process
        await close_session(session_app)  # left unfinished: another glutetui may resume it now
        await settle(pilot)
        assert holder_of(lease) is None
