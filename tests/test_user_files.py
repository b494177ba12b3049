"""Exercises and routines people write as TOML files in the config dir (``glutetui.userfiles``).

Real files in a temp config dir, loaded with the real built-in plugins: each file is checked
like a plugin's registration, a broken file is reported by name and line while the others load,
and the catalog cache notices a file changed, added or removed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glutetui.paths import Paths
from glutetui.plugins import cache, load_plugins
from glutetui.userfiles import YOUR_FILES
from glutetui.userfiles.catalog import with_user_files

EXERCISE = """\
id = "wall-lean"
name = "Standing wall lean"
summary = "Press a knee into a wall while standing on the other leg."
instructions = ["Stand side-on to a wall.", "Press the outer knee of the free leg into it."]
sets = 3
reps = [5, 8]
per_side = true
hold_seconds = 10
equipment = ["none"]
tags = ["isometric"]
"""

ROUTINE = """\
id = "my-physio-routine"
name = "My physio's routine"

[[items]]
exercise_id = "wall-lean"

[[items]]
exercise_id = "clamshell"
sets = 2
reps = [10, 12]
"""


def write(root: Path, folder: str, name: str, text: str) -> Path:
    (root / folder).mkdir(parents=True, exist_ok=True)
    path = root / folder / name
    path.write_text(text, "utf-8")
    return path


def load(root: Path):  # type: ignore[no-untyped-def]
    return with_user_files(load_plugins(), str(root))


def your_files(result):  # type: ignore[no-untyped-def]
    return next(p for p in result.plugins if p.name == YOUR_FILES)


def test_files_join_the_catalog_after_the_plugins(tmp_path: Path) -> None:
    write(tmp_path, "exercises", "wall-lean.toml", EXERCISE)
    write(tmp_path, "routines", "mine.toml", ROUTINE)
    result = load(tmp_path)
    ex = result.catalog.get("wall-lean")
    assert (ex.sets, ex.reps, ex.per_side, ex.hold_seconds) == ((3, 3), (5, 8), True, 10)
    assert ex.instructions[1].startswith("Press the outer knee")
    routine = result.catalog.routine("my-physio-routine")
    assert [i.exercise_id for i in routine.items] == ["wall-lean", "clamshell"]
    assert routine.items[1].reps == (10, 12)
    assert result.catalog.source("wall-lean") == "exercises/wall-lean.toml"
    assert result.catalog.source("my-physio-routine") == "routines/mine.toml"
    info = your_files(result)
    assert (info.status, info.exercises, info.routines) == (
        "ok",
        ("wall-lean",),
        ("my-physio-routine",),
    )
    assert list(result.catalog.exercises)[-1] == "wall-lean", "files come after every plugin"


def test_no_folders_means_no_entry(tmp_path: Path) -> None:
    assert all(p.name != YOUR_FILES for p in load(tmp_path).plugins)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (EXERCISE.replace("reps = [5, 8]", "reps = 500"), 6, "reps of 500"),
        (EXERCISE.replace("sets = 3", "sets = 3\nsetz = 2"), 6, "unknown key 'setz'"),
        (EXERCISE.replace('tags = ["isometric"]', "tags = isometric"), 10, "not valid TOML"),
        (EXERCISE.replace('id = "wall-lean"', 'id = "Wall Lean!"'), 1, "id"),
        (EXERCISE.replace('name = "Standing wall lean"\n', ""), None, "name is needed"),
    ],
)
def test_a_broken_file_is_reported_by_line_while_the_others_load(
    tmp_path: Path, text: str, line: int | None, words: str
) -> None:
    write(tmp_path, "exercises", "a-good.toml", EXERCISE.replace("wall-lean", "other-lean"))
    write(tmp_path, "exercises", "broken.toml", text)
    write(tmp_path, "routines", "mine.toml", ROUTINE.replace('"wall-lean"', '"other-lean"'))
    result = load(tmp_path)
    info = your_files(result)
    assert info.status == "partial"
    assert len(info.problems) == 1
    problem = info.problems[0]
    where = "exercises/broken.toml" + (f", line {line}" if line else "")
    assert problem.startswith(f"{where}: "), problem
    assert words in problem
    assert "other-lean" in result.catalog
    assert "my-physio-routine" in result.catalog.routines


def test_ids_are_refused_as_for_a_plugin(tmp_path: Path) -> None:
    write(tmp_path, "exercises", "clam.toml", EXERCISE.replace('"wall-lean"', '"clamshell"'))
    write(tmp_path, "exercises", "a.toml", EXERCISE)
    write(tmp_path, "exercises", "b.toml", EXERCISE)
    write(tmp_path, "routines", "r.toml", ROUTINE.replace('"clamshell"', '"no-such-thing"'))
    write(tmp_path, "routines", "s.toml", ROUTINE.replace("my-physio-routine", "home-no-machines"))
    result = load(tmp_path)
    problems = your_files(result).problems
    assert problems == (
        "exercises/b.toml, line 1: exercise id 'wall-lean' is already registered by your file "
        "'exercises/a.toml'",
        "exercises/clam.toml, line 1: exercise id 'clamshell' is already registered by plugin "
        "'clamshell'",
        "routines/r.toml, line 8: uses exercises nobody registered: no-such-thing",
        "routines/s.toml, line 1: routine id 'home-no-machines' is already registered by plugin "
        "'routines'",
    )
    assert result.catalog.source("clamshell") == "clamshell"
    assert result.catalog.source("wall-lean") == "exercises/a.toml"


def test_reading_again_after_a_change_is_no_clash(tmp_path: Path) -> None:
    write(tmp_path, "exercises", "wall-lean.toml", EXERCISE)
    first = load(tmp_path)
    write(tmp_path, "routines", "mine.toml", ROUTINE)
    again = with_user_files(first, str(tmp_path))
    assert your_files(again).problems == ()
    assert "my-physio-routine" in again.catalog.routines
    assert [p.name for p in again.plugins].count(YOUR_FILES) == 1


def test_a_routine_item_may_be_a_bare_exercise_id(tmp_path: Path) -> None:
    write(tmp_path, "exercises", "wall-lean.toml", EXERCISE)
    write(tmp_path, "routines", "r.toml", 'id = "short"\nname = "Short"\nitems = ["wall-lean"]\n')
    assert load(tmp_path).catalog.routine("short").items[0].exercise_id == "wall-lean"


def ids(paths: Paths) -> list[str]:
    return list(cache.load_result(paths, strict=False).catalog.exercises)


def test_the_cache_notices_a_file_added_changed_and_removed(paths: Paths) -> None:
    root = Path(paths.config_root)
    assert "wall-lean" not in ids(paths)
    path = write(root, "exercises", "wall-lean.toml", EXERCISE)
    assert "wall-lean" in ids(paths), "an added file is seen"
    assert cache.load_result(paths, strict=False).manager is None, "and then cached"
    write(root, "exercises", "wall-lean.toml", EXERCISE.replace("Standing wall lean", "Wall lean"))
    result = cache.load_result(paths, strict=False)
    assert result.catalog.get("wall-lean").name == "Wall lean", "a changed file is seen"
    os.remove(path)
    assert "wall-lean" not in ids(paths), "a removed file is seen"


def test_the_cache_serves_the_files_problems_too(paths: Paths) -> None:
    write(Path(paths.config_root), "exercises", "broken.toml", "id = nope\n")
    first = cache.load_result(paths, strict=False)
    cached = cache.load_result(paths, strict=False)
    assert cached.manager is None
    assert [p for p in cached.plugins if p.name == YOUR_FILES] == [
        p for p in first.plugins if p.name == YOUR_FILES
    ]
    assert your_files(cached).problems[0].startswith("exercises/broken.toml, line 1: not valid")


def test_the_docs_examples_load(tmp_path: Path) -> None:
    """Each TOML example of docs/your-files.md, written where its first line says, loads."""
    guide = Path(__file__).parents[1] / "docs" / "your-files.md"
    blocks = guide.read_text("utf-8").split("```toml\n")[1:]
    assert len(blocks) == 2
    for block in blocks:
        text = block.split("```", 1)[0]
        folder, name = text.splitlines()[0].removeprefix("# ").split("/")
        write(tmp_path, folder, name, text)
    result = load(tmp_path)
    assert your_files(result).problems == ()
    assert result.catalog.routine("after-work").items[0].exercise_id == "wall-lean"


def test_plugins_lists_your_files(isolated_config: Path) -> None:
    from tests.cli.runner import run

    isolated_config.mkdir(mode=0o700, parents=True, exist_ok=True)
    write(isolated_config, "exercises", "wall-lean.toml", EXERCISE)
    write(
        isolated_config, "exercises", "broken.toml", EXERCISE.replace("reps = [5, 8]", "reps = 0")
    )
    shown = run("plugins")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "your files: exercises/broken.toml, line 6: reps" in shown.stdout
    row = next(line for line in shown.stdout.splitlines() if line.startswith(YOUR_FILES))
    assert row.split()[2:] == ["(config", "dir)", "partial", "wall-lean"]
    import json

    mine = next(p for p in json.loads(run("plugins", "--json").stdout) if p["name"] == YOUR_FILES)
    assert mine["exercises"] == ["wall-lean"]
    assert mine["problems"][0].startswith("exercises/broken.toml, line 6: ")
