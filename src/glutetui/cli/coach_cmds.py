"""``glutetui checkin`` and ``glutetui suggest``: the coach from the command line.

``checkin`` records the next-morning answer (asking for it when run bare in a terminal);
``suggest`` prints the next session's dose for each exercise with its reason and rule. Neither
imports textual.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from glutetui.cli.output import echo, print_json, print_table, warn_plugin_problems
from glutetui.errors import GlutetuiError
from glutetui.text import neutralise

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.coach.policy import Suggestion
    from glutetui.model import Exercise
    from glutetui.paths import Paths
    from glutetui.settings import Settings

COMPARED = ("better", "same", "worse")


class CheckInUsageError(GlutetuiError):
    """``glutetui checkin`` cannot ask here and was not given the answers."""


def _pain_arg(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0 to 10")
    return int(text)


def configure_checkin(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui checkin``."""
    p.add_argument("--pain", metavar="N", type=_pain_arg, help="pain now, 0 to 10")
    p.add_argument(
        "--compared", choices=COMPARED, help="how the hip feels compared with before the session"
    )
    p.add_argument("--sharp", action="store_true", help="you felt a sharp pain")
    p.add_argument("--skip", action="store_true", help="do not answer; stop asking about it")
    p.set_defaults(handler=cmd_checkin)


def configure_suggest(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui suggest``."""
    p.add_argument(
        "exercises", nargs="*", metavar="EXERCISE", help="exercise ids or names (default: all)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_suggest)


def _settings(paths: Paths) -> Settings:
    from glutetui.settings import load_settings

    loaded = load_settings(paths.settings_file)
    for notice in loaded.notices:
        echo(f"glutetui: {neutralise(notice)}", err=True)
    return loaded.settings


def _ask(prompt: str, valid: tuple[str, ...]) -> str:
    while True:
        try:
            answer = input(prompt).strip().lower()
        except EOFError as exc:
            raise CheckInUsageError("no answer given; nothing was recorded") from exc
        if answer in valid:
            return answer
        echo(f"please answer one of: {', '.join(valid)}", err=True)


def _last_session(paths: Paths) -> tuple[str, datetime] | None:
    from glutetui.log import LogStore

    found = LogStore(paths).summaries(
        limit=1, where=lambda row: row.status != "in-progress" and row.sets > 0
    )
    return (found.rows[0].id, found.rows[0].started_at) if found.rows else None


def cmd_checkin(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui checkin``: record how the hip feels this morning."""
    from glutetui.coach import checkins
    from glutetui.coach.zones import describe_pain

    paths.check()
    if args.skip and (args.pain is not None or args.compared is not None or args.sharp):
        raise CheckInUsageError(
            "--skip records no answer; leave out --pain, --compared and --sharp"
        )
    pain, compared, sharp = args.pain, args.compared, args.sharp
    if not args.skip and (pain is None) != (compared is None):
        raise CheckInUsageError("give both --pain N and --compared better|same|worse, or neither")
    if not args.skip and pain is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise CheckInUsageError(
                "not a terminal to ask in; pass --pain N --compared better|same|worse"
            )
        echo(checkins.QUESTION)
        pain = int(_ask("Pain now, 0 to 10: ", tuple(str(n) for n in range(11))))
        compared = _ask("Better, same or worse than before the session? ", COMPARED)
        sharp = _ask("Any sharp pain? (yes/no) ", ("yes", "no")) == "yes"
    last = _last_session(paths)
    now = datetime.now().astimezone()
    record = checkins.CheckIn(
        when=now,
        pain=None if args.skip else pain,
        compared=None if args.skip else compared,
        follows=last[0] if last else None,
        sharp=bool(sharp),
        skipped=args.skip,
    )
    try:
        checkins.save(paths, record)
    except OSError as exc:
        raise GlutetuiError(
            f"cannot write the check-in to {checkins.folder(paths)}: {exc.strerror}"
        ) from exc
    about = f" (about the session of {last[1].astimezone():%Y-%m-%d})" if last else ""
    if args.skip:
        echo(f"skipped{about}; it will not be asked again")
        return 0
    settings = _settings(paths)
    echo(
        f"recorded: {describe_pain(pain, settings)}, {compared} than before{about}".replace(
            "same than", "the same as"
        )
    )
    if sharp:
        echo(
            "A sharp pain is a reason to stop the exercise that caused it and ask a "
            "physiotherapist or doctor before going on."
        )
    return 0


def _resolve(names: list[str], exercises: dict[str, Exercise]) -> list[Exercise]:
    from glutetui.cli.names import ExerciseNames

    if not names:
        return list(exercises.values())
    lookup = ExerciseNames(exercises.values())
    unknown = [n for n in names if lookup.id_for(n) not in exercises]
    if unknown:
        raise GlutetuiError(
            f"no installed exercise called {', '.join(map(repr, unknown))} (see `glutetui exercises`)"
        )
    return [exercises[lookup.id_for(n)] for n in dict.fromkeys(names)]


def _seconds(s: Suggestion, exercise: Exercise) -> list[int] | None:
    held = s.seconds or exercise.seconds
    return list(held) if exercise.timed and held else None


def as_json(s: Suggestion, exercise: Exercise, policy: str) -> dict[str, object]:
    """One exercise's suggestion as ``glutetui suggest --json`` prints it."""
    return {
        "exercise_id": s.exercise_id,
        "direction": s.direction,
        "dose": {
            "sets": s.sets,
            "reps": list(s.reps),
            # A timed exercise's seconds per set and side ([low, high]); null for reps.
            "seconds": _seconds(s, exercise),
            "load": s.load,
            "unit": s.unit,
            "text": s.dose_text(exercise),
        },
        "reason": s.reason,
        "rule": s.rule,
        "source": s.source,
        "policy": policy,
        "lead_side": s.lead_side,
        "variant": s.variant,
        "notice": s.notice,
        "notice_rule": s.notice_rule,
    }


def cmd_suggest(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui suggest``: the next session's dose for each exercise, with its reason."""
    from glutetui.coach.suggest import suggest_from_log
    from glutetui.log import LogStore
    from glutetui.plugins.cache import load_result
    from glutetui.switches import STRICT_ENV, env_flag

    plugins = load_result(paths, strict=env_flag(STRICT_ENV))
    warn_plugin_problems(plugins.problems)
    chosen = _resolve(list(args.exercises), dict(plugins.catalog.exercises))
    settings = _settings(paths)
    if not settings.coaching:
        echo(
            "glutetui: coaching is off in settings.toml (coaching = false); suggesting anyway",
            err=True,
        )
    found = suggest_from_log(
        plugins, chosen, LogStore(paths), settings, datetime.now().astimezone()
    )
    for problem in found.file_problems:
        echo(
            f"glutetui: {problem.path} cannot be read ({neutralise(problem.reason)}); left as it is",
            err=True,
        )
    warn_plugin_problems(list(found.problems))
    pairs = list(zip(chosen, found.items, found.policies, strict=True))
    if args.json:
        print_json([as_json(s, ex, policy) for ex, s, policy in pairs])
        return 0
    rows = [
        [ex.id, s.direction, neutralise(s.dose_text(ex)), neutralise(s.reason)]
        for ex, s, _ in pairs
    ]
    print_table(["exercise", "next", "dose", "why"], rows)
    for ex, s, _ in pairs:
        if s.notice:
            echo(f"\n{ex.name}: {neutralise(s.notice)}")
    return 0
