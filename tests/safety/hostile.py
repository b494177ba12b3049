"""Text with every kind of control character in it, and a check that output has none."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from glutetui.log.toml_format import session_bytes
from glutetui.model import ExerciseLog, Session, SetResult

HOSTILE = "A\x1b]2;pwned\x07B\x1b[?1049lC\x9b31mD\x00\x7f\x85\u202eE\x1b[2J\x90q\x9c"
"""An OSC title change ended by BEL, leaving the alternate screen, an 8-bit CSI, NUL, DEL,
NEL, a right-to-left override, a screen clear and an 8-bit device control string."""


def bad_characters(text: str) -> list[str]:
    """Every character in ``text`` a terminal would act on (line breaks apart)."""
    return [
        repr(c)
        for c in text
        if (ord(c) < 0x20 and c not in "\n\r") or 0x7F <= ord(c) <= 0x9F or c == "\u202e"
    ]


def assert_inert(text: str) -> None:
    """``text`` holds no escape, bell, C0 or C1 control."""
    assert not bad_characters(text), (bad_characters(text), text[:400])


def hostile_session(sid: str = "2026-01-05-0900") -> Session:
    """A readable session whose every text field carries :data:`HOSTILE`."""
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    return Session(
        id=sid,
        started_at=start,
        ended_at=start.replace(hour=10),
        status="complete",
        note=f"note {HOSTILE}",
        routine_id=f"routine{HOSTILE}",
        source=f"src{HOSTILE}",
        exercises=(
            ExerciseLog(
                "clamshell", f"Clam {HOSTILE}", per_side=True, pain=2, note=f"ex {HOSTILE}"
            ),
        ),
        sets=(
            SetResult("clamshell", 1, 10, side="left", load=5.0, unit="kg", note=HOSTILE),
            SetResult("clamshell", 1, 10, side="right", load=5.0, unit="kg", note=HOSTILE),
        ),
    )


def write_hostile_log(logs: Path) -> None:
    """A hostile but readable session, and two unreadable files with hostile names."""
    logs.mkdir(parents=True, exist_ok=True)
    session = hostile_session()
    (logs / f"{session.id}.toml").write_bytes(session_bytes(session))
    (logs / f"x{HOSTILE.replace(chr(0), '')}.toml").write_text(f"junk {HOSTILE}")
    (logs.joinpath(b"bad-\xff\xfe.toml".decode("utf-8", "surrogateescape"))).write_bytes(b"x")
