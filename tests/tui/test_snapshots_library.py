"""Snapshots of the library and about screens at 80x24 (and the library when narrow).

Deterministic: the real built-in plugins, a temporary config dir whose state says the welcome
was already shown (notifications are off in snapshots anyway), and a fixed FakeClock.
Review the report before accepting a change with ``--snapshot-update``.
"""

from __future__ import annotations

import pytest

from glutetui.clock import FakeClock
from glutetui.paths import Paths
from glutetui.plugins import LoadResult
from glutetui.tui.app import GluteApp, make_app
from glutetui.tui.state import FIRST_RUN_NOTICE


@pytest.fixture
def app(paths: Paths, builtins: LoadResult) -> GluteApp:
    paths.config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths.state_file.write_text(f"{FIRST_RUN_NOTICE} = true\n")
    return make_app(paths, plugins=builtins, clock=FakeClock())


def test_library_initial(snap_compare, app: GluteApp) -> None:
    """The library as it opens: every built-in listed, the first one's details beside it."""
    assert snap_compare(app, terminal_size=(80, 24))


def test_library_detail_open(snap_compare, app: GluteApp) -> None:
    """Clamshell chosen with enter: the details pane has focus and shows dose, equipment, cues."""
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "enter"])


def test_library_filtered(snap_compare, app: GluteApp) -> None:
    """Filter "band" typed, enter back to the list: two matches and the count says so."""
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", *"band", "enter"])


def test_library_equipment_modal(snap_compare, app: GluteApp) -> None:
    """The equipment dialog over the library with the resistance band ticked."""
    assert snap_compare(app, terminal_size=(80, 24), press=["e", "n", "end", "space"])


def test_library_equipment_applied(snap_compare, app: GluteApp) -> None:
    """A band only: the active filter is shown above the list."""
    assert snap_compare(app, terminal_size=(80, 24), press=["e", "n", "end", "space", "enter"])


def test_about(snap_compare, app: GluteApp) -> None:
    """The about screen's first page."""
    assert snap_compare(app, terminal_size=(80, 24), press=["a"])


def test_library_narrow(snap_compare, app: GluteApp) -> None:
    """At 40x12 the list takes the whole width; the details open on enter."""
    assert snap_compare(app, terminal_size=(40, 12))
