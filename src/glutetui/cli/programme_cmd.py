"""``glutetui programme``: list, start, pause, resume, end a programme, or see where you stand."""

from __future__ import annotations

import argparse
from datetime import date

from glutetui.cli.output import echo, warn_plugin_problems
from glutetui.errors import GlutetuiError
from glutetui.text import neutralise

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.paths import Paths

ACTIONS = ("list", "start", "pause", "resume", "end", "status")


def configure_programme(p: argparse.ArgumentParser) -> None:
    """Arguments of ``glutetui programme``."""
    p.add_argument(
        "action",
        nargs="?",
        default="status",
        choices=ACTIONS,
        help="what to do (default: status)",
    )
    p.add_argument("name", nargs="?", help="the programme to start: its id or its name")
    p.set_defaults(handler=cmd_programme)


def _today() -> date:
    from glutetui.clock import SystemClock

    return SystemClock().now().date()


def _warn(problems: tuple[tuple[str, str], ...]) -> None:
    warn_plugin_problems([(neutralise(s), neutralise(r)) for s, r in problems])


def cmd_programme(args: argparse.Namespace, paths: Paths) -> int:
    """``glutetui programme ACTION [NAME]``."""
    from glutetui.coach import programmes_state as st

    if args.action != "start" and args.name is not None:
        raise GlutetuiError(
            f"`programme {args.action}` takes no name (did you mean `programme start`?)"
        )
    today = _today()
    if args.action == "list":
        return _list(paths)
    if args.action == "start":
        return _start(paths, args.name, today)
    state = st.load_state(paths.config_root)
    if state is None:
        echo("You follow no programme; `glutetui programme list` shows those on offer.")
        return 1 if args.action != "status" else 0
    if args.action == "pause":
        st.save_state(paths.config_root, state.pause(today))
        echo(
            f"Paused from {today.isoformat()}; `glutetui programme resume` carries on where you stopped."
        )
    elif args.action == "resume":
        st.save_state(paths.config_root, state.resume(today))
        echo("Resumed: the programme carries on where you paused it.")
    elif args.action == "end":
        st.save_state(paths.config_root, None)
        echo("Ended. Your log keeps every session; `glutetui programme start NAME` begins another.")
    else:
        return _status(paths, today)
    return 0


def _list(paths: Paths) -> int:
    from glutetui.coach.programmes_context import offered as offered_now
    from glutetui.coach.programmes_state import load_state

    offer = offered_now(paths)
    offered = offer.programmes
    _warn(offer.problems)
    followed = load_state(paths.config_root)
    if not offered.by_id:
        echo("No programmes are on offer.", err=True)
        return 1
    for programme in offered.by_id.values():
        mark = "*" if followed is not None and followed.programme_id == programme.id else " "
        stages = len(programme.stages)
        per_week = "/".join(str(s.sessions_per_week) for s in programme.stages)
        echo(
            f"{mark} {programme.id}  {neutralise(programme.name)}  "
            f"({stages} stage{'s' if stages != 1 else ''}, {per_week} a week; from {neutralise(offered.sources[programme.id])})"
        )
    return 0


def _start(paths: Paths, name: str | None, today: date) -> int:
    from glutetui.coach.programmes_context import offered as offered_now
    from glutetui.coach.programmes_state import ProgrammeState, load_state, save_state

    if not name:
        raise GlutetuiError("name the programme to start (see `glutetui programme list`)")
    offer = offered_now(paths)
    _warn(offer.problems)
    programme = offer.programmes.find(name)
    if programme is None:
        raise GlutetuiError(
            f"no programme called {neutralise(name)!r} is on offer (see `glutetui programme list`)"
        )
    current = load_state(paths.config_root)
    save_state(paths.config_root, ProgrammeState(programme.id, today))
    switched = "" if current is None else f" (instead of {current.programme_id})"
    echo(
        f"Started {neutralise(programme.name)} today{switched}. `glutetui due` says what to do when."
    )
    return 0


def _status(paths: Paths, today: date) -> int:
    from glutetui.coach.programmes_context import load_context
    from glutetui.coach.programmes_words import status_lines

    context = load_context(paths, today)
    _warn(context.problems)
    assert context.programme is not None and context.position is not None
    assert context.state is not None
    names = {t.id: t.name for t in context.self_tests.values()}
    for line in status_lines(
        context.programme, context.position, context.routine_names, context.state.started, names
    ):
        echo(line)
    return 0
