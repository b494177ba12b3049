"""Pilot tests of the log screen: sessions, detail, note, delete, tabs, problems.

How fast it shows is measured by ``bench/run.py log``, not here."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Sparkline, Static, TabbedContent

from glutetui.clock import FakeClock
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.commands.log import LogCommands
from glutetui.tui.dialogs import ConfirmDialog, NoteEditDialog
from glutetui.tui.log_rows import PAGE_ROWS
from glutetui.tui.screens.log import LogScreen
from glutetui.tui.screens.session_detail import SessionDetailScreen
from glutetui.tui.widgets.balance import BalanceBars
from glutetui.tui.widgets.heatmap import CalendarHeatMap
from glutetui.tui.widgets.read_progress import ReadProgress
from tests.history_factory import make_session, write_history

from .support import log_ready, open_log, run_command, seen_first_run, settle

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)  # a Monday; write_history ends the day before
SIZE = (80, 24)


def build_app(paths: Paths, **settings: Any) -> GluteApp:
    seen_first_run(paths)
    return make_app(paths, clock=FakeClock(NOW), settings=LoadedSettings(Settings(**settings)))


def text_of(screen: LogScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def row_ids(table: DataTable) -> list[str]:
    return [row.key.value for row in table.ordered_rows]  # type: ignore[misc]


def day_session(
    day: date, sets: tuple[SetResult, ...], exercises: tuple[ExerciseLog, ...], sid: str
) -> Session:
    start = datetime(day.year, day.month, day.day, 18, 0, tzinfo=TZ)
    return Session(
        id=sid,
        started_at=start,
        exercises=exercises,
        sets=sets,
        ended_at=start + timedelta(minutes=20),
        status="complete",
    )


# --------------------------------------------------------------------------- sessions


async def test_table_lists_every_session_newest_first(paths: Paths) -> None:
    history = write_history(paths, 1)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        table = screen.query_one("#log-sessions", DataTable)
        assert table.row_count == len(history) == 365
        assert row_ids(table) == [s.id for s in reversed(history)]
        newest = history[-1]
        cells = table.get_row_at(0)
        assert cells[0] == f"{newest.started_at:%Y-%m-%d %H:%M}"
        assert cells[2:5] == ["5", "15", str(sum(s.reps for s in newest.sets))]
        assert cells[5] == str(max(e.pain for e in newest.exercises if e.pain is not None))
        assert not screen.query_one("#log-problems").display
        assert table.has_focus


async def test_enter_opens_every_set_and_side_of_a_session(paths: Paths) -> None:
    history = write_history(paths, 0.1)
    newest = history[-1]
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await open_log(pilot)
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail.session.id == newest.id
        sets = detail.query_one("#session-detail-sets", DataTable)
        assert sets.row_count == len(newest.sets) == 24
        sides = [sets.get_row_at(i)[2] for i in range(sets.row_count)]
        assert sides.count("left") == sides.count("right") == 9
        assert sides.count("–") == 6
        exercises = str(detail.query_one("#session-detail-exercises", Static).content)
        for entry in newest.exercises:
            assert entry.name in exercises
            if entry.note:
                assert entry.note in exercises
        await pilot.press("escape")
        assert isinstance(app.screen, LogScreen)
        # "o" opens too, on whichever row is highlighted.
        await pilot.press("down", "o")
        assert isinstance(app.screen, SessionDetailScreen)
        assert app.screen.session.id == history[-2].id


async def test_editing_a_note_saves_it_to_the_session_file(paths: Paths) -> None:
    history = write_history(paths, 0.1)
    target = history[-1]
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditDialog)
        field = app.screen.query_one(Input)
        assert field.value == target.note
        field.value = ""
        await pilot.press(*"hip felt solid", "enter")
        assert isinstance(app.screen, LogScreen)
        data = tomllib.loads((paths.logs_dir / f"{target.id}.toml").read_text("utf-8"))
        assert data["note"] == "hip felt solid"
        assert LogStore(paths).load(target.id) == replace(target, note="hip felt solid")
        table = screen.query_one("#log-sessions", DataTable)
        assert table.get_row_at(0)[6] == "hip felt solid"


async def test_cancelling_a_note_edit_leaves_the_file_alone(paths: Paths) -> None:
    history = write_history(paths, 0.1)
    file = paths.logs_dir / f"{history[-1].id}.toml"
    before = file.read_bytes()
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await open_log(pilot)
        await pilot.press("enter", "n")  # from the detail view
        assert isinstance(app.screen, NoteEditDialog)
        await pilot.press(*"never saved", "escape")
        assert isinstance(app.screen, LogScreen)
    assert file.read_bytes() == before


async def test_delete_moves_the_file_to_the_trash_only_when_confirmed(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = write_history(paths, 0.1)
    newest = history[-1]
    file = paths.logs_dir / f"{newest.id}.toml"
    app = build_app(paths)
    said: list[str] = []
    original = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (said.append(message), original(message, **kw))
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        table = screen.query_one("#log-sessions", DataTable)
        count = table.row_count

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, LogScreen)
        await pilot.press("d", "enter")  # enter presses the focused button: "keep it"
        assert isinstance(app.screen, LogScreen)
        assert file.exists() and table.row_count == count

        await pilot.press("d", "y")
        await pilot.pause()
        assert not file.exists()
        assert (paths.trash_dir / file.name).exists()
        assert table.row_count == count - 1
        assert row_ids(table)[0] == history[-2].id
        assert newest.id not in screen.sessions
        assert any("trash" in m and str(paths.trash_dir / file.name) in m for m in said)


# --------------------------------------------------------------------------- tabs


async def test_consistency_tab_shows_streak_calendar_and_weekly_goal(paths: Paths) -> None:
    write_history(paths, 1)  # every day from 2025-11-23 (a Sunday) to 2026-11-22
    LogStore(paths).save(make_session(NOW.date(), session_id="today"))  # Monday: 15 sets
    app = build_app(paths, weekly_goal_sets=20)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("3")
        assert screen.query_one(TabbedContent).active == "tab-consistency"
        # 53 whole weeks (the first only its Sunday) plus this one.
        assert text_of(screen, "#log-streak").startswith(
            "Streak: 54 weeks in a row with training (longest 54)."
        )
        assert "Training days this week: 1." in text_of(screen, "#log-streak")
        assert text_of(screen, "#log-week-label") == "This week: 15 of 20 work sets (5 to go)"
        heat = screen.query_one(CalendarHeatMap)
        assert heat.calendar is not None and heat.calendar.weeks == 16
        lines = heat.render().plain.splitlines()
        assert lines[1].startswith("Mon ") and lines[1].count("█") == 16
        # Sunday: fifteen past Sundays, this week's still to come (blank, not a rest day).
        assert lines[7].startswith("Sun ") and lines[7].count("█") == 15
        assert "·" not in "".join(lines[1:8])
        assert screen.query_one("#log-weeks-trend", Sparkline).data[-1] == 15


async def test_progress_tab_shows_trends_bests_and_pain_per_exercise(paths: Paths) -> None:
    store = LogStore(paths)
    for n, (load, reps, pain) in enumerate([(40, 10, 4), (50, 8, 3), (45, 12, 1)]):
        day = NOW.date() - timedelta(days=10 - n)
        store.save(
            day_session(
                day,
                (
                    SetResult("barbell-hip-thrust", 1, reps, load=load, unit="kg"),
                    SetResult("barbell-hip-thrust", 2, reps, load=load, unit="kg"),
                    *(SetResult("clamshell", 1, 12 + n, side=side) for side in ("left", "right")),
                ),
                (
                    ExerciseLog("barbell-hip-thrust", "Barbell hip thrust", pain=pain),
                    ExerciseLog("clamshell", "Clamshell", per_side=True),
                ),
                f"s{n}",
            )
        )
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("2")
        select = screen.query_one("#log-exercise", Select)
        assert select.has_focus
        assert select.value == "barbell-hip-thrust"  # first by name
        bests = text_of(screen, "#log-bests")
        assert "12 reps" in bests
        assert "50 kg" in bests
        assert "1,080 kg (" in bests  # 2 x 12 x 45
        assert screen.query_one("#log-reps-trend", Sparkline).data == [20, 16, 24]
        assert screen.query_one("#log-load-trend", Sparkline).data == [40, 50, 45]
        assert screen.query_one("#log-pain-trend", Sparkline).data == [4, 3, 1]
        assert "4 → 1" in text_of(screen, "#log-pain-label")

        select.value = "clamshell"
        await pilot.pause()
        assert screen.query_one("#log-reps-trend", Sparkline).data == [24, 26, 28]
        assert "no weights logged" in text_of(screen, "#log-load-label")
        assert "never reported" in text_of(screen, "#log-pain-label")


async def test_balance_tab_marks_a_weaker_side_in_words(paths: Paths) -> None:
    store = LogStore(paths)
    for n in range(3):
        day = NOW.date() - timedelta(days=n + 1)
        store.save(
            day_session(
                day,
                (
                    SetResult("clamshell", 1, 8, side="left"),
                    SetResult("clamshell", 1, 12, side="right"),
                    SetResult("lateral-band-walk", 1, 10, side="left"),
                    SetResult("lateral-band-walk", 1, 10, side="right"),
                    SetResult("barbell-hip-thrust", 1, 10, load=60, unit="kg"),
                ),
                (
                    ExerciseLog("clamshell", "Clamshell", per_side=True),
                    ExerciseLog("lateral-band-walk", "Lateral band walk", per_side=True),
                    ExerciseLog("barbell-hip-thrust", "Barbell hip thrust"),
                ),
                f"b{n}",
            )
        )
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press("4")
        assert screen.query_one(TabbedContent).active == "tab-balance"
        # The focus is in the tab shown, not left behind in a hidden one.
        assert screen.focused is screen.query_one("#log-balance")
        assert "! Weaker side more than 10% behind: Clamshell" in text_of(
            screen, "#log-balance-intro"
        )
        bars = screen.query_one(BalanceBars)
        assert [b.exercise_id for b in bars.entries] == ["clamshell", "lateral-band-walk"]
        drawn = bars.render().plain.splitlines()
        assert drawn[0].startswith("Clamshell") and drawn[0].endswith("! left 33% weaker")
        assert drawn[1].startswith("L ") and drawn[1].endswith("24 reps")
        assert drawn[2].startswith("R ") and drawn[2].endswith("36 reps")
        assert drawn[1].count("█") < drawn[2].count("█")
        assert len(drawn[1]) == len(drawn[2])  # the totals line up
        assert drawn[4].endswith("even")


# --------------------------------------------------------------------------- problems


async def test_an_unreadable_file_is_reported_with_its_path_and_the_rest_loads(
    paths: Paths,
) -> None:
    history = write_history(paths, 0.05)
    bad = paths.logs_dir / "20260101T000000-badbad.toml"
    bad.write_text("started_at = = nonsense\n", "utf-8")
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        notice = screen.query_one("#log-problems", Static)
        assert notice.display
        text = str(notice.content)
        assert "1 log file could not be read" in text
        assert str(bad) in text
        assert screen.query_one("#log-sessions", DataTable).row_count == len(history)
    assert bad.read_text("utf-8") == "started_at = = nonsense\n"  # never touched


async def test_an_empty_log_says_so_and_actions_explain_themselves(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(paths)
    said: list[str] = []
    original = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (said.append(message), original(message, **kw))
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        assert screen.query_one("#log-sessions", DataTable).row_count == 0
        assert screen.query_one("#log-empty").display
        await pilot.press("n", "d", "o")
        assert isinstance(app.screen, LogScreen)
        assert said.count("No session to act on yet.") == 3
        await pilot.press("3")
        assert text_of(screen, "#log-streak").startswith("Streak: 0 weeks")
        await pilot.press("4")
        assert text_of(screen, "#log-balance-intro") == "No per-side exercises logged yet."


async def test_a_log_folder_that_cannot_be_read_is_reported_not_fatal(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(paths)
    paths.logs_dir.rmdir()
    paths.logs_dir.write_text("not a folder", "utf-8")
    said: list[str] = []
    original = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (said.append(message), original(message, **kw))
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, LogScreen)
        await settle(pilot)  # the read fails in its worker thread
        assert any(str(paths.logs_dir) in m for m in said if "could not be read" in m)
        assert not screen.query_one("#log-tabs").loading
        await pilot.press("3")  # still usable
        assert screen.query_one(TabbedContent).active == "tab-consistency"


async def test_small_terminals_do_not_crash(paths: Paths) -> None:
    history = write_history(paths, 0.1)
    app = build_app(paths)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_log(pilot)
        for key in ("2", "3", "4", "1", "enter"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        await pilot.press("d")  # from the detail: straight to the question
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.query_one("#log-sessions", DataTable).row_count == len(history)


# --------------------------------------------------------------------------- commands


async def test_every_log_action_has_a_palette_command_that_works(paths: Paths) -> None:
    write_history(paths, 0.05)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {title: run for title, _, run in LogCommands(app.screen).commands()}
        assert next(iter(commands)) == "log: open"
        for action in ("open session", "edit note", "delete session", "reload"):
            assert f"log: {action}" in commands
        bound = {b.action for b in LogScreen.BINDINGS}  # type: ignore[union-attr]
        assert {"open_session", "edit_note", "delete_session", "reload"} <= bound
        for tab in ("sessions", "progress", "consistency", "balance"):
            await commands[f"log: {tab}"]()
            await pilot.pause()
            assert isinstance(app.screen, LogScreen)
            assert app.screen.query_one(TabbedContent).active == f"tab-{tab}"
        await commands["log: open session"]()
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)


async def test_the_palette_opens_a_log_tab_from_the_library(paths: Paths) -> None:
    write_history(paths, 0.05)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, LogScreen)
        await run_command(pilot, "log: balance")
        screen = await log_ready(pilot)
        assert screen.query_one(TabbedContent).active == "tab-balance"
        # The focus is in the tab shown, not left behind in a hidden one.
        assert screen.focused is screen.query_one("#log-balance")


async def test_a_long_log_pages_its_rows_in_as_the_cursor_moves_down(paths: Paths) -> None:
    """Years of sessions: one page at first, the next as the cursor nears the end."""
    history = write_history(paths, 1.5)
    app = build_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        table = screen.query_one("#log-sessions", DataTable)
        assert table.row_count == PAGE_ROWS < len(history)
        assert table.get_row_at(0)[0] == history[-1].started_at.strftime("%Y-%m-%d %H:%M")
        table.move_cursor(row=PAGE_ROWS - 1)
        await pilot.pause()
        assert table.row_count == len(history)
        oldest = history[0].started_at.strftime("%Y-%m-%d %H:%M")
        assert table.get_row_at(len(history) - 1)[0] == oldest


class SlowClock(FakeClock):
    """Each look at the monotonic clock finds a second gone: every read counts as slow."""

    def monotonic(self) -> float:
        self.advance(1)
        return super().monotonic()


async def test_a_slow_first_read_shows_how_far_it_has_got(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_history(paths, 0.4)  # ~146 files and no index yet: a cold read, reported per 50
    seen_first_run(paths)
    shown: list[tuple[int, int]] = []
    original = ReadProgress.show_progress

    def spy(self: ReadProgress, done: int, total: int) -> None:
        shown.append((done, total))
        original(self, done, total)

    monkeypatch.setattr(ReadProgress, "show_progress", spy)
    app = make_app(paths, clock=SlowClock(NOW), settings=LoadedSettings(Settings()))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        assert not screen.query_one(ReadProgress).display  # gone once the log is read
    assert shown, "a slow read showed no progress"
    assert all(0 < done <= total for done, total in shown)
    assert shown[-1][0] == shown[-1][1]  # the last count is always shown


async def test_a_quick_read_shows_no_progress(paths: Paths) -> None:
    write_history(paths, 0.2)
    app = build_app(paths)  # a FakeClock that never moves: no read is slow
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        assert not screen.query_one(ReadProgress).display
