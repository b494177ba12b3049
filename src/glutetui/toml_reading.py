"""Reading TOML that glutetui wrote (session files, programme state, self-test results), fast.

toml-rs reads a session file several times faster than the standard library's tomllib and
gives back exactly the values tomli-w wrote (``bench/toml_readers.py`` measures them side by
side; ``tests/test_toml_reading.py`` proves the values agree). Like any parser that recurses,
it needs stack for each level of nesting, and a few thousand levels end the process instead of
raising; so text that *could* nest deeper than :data:`FAST_DEPTH` levels, a bound counted from
its brackets, braces and dots, goes to tomllib, which refuses deep nesting with an error. No
file glutetui writes comes near that bound: a session of 24 sets counts 75.

Both read TOML 1.0, the version tomli-w writes, so a file reads the same whichever parser
takes it.
"""

from __future__ import annotations

import tomllib
from typing import Any

import toml_rs

FAST_DEPTH = 500
"""Text whose brackets, braces and dots number fewer than this is read by toml-rs (which
was seen to crash at about 4,500 levels of nesting, with the main thread's 8 MiB of stack)."""


class TomlError(ValueError):
    """The text is not valid TOML; the message says where and why, on one line."""


def parse_toml(text: str) -> dict[str, Any]:
    """The table in ``text``; raises :class:`TomlError`."""
    if text.count("[") + text.count("{") + text.count(".") < FAST_DEPTH:
        try:
            return toml_rs.loads(text, toml_version="1.0.0")
        except toml_rs.TOMLDecodeError as exc:
            raise TomlError(_one_line(str(exc))) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(str(exc)) from None
    except RecursionError:
        raise TomlError("it nests tables or arrays too deeply") from None


def _one_line(message: str) -> str:
    """toml-rs's message without the quoted source lines: ``line 3, column 5: <reason>``.

    It reads "TOML parse error at line 3, column 5", then the offending line drawn with a
    caret, then the reason; the file's own text is left out, as the caller shows the path.
    """
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if not lines:
        return "it is not valid TOML"
    where = lines[0].removeprefix("TOML parse error at ")
    reason = lines[-1]
    return where if len(lines) == 1 else f"{where}: {reason}"
