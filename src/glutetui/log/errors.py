"""What can go wrong with the log, each with a message a person can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glutetui.errors import GlutetuiError


class StoreError(GlutetuiError):
    """The log cannot be read or written; the message says what to do."""


class SaveError(StoreError):
    """A session could not be written. The previous file, if any, is untouched.

    The caller keeps the session in memory and may simply call ``LogStore.save`` again.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"could not save {path}: {reason}; the previous copy is untouched "
            "(free some space or fix the folder's permissions, then try again)"
        )


class UnreadableSessionError(StoreError):
    """A session file exists but cannot be used."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class SessionNotFoundError(StoreError):
    """No file for this session id."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.reason = "no such session"
        super().__init__(f"no session {session_id!r} in the log (looked for {path})")


class LogFormatError(GlutetuiError, ValueError):
    """A session file's content cannot be used; ``reason`` says why, ``path`` says where."""

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f"{path}: " if path is not None else ""
        super().__init__(f"{where}{reason}")


@dataclass(frozen=True)
class FileProblem:
    """A file in ``logs/`` that could not be read, and why. The file is left alone."""

    path: Path
    reason: str


def os_reason(exc: BaseException) -> str:
    """The part of an exception worth showing: the OS's words for an ``OSError``."""
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc) or type(exc).__name__
