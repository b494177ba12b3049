"""The app's side of the routine files saved from it: read the files again after a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glutetui.tui.app import GluteApp


def reread_user_files(app: GluteApp) -> None:
    """Read the config dir's exercise and routine files again into the app's catalog and its
    plugin report, after the app saved, renamed or deleted one."""
    from glutetui.userfiles.catalog import with_user_files

    app.plugin_result = with_user_files(app.plugin_result, app.paths.config_root)
    app.catalog = app.plugin_result.catalog
