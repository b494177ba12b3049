"""Next-morning check-ins: how the hip feels the morning after a session.

The 24-hour rule of the pain-monitoring model (coaching.md §1): how the painful area feels the
next morning matters more than pain during the session. Each answer is its own small TOML file
under ``checkins/`` in the config dir (one file per record, so synced folders never conflict),
written atomically and readable by its owner only. A file that cannot be read is reported with
its path and reason and left alone, like a log file. The layout is in ``docs/log-format.md``.
"""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, get_args

import tomli_w

from glutetui.fsutil import is_temp_name, write_atomic
from glutetui.log.errors import FileProblem, os_reason
from glutetui.log.store import SESSION_ID_RE
from glutetui.paths import Paths

Compared = Literal["better", "same", "worse"]
COMPARED: tuple[Compared, ...] = get_args(Compared)
FORMAT_VERSION = 1
FOLDER = "checkins"
SUFFIX = ".toml"
ASK_WITHIN_DAYS = 2
"""A session older than this many days is not asked about: "this morning" no longer fits it."""
QUESTION = "How does the hip feel this morning, compared with before your last session?"
MAX_PAIN = 10
_KEYS = {"format", "when", "follows", "pain", "compared", "sharp", "skipped"}


class CheckInError(ValueError):
    """A check-in that cannot be recorded or read; the message says why."""


@dataclass(frozen=True)
class CheckIn:
    """One next-morning answer (or a skipped question: ``skipped`` with no pain)."""

    when: datetime
    """When it was answered (time-zone aware)."""
    pain: int | None
    """Pain now, 0–10; ``None`` only when skipped."""
    compared: Compared | None
    """Better, the same or worse than before the session; ``None`` only when skipped."""
    follows: str | None = None
    """The id of the session it is about, if there was one."""
    sharp: bool = False
    """The person felt a sharp pain (a reason to ask a professional)."""
    skipped: bool = False

    def __post_init__(self) -> None:
        problems = checkin_problems(self)
        if problems:
            raise CheckInError("; ".join(problems))


def checkin_problems(c: CheckIn) -> list[str]:
    """Every reason ``c`` is not something glutetui could have written."""
    problems = []
    if not isinstance(c.when, datetime) or c.when.tzinfo is None:
        problems.append("when must be a date and time with a time zone")
    if c.skipped:
        if c.pain is not None or c.compared is not None:
            problems.append("a skipped check-in has no pain and no comparison")
    else:
        if isinstance(c.pain, bool) or not isinstance(c.pain, int) or not 0 <= c.pain <= MAX_PAIN:
            problems.append(f"pain must be a whole number from 0 to {MAX_PAIN}, not {c.pain!r}")
        if c.compared not in COMPARED:
            problems.append(f"compared must be one of {', '.join(COMPARED)}, not {c.compared!r}")
    if c.follows is not None and (
        not isinstance(c.follows, str) or not SESSION_ID_RE.match(c.follows)
    ):
        problems.append(f"follows must be a session id, not {c.follows!r}")
    for name in ("sharp", "skipped"):
        if not isinstance(getattr(c, name), bool):
            problems.append(f"{name} must be true or false")
    return problems


@dataclass(frozen=True)
class CheckIns:
    """Every readable check-in, newest first, and every file that could not be read."""

    items: tuple[CheckIn, ...] = ()
    problems: tuple[FileProblem, ...] = ()

    def after(self, session_id: str) -> CheckIn | None:
        """The newest answered (not skipped) check-in about ``session_id``."""
        return next((c for c in self.items if c.follows == session_id and not c.skipped), None)


def folder(paths: Paths) -> Path:
    """``checkins/`` in the config dir."""
    return paths.config_dir / FOLDER


def to_bytes(c: CheckIn) -> bytes:
    """The file's content."""
    data: dict[str, Any] = {"format": FORMAT_VERSION, "when": c.when}
    if c.follows is not None:
        data["follows"] = c.follows
    if c.skipped:
        data["skipped"] = True
    else:
        data["pain"] = c.pain
        data["compared"] = c.compared
        if c.sharp:
            data["sharp"] = True
    return tomli_w.dumps(data).encode("utf-8")


def from_mapping(data: Mapping[str, Any]) -> CheckIn:
    """A check-in from a parsed file; raises :class:`CheckInError` naming what is wrong."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise CheckInError(f"unknown key(s) {', '.join(unknown)}")
    if data.get("format") != FORMAT_VERSION:
        raise CheckInError(f"format must be {FORMAT_VERSION}, not {data.get('format')!r}")
    when = data.get("when")
    if not isinstance(when, datetime):
        raise CheckInError("when must be a date and time")
    return CheckIn(
        when=when,
        pain=data.get("pain"),
        compared=data.get("compared"),
        follows=data.get("follows"),
        sharp=data.get("sharp", False),
        skipped=data.get("skipped", False),
    )


def save(paths: Paths, c: CheckIn, *, durable: bool = True) -> Path:
    """Write ``c`` to a new file and return its path. Raises :class:`OSError`."""
    stamp = c.when.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    target = folder(paths) / f"{stamp}-{secrets.token_hex(3)}{SUFFIX}"
    write_atomic(target, to_bytes(c), durable=durable)
    return target


def read_all(paths: Paths) -> CheckIns:
    """Every check-in file, newest first; unreadable files are listed and left alone."""
    where = folder(paths)
    try:
        names = sorted(
            n
            for n in (p.name for p in where.iterdir())
            if n.endswith(SUFFIX) and not is_temp_name(n)
        )
    except FileNotFoundError:
        return CheckIns()
    except OSError as exc:
        return CheckIns(problems=(FileProblem(where, os_reason(exc)),))
    items, problems = [], []
    for name in names:
        path = where / name
        try:
            items.append(from_mapping(tomllib.loads(path.read_bytes().decode("utf-8"))))
        except OSError as exc:
            problems.append(FileProblem(path, os_reason(exc)))
        except UnicodeDecodeError:
            problems.append(FileProblem(path, "not UTF-8 text"))
        except tomllib.TOMLDecodeError as exc:
            problems.append(FileProblem(path, f"not valid TOML ({exc})"))
        except CheckInError as exc:
            problems.append(FileProblem(path, str(exc)))
    items.sort(key=lambda c: c.when, reverse=True)
    return CheckIns(tuple(items), tuple(problems))


def _day(moment: datetime) -> date:
    return moment.astimezone().date()


def due_checkin(
    finished: Iterable[tuple[str, datetime]], checkins: CheckIns, now: datetime
) -> str | None:
    """The id of the session to ask about now, or ``None``.

    ``finished`` holds ``(session id, start)`` of finished sessions with work in them. The
    question is due on the first start on a later day than the newest of them (at most
    :data:`ASK_WITHIN_DAYS` days later), once: any answer or skip about that session, or any
    check-in made today, settles it.
    """
    today = _day(now)
    earlier = [(start, sid) for sid, start in finished if _day(start) < today]
    if not earlier:
        return None
    start, session_id = max(earlier)
    if today - _day(start) > timedelta(days=ASK_WITHIN_DAYS):
        return None
    for c in checkins.items:
        if c.follows == session_id or _day(c.when) == today:
            return None
    return session_id
