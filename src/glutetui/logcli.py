"""``glutetui log``, ``glutetui export`` and ``glutetui import``: the log from the command line.

Exports are one row per set. ``import`` reads back glutetui's own CSV or JSON export and the CSV
exports of Strong and Hevy (the format is recognised from the header), never duplicating a
session that is already in the log. Like the rest of the command line, this never imports
textual and every user error is one line.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from glutetui.errors import GlutetuiError
from glutetui.log import LogStore, SessionRow
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths


class ImportFormatError(GlutetuiError):
    """A file to import that glutetui cannot make sense of."""


# --------------------------------------------------------------------------- arguments


def configure_log(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui log``."""
    p.add_argument(
        "--since", metavar="DATE", type=_date_arg, help="only sessions from DATE (YYYY-MM-DD) on"
    )
    p.add_argument("--exercise", metavar="ID", help="only sessions with this exercise (id or name)")
    p.add_argument(
        "--limit",
        metavar="N",
        type=_count_arg,
        default=20,
        help="at most N sessions (default 20, 0 for all)",
    )
    p.add_argument(
        "--check", action="store_true", help="list files that cannot be read; exit 1 if any"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_log)


def configure_export(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui export``."""
    p.add_argument(
        "--format", choices=EXPORT_FORMATS, default="csv", help="output format (default csv)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--since", metavar="DATE", type=_date_arg, help="only sessions from DATE (YYYY-MM-DD) on"
    )
    p.add_argument("--exercise", metavar="ID", help="only sets of this exercise (id or name)")
    p.set_defaults(handler=cmd_export)


def configure_import(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui import``."""
    p.add_argument("file", metavar="FILE", help="the exported file ('-' for standard input)")
    p.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: recognised from its header)",
    )
    p.add_argument(
        "--unit",
        choices=("kg", "lb"),
        help="load unit for Strong files, which do not say (default: your settings)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, write nothing"
    )
    p.set_defaults(handler=cmd_import)


def _echo(text: str = "", *, err: bool = False) -> None:
    """One line to standard output (or standard error)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def _count_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return value


# --------------------------------------------------------------------------- helpers


def slug(text: str) -> str:
    """``"Hip Thrust (Barbell)"`` -> ``"hip-thrust-barbell"``."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "exercise"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# Names other apps use for the built-in exercises (compared lower-case, punctuation ignored).
KNOWN_NAMES: dict[str, str] = {
    _norm(name): ex_id
    for ex_id, names in {
        "hip-abductor-machine": (
            "Hip Abduction (Machine)",
            "Hip Abductor (Machine)",
            "Hip Abduction Machine",
            "Hip Abductor Machine",
            "Seated Hip Abduction",
            "Hip Abduction",
        ),
        "clamshell": (
            "Clamshell",
            "Clamshells",
            "Clam Shell",
            "Clamshell (Band)",
            "Side Lying Clam",
        ),
        "lateral-band-walk": (
            "Lateral Band Walk",
            "Lateral Band Walks",
            "Band Lateral Walk",
            "Lateral Walk (Band)",
            "Banded Lateral Walk",
            "Lateral Band Walk (Band)",
        ),
        "single-leg-deadlift": (
            "Single Leg Deadlift",
            "Single-Leg Deadlift",
            "Single Leg Deadlift (Dumbbell)",
            "Single Leg Romanian Deadlift",
            "Single Leg Romanian Deadlift (Dumbbell)",
            "Single Leg RDL",
            "Romanian Deadlift (Single Leg)",
        ),
        "barbell-hip-thrust": ("Hip Thrust (Barbell)", "Barbell Hip Thrust", "Hip Thrust"),
    }.items()
    for name in names
}


def exercise_matcher() -> Callable[[str], tuple[str, bool]]:
    """A function mapping another app's exercise name to ``(id, known)``.

    Built-in aliases first, then the names and ids of installed exercises; anything else keeps
    its name and gets the name's slug as id.
    """
    table = dict(KNOWN_NAMES)
    try:
        from glutetui.plugins import load_plugins

        for ex in load_plugins().catalog.exercises.values():
            table.setdefault(_norm(ex.name), ex.id)
            table.setdefault(_norm(ex.id), ex.id)
    except Exception:  # noqa: BLE001 - a broken plugin must not stop an import
        pass

    def match(name: str) -> tuple[str, bool]:
        found = table.get(_norm(name))
        return (found, True) if found else (slug(name), False)

    return match


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _select(
    sessions: Iterable[Session], since: date | None, exercise: str | None
) -> Iterator[Session]:
    wanted = None if exercise is None else {exercise, slug(exercise)}
    for s in sessions:
        if since is not None and _local_day(s.started_at) < since:
            continue
        if (
            wanted is not None
            and not any(e.exercise_id in wanted or slug(e.name) in wanted for e in s.exercises)
            and not any(x.exercise_id in wanted for x in s.sets)
        ):
            continue
        yield s


def _wanted_ids(session: Session, exercise: str | None) -> set[str] | None:
    if exercise is None:
        return None
    wanted = {exercise, slug(exercise)}
    ids = {
        e.exercise_id
        for e in session.exercises
        if e.exercise_id in wanted or slug(e.name) in wanted
    }
    return ids | (wanted & {s.exercise_id for s in session.sets})


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _names(session: Session) -> dict[str, str]:
    return {e.exercise_id: e.name for e in session.exercises}


# --------------------------------------------------------------------------- log


def row_matcher(since: date | None, exercise: str | None) -> Callable[[SessionRow], bool] | None:
    """What ``--since`` and ``--exercise`` keep, as a test on summary rows (``None``: all)."""
    if since is None and exercise is None:
        return None
    wanted = None if exercise is None else {exercise, slug(exercise)}

    def keep(row: SessionRow) -> bool:
        if since is not None and _local_day(row.started_at) < since:
            return False
        return wanted is None or (
            any(i in wanted or slug(n) in wanted for i, n in (*row.exercises, *row.skipped))
            or any(i in wanted for i in row.set_exercises)
        )

    return keep


def _row_duration(row: SessionRow) -> str:
    if row.ended_at is None:
        return "-"
    minutes = round((row.ended_at - row.started_at).total_seconds() / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d}"


def cmd_log(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui log``: recent sessions, or with ``--check`` the files that cannot be read.

    Served from the store's summary index; only the rows shown are decoded, so the newest
    twenty cost about the same with ten years of sessions as with none.
    """
    from glutetui.cli import _print_table

    store = LogStore(paths)
    if args.check:
        found = store.summaries(limit=0)
        for p in found.problems:
            _echo(f"{p.path}: {p.reason}")
        n = found.count
        if found.problems:
            _echo(
                f"{len(found.problems)} file(s) cannot be read; they are left as they are "
                f"({n} other session(s) read fine)",
                err=True,
            )
            return 1
        _echo(f"all {n} session file(s) can be read")
        return 0
    found = store.summaries(limit=args.limit or None, where=row_matcher(args.since, args.exercise))
    chosen = found.rows
    if args.json:
        out = [
            {
                "id": r.id,
                "started_at": r.started_at.isoformat(),
                "ended_at": None if r.ended_at is None else r.ended_at.isoformat(),
                "status": r.status,
                "exercises": [i for i, _ in r.exercises],
                "sets": r.entries,
                "reps": r.reps,
                "pain": r.max_pain,
            }
            for r in chosen
        ]
        _echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        rows = []
        for r in chosen:
            names = [n for _, n in r.exercises]
            shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
            rows.append(
                [
                    f"{r.started_at.astimezone():%Y-%m-%d %H:%M}",
                    _row_duration(r),
                    shown or "-",
                    str(r.entries),
                    str(r.reps),
                    "-" if r.max_pain is None else str(r.max_pain),
                    "" if r.status == "complete" else r.status,
                ]
            )
        if rows:
            _print_table(["date", "duration", "exercises", "sets", "reps", "pain", "status"], rows)
        else:
            _echo("no sessions match" if found.count else "no sessions logged yet", err=True)
    if found.problems:
        _echo(
            f"glutetui: {len(found.problems)} log file(s) cannot be read (see `glutetui log --check`)",
            err=True,
        )
    return 0


# --------------------------------------------------------------------------- export

EXPORT_FORMATS = ("csv", "json", "strong")
IMPORT_FORMATS = ("glutetui", "strong", "hevy")

COLUMNS = (
    "date", "session_id", "exercise_id", "exercise_name", "set", "side", "reps", "load", "unit",
    "rpe", "pain", "note", "warmup", "finished_at", "ended_at",
)  # fmt: skip
"""glutetui's export columns; ``date`` is the session's start with its UTC offset."""

STRONG_COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE", "Side",
)  # fmt: skip


def export_rows(
    sessions: Iterable[Session], exercise: str | None = None
) -> Iterator[dict[str, Any]]:
    """One dict per set, oldest session first, with typed values (``None`` for blanks)."""
    for s in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        names = _names(s)
        pains = {e.exercise_id: e.pain for e in s.exercises}
        only = _wanted_ids(s, exercise)
        for x in s.sets:
            if only is not None and x.exercise_id not in only:
                continue
            yield {
                "date": s.started_at.isoformat(),
                "session_id": s.id,
                "exercise_id": x.exercise_id,
                "exercise_name": names.get(x.exercise_id, x.exercise_id),
                "set": x.set_number,
                "side": x.side,
                "reps": x.reps,
                "load": x.load,
                "unit": x.unit,
                "rpe": x.rpe,
                "pain": pains.get(x.exercise_id),
                "note": x.note,
                "warmup": x.warmup,
                "finished_at": None if x.finished_at is None else x.finished_at.isoformat(),
                "ended_at": None if s.ended_at is None else s.ended_at.isoformat(),
            }


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return _num(value)
    return str(value)


def _strong_duration(session: Session) -> str:
    if session.ended_at is None:
        return ""
    minutes = max(0, round((session.ended_at - session.started_at).total_seconds() / 60))
    h, m = divmod(minutes, 60)
    return f"{h}h {m}m" if h else f"{m}m"


def write_export(
    fmt: str, sessions: Sequence[Session], out: TextIO, exercise: str | None = None
) -> int:
    """Write ``sessions`` to ``out`` in ``fmt``; returns the number of rows (sets)."""
    if fmt == "json":
        rows = list(export_rows(sessions, exercise))
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return len(rows)
    writer = csv.writer(out, lineterminator="\n")
    n = 0
    if fmt == "csv":
        writer.writerow(COLUMNS)
        for row in export_rows(sessions, exercise):
            writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
            n += 1
        return n
    writer.writerow(STRONG_COLUMNS)  # fmt == "strong"
    for s in sorted(sessions, key=lambda s: (s.started_at, s.id)):
        names = _names(s)
        only = _wanted_ids(s, exercise)
        workout = s.routine_id or "glutetui"
        for x in s.sets:
            if only is not None and x.exercise_id not in only:
                continue
            note = x.note
            if x.unit and x.unit not in ("kg", "lb", "lbs"):
                note = f"{x.unit}; {note}" if note else x.unit  # a band colour has no column
            writer.writerow(
                [
                    f"{s.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                    workout,
                    _strong_duration(s),
                    names.get(x.exercise_id, x.exercise_id),
                    "W" if x.warmup else str(x.set_number),
                    _num(x.load) if x.load is not None else "0",
                    str(x.reps),
                    "0",
                    "0",
                    note,
                    s.note,
                    "" if x.rpe is None else str(x.rpe),
                    x.side or "",
                ]
            )
            n += 1
    return n


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui export``: every logged set, one row each."""
    history = LogStore(paths).history()
    sessions = list(_select(history.sessions, args.since, args.exercise))
    if args.output in (None, "-"):
        n = write_export(args.format, sessions, sys.stdout, args.exercise)
    else:
        target = Path(args.output)
        buffer = io.StringIO()
        n = write_export(args.format, sessions, buffer, args.exercise)
        try:
            target.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        except OSError as exc:
            raise GlutetuiError(f"cannot write {target}: {exc.strerror or exc}") from exc
        _echo(f"wrote {n} set(s) from {len(sessions)} session(s) to {target}", err=True)
    if history.problems:
        _echo(
            f"glutetui: {len(history.problems)} log file(s) cannot be read and were left out "
            "(see `glutetui log --check`)",
            err=True,
        )
    return 0


# --------------------------------------------------------------------------- import


@dataclass
class _Draft:
    """A session being assembled from rows."""

    id: str
    started_at: datetime
    ended_at: datetime | None = None
    note: str = ""
    source: str = "glutetui"
    routine_id: str | None = None
    exercises: dict[str, ExerciseLog] = field(default_factory=dict)
    sets: list[SetResult] = field(default_factory=list)
    counters: dict[tuple[str, bool, str | None], int] = field(default_factory=dict)

    def exercise(self, ex_id: str, name: str, note: str = "", pain: int | None = None) -> None:
        if ex_id not in self.exercises:
            self.exercises[ex_id] = ExerciseLog(exercise_id=ex_id, name=name, note=note, pain=pain)

    def next_number(self, ex_id: str, warmup: bool, side: str | None) -> int:
        key = (ex_id, warmup, side)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def build(self) -> Session:
        sides = {x.exercise_id for x in self.sets if x.side is not None}
        exercises = tuple(
            ExerciseLog(
                exercise_id=e.exercise_id,
                name=e.name,
                per_side=e.exercise_id in sides,
                pain=e.pain,
                note=e.note,
            )
            for e in self.exercises.values()
        )
        return Session(
            id=self.id,
            started_at=self.started_at,
            exercises=exercises,
            sets=tuple(self.sets),
            ended_at=self.ended_at,
            status="complete",
            note=self.note,
            routine_id=self.routine_id,
            cursor=len(self.sets),
            source=self.source,
        )


class _Rows:
    """Typed cells of one CSV row, with errors that name the line."""

    def __init__(self, row: dict[str, str], line: int) -> None:
        self.row = row
        self.line = line

    def fail(self, reason: str) -> Any:
        raise ImportFormatError(f"line {self.line}: {reason}")

    def text(self, key: str) -> str:
        return (self.row.get(key) or "").strip()

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.text(key)
        if not value:
            return default
        try:
            number = float(value)
        except ValueError:
            return self.fail(f"{key} {value!r} is not a number")
        if not number.is_integer():
            return round(number)
        return int(number)

    def number(self, key: str) -> float | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            return self.fail(f"{key} {value!r} is not a number")

    def moment(self, key: str, formats: Sequence[str] = ()) -> datetime:
        value = self.text(key).replace("\u202f", " ")
        if not value:
            return self.fail(f"{key} is empty")
        parsed = None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            for fmt in formats:
                try:
                    parsed = datetime.strptime(value, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            return self.fail(f"{key} {value!r} is not a date and time")
        # Strong and Hevy write local time without an offset: take it as this computer's.
        return parsed if parsed.tzinfo else parsed.astimezone()


def _import_id(source: str, started_at: datetime, title: str) -> str:
    """A stable id, so importing the same file twice finds the sessions already there."""
    digest = hashlib.sha256(f"{source}|{started_at.isoformat()}|{title}".encode()).hexdigest()[:6]
    return f"{started_at.astimezone(UTC):%Y%m%dT%H%M%S}-{digest}"


STRONG_DATES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p")
HEVY_DATES = ("%d %b %Y, %H:%M", "%d %B %Y, %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def _strong_duration_parse(text: str) -> timedelta | None:
    parts = dict((u, int(n)) for n, u in re.findall(r"(\d+)\s*([hms])", text.lower()))
    if not parts:
        return None
    return timedelta(hours=parts.get("h", 0), minutes=parts.get("m", 0), seconds=parts.get("s", 0))


def _side(r: _Rows, key: str) -> str | None:
    value = r.text(key).lower()
    if value in ("", "none", "both"):
        return None
    if value in ("left", "l"):
        return "left"
    if value in ("right", "r"):
        return "right"
    return r.fail(f"{key} {value!r} must be left, right or empty")


def _join(*parts: str) -> str:
    return " — ".join(p for p in parts if p)


def parse_strong(rows: Iterable[tuple[int, dict[str, str]]], unit: str) -> list[Session]:
    """Sessions from Strong's CSV export (both its comma and older semicolon layouts)."""
    match = exercise_matcher()
    drafts: dict[tuple[str, str], _Draft] = {}
    for line, raw in rows:
        r = _Rows(raw, line)
        order = r.text("Set Order")
        if not order or not (order.isdigit() or order.upper() in ("W", "D", "F")):
            continue  # rest timer and note rows
        started = r.moment("Date", STRONG_DATES)
        workout = r.text("Workout Name")
        key = (r.text("Date"), workout)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(
                id=_import_id("strong", started, workout),
                started_at=started,
                note=_join(workout, r.text("Workout Notes")),
                source="strong",
            )
            duration = _strong_duration_parse(r.text("Duration") or r.text("Workout Duration"))
            if duration is not None:
                draft.ended_at = started + duration
        name = r.text("Exercise Name")
        if not name:
            r.fail("Exercise Name is empty")
        ex_id, _known = match(name)
        draft.exercise(ex_id, name)
        warmup = order.upper() == "W"
        side = _side(r, "Side")
        weight = r.number("Weight")
        row_unit = (r.text("Weight Unit") or unit).lower().replace("lbs", "lb")
        note = r.text("Notes")
        seconds = r.integer("Seconds", 0) or 0
        reps = r.integer("Reps", 0) or 0
        if seconds and not reps:
            note = _join(note, f"{seconds} s")
        rpe = r.integer("RPE")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=draft.next_number(ex_id, warmup, side),
                reps=reps,
                side=side,  # type: ignore[arg-type]
                load=weight if weight else None,
                unit=row_unit if weight else None,
                rpe=rpe if rpe else None,
                warmup=warmup,
                note=note,
            )
        )
    return [d.build() for d in drafts.values()]


def parse_hevy(rows: Iterable[tuple[int, dict[str, str]]]) -> list[Session]:
    """Sessions from Hevy's CSV export (``weight_kg`` or ``weight_lbs``)."""
    match = exercise_matcher()
    drafts: dict[tuple[str, str], _Draft] = {}
    for line, raw in rows:
        r = _Rows(raw, line)
        started = r.moment("start_time", HEVY_DATES)
        title = r.text("title")
        key = (r.text("start_time"), title)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(
                id=_import_id("hevy", started, title),
                started_at=started,
                ended_at=r.moment("end_time", HEVY_DATES) if r.text("end_time") else None,
                note=_join(title, r.text("description")),
                source="hevy",
            )
        name = r.text("exercise_title")
        if not name:
            r.fail("exercise_title is empty")
        ex_id, _known = match(name)
        draft.exercise(ex_id, name, note=r.text("exercise_notes"))
        warmup = r.text("set_type").lower() == "warmup"
        if "weight_kg" in raw:
            weight, unit = r.number("weight_kg"), "kg"
        else:
            weight, unit = r.number("weight_lbs"), "lb"
        note = ""
        seconds = r.integer("duration_seconds", 0) or 0
        reps = r.integer("reps", 0) or 0
        if seconds and not reps:
            note = f"{seconds} s"
        set_type = r.text("set_type").lower()
        if set_type not in ("", "normal", "warmup"):
            note = _join(set_type, note)
        rpe = r.integer("rpe")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=draft.next_number(ex_id, warmup, None),
                reps=reps,
                load=weight if weight else None,
                unit=unit if weight else None,
                rpe=rpe if rpe else None,
                warmup=warmup,
                note=note,
            )
        )
    return [d.build() for d in drafts.values()]


def parse_glutetui(rows: Iterable[tuple[int, dict[str, Any]]]) -> list[Session]:
    """Sessions from glutetui's own export (CSV rows or JSON objects)."""
    drafts: dict[str, _Draft] = {}
    for line, raw in rows:
        r = _Rows({k: "" if v is None else str(v) for k, v in raw.items()}, line)
        sid = r.text("session_id")
        if not sid:
            r.fail("session_id is empty")
        draft = drafts.get(sid)
        if draft is None:
            draft = drafts[sid] = _Draft(
                id=sid,
                started_at=r.moment("date"),
                ended_at=r.moment("ended_at") if r.text("ended_at") else None,
            )
        ex_id = r.text("exercise_id")
        if not ex_id:
            r.fail("exercise_id is empty")
        draft.exercise(ex_id, r.text("exercise_name") or ex_id, pain=r.integer("pain"))
        number = r.integer("set")
        if number is None:
            r.fail("set is empty")
        reps = r.integer("reps")
        if reps is None:
            r.fail("reps is empty")
        draft.sets.append(
            SetResult(
                exercise_id=ex_id,
                set_number=number,  # type: ignore[arg-type]
                reps=reps,  # type: ignore[arg-type]
                side=_side(r, "side"),  # type: ignore[arg-type]
                load=r.number("load"),
                unit=r.text("unit") or None,
                rpe=r.integer("rpe"),
                warmup=r.text("warmup").lower() in ("yes", "true", "1"),
                finished_at=r.moment("finished_at") if r.text("finished_at") else None,
                note=r.text("note"),
            )
        )
    return [d.build() for d in drafts.values()]


def detect_format(header: Sequence[str]) -> str | None:
    """``glutetui``, ``strong`` or ``hevy`` from a CSV header; ``None`` if none fits."""
    cols = {h.strip() for h in header}
    if {"session_id", "exercise_id", "set", "reps"} <= cols:
        return "glutetui"
    if {"Date", "Exercise Name", "Set Order", "Reps"} <= cols:
        return "strong"
    if {"start_time", "exercise_title", "set_index", "reps"} <= cols and (
        "weight_kg" in cols or "weight_lbs" in cols
    ):
        return "hevy"
    return None


def read_import(text: str, fmt: str | None, unit: str) -> tuple[str, list[Session]]:
    """Parse an export file's text; returns the format found and its sessions."""
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("["):
        if fmt not in (None, "glutetui"):
            raise ImportFormatError(
                f"this is a JSON file, which only --format glutetui reads, not {fmt}"
            )
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise ImportFormatError(f"not valid JSON ({exc})") from None
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise ImportFormatError("a glutetui JSON export is a list of objects, one per set")
        return "glutetui", parse_glutetui((i, row) for i, row in enumerate(data, 1))
    first = stripped.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(stripped, newline=""), delimiter=delimiter, strict=True)
        table = list(reader)
    except csv.Error as exc:
        raise ImportFormatError(f"not a readable CSV file ({exc})") from None
    if not table:
        raise ImportFormatError("the file is empty")
    header = [h.strip() for h in table[0]]
    found = detect_format(header)
    if fmt is None:
        if found is None:
            raise ImportFormatError(
                "cannot tell the format from the header "
                f"({', '.join(header[:6])}{', ...' if len(header) > 6 else ''}); "
                "expected a glutetui, Strong or Hevy CSV export"
            )
        fmt = found
    elif found != fmt:
        raise ImportFormatError(f"the header does not look like a {fmt} export")
    rows = []
    for line, cells in enumerate(table[1:], 2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise ImportFormatError(
                f"line {line}: {len(cells)} cells but the header has {len(header)}"
            )
        rows.append((line, dict(zip(header, cells, strict=False))))
    if fmt == "strong":
        return fmt, parse_strong(rows, unit)
    if fmt == "hevy":
        return fmt, parse_hevy(rows)
    return fmt, parse_glutetui(rows)


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui import FILE``: add the sessions that are not in the log yet."""
    if args.file == "-":
        text = sys.stdin.read()
        where = "standard input"
    else:
        source = Path(args.file)
        where = str(source)
        try:
            text = source.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise GlutetuiError(f"no file {source}") from None
        except IsADirectoryError:
            raise GlutetuiError(f"{source} is a folder, not a file") from None
        except UnicodeDecodeError:
            raise GlutetuiError(f"{source} is not UTF-8 text; save it as UTF-8 CSV") from None
        except OSError as exc:
            raise GlutetuiError(f"cannot read {source}: {exc.strerror or exc}") from exc
    unit = args.unit
    if unit is None:
        unit = "kg"
        try:
            from glutetui.settings import load_settings

            unit = load_settings(paths.settings_file).settings.units
        except Exception:  # noqa: BLE001 - settings trouble is reported by the app, not here
            pass
    try:
        fmt, sessions = read_import(text, args.format, unit)
    except ImportFormatError as exc:
        raise ImportFormatError(f"{where}: {exc}") from None
    store = LogStore(paths)
    new = [s for s in sessions if not store.exists(s.id)]
    skipped = len(sessions) - len(new)
    if not args.dry_run:
        for s in new:
            store.save(s)
    verb = "would import" if args.dry_run else "imported"
    _echo(
        f"{verb} {len(new)} session(s) with {sum(len(s.sets) for s in new)} set(s) from {fmt} "
        f"file {where}; {skipped} already in the log"
    )
    return 0
