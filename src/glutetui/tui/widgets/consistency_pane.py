"""ConsistencyPane: the log's Consistency tab.

The streak of weeks with training, a calendar of training days, and this week's work sets
against the weekly goal with the weeks before it; when a programme is followed, its adherence
(sessions done of planned, this week and over the programme), read in a thread by
:meth:`ConsistencyPane.read_adherence`. Styled in the log screen's ``log.tcss``.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import ProgressBar, Sparkline, Static

from glutetui import stats
from glutetui.tui.base import glute_app
from glutetui.tui.widgets.heatmap import CalendarHeatMap


class ConsistencyPane(VerticalScroll):
    """Streak, calendar and weekly goal; :meth:`show` fills it."""

    def compose(self) -> ComposeResult:
        yield Static(id="log-adherence", markup=False)
        yield Static(id="log-streak", markup=False)
        yield CalendarHeatMap(id="log-calendar")
        yield Static(id="log-week-label", markup=False)
        yield ProgressBar(id="log-week", show_eta=False)
        yield Static(id="log-weeks-label", classes="log-label", markup=False)
        yield Sparkline([], id="log-weeks-trend", classes="log-trend")

    def on_mount(self) -> None:
        self.query_one("#log-adherence").display = False

    @work(thread=True, exclusive=True, group="log-adherence", exit_on_error=False)
    def read_adherence(self, today: date) -> None:
        """Read the programme followed (if any) off the event loop and show its adherence."""
        from glutetui.coach.adherence_words import read_adherence_lines

        lines = read_adherence_lines(glute_app(self.app).paths, today)
        self.app.call_from_thread(self.show_adherence, lines)

    def show_adherence(self, lines: list[str]) -> None:
        """Show the adherence lines above the streak; hidden when there are none."""
        shown = self.query_one("#log-adherence", Static)
        shown.update("\n".join(lines))
        shown.display = bool(lines)

    def show(
        self, streak: stats.Streak, calendar: stats.Calendar, weeks: tuple[stats.WeekSets, ...]
    ) -> None:
        """Draw the figures (``weeks`` oldest first, ending with this week)."""
        this_week = weeks[-1]
        days = sum(1 for day, n in calendar.sets.items() if n and day >= this_week.monday)
        in_a_row = "week" if streak.current == 1 else "weeks"
        self.query_one("#log-streak", Static).update(
            f"Streak: {streak.current} {in_a_row} in a row with training "
            f"(longest {streak.longest}).\n"
            f"Training days this week: {days}. Rest days count: a week needs only one session."
        )
        self.query_one("#log-calendar", CalendarHeatMap).calendar = calendar
        met = "goal met" if this_week.met else f"{this_week.goal - this_week.sets} to go"
        self.query_one("#log-week-label", Static).update(
            f"This week: {this_week.sets} of {this_week.goal} work sets ({met})"
        )
        bar = self.query_one("#log-week", ProgressBar)
        bar.update(total=this_week.goal, progress=min(this_week.sets, this_week.goal))
        met_weeks = sum(1 for w in weeks if w.met)
        self.query_one("#log-weeks-label", Static).update(
            f"Work sets per week, last {len(weeks)} weeks: goal met in {met_weeks}"
        )
        self.query_one("#log-weeks-trend", Sparkline).data = [w.sets for w in weeks]
