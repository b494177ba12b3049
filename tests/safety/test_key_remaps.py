"""Key remaps in settings.toml: a bad one is named and its binding keeps the default key."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.settings import load_settings, parse_settings
from glutetui.tui.app import make_app
from glutetui.tui.keymap import binding_ids, checked_keymap
from tests.cli.runner import run
from tests.tui.support import seen_first_run

BAD_SETTINGS = """
[keys]
quit = "[bold]"
log = ",,,"
about = "ctrl+a"
plugins = "foo"
no-such-binding = "x"
"""


@pytest.mark.parametrize("keys", ["[bold]", ",,,", "", " ", "ctrl+", "a b", "q,,w", "[/]"])
def test_a_remap_that_is_not_a_key_is_refused_by_name(keys: str) -> None:
    loaded = parse_settings({"keys": {"quit": keys, "about": "ctrl+a"}})
    assert dict(loaded.settings.keys) == {"about": "ctrl+a"}
    assert len(loaded.notices) == 1 and "keys.quit" in loaded.notices[0]


@pytest.mark.parametrize("keys", ["q", "ctrl+q", "f2,ctrl+s", "comma", "shift+tab", "?", "Q"])
def test_real_keys_are_taken(keys: str) -> None:
    loaded = parse_settings({"keys": {"quit": keys}})
    assert dict(loaded.settings.keys) == {"quit": keys} and not loaded.notices
    assert checked_keymap({"quit": keys}) == ({"quit": keys}, [])


def test_unknown_binding_ids_and_key_names_are_reported() -> None:
    assert {"quit", "log", "about", "session-undo"} <= binding_ids()
    good, notices = checked_keymap({"quit": "foo", "nope": "x", "about": "f13"})
    assert good == {"about": "f13"}
    assert any("keys.quit" in n and "'foo'" in n for n in notices)
    assert any("keys.nope is not a binding" in n for n in notices)


def test_the_command_line_names_each_bad_remap_on_stderr(paths: Paths) -> None:
    paths.check()
    paths.settings_file.write_text(BAD_SETTINGS)
    done = run("log")
    assert done.returncode == 0
    assert "keys.quit '[bold]' is not a key" in done.stderr
    assert "keys.log ',,,' is not a key" in done.stderr


async def test_the_app_keeps_q_for_quit_and_says_why(paths: Paths) -> None:
    seen_first_run(paths)
    paths.check()
    paths.settings_file.write_text(BAD_SETTINGS)
    app = make_app(
        paths,
        clock=FakeClock(datetime(2026, 1, 6, tzinfo=UTC)),
        settings=load_settings(paths.settings_file),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        # One toast, its lines capped so it fits a small screen; every notice is kept for it.
        for name in ("keys.quit", "keys.log", "keys.plugins", "keys.no-such-binding"):
            assert any(name in notice for notice in app._settings_notices), name
        shown = [
            name
            for name in ("keys.quit", "keys.log", "keys.plugins", "keys.no-such-binding")
            if any(name in m for m in messages)
        ]
        assert len(shown) >= 3 and (len(shown) == 4 or any("1 more" in m for m in messages))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
