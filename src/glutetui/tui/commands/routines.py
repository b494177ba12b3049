"""``routine: ...``: save the plan being made as one of your routines, from the palette."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from glutetui.tui.commands import Command, CommandsProvider


class RoutineCommands(CommandsProvider):
    """``routine: save plan as routine``, offered while the plan screen is open (its ``n``)."""

    def commands(self) -> Iterable[Command]:
        """The save command, when there is a plan to save."""
        from glutetui.tui.screens.plan import PlanScreen

        screen = self.screen
        if isinstance(screen, PlanScreen):
            yield (
                "routine: save plan as routine",
                "Save this plan as one of your routines, asking its name (n)",
                partial(self.app.run_action, "save_routine", screen),
            )
