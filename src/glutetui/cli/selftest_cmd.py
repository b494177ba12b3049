"""``glutetui selftest [NAME [KEY=VALUE ...]]``: list self-tests, or record a result.

Answers come as ``KEY=VALUE`` arguments (``glutetui selftest weekly-check pain=3 change=1``);
on a terminal, whatever is not given is asked for, one question at a time.
"""

from __future__ import annotations

import argparse
import sys

from glutetui.cli.output import echo, warn_plugin_problems
from glutetui.errors import GlutetuiError
from glutetui.text import neutralise

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.coach.selftests import Field, SelfTest, Value
    from glutetui.paths import Paths


def configure_selftest(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui selftest``."""
    p.add_argument("name", nargs="?", help="the self-test's id or name (none: list them)")
    p.add_argument("answers", nargs="*", metavar="KEY=VALUE", help="answers, e.g. left_seconds=30")
    p.add_argument("--note", default="", help="a note to keep with the result")
    p.set_defaults(handler=cmd_selftest)


def _tests() -> dict[str, SelfTest]:
    from glutetui.coach.selftests_registry import collect_self_tests
    from glutetui.plugins import load_plugins

    result = load_plugins()
    tests, problems = collect_self_tests(result.manager)
    warn_plugin_problems([*result.problems, *problems])
    return tests


def _describe(field: Field) -> str:
    if field.kind == "choice":
        return " or ".join(field.choices)
    return f"{field.low} to {field.high}" + (f"; {field.help}" if field.help else "")


def _takes(field: Field) -> str:
    """What a key takes, short: ``0..10``, ``-5..5``, ``yes|no``."""
    if field.kind == "choice":
        return "|".join(field.choices)
    return f"{field.low}..{field.high}"


def _parse(field: Field, text: str) -> Value:
    if field.kind == "choice":
        return text.strip().lower()
    try:
        return int(text.strip())
    except ValueError:
        return text.strip()  # reported as not a whole number by the check that follows


def _ask(test: SelfTest, key: str) -> Value:
    from glutetui.coach.selftests import value_problem

    field = test.field_of(key)
    assert field is not None
    side = key.split("_", 1)[0].capitalize() + ": " if field.per_side else ""
    while True:
        try:
            text = input(f"{side}{neutralise(field.label)} ({_describe(field)}): ")
        except EOFError:
            raise GlutetuiError("no answer given; nothing was recorded") from None
        value = _parse(field, text)
        problem = value_problem(field, value)
        if problem is None:
            return value
        echo(f"  {problem}", err=True)


def cmd_selftest(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui selftest``."""
    tests = _tests()
    if args.name is None:
        for offered in tests.values():
            # What each key takes, so a first try need not be a guess ("change=better").
            keys = " ".join(f"{k}={_takes(f)}" for f in offered.fields for k in f.result_keys())
            echo(f"{offered.id}  {neutralise(offered.name)}  ({keys})")
        return 0
    wanted = args.name.casefold()
    test = tests.get(args.name) or next(
        (t for t in tests.values() if t.name.casefold() == wanted), None
    )
    if test is None:
        raise GlutetuiError(
            f"no self-test called {neutralise(args.name)!r} (see `glutetui selftest`)"
        )
    values: dict[str, Value] = {}
    for answer in args.answers:
        key, sep, text = answer.partition("=")
        field = test.field_of(key)
        if not sep or field is None:
            raise GlutetuiError(
                f"{neutralise(answer)!r} is not an answer to {test.name}; give KEY=VALUE with KEY one of {', '.join(test.result_keys())}"
            )
        values[key] = _parse(field, text)
    missing = [k for k in test.result_keys() if k not in values]
    if missing and sys.stdin.isatty():
        echo(neutralise(test.name))
        for number, step in enumerate(test.instructions, 1):
            echo(f"  {number}. {neutralise(step)}")
        for key in missing:
            values[key] = _ask(test, key)
    return _record(paths, test, values, args.note)


def _record(paths: Paths, test: SelfTest, values: dict[str, Value], note: str) -> int:
    from glutetui.clock import SystemClock
    from glutetui.coach.selftests import SelfTestResult, result_problems
    from glutetui.coach.selftests_store import MAX_NOTE, new_id, save_result

    problems = result_problems(test, values)
    if problems:
        raise GlutetuiError(f"nothing recorded: {'; '.join(problems)}")
    if len(note) > MAX_NOTE:
        raise GlutetuiError(f"the note is longer than {MAX_NOTE} characters")
    when = SystemClock().now().replace(microsecond=0)
    path = save_result(paths.config_root, SelfTestResult(new_id(when), test.id, when, values, note))
    shown = ", ".join(f"{k} {v}" for k, v in values.items())
    echo(f"Recorded {neutralise(test.name)}: {shown} ({path})")
    return 0
