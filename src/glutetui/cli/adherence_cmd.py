"""``glutetui log --adherence``: programme sessions done against planned, week by week."""

from __future__ import annotations

from glutetui.cli.output import echo, print_json, print_table

TYPE_CHECKING = False  # avoids importing typing on every run of the command line
if TYPE_CHECKING:
    from glutetui.paths import Paths


def print_adherence(paths: Paths, *, as_json: bool = False) -> int:
    """Each programme week's planned and done sessions, then the whole programme's share."""
    from glutetui.clock import SystemClock
    from glutetui.coach.programmes_context import load_context

    context = load_context(paths, SystemClock().now().date())
    if context.position is None or context.state is None:
        echo(
            "You follow no programme, so nothing was planned (see `glutetui programme list`).",
            err=True,
        )
        return 1
    adherence = context.position.adherence
    if as_json:
        print_json(
            {
                "programme": context.state.programme_id,
                "started": context.state.started.isoformat(),
                "weeks": [
                    {"week": w.week + 1, "stage": w.stage + 1, "planned": w.planned, "done": w.done}
                    for w in adherence.weeks
                ],
                "planned": adherence.planned,
                "done": adherence.done,
            }
        )
        return 0
    rows = [
        [str(w.week + 1), str(w.stage + 1), str(w.planned), str(w.done), f"{w.share:.0%}"]
        for w in adherence.weeks
    ]
    print_table(["week", "stage", "planned", "done", "adherence"], rows)
    echo(
        f"Overall: {adherence.done} of {adherence.planned} planned sessions done ({adherence.share:.0%})"
    )
    return 0
