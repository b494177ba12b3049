"""Plan a session: pick exercises (or a routine), see each dose and the equipment, adjust, go.

Left, every exercise with a check box (space ticks it); ``r`` takes a routine's exercises
instead. Right, the plan in order with its dose, and below it the equipment the *whole*
session needs, gathered in one list. On the plan: enter edits an exercise's sets, reps, load
and warm-up sets; ``+``/``-`` change its sets, ``w`` adds a warm-up set, ``[``/``]`` move it.
``g`` starts the session.

With coaching on (the default), the highlighted exercise also shows the coach's suggestion
below the table: its direction and dose, last time, and the reason;
``t`` takes it as the plan's dose (enter edits it as any other). Suggestions are worked out in
a thread after the screen is ready, reading only each exercise's newest sessions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, SelectionList

from glutetui.coach.suggest import Suggestions, suggest_from_log
from glutetui.coach.words import suggestion_lines
from glutetui.equipment import display_name
from glutetui.figures import MISSING
from glutetui.text import neutralise
from glutetui.tui.base import GluteScreen
from glutetui.tui.dialogs import PlanItemDialog, RoutinePicker
from glutetui.tui.format import load_text, plural, short_dose
from glutetui.tui.widgets.check_list import CheckList
from glutetui.tui.widgets.key_bar import KeyBar
from glutetui.tui.widgets.title_bar import TitleBar
from glutetui.workout.entries import MAX_WARMUP_SETS, InvalidEntry
from glutetui.workout.plan import Plan, PlanItem, default_item
from glutetui.workout.runner import Runner

if TYPE_CHECKING:
    from glutetui.coach.history import Outing
    from glutetui.coach.policy import Suggestion
    from glutetui.model import Exercise


FIRST_FRAME_WAIT = 2.0
"""Seconds the coach's thread waits for the plan's next frame before it starts anyway."""


class PlanScreen(GluteScreen[None]):
    """Pick and adjust the exercises of a session, then start it."""

    TITLE = "Plan a session"
    CSS_PATH = "plan.tcss"

    # Below 64 columns the list and the plan take turns (v switches), as the library's do.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "go", "Go", id="plan-go"),
        Binding("r", "routine", "Routine", id="plan-routine"),
        Binding("n", "save_routine", "Save routine", id="plan-save-routine"),
        Binding("plus,equals_sign", "sets(1)", "+set", id="plan-more-sets"),
        Binding("minus", "sets(-1)", "-set", id="plan-fewer-sets"),
        Binding("w", "warmup", "Warm-up", id="plan-warmup"),
        Binding("t", "accept", "Take dose", id="plan-accept"),
        Binding("left_square_bracket", "move(-1)", "Move up", id="plan-move-up", show=False),
        Binding("right_square_bracket", "move(1)", "Move down", id="plan-move-down", show=False),
        Binding("v", "switch_pane", "List/plan", id="plan-switch-pane"),
        Binding("escape", "back", "Back", id="plan-back"),
    ]

    def __init__(self, exercise_ids: Sequence[str] = (), *, routine_id: str | None = None) -> None:
        super().__init__()
        self._initial = tuple(exercise_ids)
        self._initial_routine = routine_id
        self.order: list[str] = []
        """Chosen exercise ids, in session order."""
        self.items: dict[str, PlanItem] = {}
        """Every exercise's (possibly edited) plan item; kept when unticked and ticked again."""
        self.routine_id: str | None = None
        self.coached: dict[str, tuple[Suggestion, Outing | None]] = {}
        """The coach's suggestion and the last outing of each exercise, once worked out."""
        self._asked: set[str] = set()

    @property
    def unit(self) -> str:
        """The user's load unit."""
        return self.settings.units

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="plan-body"):
            with Vertical(id="plan-side"):
                yield Label("Exercises (space ticks)", classes="plan-heading")
                yield CheckList[str](id="plan-choices")
            with VerticalScroll(id="plan-main", can_focus=False):
                # Exercise, routine and equipment names may come from plugins: never markup.
                yield Label("", id="plan-title", classes="plan-heading", markup=False)
                yield DataTable(id="plan-table", cursor_type="row")
                # A policy plugin's reason is outside text: never markup.
                yield Label("", id="plan-coach", markup=False)
                yield Label("", id="plan-equipment", markup=False)
                yield Label("", id="plan-totals")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Exercise", "Sets × reps", "Load", "Warm")
        choices = self.query_one(SelectionList)
        for ex in self.catalog.exercises.values():
            choices.add_option((Text(neutralise(ex.name)), ex.id))
        if choices.option_count:
            choices.highlighted = 0
        if self._initial_routine and self._initial_routine in self.catalog.routines:
            self.use_routine(self._initial_routine)
        else:
            self.set_order([i for i in self._initial if i in self.catalog])
        # The breakpoint class now, not at the next resize: a pushed screen may see none.
        narrow = self.app.size.width < self.HORIZONTAL_BREAKPOINTS[1][0]
        self.set_class(narrow, "-narrow")
        self.set_class(not narrow, "-wide")
        (table if self.order else choices).focus()

    # ---- state

    def plan(self) -> Plan | None:
        """The plan as it stands, or ``None`` when nothing is chosen."""
        if not self.order:
            return None
        settings = self.settings
        return Plan(
            tuple(self.items[i] for i in self.order),
            routine_id=self.routine_id,
            rest_seconds=settings.rest_seconds,
            switch_sides_seconds=settings.switch_sides_seconds,
        )

    def _item(self, exercise_id: str) -> PlanItem:
        if exercise_id not in self.items:
            self.items[exercise_id] = default_item(self.catalog.get(exercise_id))
        return self.items[exercise_id]

    def set_order(self, ids: Sequence[str]) -> None:
        """Choose exactly ``ids``, in that order, and redraw."""
        self.order = list(dict.fromkeys(ids))
        for i in self.order:
            self._item(i)
        choices = self.query_one(SelectionList)
        with choices.prevent(SelectionList.SelectedChanged):
            choices.deselect_all()
            for i in self.order:
                choices.select(i)
        self.refresh_plan()
        self._ask_coach()

    def _ask_coach(self) -> None:
        """Work out suggestions for the chosen exercises that have none yet."""
        missing = tuple(self.catalog.get(i) for i in self.order if i not in self._asked)
        if self.settings.coaching and missing:
            self._asked.update(ex.id for ex in missing)
            drawn = threading.Event()
            self.call_after_refresh(drawn.set)
            self._coach(missing, drawn)

    @work(thread=True, group="coach", exit_on_error=False)
    def _coach(self, exercises: tuple[Exercise, ...], drawn: threading.Event) -> None:
        # The plan as it stands is drawn first: the coach's thread must not hold up a frame
        # (bench/bench_coach.py). The bound only matters if the screen never draws again.
        drawn.wait(timeout=FIRST_FRAME_WAIT)
        from glutetui.log import LogStore

        # A store of its own: one that has read nothing answers its first "newest few" from
        # the summary index's first page, where the app's (which has read the log) would
        # check every file first (3650 sessions: ~0.15 s against ~1 s here).
        store = LogStore(self.paths)
        found = suggest_from_log(
            self.plugin_result, exercises, store, self.settings, self.clock.now()
        )
        self.app.call_from_thread(self._coached, found)

    def _coached(self, found: Suggestions) -> None:
        for suggestion, history in zip(found.items, found.histories, strict=True):
            last = history.outings[0] if history.outings else None
            self.coached[suggestion.exercise_id] = (suggestion, last)
        for name, reason in found.problems:
            self.notify(f"Plugin {name}: {reason}", severity="warning", markup=False)
        if found.file_problems:
            self.notify(
                f"{len(found.file_problems)} file(s) cannot be read and were left alone "
                "(glutetui log --check)",
                severity="warning",
            )
        self.refresh_plan()

    def _coach_text(self) -> str:
        exercise_id = self._highlighted()
        if not self.settings.coaching or exercise_id is None:
            return ""
        if exercise_id not in self.coached:
            return "Coach: working it out…"
        suggestion, last = self.coached[exercise_id]
        dose = suggestion.dose_text(self.catalog.get(exercise_id))
        return "\n".join(suggestion_lines(suggestion, dose, last, self.settings))

    def use_routine(self, routine_id: str) -> None:
        """Take a routine's exercises and dose overrides."""
        routine = self.catalog.routine(routine_id)
        try:
            plan = Plan.for_routine(routine, self.catalog, unit=self.unit)
        except (KeyError, InvalidEntry) as exc:
            self.notify(
                f"Routine {neutralise(routine.name)}: {neutralise(exc)}",
                severity="warning",
                markup=False,
            )
            return
        for item in plan.items:
            self.items[item.exercise_id] = item
        self.routine_id = routine_id
        self.set_order([item.exercise_id for item in plan.items])

    def refresh_plan(self, keep: str | None = None) -> None:
        """Redraw the plan table, the equipment and the totals."""
        table = self.query_one(DataTable)
        keep = keep or self._highlighted()
        table.clear()
        for i in self.order:
            item = self.items[i]
            table.add_row(
                Text(neutralise(item.exercise.name)),
                short_dose(item),
                Text(load_text(item.load, item.unit) or MISSING),
                str(item.warmup_sets or MISSING),
                key=i,
            )
        if keep in self.order:
            table.move_cursor(row=self.order.index(keep))
        self.query_one("#plan-coach", Label).update(self._coach_text())
        routine = self.catalog.routines.get(self.routine_id) if self.routine_id else None
        title = f"Plan: {neutralise(routine.name)}" if routine else "Plan"
        self.query_one("#plan-title", Label).update(title)
        plan = self.plan()
        equipment = self.query_one("#plan-equipment", Label)
        totals = self.query_one("#plan-totals", Label)
        if plan is None:
            equipment.update("Tick exercises on the left (space), or press r for a routine.")
            totals.update("")
            return
        need = ", ".join(plan.equipment_names()) or "nothing but yourself"
        text = f"You need: {need}"
        if plan.optional_equipment():
            optional = ", ".join(display_name(w) for w in plan.optional_equipment())
            text += f"\nOptional: {optional}"
        equipment.update(text)
        # Sets as every other view counts them: a per-side set is one set, done on both sides
        # (the plan's steps count each side apart).
        work = sum(item.sets for item in plan.items)
        warm = sum(item.warmup_sets for item in plan.items)
        sets = plural(work, "set") + (f" + {plural(warm, 'warm-up')}" if warm else "")
        totals.update(f"{plural(len(plan.items), 'exercise')} · {sets} in all · g: go")

    def _highlighted(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.order or table.cursor_row < 0 or table.cursor_row >= len(self.order):
            return None
        return self.order[table.cursor_row]

    # ---- events

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged[str]) -> None:
        selected = set(event.selection_list.selected)
        order = [i for i in self.order if i in selected]
        order += [i for i in event.selection_list.selected if i not in order]
        self.routine_id = None  # hand-picked now
        self.set_order(order)

    @on(DataTable.RowHighlighted)
    def _moved(self) -> None:
        self.query_one("#plan-coach", Label).update(self._coach_text())

    @on(DataTable.RowSelected)
    def _edit(self, event: DataTable.RowSelected) -> None:
        exercise_id = str(event.row_key.value)

        def edited(item: PlanItem | None) -> None:
            if item is not None:
                self.items[exercise_id] = item
                self.refresh_plan(keep=exercise_id)

        self.app.push_screen(PlanItemDialog(self.items[exercise_id], self.unit), edited)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # On a narrow screen the focused pane is the one shown.
        self.set_class(isinstance(event.widget, DataTable), "-show-plan")

    # ---- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the pane switch only where the panes take turns."""
        if action == "switch_pane":
            return self.has_class("-narrow")
        return True

    def action_switch_pane(self) -> None:
        """Show the other pane: the list of exercises or the plan."""
        if isinstance(self.focused, DataTable):
            self.query_one(CheckList).focus()
        else:
            self.add_class("-show-plan")
            self.query_one(DataTable).focus()

    def action_routine(self) -> None:
        """Choose a routine."""

        def chosen(routine_id: str | None) -> None:
            if routine_id:
                self.use_routine(routine_id)
                self.query_one(DataTable).focus()

        self.app.push_screen(RoutinePicker(self.catalog), chosen)

    def action_save_routine(self) -> None:
        """Save the plan as one of your routines (``routines/<name>.toml``), asking its name."""
        from glutetui.tui.dialogs.routine_name import RoutineNameDialog
        from glutetui.tui.plan_routine import save_plan_as_routine

        plan = self.plan()
        if plan is None:
            self.notify("Choose at least one exercise first.", severity="warning")
            return

        def named(name: str | None) -> None:
            if name:
                routine_id = save_plan_as_routine(self.glute_app, plan, name, self.unit)
                if routine_id is not None:
                    self.routine_id = routine_id

        self.app.push_screen(RoutineNameDialog("Save this plan as a routine"), named)

    def _change(self, change: Callable[[PlanItem], PlanItem]) -> None:
        """Apply ``change`` to the highlighted exercise's plan item (if it is valid)."""
        exercise_id = self._highlighted()
        if exercise_id is None:
            return
        try:
            self.items[exercise_id] = change(self.items[exercise_id])
        except InvalidEntry as exc:
            self.notify(str(exc), severity="warning")
            return
        self.refresh_plan(keep=exercise_id)

    def action_sets(self, delta: int) -> None:
        """More or fewer work sets for the highlighted exercise."""
        self._change(lambda item: replace(item, sets=item.sets + delta))

    def action_accept(self) -> None:
        """Take the coach's suggestion as the highlighted exercise's dose."""
        exercise_id = self._highlighted()
        found = self.coached.get(exercise_id) if exercise_id else None
        if found is None:
            return
        suggestion = found[0]
        if suggestion.variant is not None:
            self.notify(
                f"The coach suggests {suggestion.variant}: tick it on the left to add it.",
                markup=False,
            )
        self._change(
            lambda item: replace(
                item,
                sets=suggestion.sets,
                reps=suggestion.reps,
                load=suggestion.load,
                unit=suggestion.unit,
                seconds=suggestion.seconds or item.seconds,
            )
        )

    def action_warmup(self) -> None:
        """One more warm-up set (back to none after the maximum)."""
        self._change(
            lambda item: replace(item, warmup_sets=(item.warmup_sets + 1) % (MAX_WARMUP_SETS + 1))
        )

    def action_move(self, delta: int) -> None:
        """Move the highlighted exercise up or down the order."""
        exercise_id = self._highlighted()
        if exercise_id is None:
            return
        i = self.order.index(exercise_id)
        j = max(0, min(len(self.order) - 1, i + delta))
        self.order.insert(j, self.order.pop(i))
        self.refresh_plan(keep=exercise_id)

    def action_go(self) -> None:
        """Start the session with this plan."""
        from glutetui.log import LogStore
        from glutetui.tui.session_mode import running_session, start_session

        plan = self.plan()
        if plan is None:
            self.notify("Choose at least one exercise first.", severity="warning")
            return
        if running_session(self.glute_app) is not None:
            self.notify(
                "A session is already running: finish it first (s goes back to it).",
                severity="warning",
            )
            return
        session_id = LogStore.new_session_id(self.clock.now())
        runner = Runner.start(plan, session_id, self.clock)
        self.dismiss(None)
        start_session(self.glute_app, runner)

    def action_back(self) -> None:
        """Back to the library without starting."""
        self.dismiss(None)
