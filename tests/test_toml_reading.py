"""The one TOML reader for what glutetui wrote: fast, exact, and never brought down by nesting."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from dataclasses import replace
from datetime import date, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from glutetui import toml_reading
from glutetui.log.toml_format import parse_session_bytes, session_bytes
from glutetui.model import Session
from glutetui.toml_reading import FAST_DEPTH, TomlError, parse_toml
from tests.history_factory import make_session
from tests.log.strategies import sessions
from tests.log.test_toml_format import same_session, same_values


def nesting_bound(text: str) -> int:
    return text.count("[") + text.count("{") + text.count(".")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_the_fast_reader_gives_exactly_what_the_standard_library_gives(session: Session) -> None:
    text = session_bytes(session).decode()
    fast = parse_toml(text)
    assert same_values(fast, tomllib.loads(text))
    moments = [fast["started_at"], *(s.get("finished_at") for s in fast.get("sets", []))]
    assert all(type(m.tzinfo) is timezone for m in moments if m is not None)


def test_a_real_session_is_far_below_the_bound_and_read_fast(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = session_bytes(make_session(date(2026, 11, 23))).decode()
    assert nesting_bound(text) < FAST_DEPTH / 4
    used = []
    real = toml_reading.toml_rs.loads
    monkeypatch.setattr(
        toml_reading.toml_rs, "loads", lambda *a, **k: used.append(1) or real(*a, **k)
    )
    parse_toml(text)
    assert used == [1]


def test_a_session_too_big_for_the_fast_reader_reads_the_same_by_the_standard_library(
    tmp_path: Path,
) -> None:
    one = make_session(date(2026, 11, 23))
    many = replace(one, sets=one.sets * 12)  # 288 sets: more brackets than the bound
    raw = session_bytes(many)
    assert nesting_bound(raw.decode()) >= FAST_DEPTH
    path = tmp_path / f"{many.id}.toml"
    assert same_session(parse_session_bytes(raw, path), many)


DEEP = """[
    "a = " + "[" * 20_000 + "]" * 20_000,
    "a = " + "{b = " * 20_000 + "1" + "}" * 20_000,
    "a" + ".a" * 20_000 + " = 1",
    "[a" + ".a" * 20_000 + "]",
    "[[a" + ".a" * 20_000 + "]]",
]"""
"""Texts nesting 20,000 levels deep (toml-rs alone crashed at about 4,500), built in the child."""


def test_deep_nesting_gets_an_answer_never_a_crash() -> None:
    # In a child process: a parser that ran out of stack would end it (SIGSEGV), not raise.
    code = (
        "import sys\n"
        "from glutetui.toml_reading import TomlError, parse_toml\n"
        f"for text in {DEEP}:\n"
        "    try:\n"
        "        parse_toml(text)\n"
        "    except TomlError as exc:\n"
        "        print('refused:', str(exc)[:60])\n"
        "    else:\n"
        "        print('read')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # Deep arrays and inline tables are refused; dotted keys the standard library reads
    # without recursing, and that is fine too: the point is an answer, not a crash.
    assert lines[:2] == ["refused: it nests tables or arrays too deeply"] * 2
    assert len(lines) == 5 and all(line == "read" or line.startswith("refused: ") for line in lines)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("x = 1\ny = 2\nv = \n", "line 3, column 5"),
        ("a = 1\na = 2\n", "line 2, column 1"),
        ('a = "\\e"\n', "line 1, column 7"),  # an escape TOML 1.0 does not have
    ],
)
def test_a_refusal_says_where_on_one_line_without_quoting_the_file(text: str, where: str) -> None:
    with pytest.raises(TomlError) as caught:
        parse_toml(text)
    message = str(caught.value)
    assert message.startswith(f"{where}: ") and "\n" not in message
    assert "|" not in message and "^" not in message
