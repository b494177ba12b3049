"""Settings: every unusable key is named in a notice, its default used, the file never rewritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glutetui.paths import Paths
from glutetui.settings import Settings, load_settings, parse_settings


def write(paths: Paths, text: str | bytes) -> Path:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    path = paths.settings_file
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    # An old mtime, so that any rewrite (even within the same clock tick) shows.
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    return path


def load_untouched(path: Path):
    """Load, and prove the file was neither rewritten nor touched."""
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    loaded = load_settings(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    return loaded


def test_missing_file_is_all_defaults_without_notice(paths: Paths) -> None:
    loaded = load_settings(paths.settings_file)
    assert loaded.settings == Settings()
    assert loaded.notices == ()
    assert not paths.settings_file.exists()


def test_valid_file(paths: Paths) -> None:
    path = write(
        paths,
        'units = "lb"\nrest_seconds = 60\nbell = false\n[keys]\nstart-session = "enter"\n',
    )
    loaded = load_untouched(path)
    assert loaded.notices == ()
    assert loaded.settings == Settings(
        units="lb", rest_seconds=60, bell=False, keys={"start-session": "enter"}
    )


@pytest.mark.parametrize(
    ("line", "key", "problem"),
    [
        ('rest_seconds = "ninety"', "rest_seconds", "must be a whole number from 0 to 900"),
        ("rest_seconds = 901", "rest_seconds", "must be a whole number from 0 to 900"),
        ("weekly_goal_sets = true", "weekly_goal_sets", "must be a whole number from 1 to 500"),
        ('units = "stone"', "units", "must be one of 'kg', 'lb'"),
        ("bell = 1", "bell", "must be true or false"),
        ('keys = "enter"', "keys", 'must be a table of binding id = "key" pairs'),
    ],
)
def test_wrong_value_names_the_key_and_uses_its_default(
    paths: Paths, line: str, key: str, problem: str
) -> None:
    path = write(paths, f"{line}\nswitch_sides_seconds = 5\n")
    loaded = load_untouched(path)
    default = getattr(Settings(), key)
    assert loaded.settings == Settings(switch_sides_seconds=5)
    (notice,) = loaded.notices
    assert notice.startswith(f"{path}: {key} {problem}, not ")
    assert notice.endswith(f"; using the default {default!r}")


def test_unknown_key_is_named_and_ignored(paths: Paths) -> None:
    path = write(paths, 'colour = "red"\nunits = "lb"\n')
    loaded = load_untouched(path)
    assert loaded.settings == Settings(units="lb")
    (notice,) = loaded.notices
    assert notice.startswith(f"{path}: unknown key 'colour' is ignored (known: units, ")


def test_every_bad_key_gets_its_own_notice(paths: Paths) -> None:
    loaded = load_untouched(write(paths, 'a = 1\nb = 2\nunits = 3\nbell = "no"\n'))
    assert len(loaded.notices) == 4
    assert loaded.settings == Settings()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("units = \n", "not valid TOML"),
        ("[keys\n", "not valid TOML"),
        (b"units = '\xff\xfe'\n", "not valid TOML"),
    ],
)
def test_invalid_file_means_defaults_and_one_notice(
    paths: Paths, content: str | bytes, reason: str
) -> None:
    path = write(paths, content)
    loaded = load_untouched(path)
    assert loaded.settings == Settings()
    (notice,) = loaded.notices
    assert notice.startswith(f"{path}: {reason} (")
    assert notice.endswith("; using defaults")


def test_unreadable_file_means_defaults_and_one_notice(paths: Paths) -> None:
    paths.settings_file.mkdir(parents=True)  # a folder where the file should be
    loaded = load_settings(paths.settings_file)
    assert loaded.settings == Settings()
    (notice,) = loaded.notices
    assert notice.startswith(f"{paths.settings_file}: cannot be read (")


def test_parse_settings_names_where() -> None:
    loaded = parse_settings({"bell": "yes"}, where="elsewhere.toml")
    assert loaded.notices[0].startswith("elsewhere.toml: bell must be true or false")
