"""Importers are plugins: a plugin's importer reads its format, the built-in ones come through
the same hook, and a broken importer is reported by name while the others keep working."""

from __future__ import annotations

import textwrap
import types
from datetime import UTC, datetime

import pytest

from glutetui.cli.importing import ImportFormatError, read_import
from glutetui.cli.names import ExerciseNames
from glutetui.importers import Importer, importer_problems
from glutetui.plugins import LoadResult, load_plugins
from tests.cli.runner import DATA, run

PLUGIN = """
import glutetui
from glutetui.importers import Importer, Layout, import_id
from glutetui.model import Session, SetResult, ExerciseLog

def parse(rows, ctx):
    sessions = []
    for cells in rows:
        day = datetime.fromisoformat(cells.row["day"])
        name, ex_id, _ = ctx.exercise(cells.row["move"])
        sessions.append(Session(
            id=import_id("tally", day, name), started_at=day, ended_at=day,
            status="finished", source="tally",
            exercises=(ExerciseLog(exercise_id=ex_id or name, name=name),),
            sets=(SetResult(exercise_id=ex_id or name, set_number=1,
                            reps=int(cells.row["count"])),),
        ))
    return sessions

def recognise(header, first_row):
    if list(header) == ["day", "move", "count"]:
        return Layout("tally", "Tally", parse)
    return None

@glutetui.hookimpl
def register_importers(register):
    register(Importer("tally", recognise))
"""


def plugin(name: str, source: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(
        compile("from datetime import datetime\n" + textwrap.dedent(source), name, "exec"),
        module.__dict__,
    )
    return module


BROKEN = plugin(
    "broken",
    """
    import glutetui
    from glutetui.importers import Importer

    def recognise(header, first_row):
        raise RuntimeError("this importer is broken on purpose")

    @glutetui.hookimpl
    def register_importers(register):
        register(Importer("broken", recognise))
    """,
)


def load(*plugins: tuple[str, types.ModuleType]) -> LoadResult:
    """The installed plugins (the built-in importers among them) plus ``plugins``."""
    return load_plugins(extra=list(plugins), disabled=())


def names(result: LoadResult) -> ExerciseNames:
    return ExerciseNames(result.catalog.exercises.values())


def test_built_in_importers_come_through_the_hook() -> None:
    result = load()
    assert [i.name for i in result.importers] == ["glutetui", "strong", "hevy", "fitnotes"]
    (builtin,) = [p for p in result.plugins if p.importers]
    assert builtin.name == "importers"
    assert builtin.distribution == "glutetui"


def test_a_plugin_importer_reads_its_own_format() -> None:
    result = load(("tally", plugin("tally", PLUGIN)))
    text = "day,move,count\n2026-01-05T09:00:00+00:00,Clamshell,12\n"
    read = read_import(text, None, "kg", lambda: names(result), result.importers)
    (session,) = read.sessions
    assert read.label == "Tally"
    assert session.started_at == datetime(2026, 1, 5, 9, tzinfo=UTC)
    assert session.sets[0].exercise_id == "clamshell"
    assert session.sets[0].reps == 12
    # The built-in formats still read with the plugin's importer among them.
    strong = (DATA / "strong.csv").read_text(encoding="utf-8")
    assert read_import(strong, None, "kg", lambda: names(result), result.importers).sessions


def test_a_raising_importer_is_reported_by_name_and_the_others_still_work() -> None:
    result = load(("broken", BROKEN))
    assert result.importers[-1].name == "broken"
    strong = (DATA / "strong.csv").read_text(encoding="utf-8")
    # Tried last: the built-ins know the file first, and nothing is reported.
    assert read_import(strong, None, "kg", lambda: names(result), result.importers).problems == ()
    first = [result.importers[-1], *result.importers[:-1]]
    read = read_import(strong, None, "kg", lambda: names(result), first)
    assert read.sessions
    assert read.problems == (
        "importer 'broken' raised RuntimeError: this importer is broken on purpose",
    )
    with pytest.raises(ImportFormatError, match="importer 'broken' raised RuntimeError"):
        read_import("a,b\n1,2\n", None, "kg", lambda: names(result), first)


def test_an_importer_that_fails_reading_is_one_error_naming_it() -> None:
    source = PLUGIN.replace('int(cells.row["count"])', "1 // 0")
    result = load(("tally", plugin("tally", source)))
    text = "day,move,count\n2026-01-05T09:00:00+00:00,Clamshell,12\n"
    with pytest.raises(
        ImportFormatError, match="the 'tally' importer failed reading the file: ZeroDivisionError"
    ):
        read_import(text, None, "kg", lambda: names(result), result.importers)


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ("strong", "expected a glutetui.importers.Importer, got str"),
        (Importer("Bad Name", lambda h, s: None), "name 'Bad Name' must be 1 to 40"),
        (Importer("ok", "not callable"), "recognise must be a function"),  # type: ignore[arg-type]
    ],
)
def test_invalid_importers_are_refused_with_a_reason(item: object, problem: str) -> None:
    assert any(problem in p for p in importer_problems(item))
    module = types.ModuleType("odd")
    module.register_importers = _registering(item)  # type: ignore[attr-defined]
    result = load(("odd", module))
    (odd,) = [p for p in result.plugins if p.name == "odd"]
    assert odd.status == "partial"
    assert problem in odd.problems[0]
    assert odd.importers == ()


def test_a_name_taken_by_another_plugin_is_refused() -> None:
    module = types.ModuleType("again")
    module.register_importers = _registering(Importer("strong", lambda h, s: None))  # type: ignore[attr-defined]
    result = load(("again", module))
    (again,) = [p for p in result.plugins if p.name == "again"]
    assert again.problems == ("importer 'strong' is already registered by plugin 'importers'",)
    assert [i.name for i in result.importers].count("strong") == 1


def _registering(item: object) -> object:
    import glutetui

    @glutetui.hookimpl
    def register_importers(register: object) -> None:
        register(item)  # type: ignore[operator]

    return register_importers


def test_plugins_command_lists_what_each_plugin_registered() -> None:
    done = run("plugins")
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("importers "))
    assert "importer:glutetui, importer:strong, importer:hevy, importer:fitnotes" in line
    routines = next(line for line in done.stdout.splitlines() if line.startswith("routines "))
    assert "routine:gluteus-medius-basics" in routines


def test_import_rejects_an_unknown_format_naming_the_known_ones() -> None:
    done = run("import", str(DATA / "strong.csv"), "--format", "nope")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "glutetui: unknown --format 'nope' (choose from glutetui, strong, hevy, fitnotes)"
    )
