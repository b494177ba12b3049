"""Where glutetui keeps things: config, settings, logs, trash, cache."""

from __future__ import annotations

import os

from glutetui.errors import ConfigDirError

TYPE_CHECKING = False  # keeps typing out of the command line's start-up
if TYPE_CHECKING:
    from pathlib import Path


def _path(text: str) -> Path:
    from pathlib import Path  # imported on first use: the cached CLI path never needs it

    return Path(text)


APP_NAME = "glutetui"
LOGS = "logs"
"""The session files' folder, inside the config dir."""
TRASH = "trash"
"""Deleted sessions' folder, inside the config dir."""
CONFIG_ENV = "GLUTETUI_CONFIG_DIR"
CACHE_ENV = "GLUTETUI_CACHE_DIR"


class Paths:
    """Every location glutetui reads or writes, derived from the config directory.

    A plain immutable class holding strings, with :class:`~pathlib.Path` properties built on
    demand: the command line creates one on every run, and importing dataclasses or pathlib
    up front would cost more than a cached ``glutetui exercises`` does in all.
    """

    __slots__ = ("cache_root", "config_root")
    config_root: str
    """The config directory as a string (for hot paths that avoid pathlib)."""
    cache_root: str
    """The cache directory as a string."""

    def __init__(
        self, config_dir: str | os.PathLike[str], cache_dir: str | os.PathLike[str]
    ) -> None:
        object.__setattr__(self, "config_root", os.fspath(config_dir))
        object.__setattr__(self, "cache_root", os.fspath(cache_dir))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Paths is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Paths):
            return NotImplemented
        return (self.config_root, self.cache_root) == (other.config_root, other.cache_root)

    def __hash__(self) -> int:
        return hash((self.config_root, self.cache_root))

    def __repr__(self) -> str:
        return f"Paths(config_dir={self.config_root!r}, cache_dir={self.cache_root!r})"

    @classmethod
    def resolve(cls, config_dir: str | os.PathLike[str] | None = None) -> Paths:
        """``config_dir`` if given, else ``$GLUTETUI_CONFIG_DIR``, else the platform's config dir.

        When the config dir is overridden the cache lives inside it too, so a test or a second
        profile never shares a cache with the user's real one.
        """
        if config_dir is not None and not os.fspath(config_dir).strip():
            # Not the current directory by accident: that is where logs/ would be created.
            raise ConfigDirError("--config-dir was given an empty path; name a folder")
        chosen = config_dir if config_dir is not None else os.environ.get(CONFIG_ENV) or None
        cache_env = os.environ.get(CACHE_ENV)
        if chosen is not None:
            config = os.path.abspath(os.path.expanduser(os.fspath(chosen)))
            cache = (
                os.path.abspath(os.path.expanduser(cache_env))
                if cache_env
                else os.path.join(config, "cache")
            )
            return cls(config, cache)
        import platformdirs  # imported here: only needed without an override

        cache = cache_env or platformdirs.user_cache_dir(APP_NAME)
        return cls(platformdirs.user_config_dir(APP_NAME), cache)

    @property
    def config_dir(self) -> Path:
        """Settings, logs and trash live here."""
        return _path(self.config_root)

    @property
    def cache_dir(self) -> Path:
        """Derived data that can be rebuilt at any time (indexes, the catalog cache)."""
        return _path(self.cache_root)

    @property
    def logs_dir(self) -> Path:
        """One TOML file per session."""
        return self.config_dir / LOGS

    @property
    def trash_dir(self) -> Path:
        """Deleted sessions go here, not to oblivion."""
        return self.config_dir / TRASH

    @property
    def settings_file(self) -> Path:
        """``settings.toml``: written by the user, only ever read by glutetui."""
        return self.config_dir / "settings.toml"

    @property
    def state_file(self) -> Path:
        """Small app state that is not a setting (for example: the first-run notice was shown)."""
        return self.config_dir / "state.toml"

    def open_folders(self) -> list[str]:
        """A notice for each of glutetui's folders (config, logs, trash, cache) that others
        can read, each with the command that makes it and what is in it private."""
        from glutetui.fsutil import open_to_others

        # Strings, not the Path properties: this runs on every command, cached ones included.
        root = self.config_root
        inside = self.cache_root.startswith(os.path.join(root, ""))
        groups = {root: [root, os.path.join(root, LOGS), os.path.join(root, TRASH)]}
        if inside:
            groups[self.config_root].append(self.cache_root)
        else:
            groups[self.cache_root] = [self.cache_root]
        notices = []
        for top, folders in groups.items():
            wide = [(f, m) for f in folders if (m := open_to_others(f)) is not None]
            if wide:
                import shlex

                shown = ", ".join(f"{f} (mode {m:o})" for f, m in wide)
                notices.append(
                    f"other users can read {shown}; to make it private run: "
                    f"chmod -R go-rwx {shlex.quote(top)}"
                )
        return notices

    def check(self) -> None:
        """Make sure the config dir exists and can be written; raise :class:`ConfigDirError` if not."""
        where = self.config_dir
        if where.exists() and not where.is_dir():
            raise ConfigDirError(
                f"config dir {where} is a file, not a folder; move it or pass --config-dir"
            )
        from glutetui.fsutil import make_private_dirs

        try:
            make_private_dirs(self.logs_dir)  # health data: private whatever the umask
            # Probe with a real file: os.access lies on some network and read-only mounts.
            # (os.open, not tempfile: that import alone costs the app's start-up ~5 ms.)
            probe = os.path.join(self.config_root, f".write-check-{os.getpid()}")
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            os.unlink(probe)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ConfigDirError(
                f"cannot write to config dir {where}: {reason}; fix its permissions or pass --config-dir"
            ) from exc
