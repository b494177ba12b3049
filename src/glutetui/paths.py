"""Where glutetui keeps things: config, logs, trash, routines, cache."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from glutetui.errors import ConfigDirError

APP_NAME = "glutetui"
CONFIG_ENV = "GLUTETUI_CONFIG_DIR"
CACHE_ENV = "GLUTETUI_CACHE_DIR"


@dataclass(frozen=True)
class Paths:
    """Every location glutetui reads or writes, derived from the config directory."""

    config_dir: Path
    cache_dir: Path

    @classmethod
    def resolve(cls, config_dir: str | os.PathLike[str] | None = None) -> Paths:
        """``config_dir`` if given, else ``$GLUTETUI_CONFIG_DIR``, else the platform's config dir.

        When the config dir is overridden the cache lives inside it too, so a test or a second
        profile never shares a cache with the user's real one.
        """
        chosen = config_dir if config_dir is not None else os.environ.get(CONFIG_ENV) or None
        cache_env = os.environ.get(CACHE_ENV)
        if chosen is not None:
            config = Path(chosen).expanduser().absolute()
            cache = Path(cache_env).expanduser().absolute() if cache_env else config / "cache"
            return cls(config_dir=config, cache_dir=cache)
        import platformdirs  # imported here: only needed without an override

        cache = Path(cache_env) if cache_env else platformdirs.user_cache_path(APP_NAME)
        return cls(config_dir=platformdirs.user_config_path(APP_NAME), cache_dir=cache)

    @property
    def logs_dir(self) -> Path:
        """One TOML file per session."""
        return self.config_dir / "logs"

    @property
    def trash_dir(self) -> Path:
        """Deleted sessions go here, not to oblivion."""
        return self.config_dir / "trash"

    @property
    def routines_dir(self) -> Path:
        """User routines, ``*.toml``."""
        return self.config_dir / "routines"

    @property
    def settings_file(self) -> Path:
        """``settings.toml``: written by the user (or the settings screen when asked), never unasked."""
        return self.config_dir / "settings.toml"

    @property
    def state_file(self) -> Path:
        """Small app state that is not a setting (for example: the first-run notice was shown)."""
        return self.config_dir / "state.toml"

    def check(self) -> None:
        """Make sure the config dir exists and can be written; raise :class:`ConfigDirError` if not."""
        where = self.config_dir
        if where.exists() and not where.is_dir():
            raise ConfigDirError(
                f"config dir {where} is a file, not a folder; move it or pass --config-dir"
            )
        try:
            where.mkdir(parents=True, exist_ok=True)
            self.logs_dir.mkdir(exist_ok=True)
            # Probe with a real file: os.access lies on some network and read-only mounts.
            fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=where)
            os.close(fd)
            Path(probe).unlink()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ConfigDirError(
                f"cannot write to config dir {where}: {reason}; fix its permissions or pass --config-dir"
            ) from exc
