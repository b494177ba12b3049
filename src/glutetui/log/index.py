"""A derived index of the log: one JSON line per session file, in the cache dir.

The TOML files are the source of truth; an index only saves parsing them. Each line is one
file's :class:`~glutetui.log.entries.Entry` (a whole session or a summary row, as the index's
:class:`~glutetui.log.entries.Codec` says, or the reason the file cannot be read). Lines are
stored newest first, unreadable files last.

One header and one integrity scheme serve every index: the header names the codec and the
versions, carries a fingerprint of every file name and stat key the index was written for,
the number of rows and of unreadable files, and a checksum of the lines. A line is trusted
only when its file's name and stat key match it exactly; when the whole log matches the
fingerprint, :meth:`LogIndex.first_page` serves the newest rows without checking a line.
Anything else that disagrees (a damaged, cut or outdated file) is rebuilt from the TOML files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zlib
from array import array
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from glutetui.fsutil import write_atomic
from glutetui.log.entries import Codec, DamagedLineError, Entry, line_name
from glutetui.log.toml_format import FORMAT_VERSION, SUFFIX

T = TypeVar("T")

INDEX_VERSION = 8
"""3: one header and integrity scheme for both indexes (2 had two differently built ones);
4: summary rows no longer carry the per-side entry count; 5: sets carry seconds and kind;
6: summary rows carry the seconds of timed work; 7: files are range-checked on read (an older
index may hold values that are now refused); 8: exercises carry their target seconds."""
WORTH_READING = 64
"""Below this many files not remembered as they are, parsing them beats reading the index."""

Files = list[tuple[str, list[int]]]
"""Each session file's name and stat key ``[mtime_ns, size, inode]``, as a scan found them."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """Values newest first (as many as asked for), every unreadable file, and the count."""

    values: tuple[T, ...]
    problems: tuple[tuple[str, str], ...]
    """``(file name, reason)`` per unreadable file, by name."""
    count: int
    """Readable files, however many values were asked for."""


Parse = Callable[[Files], Sequence["Parsed"]]
"""Reads the files an index does not know as they are (see :mod:`glutetui.log.reading`)."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file read for an index: its entry, or a passing reason it cannot be read now
    (such as permissions), which is reported but never kept in the index."""

    name: str
    entry: Entry | None
    passing: str | None = None


# --------------------------------------------------------------------------- header


@dataclass(frozen=True)
class _Header:
    files: str
    """:func:`fingerprint` of the files the index covers; empty if it covers not all."""
    rows: int
    problems: int
    lines: str
    """:func:`_checksum` of every line after the header, as written."""


def fingerprint(files: Files) -> str:
    """A digest of every session file's name and (mtime_ns, size, inode), in the order given
    (a scan lists them by name).

    Built from the names joined by ``/`` (which no file name holds) and the keys packed as
    64-bit integers, not from a string per file: this runs on every warm read of the log.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update("/".join([name for name, _ in files]).encode("utf-8", "surrogateescape"))
    numbers = [n for _, key in files for n in key]
    try:
        digest.update(array("q", numbers).tobytes())
    except OverflowError:  # an inode number beyond 2**63 (some network filesystems)
        digest.update(str(numbers).encode("ascii"))
    return digest.hexdigest()


def _checksum(body: bytes) -> str:
    return f"{zlib.crc32(body):08x}"


def _lines(data: bytes) -> Iterator[bytes]:
    """The lines of ``data``, split only as far as they are read."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        yield data[start:end]
        start = end + 1


def _lines_with(data: bytes, needle: bytes) -> list[bytes]:
    """The lines of ``data`` that contain ``needle``, in order, found without splitting."""
    found = []
    at = data.find(needle)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        if end < 0:
            end = len(data)
        found.append(data[start:end])
        at = data.find(needle, end)
    return found


# --------------------------------------------------------------------------- the index


class LogIndex(Generic[T]):
    """One derived index file and what this process remembers of it.

    Not thread-safe on its own: :class:`glutetui.log.store.LogStore` calls it under its read
    lock.
    """

    def __init__(self, path: Path, codec: Codec[T]) -> None:
        self.path = path
        self.codec = codec
        self._entries: dict[str, Entry] = {}
        self._fingerprint = ""
        """The fingerprint in the file's header as this object last read or wrote it."""

    @property
    def remembers(self) -> bool:
        """Whether this object has checked the log against the index (so knows every line)."""
        return bool(self._entries)

    # ------------------------------------------------------------------ the fast path

    def first_page(
        self, files: Files, limit: int | None, where: Callable[[T], bool] | None = None
    ) -> Page[T] | None:
        """The newest ``limit`` values that ``where`` accepts, straight from an index written
        for exactly ``files``, only those decoded; ``None`` if the index does not vouch for
        them (then :meth:`read` checks every line). Remembers nothing."""
        vouched = self._vouched(files)
        if vouched is None:
            return None
        header, body = vouched
        lines = _lines(body)
        values: list[T] = []
        problems = []
        try:
            for _ in range(header.rows):
                if limit is not None and len(values) >= limit:
                    break
                value = self.codec.from_json(json.loads(next(lines))[3])
                if where is None or where(value):
                    values.append(value)
            if header.problems:  # the last lines, found from the end
                for line in body[:-1].rsplit(b"\n", header.problems)[-header.problems :]:
                    name, _key, key_text, _value, reason = json.loads(line)
                    if key_text or not isinstance(reason, str):
                        return None
                    problems.append((name, reason))
        except (ValueError, TypeError, IndexError, KeyError, StopIteration):
            return None  # read() sorts out whatever is wrong with the index
        return Page(tuple(values), tuple(sorted(problems)), header.rows)

    def names_with(self, files: Files, needle: bytes) -> list[str] | None:
        """Names of the files whose line holds ``needle``, newest first, from an index written
        for exactly ``files``; ``None`` if it does not vouch for them."""
        vouched = self._vouched(files)
        if vouched is None:
            return None
        names = []
        for line in _lines_with(vouched[1], needle):
            name = line_name(line)
            if name is None:
                return None
            names.append(name)
        return names

    def _vouched(self, files: Files) -> tuple[_Header, bytes] | None:
        header, body = self._load()
        if header is None or not header.files or header.files != fingerprint(files):
            return None
        return header, body

    # ------------------------------------------------------------------ the checked path

    def read(
        self,
        files: Files,
        parse: Parse,
        *,
        limit: int | None = None,
        where: Callable[[T], bool] | None = None,
        fresh: bool = False,
    ) -> tuple[Page[T], list[tuple[str, str]]]:
        """Every line checked against its file, the files it lacks read with ``parse``, the
        index rewritten if anything changed. Returns the page and the files unreadable for a
        passing reason (not kept).

        ``fresh`` trusts no line: every file is read with ``parse`` (an edit in place can keep
        a file's stat key, so only reading the file itself proves what it holds now)."""
        try:
            passing = self._refresh(files, parse, fresh)
            return self._page(limit, where), passing
        except DamagedLineError:
            self._entries = {}
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            passing = self._refresh(files, parse, fresh)
            return self._page(limit, where), passing

    def names_remembered_with(self, needle: bytes) -> list[str]:
        """After :meth:`read`: names of the files whose line holds ``needle``, newest first."""
        found = sorted(
            (
                (entry.sort_key, name[: -len(SUFFIX)], name)
                for name, entry in self._entries.items()
                if needle in entry.line
            ),
            reverse=True,
        )
        return [name for _, _, name in found]

    def _refresh(self, files: Files, parse: Parse, fresh: bool) -> list[tuple[str, str]]:
        memo = {} if fresh else self._entries
        unseen = sum(1 for name, key in files if (m := memo.get(name)) is None or m.key != key)
        previous: Collection[str]
        if fresh:
            lines: dict[str, bytes] = {}
            previous = self._entries.keys()
        elif memo and unseen <= WORTH_READING:
            lines = {}
            previous = memo.keys()
        else:
            lines = self._read_lines()
            previous = lines.keys()
        found: dict[str, Entry] = {}
        missing: Files = []
        for name, key in files:
            entry = memo.get(name)
            if entry is None or entry.key != key:
                line = lines.get(name)
                entry = None if line is None else Entry.from_line(name, key, line)
            if entry is None:
                missing.append((name, key))
            else:
                found[name] = entry
        passing = []
        for parsed in parse(missing) if missing else ():
            if parsed.entry is None:
                passing.append((parsed.name, parsed.passing or "unreadable"))
            else:
                found[parsed.name] = parsed.entry
        # Only an index that covers every file scanned may vouch for them all.
        covered = fingerprint(files) if files and len(found) == len(files) else ""
        if missing or found.keys() != previous or covered != self._fingerprint:
            self._write(found, covered)
        self._entries = found
        return passing

    def _page(self, limit: int | None, where: Callable[[T], bool] | None) -> Page[T]:
        entries = self._entries
        newest = sorted(
            (
                (entry.sort_key, name[: -len(SUFFIX)], name)
                for name, entry in entries.items()
                if entry.sort_key
            ),
            reverse=True,
        )
        values: list[T] = []
        for _, _, name in newest:
            if limit is not None and len(values) >= limit:
                break
            value = entries[name].value(self.codec)
            if where is None or where(value):
                values.append(value)
        problems = sorted(
            (name, entry.problem()) for name, entry in entries.items() if not entry.sort_key
        )
        return Page(tuple(values), tuple(problems), len(newest))

    # ------------------------------------------------------------------ the file

    def _load(self) -> tuple[_Header | None, bytes]:
        """The header and the lines after it, if intact (else ``None`` and nothing)."""
        try:
            with open(self.path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None, b""
        end = data.find(b"\n")
        header = self._header(data[:end]) if end > 0 else None
        body = data[end + 1 :]
        if header is None:
            return None, b""
        if body.count(b"\n") != header.rows + header.problems or _checksum(body) != header.lines:
            return None, b""  # damaged or cut short since it was written
        return header, body

    def _header(self, line: bytes) -> _Header | None:
        try:
            data = json.loads(line)
            if (data.get("index"), data.get("version"), data.get("format")) != (
                self.codec.kind,
                INDEX_VERSION,
                FORMAT_VERSION,
            ):
                return None
            files, rows, problems, lines = (
                data["files"],
                data["rows"],
                data["problems"],
                data["lines"],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return None
        if not isinstance(files, str) or not isinstance(lines, str):
            return None
        if not isinstance(rows, int) or not isinstance(problems, int) or rows < 0 or problems < 0:
            return None
        return _Header(files, rows, problems, lines)

    def _read_lines(self) -> dict[str, bytes]:
        """``{file name: its line}``, nothing decoded; empty if the file is not intact."""
        header, body = self._load()
        if header is None:
            return {}
        self._fingerprint = header.files
        out: dict[str, bytes] = {}
        for line in body.splitlines():
            name = line_name(line)
            if name is not None:
                out[name] = line
        return out

    def _write(self, entries: dict[str, Entry], files: str) -> None:
        """Readable files newest first (as pages list them), then unreadable ones by name."""
        rows = sorted(
            (
                (e.sort_key, name[: -len(SUFFIX)], e.line)
                for name, e in entries.items()
                if e.sort_key
            ),
            reverse=True,
        )
        unreadable = sorted((name, e.line) for name, e in entries.items() if not e.sort_key)
        body = b"".join(
            [line + b"\n" for *_, line in rows] + [line + b"\n" for _, line in unreadable]
        )
        header = {
            "index": self.codec.kind,
            "version": INDEX_VERSION,
            "format": FORMAT_VERSION,
            "files": files,
            "rows": len(rows),
            "problems": len(unreadable),
            "lines": _checksum(body),
        }
        payload = json.dumps(header, separators=(",", ":")).encode() + b"\n" + body
        with contextlib.suppress(OSError):
            # Derived data: an index that cannot be written only costs speed next time.
            write_atomic(self.path, payload, durable=False)
        # Even if the write failed: like the lines, it is retried when something changes.
        self._fingerprint = files
