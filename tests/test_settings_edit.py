"""The settings screen's core: every key offered with its meaning, typed text checked, and a
save that writes only what changed and keeps keys glutetui does not know."""

from __future__ import annotations

import tomllib
from dataclasses import fields

import pytest

from glutetui.paths import Paths
from glutetui.settings import Settings, load_settings
from glutetui.settings_edit import (
    SettingsFileError,
    as_text,
    parse_text,
    save_changes,
    settings_keys,
)


def test_every_key_settings_defines_is_offered_with_its_meaning() -> None:
    keys = settings_keys()
    assert [k.name for k in keys] == [f.name for f in fields(Settings)]
    assert all(k.meaning for k in keys)
    assert {k.name for k in keys if not k.editable} == {"keys"}


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("units", "lb", "lb"),
        ("rest_seconds", " 60 ", 60),
        ("bell", "Off", False),
        ("hold_cue", "yes", True),
        ("theme", "nord", "nord"),
        ("equipment", "band, Dumbbell,", ["band", "dumbbell"]),
        ("equipment", "", []),
    ],
)
def test_typed_text_becomes_the_value(name: str, text: str, value: object) -> None:
    assert parse_text(name, text) == value


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("units", "stone"),
        ("rest_seconds", "-1"),
        ("rest_seconds", "9999"),
        ("rest_seconds", "1e3"),
        ("bell", "maybe"),
        ("theme", "Not A Theme"),
        ("weekly_goal_sets", "0"),
    ],
)
def test_bad_text_says_what_the_key_accepts(name: str, text: str) -> None:
    with pytest.raises(ValueError, match=r"must|type"):
        parse_text(name, text)


def test_as_text_reads_back() -> None:
    for key in settings_keys():
        if key.editable:
            assert as_text(parse_text(key.name, as_text(key.default))) == as_text(key.default)


def test_save_writes_only_the_changes_and_keeps_other_keys(paths: Paths) -> None:
    paths.check()
    paths.settings_file.write_text('# mine\nunits = "lb"\nfuture_key = 3\n[keys]\nquit = "x"\n')
    save_changes(paths.settings_file, {"rest_seconds": 45, "equipment": ("band",)})
    data = tomllib.loads(paths.settings_file.read_text())
    assert data == {
        "units": "lb",
        "future_key": 3,
        "keys": {"quit": "x"},
        "rest_seconds": 45,
        "equipment": ["band"],
    }
    settings = load_settings(paths.settings_file).settings
    assert settings.rest_seconds == 45
    assert settings.equipment == ("band",)


def test_save_refuses_to_overwrite_a_file_it_cannot_read(paths: Paths) -> None:
    paths.check()
    paths.settings_file.write_text("units = \n")
    with pytest.raises(SettingsFileError, match="cannot be read back"):
        save_changes(paths.settings_file, {"units": "kg"})
    assert paths.settings_file.read_text() == "units = \n"
