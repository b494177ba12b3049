"""Which programme a person follows: its id, the day they started it, and their pauses.

Kept in ``programme.toml`` in the config dir, written with :func:`glutetui.fsutil.write_atomic`.
The file belongs to the app. A missing file means no programme is followed; a damaged one is
reported (:class:`ProgrammeStateError`) and never overwritten unasked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date

from glutetui.errors import GlutetuiError
from glutetui.model import SLUG_RE

STATE_NAME = "programme.toml"
STATE_VERSION = 1
MAX_PAUSES = 1000


class ProgrammeStateError(GlutetuiError):
    """The programme state file cannot be read or written; the message says which and why."""


@dataclass(frozen=True)
class ProgrammeState:
    """The programme being followed, from ``started``; ``pauses`` are ``[from, to)`` days."""

    programme_id: str
    started: date
    pauses: tuple[tuple[date, date | None], ...] = ()
    """Each pause from its first day to the day it was resumed (``None``: still paused)."""

    @property
    def paused(self) -> bool:
        """Whether the programme is paused now."""
        return bool(self.pauses) and self.pauses[-1][1] is None

    def pause(self, today: date) -> ProgrammeState:
        """Paused from ``today``; raises :class:`ProgrammeStateError` if already paused."""
        if self.paused:
            raise ProgrammeStateError(
                "the programme is already paused; `glutetui programme resume` carries on"
            )
        return replace(self, pauses=(*self.pauses, (max(today, self.started), None)))

    def resume(self, today: date) -> ProgrammeState:
        """Carried on from ``today``; raises :class:`ProgrammeStateError` if not paused."""
        if not self.paused:
            raise ProgrammeStateError("the programme is not paused")
        since, _ = self.pauses[-1]
        return replace(self, pauses=(*self.pauses[:-1], (since, max(today, since))))

    def active_days_before(self, day: date) -> int:
        """Days of the programme from its start up to (not including) ``day``, pauses left out."""
        total = max(0, (day - self.started).days)
        for since, until in self.pauses:
            end = day if until is None else min(until, day)
            if end > since:
                total -= (end - max(since, self.started)).days
        return max(0, total)

    def is_paused_on(self, day: date) -> bool:
        """Whether ``day`` falls in a pause."""
        return any(since <= day and (until is None or day < until) for since, until in self.pauses)


def state_path(config_root: str) -> str:
    """Where the state file lives for this config dir."""
    return os.path.join(config_root, STATE_NAME)


def _day(value: object, what: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    raise ProgrammeStateError(f"{what} must be a date like 2026-11-23, not {value!r}")


def state_from_data(data: dict[str, object], where: str) -> ProgrammeState:
    """The state a parsed file holds; raises :class:`ProgrammeStateError` naming ``where``."""
    try:
        if data.get("format_version") != STATE_VERSION:
            raise ProgrammeStateError(f"format_version must be {STATE_VERSION}")
        pid = data.get("programme")
        if not isinstance(pid, str) or not SLUG_RE.fullmatch(pid):
            raise ProgrammeStateError(f"programme {pid!r} is not a programme id")
        started = _day(data.get("started"), "started")
        raw = data.get("pauses", [])
        if not isinstance(raw, list) or len(raw) > MAX_PAUSES:
            raise ProgrammeStateError("pauses must be a list of [from, to] tables")
        pauses: list[tuple[date, date | None]] = []
        for item in raw:
            if not isinstance(item, dict):
                raise ProgrammeStateError("every pause must be a table with from (and to)")
            since = _day(item.get("from"), "a pause's from")
            until = None if item.get("to") is None else _day(item.get("to"), "a pause's to")
            if since < started or (until is not None and until < since):
                raise ProgrammeStateError(
                    "a pause must lie after the start and end after it begins"
                )
            if pauses and (pauses[-1][1] is None or pauses[-1][1] > since):
                raise ProgrammeStateError("pauses must be in order and not overlap")
            pauses.append((since, until))
    except ProgrammeStateError as exc:
        raise ProgrammeStateError(
            f"{where}: {exc}; fix it or run `glutetui programme end`"
        ) from None
    return ProgrammeState(pid, started, tuple(pauses))


def load_state(config_root: str) -> ProgrammeState | None:
    """The programme followed, or ``None``; raises :class:`ProgrammeStateError` if damaged."""
    from glutetui.toml_reading import TomlError, parse_toml

    path = state_path(config_root)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProgrammeStateError(f"cannot read {path}: {exc}") from exc
    try:
        data = parse_toml(text)
    except TomlError as exc:
        raise ProgrammeStateError(f"{path} is not valid TOML: {exc}") from None
    return state_from_data(data, path)


def state_bytes(state: ProgrammeState) -> bytes:
    """The file's content for ``state``."""
    import tomli_w

    pauses = [
        {"from": since} if until is None else {"from": since, "to": until}
        for since, until in state.pauses
    ]
    data: dict[str, object] = {
        "format_version": STATE_VERSION,
        "programme": state.programme_id,
        "started": state.started,
        "pauses": pauses,
    }
    return tomli_w.dumps(data).encode("utf-8")


def save_state(config_root: str, state: ProgrammeState | None) -> None:
    """Write ``state`` atomically, or remove the file for ``None`` (the programme ended)."""
    from glutetui.fsutil import write_atomic

    path = state_path(config_root)
    try:
        if state is None:
            if os.path.exists(path):
                os.unlink(path)
            return
        write_atomic(path, state_bytes(state))
    except OSError as exc:
        raise ProgrammeStateError(f"cannot write {path}: {exc.strerror or exc}") from exc
