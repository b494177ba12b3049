"""Command-line tables fit the terminal (issue 14, part 8): wrapped at word boundaries, then
columns dropped in the command's order, whole with ``--wide`` or when piped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.cli.table import MIN_WRAP, fit
from glutetui.paths import Paths
from tests.e2e.pty_harness import Terminal, make_config_dir
from tests.history_factory import write_history

from .runner import ok

HEADERS = ["id", "name", "equipment", "plugin"]
ROWS = [
    ["clamshell", "Clamshell", "resistance band (optional), mat (optional)", "glutetui-exercises"],
    ["hip-thrust", "Barbell hip thrust", "barbell, bench", "glutetui-exercises"],
]


def test_a_table_that_fits_is_left_alone() -> None:
    assert fit(HEADERS, ROWS, 200) == fit(HEADERS, ROWS, None)
    assert len(fit(HEADERS, ROWS, None)) == 3


def test_wrappable_columns_wrap_at_word_ends_first() -> None:
    lines = fit(HEADERS, ROWS, 80, wrap=("name", "equipment"), drop=("plugin",))
    assert all(len(line) <= 80 for line in lines)
    assert "PLUGIN" in lines[0]  # wrapping was enough: nothing dropped
    text = "\n".join(lines)
    assert "resistance band" in text and "(optional)" in text
    assert "resistanc\n" not in text


def test_columns_go_in_the_given_order_when_wrapping_is_not_enough() -> None:
    lines = fit(HEADERS, ROWS, 50, wrap=("name", "equipment"), drop=("plugin",))
    assert "PLUGIN" not in lines[0]
    assert lines[-1].startswith("(plugin left out to fit")
    assert all(len(line) <= 50 for line in lines[:-1])


def test_a_wrapped_column_keeps_a_readable_width() -> None:
    lines = fit(HEADERS, ROWS, 20, wrap=("name", "equipment"))
    # Far too narrow: the wrapped columns stop at MIN_WRAP rather than a word a line.
    assert len("Barbell hip") <= MIN_WRAP
    assert any("Barbell hip" in line for line in lines)


def _on_a_terminal(config: Path, *args: str) -> list[str]:
    term = Terminal(config, argv=(sys.executable, "-m", "glutetui", *args))
    try:
        assert term.wait_exit() == 0
        return term.text().replace("\r", "").splitlines()
    finally:
        term.close()


@pytest.mark.e2e
def test_exercises_and_log_fit_80_columns_and_wide_shows_all(tmp_path: Path) -> None:
    config = make_config_dir(tmp_path)
    write_history(Paths.resolve(config), 0.05)
    for command in (["exercises"], ["log"]):
        lines = _on_a_terminal(config, *command)
        assert lines and all(len(line) <= 80 for line in lines), "\n".join(lines)
        wide = _on_a_terminal(config, *command, "--wide")
        assert max(len(line) for line in wide) > 80 or wide == lines


def test_piped_output_is_the_whole_table(tmp_path: Path) -> None:
    out = ok("exercises")
    assert "PLUGIN" in out.splitlines()[0]
    assert "left out to fit" not in out


@given(
    cell=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
    | st.text(" \t\xa0\u3000ab", max_size=12),
    width=st.integers(1, 50),
)
def test_a_cell_wraps_as_textwrap_wraps_it(cell: str, width: int) -> None:
    # Cells that fit skip textwrap (it costs every `glutetui log` a few milliseconds).
    import textwrap

    from glutetui.cli.table import _wrapped

    expected = textwrap.wrap(cell, width, break_long_words=True, break_on_hyphens=False)
    assert _wrapped(cell, width) == (expected or [""])
