"""Fault injection: what a crash, a damaged file or a mangled import does to the log.

Three trials, each counting what went wrong (every count must be 0):

- **kill -9 during saves.** A child process logs a session set by set through the real
  :class:`~glutetui.workout.recorder.Recorder` and says on a pipe after each save returned; the
  parent kills it with SIGKILL at a random moment. Afterwards the file must read back, and hold at
  least every set the child was told was saved.
- **Damaged session files.** Valid session files are damaged at random (bytes flipped, cut short,
  lines duplicated or dropped, numbers made huge or negative, control characters) and the log is
  read through the store and ``glutetui log``/``log --check``/``export``: nothing may raise, every
  damaged file must be reported or read into values the app could have written, and no file may
  change.
- **Mangled imports.** The real-layout fixtures of ``tests/data`` are mangled the same way and
  imported with ``glutetui import``: no traceback; a refused import writes nothing.

Run ``python bench/faults.py [--kills N] [--files N] [--imports N]``; the slow test
``tests/test_fault_injection.py`` runs smaller counts of the same trials.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"

CHILD = r"""
import sys
from datetime import UTC, datetime, timedelta
from glutetui.log import LogStore
from glutetui.model import ExerciseLog, Session, SetResult
from glutetui.paths import Paths
from glutetui.workout.recorder import Recorder

paths = Paths.resolve(sys.argv[1])
paths.check()
store = LogStore(paths)
recorder = Recorder(store)
start = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
sets = []
for n in range(1, 100_000):
    sets.append(
        SetResult("clamshell", n, 12, side="left" if n % 2 else "right",
                  finished_at=start + timedelta(seconds=n))
    )
    session = Session(
        id="kill-trial", started_at=start, status="in-progress",
        exercises=(ExerciseLog("clamshell", "Clamshell", per_side=True),), sets=tuple(sets),
    )
    recorder.save(session)
    sys.stdout.write(f"{n}\n")
    sys.stdout.flush()
"""


@dataclass
class Tally:
    """What one trial did and what went wrong."""

    trials: int = 0
    lost: int = 0
    """Sets the child was told were saved that the file did not hold afterwards."""
    corrupted: int = 0
    """Files that did not read back (kill trials), or files a read changed."""
    tracebacks: int = 0
    """Exceptions that escaped instead of a reported problem."""
    reported: int = 0
    """Damaged files or imports reported as problems (expected, and fine)."""
    accepted: int = 0
    """Damaged inputs still readable as valid values (fine when in range); for the kill
    trials, the sets the child was told were saved."""
    written_on_refusal: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.lost or self.corrupted or self.tracebacks or self.written_on_refusal)

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.trials} trials, {self.lost} sets lost, {self.corrupted} files "
            f"corrupted or changed, {self.tracebacks} tracebacks, {self.written_on_refusal} "
            f"writes on refusal ({self.reported} reported as problems, {self.accepted} read as "
            "valid)"
        )


def kill_trials(count: int, root: Path, seed: int = 1) -> Tally:
    """SIGKILL a process that is saving a session set by set, ``count`` times."""
    from glutetui.log import LogStore
    from glutetui.paths import Paths

    rng = random.Random(seed)
    tally = Tally()
    for trial in range(count):
        config = root / f"kill-{trial}"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        told = 0
        # Let it save between 1 and 40 sets, then kill it at a random point of the next one.
        wanted = rng.randint(1, 40)
        while told < wanted:
            line = child.stdout.readline()
            if not line:
                break
            told = int(line)
        select.select([], [], [], rng.uniform(0, 0.004))  # somewhere inside the next save
        child.send_signal(signal.SIGKILL)
        child.wait()
        with contextlib.suppress(ValueError):
            for line in child.stdout.read().split():
                told = int(line)  # saves that returned before the kill landed
        child.stdout.close()
        tally.trials += 1
        try:
            session = LogStore(Paths.resolve(str(config))).load("kill-trial")
        except Exception as exc:  # noqa: BLE001 - any failure to read back is what we count
            tally.corrupted += 1
            tally.notes.append(f"trial {trial}: {type(exc).__name__}: {exc}")
            continue
        tally.accepted += told  # here: sets the child was told were saved
        if len(session.sets) < told:
            tally.lost += told - len(session.sets)
            tally.notes.append(f"trial {trial}: told {told}, file holds {len(session.sets)}")
    return tally


def damage(data: bytes, rng: random.Random) -> bytes:
    """One random kind of damage a disk, a sync tool or a hand edit can do."""
    lines = data.split(b"\n")
    kind = rng.randrange(9)
    if kind == 0 and data:  # flip bytes
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        return bytes(mutable)
    if kind == 1:  # cut short
        return data[: rng.randrange(len(data) + 1)]
    if kind == 2 and lines:  # drop a line
        del lines[rng.randrange(len(lines))]
    elif kind == 3 and lines:  # duplicate a line
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == 4:  # a number made huge, negative, or not finite
        value = rng.choice([b"1e309", b"-5", b"99999999999999999999", b"nan", b"-inf", b"1e60"])
        return _replace_a_number(data, value, rng)
    elif kind == 5:  # control characters and escape sequences in text
        hostile = rng.choice([b"\x1b]2;owned\x07", b"\x1b[?1049l", b"\x9b31m", b"\x00", b"\x7f"])
        at = rng.randrange(len(data) + 1)
        return data[:at] + hostile + data[at:]
    elif kind == 6:  # a date no calendar holds, or at its edges
        for old in (b"2026-", b"2025-", b"2024-", b"2017-", b"2018-"):
            if old in data:
                return data.replace(
                    old, rng.choice([b"0001-", b"9999-", b"2026-13-", b"10000-"]), 1
                )
    elif kind == 7:  # invalid UTF-8
        return data + b"\xff\xfe\xc0"
    else:  # a key's value swapped for another type
        return data.replace(b"= ", b"= [", 1)
    return b"\n".join(lines)


def _replace_a_number(data: bytes, value: bytes, rng: random.Random) -> bytes:
    import re

    spots = [m.span(1) for m in re.finditer(rb"= (-?\d+(?:\.\d+)?)\s*$", data, re.M)]
    if not spots:
        return data + b"\nreps = " + value
    start, end = rng.choice(spots)
    return data[:start] + value + data[end:]


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _cli(*argv: str) -> tuple[int, str]:
    """``glutetui ARGV`` in this process; its status, and its output (stdout and stderr)."""
    from glutetui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(argv))
    return code, out.getvalue()


def file_trials(count: int, root: Path, seed: int = 2, per_round: int = 25) -> Tally:
    """Damage ``count`` session files (``per_round`` at a time) and read the log every way."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from history_factory import make_session

    from glutetui.log import LogStore
    from glutetui.paths import Paths

    rng = random.Random(seed)
    tally = Tally()
    done = 0
    round_number = 0
    while done < count:
        config = root / f"files-{round_number}"
        paths = Paths.resolve(str(config))
        paths.check()
        store = LogStore(paths)
        from datetime import date, timedelta

        for n in range(per_round):
            store.save(make_session(date(2026, 1, 1) + timedelta(days=n), rng=rng))
        files = sorted(paths.logs_dir.glob("*.toml"))
        batch = min(per_round, count - done)
        for path in files[:batch]:
            path.write_bytes(damage(path.read_bytes(), rng))
        before = _digest(paths.logs_dir)
        try:
            history = LogStore(paths).history()
            tally.reported += len(history.problems)
            tally.accepted += batch - min(batch, len(history.problems))
            for argv in (["log"], ["log", "--check"], ["log", "--json"], ["export"]):
                code, _ = _cli("--config-dir", str(config), *argv)
                if code not in (0, 1):
                    tally.tracebacks += 1
                    tally.notes.append(f"round {round_number}: {argv} exited {code}")
            with tempfile.TemporaryDirectory() as out:
                _cli(
                    "--config-dir",
                    str(config),
                    "export",
                    "--format",
                    "strong",
                    "-o",
                    f"{out}/s.csv",
                )
        except Exception as exc:  # noqa: BLE001 - what escapes is what we count
            tally.tracebacks += 1
            tally.notes.append(f"round {round_number}: {type(exc).__name__}: {exc}")
        if _digest(paths.logs_dir) != before:
            tally.corrupted += 1
            tally.notes.append(f"round {round_number}: a read changed a session file")
        tally.trials += batch
        done += batch
        round_number += 1
    return tally


def import_trials(count: int, root: Path, seed: int = 3) -> Tally:
    """Import ``count`` mangled copies of the real-layout fixtures."""
    rng = random.Random(seed)
    fixtures = sorted(DATA.glob("*.csv"))
    tally = Tally()
    config = root / "imports"
    for trial in range(count):
        source = rng.choice(fixtures)
        mangled = root / f"mangled-{trial}.csv"
        mangled.write_bytes(damage(source.read_bytes(), rng))
        logs = config / "logs"
        before = _digest(logs) if logs.exists() else {}
        try:
            code, _ = _cli("--config-dir", str(config), "import", str(mangled))
        except Exception as exc:  # noqa: BLE001 - what escapes is what we count
            tally.tracebacks += 1
            tally.notes.append(f"{source.name} trial {trial}: {type(exc).__name__}: {exc}")
            continue
        tally.trials += 1
        if code == 0:
            tally.accepted += 1
        else:
            tally.reported += 1
            after = _digest(logs) if logs.exists() else {}
            if after != before:
                tally.written_on_refusal += 1
                tally.notes.append(f"{source.name} trial {trial}: refused, yet the log changed")
        mangled.unlink()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=600)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--imports", type=int, default=2500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["GLUTETUI_CONFIG_DIR"] = str(root / "unused")  # never the user's own
        results = [
            ("kill -9 during saves", kill_trials(args.kills, root)),
            ("damaged session files", file_trials(args.files, root)),
            ("mangled imports", import_trials(args.imports, root)),
        ]
    for name, tally in results:
        print(tally.line(name))
        for note in tally.notes[:10]:
            print(f"  {note}")
    return 0 if all(t.clean for _, t in results) else 1


if __name__ == "__main__":
    sys.exit(main())
