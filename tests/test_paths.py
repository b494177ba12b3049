"""Where glutetui keeps things, and refusing a config dir it cannot use.

Tests may run as root, where ``chmod`` blocks nothing. "Cannot write" is therefore made real
without permissions: a path *under a regular file* (no directory can be created there, for
anyone), and ``/sys``, a directory that exists but in which nobody, root included, can create
a file (sysfs has no regular-file creation).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glutetui.errors import ConfigDirError
from glutetui.paths import Paths


def test_explicit_dir_wins_over_environment(tmp_path: Path, isolated_config: Path) -> None:
    paths = Paths.resolve(tmp_path / "explicit")
    assert paths.config_dir == tmp_path / "explicit"
    assert Paths.resolve().config_dir == isolated_config


def test_override_puts_cache_inside_unless_cache_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Paths.resolve(tmp_path).cache_dir == tmp_path / "cache"
    monkeypatch.setenv("GLUTETUI_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert Paths.resolve(tmp_path).cache_dir == tmp_path / "elsewhere"


def test_platform_dirs_without_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GLUTETUI_CONFIG_DIR")
    paths = Paths.resolve()
    # conftest points XDG_CONFIG_HOME / XDG_CACHE_HOME at temporary folders.
    assert paths.config_dir.name == "glutetui"
    assert paths.config_dir.parent.name == "config"
    assert paths.cache_dir.parent.name == "cache"


def test_relative_and_home_paths_are_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert Paths.resolve("rel").config_dir == tmp_path / "rel"
    assert Paths.resolve("~/x").config_dir == Path.home() / "x"


def test_derived_locations(paths: Paths) -> None:
    root = paths.config_dir
    assert paths.logs_dir == root / "logs"
    assert paths.trash_dir == root / "trash"
    assert paths.settings_file == root / "settings.toml"
    assert paths.state_file == root / "state.toml"


def test_check_creates_the_dirs_and_leaves_no_probe(paths: Paths) -> None:
    assert not paths.config_dir.exists()
    paths.check()
    assert paths.logs_dir.is_dir()
    assert [p.name for p in paths.config_dir.iterdir()] == ["logs"]
    paths.check()  # idempotent


def test_config_dir_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "glutetui"
    target.write_text("not a folder")
    with pytest.raises(
        ConfigDirError, match=r"is a file, not a folder; move it or pass --config-dir"
    ):
        Paths.resolve(target).check()
    assert target.read_text() == "not a folder"


def test_config_dir_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("")
    where = tmp_path / "plain" / "glutetui"
    with pytest.raises(ConfigDirError) as err:
        Paths.resolve(where).check()
    assert str(err.value) == (
        f"cannot write to config dir {where}: Not a directory; "
        "fix its permissions or pass --config-dir"
    )


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs a mounted sysfs")
def test_existing_dir_nobody_can_write() -> None:
    with pytest.raises(ConfigDirError, match=r"^cannot write to config dir /sys: "):
        Paths.resolve("/sys").check()


def test_paths_are_values(tmp_path: Path) -> None:
    assert Paths.resolve(tmp_path) == Paths.resolve(tmp_path)
    assert len({Paths.resolve(tmp_path), Paths.resolve(tmp_path)}) == 1
    with pytest.raises(AttributeError):
        Paths.resolve(tmp_path).config_dir = tmp_path  # type: ignore[misc]


def test_an_empty_config_dir_is_an_error_not_the_working_directory() -> None:
    from glutetui.errors import ConfigDirError

    with pytest.raises(ConfigDirError, match="empty path"):
        Paths.resolve("")
