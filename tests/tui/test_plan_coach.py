"""The coach on the plan screen: suggestions that move with the log and the mornings."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from glutetui.catalog import Catalog
from glutetui.clock import FakeClock
from glutetui.coach import checkins
from glutetui.log import LogStore
from glutetui.model import Exercise, ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.settings import LoadedSettings, Settings
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.screens.plan import PlanScreen
from glutetui.workout.plan import PlanItem

from .support import screen_change, screen_shown, seen_first_run, settle

WALK = Exercise(
    id="band-walk",
    name="Band walk",
    instructions=["Step sideways."],
    sets=2,
    reps=(10, 15),
    per_side=True,
    equipment=["band"],
    band_positions=["knees", "ankles", "feet"],
    band_colours=["yellow", "red"],
)


def _app(paths: Paths, clock: FakeClock, **settings: object) -> GluteApp:
    seen_first_run(paths)
    return make_app(
        paths,
        plugins=LoadResult(catalog=Catalog(exercises={WALK.id: WALK}), plugins=()),
        clock=clock,
        settings=LoadedSettings(Settings(**settings)),  # type: ignore[arg-type]
    )


def _done(item: PlanItem, number: int, clock: FakeClock, reps: int, pain: int) -> Session:
    """What a session at the plan item's dose leaves in the log."""
    start = clock.now()
    sets = tuple(
        SetResult(WALK.id, n, reps, side=side, unit=item.unit)  # type: ignore[arg-type]
        for n in range(1, item.sets + 1)
        for side in ("left", "right")
    )
    entry = ExerciseLog(
        WALK.id,
        WALK.name,
        per_side=True,
        target_sets=item.sets,
        target_reps=item.reps,
        pain=pain,
        planned_unit=item.unit,
    )
    return Session(
        id=f"2026112{number}T180000-abcdef",
        started_at=start,
        ended_at=start + timedelta(minutes=20),
        status="complete",
        exercises=(entry,),
        sets=sets,
    )


async def _plan(pilot) -> PlanScreen:
    await pilot.press("s")
    screen = await screen_shown(pilot, PlanScreen)
    await settle(pilot)  # the coach works in a thread
    return screen


async def test_three_sessions_two_mornings_move_the_suggestion(
    paths: Paths, clock: FakeClock
) -> None:
    app = _app(paths, clock)
    store = LogStore(paths, durable=False)
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for number, (reps, pain, morning) in enumerate(
            [(15, 2, "same"), (15, 7, "worse"), (12, 2, None)], start=1
        ):
            screen = await _plan(pilot)
            suggestion, _last = screen.coached[WALK.id]
            seen.append((suggestion.rule, suggestion.direction, suggestion.unit))
            text = str(screen.query_one("#plan-coach").render())
            assert suggestion.reason in text.replace("\n", " ") or "Why:" in text
            await pilot.press("t")  # take the coach's dose
            item = screen.items[WALK.id]
            assert (item.sets, item.reps, item.unit) == (
                suggestion.sets,
                suggestion.reps,
                suggestion.unit,
            )
            await pilot.press("escape")
            await screen_change(pilot, lambda s: not isinstance(s, PlanScreen), "the library")
            store.save(_done(item, number, clock, reps, pain))
            clock.advance(24 * 3600)
            if morning is not None:
                checkins.save(
                    paths,
                    checkins.CheckIn(
                        when=clock.now(),
                        pain=1,
                        compared=morning,
                        follows=f"2026112{number}T180000-abcdef",
                    ),
                    durable=False,
                )
        screen = await _plan(pilot)
        final = screen.coached[WALK.id][0]
        seen.append((final.rule, final.direction, final.unit))
        assert "Last time" in str(screen.query_one("#plan-coach").render())
    assert seen == [
        ("first-session", "same", "band:yellow@knees"),
        ("double-progression-up", "up", "band:yellow@ankles"),
        ("red-pain", "down", "band:yellow@knees"),
        ("double-progression-stay", "same", "band:yellow@knees"),
    ]


async def test_coaching_off_shows_no_suggestion(paths: Paths, clock: FakeClock) -> None:
    app = _app(paths, clock, coaching=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await _plan(pilot)
        assert screen.coached == {}
        assert str(screen.query_one("#plan-coach").render()) == ""
        await pilot.press("t")
        assert screen.items[WALK.id].unit is None


def test_plan_with_suggestions_snapshot(
    snap_compare, paths: Paths, builtins: LoadResult, clock: FakeClock
) -> None:
    """The built-ins' plan with the coach: one exercise stepping up, one new."""
    seen_first_run(paths)
    app = make_app(paths, plugins=builtins, clock=clock, settings=LoadedSettings(Settings()))
    walk = builtins.catalog.get("lateral-band-walk")
    item = PlanItem(walk, sets=2, reps=(10, 15), unit="band:red@knees")
    LogStore(paths, durable=False).save(
        replace(
            _done(replace(item, exercise=walk), 1, clock, 15, 2),
            exercises=(
                ExerciseLog(
                    "lateral-band-walk",
                    "Lateral band walk",
                    per_side=True,
                    target_sets=2,
                    target_reps=(10, 15),
                    pain=2,
                    planned_unit="band:red@knees",
                ),
            ),
            sets=tuple(
                SetResult("lateral-band-walk", n, 15, side=side, unit="band:red@knees")
                for n in (1, 2)
                for side in ("left", "right")
            ),
        )
    )
    clock.advance(24 * 3600)
    checkins.save(
        paths,
        checkins.CheckIn(clock.now(), 1, "same", follows="20261121T180000-abcdef"),
        durable=False,
    )

    async def run_before(pilot) -> None:
        screen = app.screen
        app.push_screen(PlanScreen(["lateral-band-walk", "clamshell"]))
        await screen_change(pilot, lambda s: s is not screen and isinstance(s, PlanScreen), "plan")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
