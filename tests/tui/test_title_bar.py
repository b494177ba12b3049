"""The title line at the top of every screen."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.geometry import Region

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.plugins import load_plugins
from glutetui.tui.app import make_app
from glutetui.tui.widgets.title_bar import TitleBar

SIZE = (80, 24)


def title_text(app) -> str:
    """What the title bar has drawn (its cached line, so a missed refresh shows)."""
    bar = app.screen.query_one(TitleBar)
    return bar.render_lines(Region(0, 0, bar.size.width, 1))[0].text.strip()


async def test_title_follows_the_screen_and_its_sub_title(paths: Paths) -> None:
    app = make_app(paths, plugins=load_plugins(disabled=()), clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        assert title_text(app) == "Library"
        app.screen.sub_title = "band only"
        await pilot.pause()
        assert title_text(app) == "Library — band only"
        await pilot.press("a")
        await pilot.pause()
        assert title_text(app) == "About"


async def test_clicking_the_title_opens_the_command_palette(paths: Paths) -> None:
    app = make_app(paths, plugins=load_plugins(disabled=()), clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(TitleBar)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
