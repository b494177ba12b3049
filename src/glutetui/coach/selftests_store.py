"""Self-test results on disk: one small TOML file per result under ``selftests/``.

One file per result, like sessions, so folders synced between machines never conflict. Written
with :func:`glutetui.fsutil.write_atomic` (owner-only); read back through
:func:`~glutetui.coach.selftests.result_problems`, so every value is one the app could have
written. A file that cannot be used is reported with its name and reason, and never touched.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime

from glutetui.coach.selftests import SelfTest, SelfTestResult, Value, result_problems
from glutetui.errors import GlutetuiError
from glutetui.model import SLUG_RE
from glutetui.text import neutralise

FOLDER = "selftests"
FORMAT_VERSION = 1
MAX_NOTE = 500
MAX_FILE_BYTES = 16 * 1024


class SelfTestSaveError(GlutetuiError):
    """A result could not be written; the message says where and why."""


def folder_of(config_root: str) -> str:
    """Where the results live."""
    return os.path.join(config_root, FOLDER)


def new_id(when: datetime) -> str:
    """``20261123T174502-3f9a1c``: the UTC second, then 24 random bits (as session ids)."""
    return f"{when.astimezone(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def result_bytes(result: SelfTestResult) -> bytes:
    """The file's content."""
    import tomli_w

    data: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "id": result.id,
        "test": result.test_id,
        "when": result.when,
        "values": dict(result.values),
    }
    if result.note:
        data["note"] = result.note
    return tomli_w.dumps(data).encode("utf-8")


def save_result(config_root: str, result: SelfTestResult) -> str:
    """Write ``result`` to its own file and return the path."""
    from glutetui.fsutil import write_atomic

    path = os.path.join(folder_of(config_root), f"{result.id}.toml")
    try:
        write_atomic(path, result_bytes(result))
    except OSError as exc:
        raise SelfTestSaveError(f"could not save {path}: {exc.strerror or exc}") from exc
    return path


def _result(data: Mapping[str, object], name: str, tests: Mapping[str, SelfTest]) -> SelfTestResult:
    if data.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"format_version must be {FORMAT_VERSION}")
    rid, test_id, when = data.get("id"), data.get("test"), data.get("when")
    if rid != name:
        raise ValueError("id must match the file name")
    if not isinstance(test_id, str) or not SLUG_RE.fullmatch(test_id):
        raise ValueError("test must be a self-test id")
    test = tests.get(test_id)
    if test is None:
        raise ValueError(f"self-test {test_id!r} is not installed")
    if not isinstance(when, datetime) or when.tzinfo is None:
        raise ValueError("when must be a date and time with its UTC offset")
    values = data.get("values")
    if not isinstance(values, dict):
        raise ValueError("values must be a table")
    problems = result_problems(test, values)
    if problems:
        raise ValueError("; ".join(problems))
    note = data.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise ValueError(f"note must be text of at most {MAX_NOTE} characters")
    clean: dict[str, Value] = {k: v for k, v in values.items() if isinstance(v, int | str)}
    return SelfTestResult(name, test_id, when, clean, neutralise(note))


def read_results(
    config_root: str, tests: Mapping[str, SelfTest]
) -> tuple[list[SelfTestResult], list[tuple[str, str]]]:
    """Every readable result, oldest first, and ``(path, reason)`` for each file left out."""
    from glutetui.toml_reading import TomlError, parse_toml
    from glutetui.userfiles.reading import FileError, read_named_files

    def parse(stem: str, text: str) -> SelfTestResult:
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            raise FileError(f"is larger than {MAX_FILE_BYTES // 1024} KiB")
        try:
            return _result(parse_toml(text), stem, tests)
        except TomlError as exc:
            raise FileError(f"not valid TOML: {exc}") from None
        except ValueError as exc:
            raise FileError(" ".join(str(exc).split()) or type(exc).__name__) from None

    found, refused = read_named_files(folder_of(config_root), parse)
    results = [result for _, result in found]
    problems = [(p.path, p.reason) for p in refused]
    results.sort(key=lambda r: (r.when, r.id))
    return results, problems
