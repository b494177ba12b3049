"""Every programme on offer: from plugins (``register_programmes``) and from files.

Each plugin's hook is called on its own, so a plugin that raises or registers something invalid
is reported by name and every other programme stays on offer. Files come after plugins; a file
whose id a plugin already uses is refused (rename the file's id to keep both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glutetui.coach.programmes import Programme, programme_problems
from glutetui.coach.programmes_files import load_files

if TYPE_CHECKING:
    import pluggy


@dataclass(frozen=True)
class Programmes:
    """Programmes by id, where each came from, and every problem as ``(source, reason)``."""

    by_id: dict[str, Programme] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: tuple[tuple[str, str], ...] = ()

    def find(self, name: str) -> Programme | None:
        """The programme with this id, or whose name matches (case-insensitive)."""
        if name in self.by_id:
            return self.by_id[name]
        wanted = name.casefold().strip()
        return next((p for p in self.by_id.values() if p.name.casefold() == wanted), None)


def collect(
    manager: pluggy.PluginManager | None, config_root: str, known_routines: set[str]
) -> Programmes:
    """Ask every plugin, then read ``programmes/*.toml``; never raises for a bad source."""
    by_id: dict[str, Programme] = {}
    sources: dict[str, str] = {}
    problems: list[tuple[str, str]] = []

    def accept(source: str, item: Any) -> None:
        label = getattr(item, "id", None) or repr(item)[:40]
        found = programme_problems(item, known_routines)
        if found:
            problems.append((source, f"programme {label!r} is invalid: {'; '.join(found)}"))
        elif item.id in by_id:
            problems.append(
                (source, f"programme id {item.id!r} is already registered by {sources[item.id]!r}")
            )
        else:
            by_id[item.id] = item
            sources[item.id] = source

    if manager is not None:
        hook = getattr(manager.hook, "register_programmes", None)
        for impl in [] if hook is None else hook.get_hookimpls():
            pending: list[Any] = []
            try:
                impl.function(**dict.fromkeys(impl.argnames, pending.append))
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a plugin bug must not hide the others
                problems.append(
                    (
                        impl.plugin_name,
                        f"hook register_programmes raised {type(exc).__name__}: {exc}",
                    )
                )
                continue
            for item in pending:
                accept(impl.plugin_name, item)
    files, file_problems = load_files(config_root, known_routines)
    for path, programme in files:
        accept(path, programme)
    problems += [(p.path, p.describe()) for p in file_problems]
    return Programmes(by_id, sources, tuple(problems))
