"""Control characters out of text from elsewhere: what goes, what stays, and the count."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.text import (
    FORMULA_STARTS,
    inert_cell,
    json_safe,
    live_cell,
    neutralise,
    neutralise_lines,
    strip_controls,
)


@pytest.mark.parametrize(
    ("text", "clean", "count"),
    [
        ("plain", "plain", 0),
        ("", "", 0),
        ("narrow\u202fspace and ümlaut", "narrow\u202fspace and ümlaut", 0),
        ("two\nlines\r\nand\ttab", "two lines  and tab", 4),
        ("\x1b[2J\x1b]0;title\x07red", "[2J]0;titlered", 3),
        ("nul\x00 del\x7f csi\x9b", "nul del csi", 3),
        ("abc\u202edcba\u2066x\u2069", "abcdcbax", 3),
        ("emoji 👍🏽 and zwj 👩\u200d💻", "emoji 👍🏽 and zwj 👩\u200d💻", 0),
    ],
)
def test_strip_controls(text: str, clean: str, count: int) -> None:
    assert strip_controls(text) == (clean, count)
    assert neutralise(text) == clean


@given(st.text())
def test_nothing_left_to_strip(text: str) -> None:
    clean, _ = strip_controls(text)
    assert strip_controls(clean) == (clean, 0)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in clean)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_a_cell_that_starts_like_a_formula_is_quoted(start: str) -> None:
    assert inert_cell(start + "1+1") == "'" + start + "1+1"


@given(st.text())
def test_live_cell_undoes_inert_cell(text: str) -> None:
    assert live_cell(inert_cell(text)) == text
    assert not inert_cell(text).startswith(FORMULA_STARTS)


EVERY_CONTROL = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
"""Every C0 control, DEL and every C1 control."""
SEQUENCES = [
    "\x1b]2;title\x07",  # OSC: set the window title, ended by BEL
    "\x1b]2;title\x1b\\",  # the same, ended by ST
    "\x1b[?1049l",  # leave the alternate screen
    "\x1b[2J\x1b[H",  # clear and home
    "\x9b31m",  # 8-bit CSI
    "\x9d0;x\x9c",  # 8-bit OSC and ST
    "\x1bP1$r\x1b\\",  # DCS
]


def _acted_on(text: str) -> list[str]:
    return [c for c in text if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) < 0xE000]


@pytest.mark.parametrize("control", EVERY_CONTROL, ids=lambda c: f"U+{ord(c):04X}")
def test_neutralise_leaves_no_control_character(control: str) -> None:
    shown = neutralise(f"a{control}b")
    assert not _acted_on(shown)
    assert shown in ("ab", "a b")


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_escape_sequences_lose_what_makes_them_act(sequence: str) -> None:
    shown = neutralise(f"name{sequence}end")
    assert not _acted_on(shown)
    assert shown.startswith("name") and shown.endswith("end")


def test_a_file_name_that_is_not_utf8_shows_a_replacement_character() -> None:
    name = b"log-\xff.toml".decode("utf-8", "surrogateescape")
    assert neutralise(name) == "log-\ufffd.toml"
    neutralise(name).encode("utf-8")  # printable on any UTF-8 terminal


def test_neutralise_takes_paths_and_exceptions() -> None:
    assert neutralise(ValueError("bad \x1b[31m")) == "bad [31m"


def test_neutralise_lines_keeps_line_breaks_only() -> None:
    text = "a\x1b]0;t\x07,b\r\nc\x9b\td\n"
    assert neutralise_lines(text) == "a]0;t,b\r\nc d\n"


@given(st.text())
def test_json_safe_is_the_same_json_with_nothing_a_terminal_acts_on(text: str) -> None:
    dumped = json_safe(json.dumps({"k": text}, ensure_ascii=False))
    assert json.loads(dumped) == {"k": text}
    assert not _acted_on(dumped)
    assert not any(c in dumped for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(st.text())
def test_neutralised_text_is_printable_on_one_line(text: str) -> None:
    shown = neutralise(text)
    assert not _acted_on(shown)
    shown.encode("utf-8")
