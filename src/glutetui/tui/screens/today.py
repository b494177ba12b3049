"""Today: where you stand in your programme, opened first when you follow one.

Drawn at once with a line saying it is reading; a worker then reads the programme, the log's
summaries and the self-tests (:func:`glutetui.coach.programmes_context.load_context`) and
fills in today's session with its doses (or the rest day and when the next session is), this
week's sessions done and planned, the stage and what it takes to move on, and the week streak.
``s`` plans today's session with its routine. When the next-morning check-in is due, its panel
comes at the foot (:func:`glutetui.tui.checkin.prompt_on_today`); an answer fills the screen
again, since it may be what moves the stage on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from glutetui.tui.base import GluteScreen
from glutetui.tui.checkin import prompt_on_today
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from glutetui.catalog import Catalog
    from glutetui.coach.programmes_context import ProgrammeContext
    from glutetui.tui.widgets.checkin_panel import CheckInPanel

READING = "Reading your programme…"


def today_lines(context: ProgrammeContext, catalog: Catalog, streak_weeks: int) -> list[str]:
    """The screen's text, what to do today first: plain lines (never markup)."""
    from dataclasses import replace

    from glutetui.coach.programmes_words import due_line, status_lines
    from glutetui.text import neutralise

    programme, position, state = context.programme, context.position, context.state
    if programme is None or position is None or state is None:
        return ["You follow no programme. `glutetui programme list` shows those on offer."]
    names = {t.id: t.name for t in context.self_tests.values()}
    due = due_line(programme, position, context.routine_names, names)
    lines = [due]
    routine = catalog.routines.get(position.routine)
    if position.due and routine is not None:
        lines.append("Today's session (s to plan it):")
        for item in routine.items:
            exercise = catalog.exercises.get(item.exercise_id)
            if exercise is None:
                continue
            dose = exercise.dose
            if item.sets is not None or item.reps is not None:
                dose = replace(dose, sets=item.sets or dose.sets, reps=item.reps or dose.reps)
            lines.append(f"  {neutralise(exercise.name)}: {dose.describe()}")
    weeks = f"{streak_weeks} week{'s' if streak_weeks != 1 else ''}"
    lines += ["", f"Streak: {weeks} in a row with training", ""]
    rest = status_lines(programme, position, context.routine_names, state.started, names)
    return lines + [line for line in rest if line != due]


class TodayScreen(GluteScreen[None]):
    """Today's programme view, pushed over the library; escape goes to the library."""

    TITLE = "Today"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start_today", "Start today's session", id="today-start"),
        # Nothing due today: the same key starts the next session early, and says so.
        Binding("s", "start_early", "Start the next one early", id="today-start-early"),
        Binding("escape", "app.pop_screen", "Library", id="today-back"),
    ]

    checkin_prompt: ClassVar[Callable[[TodayScreen], None] | None] = prompt_on_today
    """Where the coach's next-morning check-in prompt plugs in: called once the screen is
    drawn, before the programme is read (a check-in answered now counts for today)."""

    def __init__(self) -> None:
        super().__init__()
        self.routine_id: str | None = None
        """Routine of the next session, once read."""
        self.due = False
        """A session is due today (else ``s`` starts the next one early)."""
        self.ready = asyncio.Event()
        """Set once the programme has been read and shown (tests wait on it)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="today-scroll"):
            yield Static(READING, id="today-text", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        # Focused, so the arrow and page keys scroll what does not fit (40x12).
        self.query_one("#today-scroll").focus()
        prompt = type(self).checkin_prompt
        if prompt is not None:
            prompt(self)
        self.fill()

    def on_check_in_panel_done(self, event: CheckInPanel.Done) -> None:
        """An answer may settle the stage's last morning: read the programme again."""
        if event.checkin is not None:
            self.ready.clear()
            self.fill()

    @work(thread=True, exclusive=True, group="today")
    def fill(self) -> None:
        """Read the programme and the log off the event loop, then show them."""
        from glutetui.coach.programmes_context import load_context
        from glutetui.errors import GlutetuiError
        from glutetui.stats import streak

        today = self.clock.now().date()
        try:
            context = load_context(self.paths, today)
            weeks = streak(self.store.history().sessions, today).current
            lines = today_lines(context, self.catalog, weeks)
            position = context.position
            routine = position.routine if position is not None else None
            due = position is not None and position.due
        except GlutetuiError as exc:
            lines, routine, due = [str(exc)], None, False
        self.app.call_from_thread(self._show, lines, routine, due)

    def _show(self, lines: list[str], routine: str | None, due: bool) -> None:
        self.routine_id = routine
        self.due = due
        self.query_one("#today-text", Static).update("\n".join(lines))
        self.refresh_bindings()
        self.ready.set()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``s`` says what it does today: start the session due, or the next one early."""
        if action == "start_today":
            return self.routine_id is not None and self.due
        if action == "start_early":
            return self.routine_id is not None and not self.due
        return True

    def action_start_early(self) -> None:
        """Plan the programme's next session although none is due today."""
        self.action_start_today()

    def action_start_today(self) -> None:
        """Plan today's session with the programme's routine."""
        from glutetui.tui.screens.plan import PlanScreen

        if self.routine_id is not None:
            self.app.push_screen(PlanScreen(routine_id=self.routine_id))
