"""Reading a folder of TOML files from the config dir, one item per file.

A file that cannot be used is reported as a :class:`FileProblem` with its name and, where the
reason has one, its line; every other file still loads. Shared by programme, exercise and
routine files so that all of them are read, limited and reported the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

MAX_FILE_BYTES = 64 * 1024
"""A file people write by hand is far smaller; anything larger is refused unread."""

T = TypeVar("T")


@dataclass(frozen=True)
class FileProblem:
    """A file that was left out, and why (``line`` when the reason has one)."""

    path: str
    reason: str
    line: int | None = None

    def describe(self) -> str:
        """``name.toml, line 3: reason``."""
        return self.where() + f": {self.reason}"

    def where(self) -> str:
        """The file's name (and line)."""
        return os.path.basename(self.path) + (f", line {self.line}" if self.line else "")


class FileError(Exception):
    """Why a file's text cannot be used, and the line that says so (if known)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def line_of_key(text: str, key: str, start: int = 0) -> int | None:
    """The line (from 1) where ``key = …`` first appears at or after ``start``."""
    match = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def parse_toml(text: str) -> dict[str, Any]:
    """The table ``text`` holds; raises :class:`FileError` with the line TOML complained of."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise FileError(
            f"not valid TOML: {reason}", int(found.group(1)) if found else None
        ) from None


def refuse_unknown(
    table: dict[str, Any],
    allowed: frozenset[str],
    label: str,
    line: int | None,
    text: str | None = None,
) -> None:
    """Raise :class:`FileError` for the first key of ``table`` not in ``allowed`` (a typo), at
    ``line``, or else at the key's own line in ``text``."""
    extra = sorted(set(table) - allowed)
    if extra:
        if line is None and text is not None:
            line = line_of_key(text, extra[0])
        raise FileError(
            f"{label}unknown key {extra[0]!r} (known: {', '.join(sorted(allowed))})", line
        )


def toml_names(folder: str) -> list[str]:
    """The ``*.toml`` files of ``folder`` by name (hidden ones left out); raises ``OSError``."""
    return sorted(n for n in os.listdir(folder) if n.endswith(".toml") and not n.startswith("."))


def read_folder(
    folder: str, parse: Callable[[str], T]
) -> tuple[list[tuple[str, T]], list[FileProblem]]:
    """Every file of ``folder`` that ``parse`` accepts as ``(path, item)``, by file name, and
    a problem for each one it refuses (``parse`` raises :class:`FileError`) or that cannot be
    read. A missing folder is no problem: nobody has written a file yet."""
    return read_named_files(folder, lambda _stem, text: parse(text))


def read_named_files(
    folder: str, parse: Callable[[str, str], T]
) -> tuple[list[tuple[str, T]], list[FileProblem]]:
    """As :func:`read_folder`, for records named by their file: ``parse(stem, text)`` gets the
    file's name without ``.toml`` too."""
    try:
        names = toml_names(folder)
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        return [], [FileProblem(folder, f"cannot list the folder: {exc.strerror or exc}")]
    found: list[tuple[str, T]] = []
    problems: list[FileProblem] = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                raise FileError(f"is larger than {MAX_FILE_BYTES // 1024} KiB")
            found.append((path, parse(name[: -len(".toml")], raw.decode("utf-8"))))
        except FileError as exc:
            problems.append(FileProblem(path, exc.reason, exc.line))
        except UnicodeDecodeError:
            problems.append(FileProblem(path, "is not UTF-8 text"))
        except OSError as exc:
            problems.append(FileProblem(path, f"cannot be read: {exc.strerror or exc}"))
    return found, problems
