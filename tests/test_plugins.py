"""The plugin loader, in-process: every fault kind, ordering, duplicates, routines, switches.

Plugins here are real module objects (``types.ModuleType`` with real source executed in them)
handed to ``load_plugins(entry_points=[], extra=[...])``; import failures use real
``importlib.metadata.EntryPoint`` objects. Nothing of pluggy is mocked.
"""

from __future__ import annotations

import importlib.metadata
import textwrap
import types
from datetime import datetime
from pathlib import Path

import pytest

from glutetui.model import Session
from glutetui.plugins import LoadResult, PluginError, PluginInfo, hook_names, load_plugins

PRELUDE = "import glutetui\nfrom glutetui import Exercise, Routine, RoutineItem, hookimpl\n"


def make_plugin(name: str, source: str) -> types.ModuleType:
    """A real module named ``name`` whose body is ``source`` (glutetui already imported)."""
    module = types.ModuleType(name)
    code = PRELUDE + textwrap.dedent(source)
    exec(compile(code, f"<plugin {name}>", "exec"), module.__dict__)
    return module


def exercise_plugin(name: str, *ids: str) -> types.ModuleType:
    """A plugin registering one minimal valid exercise per id."""
    return make_plugin(
        name,
        f"""
        @hookimpl
        def register_exercises(register):
            for ex_id in {list(ids)!r}:
                register(Exercise(id=ex_id, name=ex_id.title(), instructions=["Do it."]))
        """,
    )


def load(*plugins: tuple[str, types.ModuleType], **kwargs: object) -> LoadResult:
    return load_plugins(entry_points=[], extra=list(plugins), **kwargs)  # type: ignore[arg-type]


def info(result: LoadResult, name: str) -> PluginInfo:
    return next(p for p in result.plugins if p.name == name)


SESSION = Session(id="2026-01-02-0930", started_at=datetime(2026, 1, 2, 9, 30))


# --------------------------------------------------------------------------- the contract


def test_hook_names_are_the_public_contract() -> None:
    assert hook_names() == [
        "register_exercises",
        "register_importers",
        "register_programmes",
        "register_routines",
        "register_self_tests",
        "session_saved",
        "suggest_dose",
    ]


def test_plugin_hooks_have_tests() -> None:
    """Every hookspec has a ``test_hook_<name>`` here (idea from datasette)."""
    missing = [h for h in hook_names() if f"test_hook_{h}" not in globals()]
    assert missing == [], f"hooks without a test_hook_<name> test: {missing}"


def test_hook_register_exercises() -> None:
    result = load(("mine", exercise_plugin("mine", "side-step", "wall-sit")))
    assert list(result.catalog.exercises) == ["side-step", "wall-sit"]
    assert info(result, "mine") == PluginInfo(
        name="mine", module="mine", status="ok", exercises=("side-step", "wall-sit")
    )
    assert result.catalog.source("wall-sit") == "mine"
    assert result.problems == []


def test_hook_register_routines() -> None:
    plugin = make_plugin(
        "mine",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="side-step", name="Side step", instructions=["Step."]))

        @hookimpl
        def register_routines(register):
            register(Routine(id="quick", name="Quick", items=["side-step", RoutineItem("side-step", sets=1)]))
        """,
    )
    result = load(("mine", plugin))
    routine = result.catalog.routine("quick")
    assert [i.exercise_id for i in routine.items] == ["side-step", "side-step"]
    assert routine.items[1].sets == (1, 1)
    assert info(result, "mine").routines == ("quick",)


def test_hook_session_saved() -> None:
    """Fan-out: every implementation is called, a raising one is reported and does not stop the others."""
    source = """
        calls = []

        @hookimpl
        def session_saved(session, final):
            calls.append((session.id, final))
        """
    first, last = make_plugin("first", source), make_plugin("last", source)
    broken = make_plugin(
        "broken",
        """
        @hookimpl
        def session_saved(session, final):
            raise OSError("mirror is offline")
        """,
    )
    result = load(("first", first), ("broken", broken), ("last", last))
    failures = result.notify_session_saved(SESSION, final=False)
    assert failures == [("broken", "hook session_saved raised OSError: mirror is offline")]
    assert result.notify_session_saved(SESSION, final=True) == failures
    assert first.calls == last.calls == [(SESSION.id, False), (SESSION.id, True)]


def test_hook_register_importers() -> None:
    plugin = make_plugin(
        "mine",
        """
        from glutetui.importers import Importer, Layout

        def recognise(header, first_row):
            return Layout("mine", "Mine", lambda rows, ctx: []) if "mine" in header else None

        @hookimpl
        def register_importers(register):
            register(Importer("mine", recognise))
        """,
    )
    result = load(("mine", plugin))
    (importer,) = result.importers
    assert importer.name == "mine"
    assert importer.recognise(["mine"], None).label == "Mine"
    assert info(result, "mine").importers == ("mine",)
    assert result.problems == []


def test_a_session_saved_hook_that_never_returns_costs_one_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Run in a thread with a limit: the caller (the app's event loop) waits at most the limit,
    once; the stuck plugin is named and not called again; the others are still called."""
    import time

    monkeypatch.setenv("GLUTETUI_PLUGIN_TIMEOUT", "0.2")
    stuck = make_plugin(
        "stuck",
        """
        import threading
        release = threading.Event()

        @hookimpl
        def session_saved(session, final):
            release.wait()
        """,
    )
    fine = make_plugin(
        "fine",
        """
        calls = []

        @hookimpl
        def session_saved(session, final):
            print("printed by a hook")
            calls.append(final)
        """,
    )
    result = load(("stuck", stuck), ("fine", fine))
    start = time.monotonic()
    failures = result.notify_session_saved(SESSION, final=False)
    assert 0.2 <= time.monotonic() - start < 2
    assert failures == [
        (
            "stuck",
            "hook session_saved did not return within 0.2 s; it is not called again until "
            "glutetui restarts",
        )
    ]
    start = time.monotonic()
    assert result.notify_session_saved(SESSION, final=True) == []
    assert time.monotonic() - start < 0.2
    assert fine.calls == [False, True]
    stuck.release.set()  # let the thread end: this process goes on running other tests


def test_hook_register_programmes(tmp_path: Path) -> None:
    """A plugin's programme is offered; one naming an unknown routine is reported by plugin name."""
    from glutetui.coach.programmes_registry import collect

    plugin = make_plugin(
        "mine",
        """
        @hookimpl
        def register_programmes(register):
            register(glutetui.Programme(id="easy", name="Easy", stages=[
                glutetui.Stage("Only", ["home-no-machines"], sessions_per_week=2)]))
            register(glutetui.Programme(id="lost", name="Lost", stages=[glutetui.Stage("Only", ["nope"])]))
        """,
    )
    result = load_plugins(extra=[("mine", plugin)])
    offered = collect(result.manager, str(tmp_path), set(result.catalog.routines))
    assert offered.sources["easy"] == "mine"
    assert offered.by_id["easy"].stages[0].sessions_per_week == 2
    assert "lost" not in offered.by_id
    assert offered.problems == (
        ("mine", "programme 'lost' is invalid: stage 1 uses routines nobody registered: nope"),
    )


def test_hook_register_self_tests() -> None:
    """A plugin's self-test is offered; a raising plugin and a taken id are reported by name."""
    from glutetui.coach.selftests_registry import collect_self_tests

    source = """
        @hookimpl
        def register_self_tests(register):
            register(glutetui.SelfTest(id="wall-sit", name="Wall sit", instructions=["Sit."],
                fields=[glutetui.SelfTestField("seconds", "Seconds held", low=0, high=120)]))
            register(glutetui.SelfTest(id="weekly-check", name="Mine", instructions=["x"],
                fields=[glutetui.SelfTestField("pain", "Pain")]))
        """
    broken = make_plugin(
        "broken", "@hookimpl\ndef register_self_tests(register):\n    raise KeyError('x')\n"
    )
    result = load_plugins(extra=[("mine", make_plugin("mine", source)), ("broken", broken)])
    tests, problems = collect_self_tests(result.manager)
    assert tests["wall-sit"].result_keys() == ("seconds",)
    assert tests["weekly-check"].name == "Weekly check"  # the built-in came first
    assert problems == [
        ("mine", "self-test id 'weekly-check' is already registered by 'selftests'"),
        ("broken", "hook register_self_tests raised KeyError: 'x'"),
    ]


def test_session_saved_skips_failed_and_disabled_plugins() -> None:
    source = """
        calls = []

        @hookimpl
        def register_exercises(register):
            raise RuntimeError("broken")

        @hookimpl
        def session_saved(session, final):
            calls.append(final)
        """
    failed = make_plugin("failed", source)
    disabled = make_plugin("disabled", source.replace('raise RuntimeError("broken")', "pass"))
    result = load(("failed", failed), ("disabled", disabled), disabled=["disabled"])
    assert result.notify_session_saved(SESSION, final=True) == []
    assert failed.calls == disabled.calls == []


def test_notify_session_saved_without_manager_is_a_no_op() -> None:
    result = load()
    empty = LoadResult(catalog=result.catalog, plugins=())
    assert empty.notify_session_saved(SESSION, final=True) == []


# --------------------------------------------------------------------------- fault kinds


def test_module_that_cannot_be_found_is_reported() -> None:
    ep = importlib.metadata.EntryPoint(
        name="ghost", value="glutetui_no_such_module_anywhere", group="glutetui"
    )
    result = load_plugins(entry_points=[ep], extra=[("ok", exercise_plugin("ok", "side-step"))])
    ghost = info(result, "ghost")
    assert ghost.status == "failed"
    assert ghost.problems == (
        "failed to import glutetui_no_such_module_anywhere: "
        "ModuleNotFoundError: No module named 'glutetui_no_such_module_anywhere'",
    )
    assert "side-step" in result.catalog


def test_module_that_raises_at_import_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "glutetui_raises_at_import.py").write_text("raise ImportError('needs numpy')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = importlib.metadata.EntryPoint(
        name="raiser", value="glutetui_raises_at_import", group="glutetui"
    )
    result = load_plugins(entry_points=[ep])
    assert info(result, "raiser").status == "failed"
    assert result.problems == [
        ("raiser", "failed to import glutetui_raises_at_import: ImportError: needs numpy")
    ]


def test_raising_hook_takes_back_everything_of_that_plugin_only() -> None:
    bad = make_plugin(
        "bad",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="half-done", name="Half done", instructions=["Do it."]))
            raise KeyError("oops")
        """,
    )
    result = load(("bad", bad), ("good", exercise_plugin("good", "side-step")))
    assert info(result, "bad").status == "failed"
    assert info(result, "bad").exercises == ()
    assert result.problems == [("bad", "hook register_exercises raised KeyError: 'oops'")]
    assert list(result.catalog.exercises) == ["side-step"]


def test_raising_routine_hook_removes_the_plugins_exercises_too() -> None:
    plugin = make_plugin(
        "bad",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="half-done", name="Half done", instructions=["Do it."]))

        @hookimpl
        def register_routines(register):
            raise RuntimeError("no routines today")
        """,
    )
    result = load(("bad", plugin))
    assert info(result, "bad").status == "failed"
    assert "half-done" not in result.catalog
    assert result.problems == [
        ("bad", "hook register_routines raised RuntimeError: no routines today")
    ]


def test_routine_of_another_plugin_cannot_keep_a_failed_plugins_exercise() -> None:
    # "aaa" comes first and uses "zzz"'s exercise; "zzz" then fails in register_routines,
    # which takes its exercise back: the routine must not be left pointing at nothing.
    user = make_plugin(
        "aaa",
        """
        @hookimpl
        def register_routines(register):
            register(Routine(id="borrowed", name="Borrowed", items=["lent"]))
        """,
    )
    lender = make_plugin(
        "zzz",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="lent", name="Lent", instructions=["Do it."]))

        @hookimpl
        def register_routines(register):
            raise RuntimeError("gone")
        """,
    )
    result = load(("aaa", user), ("zzz", lender))
    assert "borrowed" not in result.catalog.routines
    assert (
        "aaa",
        "routine 'borrowed' is invalid: uses exercises nobody registered: lent",
    ) in result.problems


def test_invalid_exercise_is_refused_and_the_valid_one_kept() -> None:
    plugin = make_plugin(
        "half",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="Bad Id", name="", instructions=[], sets=(4, 2)))
            register("not an exercise")
            register(Exercise(id="fine", name="Fine", instructions=["Do it."]))
        """,
    )
    result = load(("half", plugin))
    half = info(result, "half")
    assert half.status == "partial"
    assert half.exercises == ("fine",)
    assert half.problems == (
        "exercise 'Bad Id' is invalid: id 'Bad Id' must be a non-empty slug like 'side-plank' "
        "(a-z, 0-9, hyphens); name must not be empty; needs at least one instruction; "
        "sets range 4–2 has its minimum above its maximum",
        "exercise \"'not an exercise'\" is invalid: expected a glutetui.Exercise, got str",
    )


def test_misspelled_hook_is_reported_with_a_suggestion() -> None:
    plugin = make_plugin(
        "typo",
        """
        @hookimpl
        def register_exercise(register):
            register(Exercise(id="never", name="Never", instructions=["Do it."]))
        """,
    )
    result = load(("typo", plugin), ("good", exercise_plugin("good", "side-step")))
    assert info(result, "typo").status == "failed"
    assert result.problems == [
        (
            "typo",
            "implements unknown hook 'register_exercise' (did you mean 'register_exercises'?); "
            f"known hooks: {', '.join(hook_names())}",
        )
    ]
    assert list(result.catalog.exercises) == ["side-step"]


def test_unknown_hook_without_a_close_name() -> None:
    plugin = make_plugin("odd", "@hookimpl\ndef frobnicate(x):\n    pass\n")
    result = load(("odd", plugin))
    assert result.problems == [
        (
            "odd",
            f"implements unknown hook 'frobnicate'; known hooks: {', '.join(hook_names())}",
        )
    ]


def test_bad_hookimpl_signature_is_refused_on_one_line() -> None:
    plugin = make_plugin(
        "sig",
        """
        @hookimpl
        def register_exercises(register, catalog):
            pass
        """,
    )
    result = load(("sig", plugin))
    sig = info(result, "sig")
    assert sig.status == "failed"
    (problem,) = sig.problems
    assert problem.startswith("was refused by the plugin manager: PluginValidationError: ")
    assert "Argument(s) {'catalog'} are declared in the hookimpl" in problem
    assert "\n" not in problem


def test_duplicate_exercise_id_first_registration_wins() -> None:
    impostor = make_plugin(
        "impostor",
        """
        @hookimpl
        def register_exercises(register):
            register(Exercise(id="clamshell", name="Impostor", instructions=["No."]))
        """,
    )
    result = load_plugins(extra=[("impostor", impostor)])  # after the built-ins
    assert result.catalog.get("clamshell").name == "Clamshell"
    assert result.catalog.source("clamshell") == "clamshell"
    assert info(result, "impostor").status == "partial"
    assert result.problems == [
        ("impostor", "exercise id 'clamshell' is already registered by plugin 'clamshell'")
    ]


def test_duplicate_id_within_one_plugin() -> None:
    result = load(("twice", exercise_plugin("twice", "same", "same")))
    assert info(result, "twice").exercises == ("same",)
    assert result.problems == [
        ("twice", "exercise id 'same' is already registered by plugin 'twice'")
    ]


def test_duplicate_routine_id() -> None:
    source = """
        @hookimpl
        def register_routines(register):
            register(Routine(id="daily", name="Daily", items=["side-step"]))
        """
    result = load(
        ("base", exercise_plugin("base", "side-step")),
        ("one", make_plugin("one", source)),
        ("two", make_plugin("two", source)),
    )
    assert result.catalog.source("daily") == "one"
    assert result.problems == [("two", "routine id 'daily' is already registered by plugin 'one'")]


def test_duplicate_plugin_name_fails_the_second() -> None:
    result = load(
        ("same", exercise_plugin("same", "first")), ("same", exercise_plugin("same2", "second"))
    )
    assert [p.status for p in result.plugins] == ["ok", "failed"]
    assert "first" in result.catalog
    assert "second" not in result.catalog
    assert "entry-point name 'same' is already used" in result.plugins[1].problems[0]


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        ('["nobody-has-this"]', "uses exercises nobody registered: nobody-has-this"),
        ("[]", "needs at least one exercise"),
        ("[5]", "item 5 must be an exercise id or a glutetui.RoutineItem"),
        ("5", "item 5 must be an exercise id or a glutetui.RoutineItem"),
        (
            '[RoutineItem(["not", "hashable"])]',
            "item RoutineItem(exercise_id=['not', 'hashable']",
        ),
    ],
)
def test_invalid_routines_are_refused_not_crashing(items: str, reason: str) -> None:
    plugin = make_plugin(
        "rt",
        f"""
        @hookimpl
        def register_routines(register):
            register(Routine(id="r", name="R", items={items}))
            register(Routine(id="fine", name="Fine", items=["side-step"]))
            register({{"id": "dict"}})
        """,
    )
    result = load(("base", exercise_plugin("base", "side-step")), ("rt", plugin))
    rt = info(result, "rt")
    assert rt.routines == ("fine",)
    assert rt.status == "partial"
    assert reason in rt.problems[0]
    assert rt.problems[0].startswith("routine 'r' is invalid: ")
    assert "expected a glutetui.Routine, got dict" in rt.problems[1]


def test_routines_may_use_exercises_of_plugins_loaded_later() -> None:
    early = make_plugin(
        "early",
        """
        @hookimpl
        def register_routines(register):
            register(Routine(id="mix", name="Mix", items=["late-one", "clamshell"]))
        """,
    )
    result = load_plugins(extra=[("early", early), ("late", exercise_plugin("late", "late-one"))])
    assert "mix" in result.catalog.routines
    assert result.problems == []


# --------------------------------------------------------------------------- order and switches


def test_builtins_load_cleanly_and_first() -> None:
    result = load_plugins(extra=[("later", exercise_plugin("later", "side-step"))])
    assert result.problems == []
    builtins = [p for p in result.plugins if p.distribution == "glutetui"]
    assert builtins and all(p.version for p in builtins)
    assert [p.name for p in result.plugins[: len(builtins)]] == [p.name for p in builtins]
    assert [p.name for p in builtins] == sorted(p.name for p in builtins)
    assert len(result.catalog) == 6
    assert list(result.catalog.exercises)[-1] == "side-step"
    assert set(result.catalog.routines) == {"gluteus-medius-basics", "home-no-machines"}


def test_order_of_plugins_and_registrations_is_kept() -> None:
    result = load(
        ("zeta", exercise_plugin("zeta", "z-one", "z-two")),
        ("alpha", exercise_plugin("alpha", "a-one")),
    )
    assert [p.name for p in result.plugins] == ["zeta", "alpha"]
    assert list(result.catalog.exercises) == ["z-one", "z-two", "a-one"]


def test_disabled_plugin_is_not_loaded_and_not_a_problem() -> None:
    result = load(("off", exercise_plugin("off", "side-step")), disabled=["off"])
    assert info(result, "off").status == "disabled"
    assert result.problems == []
    assert len(result.catalog) == 0


def test_disable_switch_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLUTETUI_DISABLE_PLUGINS", " clamshell , other ")
    result = load_plugins()
    assert info(result, "clamshell").status == "disabled"
    assert "clamshell" not in result.catalog
    # The built-in routines use the clamshell, so they are refused, by name.
    assert {name for name, _ in result.problems} == {"routines"}


def test_disable_switch_by_distribution_name() -> None:
    result = load_plugins(disabled=["glutetui"])
    assert {p.status for p in result.plugins} == {"disabled"}
    assert len(result.catalog) == 0


def test_strict_mode_raises_with_the_original_exception() -> None:
    bad = make_plugin(
        "bad",
        """
        @hookimpl
        def register_exercises(register):
            raise ZeroDivisionError("division by zero")
        """,
    )
    with pytest.raises(PluginError, match="plugin 'bad': hook register_exercises raised") as err:
        load(("bad", bad), strict=True)
    assert isinstance(err.value.__cause__, ZeroDivisionError)


def test_strict_mode_from_environment_also_covers_refusals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GLUTETUI_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="already registered"):
        load(("twice", exercise_plugin("twice", "same", "same")))
    monkeypatch.setenv("GLUTETUI_STRICT_PLUGINS", "0")
    assert load(("twice", exercise_plugin("twice", "same", "same"))).problems


def test_session_saved_may_take_only_some_arguments() -> None:
    """As with pluggy's own calls, an implementation may accept a subset of the arguments."""
    only_session = make_plugin(
        "only_session",
        """
        seen = []

        @hookimpl
        def session_saved(session):
            seen.append(session.id)
        """,
    )
    result = load(("only_session", only_session))
    assert result.notify_session_saved(SESSION, final=True) == []
    assert only_session.seen == [SESSION.id]


def test_a_plugin_raising_system_exit_is_reported_not_obeyed() -> None:
    """A plugin that calls sys.exit() (an argparse call at import, say) must not end glutetui."""
    exits_in_hook = make_plugin(
        "exits_in_hook",
        """
        import sys

        @hookimpl
        def register_exercises(register):
            sys.exit(2)

        @hookimpl
        def session_saved(session, final):
            sys.exit(3)
        """,
    )
    result = load(("exits_in_hook", exits_in_hook), ("fine", exercise_plugin("fine", "fine-one")))
    assert info(result, "exits_in_hook").status == "failed"
    assert "SystemExit" in info(result, "exits_in_hook").problems[0]
    assert "fine-one" in result.catalog


def test_a_plugin_exiting_at_import_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "exits_at_import.py").write_text("import sys\nsys.exit('no arguments given')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = importlib.metadata.EntryPoint(name="exits", value="exits_at_import", group="glutetui")
    result = load_plugins(entry_points=[ep])
    assert info(result, "exits").status == "failed"
    assert "SystemExit" in info(result, "exits").problems[0]


def test_hook_suggest_dose() -> None:
    """firstresult: a plugin's answer replaces the built-in policy (more in tests/coach)."""
    from glutetui.coach.checkins import CheckIns
    from glutetui.coach.suggest import suggest
    from glutetui.model import Exercise
    from glutetui.settings import Settings

    plugin = make_plugin(
        "mine",
        """
        from glutetui.coach.policy import Suggestion

        @hookimpl
        def suggest_dose(exercise, history, settings):
            return Suggestion(exercise_id=exercise.id, direction="same", sets=2, reps=(8, 8),
                              load=None, unit=None, reason="steady (mine)", rule="mine",
                              source="mine")
        """,
    )
    ex = Exercise(id="side-step", name="Side step", instructions=["Step."])
    found = suggest(
        load(("mine", plugin)), [ex], [], CheckIns(), Settings(), datetime.now().astimezone()
    )
    assert found.policies == ("mine",) and found.items[0].reps == (8, 8)
