"""An imported session is known by what the file says, wherever it is imported; ``--replace``
brings in a corrected version of the same file, the old one kept in the trash."""

from __future__ import annotations

import pytest

from glutetui.log import LogStore
from glutetui.paths import Paths
from tests.cli.runner import DATA, run

FIXTURES = ["strong.csv", "strong6.csv", "strong-older.csv", "hevy.csv", "fitnotes.csv"]


def ids(paths: Paths) -> set[str]:
    return {s.id for s in LogStore(paths).history().sessions}


@pytest.mark.parametrize("name", FIXTURES)
def test_the_same_file_in_another_time_zone_duplicates_nothing(name: str, paths: Paths) -> None:
    first = run("import", str(DATA / name), TZ="America/New_York")
    assert first.returncode == 0, first.stderr
    east = ids(paths)
    again = run("import", str(DATA / name), TZ="UTC")
    assert again.returncode == 0, again.stderr
    assert "imported 0 session(s)" in again.stdout
    assert f"{len(east)} already in the log" in again.stdout
    assert ids(paths) == east
    elsewhere = Paths.resolve(paths.config_dir.parent / "elsewhere")
    run("import", str(DATA / name), config=elsewhere.config_dir, TZ="Asia/Kolkata")
    assert ids(elsewhere) == east


def loads(paths: Paths) -> set[tuple[float | None, str | None]]:
    return {
        (x.load, x.unit)
        for s in LogStore(paths).history().sessions
        for x in s.sets
        if x.load is not None
    }


def test_replace_brings_in_a_corrected_unit_and_keeps_the_old_in_the_trash(paths: Paths) -> None:
    strong = str(DATA / "strong.csv")
    assert run("import", strong, "--unit", "lb").returncode == 0
    before = ids(paths)
    assert {u for _, u in loads(paths)} == {"lb"}
    plain = run("import", strong, "--unit", "kg")
    assert "imported 0 session(s)" in plain.stdout and {u for _, u in loads(paths)} == {"lb"}
    dry = run("import", strong, "--unit", "kg", "--replace", "--dry-run")
    assert (
        "would import 0 session(s) and would replace 2 (the old version(s) going to the trash)"
        in (dry.stdout)
    )
    assert {u for _, u in loads(paths)} == {"lb"} and not paths.trash_dir.exists()
    done = run("import", strong, "--unit", "kg", "--replace")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "imported 0 session(s) and replaced 2 (the old version(s) moved to the trash) with 16 "
        f"set(s) from Strong file {strong}; 0 already in the log;"
    )
    assert ids(paths) == before and {u for _, u in loads(paths)} == {"kg"}
    assert sorted(p.stem for p in paths.trash_dir.iterdir()) == sorted(before)
    again = run("import", strong, "--unit", "kg", "--replace", TZ="Asia/Tokyo")
    assert "replaced" not in again.stdout and "2 already in the log" in again.stdout
    assert len(list(paths.trash_dir.iterdir())) == 2


def test_replace_leaves_an_unreadable_file_alone(paths: Paths) -> None:
    hevy = str(DATA / "hevy.csv")
    run("import", hevy)
    broken = sorted(paths.logs_dir.glob("*.toml"))[0]
    broken.write_text("not toml [")
    done = run("import", hevy, "--replace")
    assert "1 in the log but unreadable, left as they are" in done.stdout
    assert broken.read_text() == "not toml ["
