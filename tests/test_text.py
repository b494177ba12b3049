"""Control characters out of text from elsewhere: what goes, what stays, and the count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.text import FORMULA_STARTS, inert_cell, live_cell, neutralise, strip_controls


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
