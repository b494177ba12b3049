"""Settings: every key of ``settings.toml`` with its meaning, checked as it is typed, written
only when the person saves (ctrl+s).

The keys come from :func:`glutetui.settings_edit.settings_keys`, so a key added to
:class:`~glutetui.settings.Settings` appears here by itself. The theme is chosen from Textual's
own themes. Saving keeps keys glutetui does not know but not hand-written comments (the screen
says so); tables such as ``[keys]`` are edited in the file.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from glutetui.settings import load_settings
from glutetui.settings_edit import (
    SettingsFileError,
    as_text,
    parse_text,
    save_changes,
    settings_keys,
)
from glutetui.tui.base import GluteScreen
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

DEFAULT_THEME = ""
"""The theme key's value for Textual's default theme."""


class SettingsScreen(GluteScreen[None]):
    """Edit the settings; ctrl+s saves, escape leaves (asking first if something changed)."""

    TITLE = "Settings"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings-save"),
        Binding("escape", "leave", "Back", id="settings-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, str] = {}
        """Key -> what is wrong with what was typed for it."""
        self.values: dict[str, Any] = {}
        """Key -> the value typed and accepted, for every key changed on this screen."""

    def compose(self) -> ComposeResult:
        current = self.settings
        yield TitleBar()
        with VerticalScroll(id="settings-scroll"):
            yield Static(
                "settings.toml in your config folder (glutetui paths shows where). "
                "ctrl+s saves; comments written in the file by hand are not kept.",
                id="settings-where",
                markup=False,
            )
            for key in settings_keys():
                yield Label(key.name, classes="settings-name", markup=False)
                yield Static(key.meaning, classes="settings-meaning", markup=False)
                value = getattr(current, key.name)
                if key.name == "theme":
                    themes = sorted(self.app.available_themes)
                    yield Select[str](
                        [("default", DEFAULT_THEME), *((t, t) for t in themes)],
                        value=value if value in themes else DEFAULT_THEME,
                        allow_blank=False,
                        id=f"setting-{key.name}",
                    )
                elif key.editable:
                    yield Input(as_text(value), id=f"setting-{key.name}", max_length=400)
                else:
                    shown = ", ".join(f"{k} = {v}" for k, v in value.items()) or "(none)"
                    yield Static(f"{shown}  (edit in the file)", markup=False)
                yield Label("", id=f"error-{key.name}", classes="settings-error", markup=False)
        yield KeyBar()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.id is None or not event.input.id.startswith("setting-"):
            return
        name = event.input.id.removeprefix("setting-")
        error = self.query_one(f"#error-{name}", Label)
        try:
            value = parse_text(name, event.value)
        except ValueError as exc:
            self.errors[name] = str(exc)
            error.update(f"Not saved: {exc}")
            return
        self.errors.pop(name, None)
        error.update("")
        self._set(name, value)

    @on(Select.Changed, "#setting-theme")
    def _theme_chosen(self, event: Select.Changed) -> None:
        theme = str(event.value)
        self._set("theme", theme)
        # Shown at once, so the choice can be seen before it is saved.
        self.app.theme = theme or self.glute_app.base_theme

    def _set(self, name: str, value: Any) -> None:
        if as_text(value) == as_text(getattr(self.settings, name)):
            self.values.pop(name, None)
        else:
            self.values[name] = value

    def action_save(self) -> None:
        """Write the changed keys to ``settings.toml`` and use them from now on."""
        if self.errors:
            names = ", ".join(sorted(self.errors))
            self.notify(f"Fix {names} first: nothing was saved.", severity="warning")
            return
        if not self.values:
            self.notify("Nothing changed.", timeout=3)
            return
        try:
            save_changes(self.paths.settings_file, self.values)
        except SettingsFileError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        # Read back what was written: the app then runs on exactly what the file says.
        self.glute_app.settings = load_settings(self.paths.settings_file).settings
        self.values.clear()
        self.notify("Settings saved.", timeout=3)

    def action_leave(self) -> None:
        """Back; with unsaved changes, ask first (a mistyped one too: what was typed is lost)."""
        if not self.values and not self.errors:
            self._close()
            return
        from glutetui.tui.dialogs import ConfirmDialog

        def answered(leave: bool | None) -> None:
            if leave:
                self._close()

        self.app.push_screen(
            ConfirmDialog(
                "Leave without saving?",
                "Your changes are not saved: settings.toml stays as it was.",
                yes_label="Leave",
                no_label="Stay",
            ),
            answered,
        )

    def _close(self) -> None:
        self.app.theme = self.settings.theme or self.glute_app.base_theme
        self.dismiss(None)
