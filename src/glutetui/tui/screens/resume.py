"""Offer to resume a session that was left unfinished (a dropped link, a kill, a closed terminal).

At start-up, after the first screen is drawn, the log is asked for sessions still
``in-progress``. For the newest one a dialog says when it started, what was logged and where it
stopped, and offers to resume exactly there, to keep it as it is (marked incomplete), or to
decide later (it is offered again next time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from glutetui.log import LogStore, StoreError
from glutetui.runner import Runner, RunnerError

if TYPE_CHECKING:
    from textual.app import App

    from glutetui.model import Session

ResumeChoice = Literal["resume", "keep", "later"]


class ResumeScreen(ModalScreen[ResumeChoice]):
    """Resume an unfinished session, keep it as incomplete, or decide later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,enter", "choose('resume')", "Resume", id="resume-session"),
        Binding("k", "choose('keep')", "Keep as incomplete", id="resume-keep"),
        Binding("escape,l", "choose('later')", "Later", id="resume-later"),
    ]

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.runner = runner

    def compose(self) -> ComposeResult:
        session = self.runner.session
        step = self.runner.current
        where = "every step was done; it only needs finishing"
        if step is not None:
            where = f"{self.runner.item(step).exercise.name}, {step.label}"
        names = ", ".join(e.name for e in session.exercises)
        with Vertical(classes="dialog", id="resume-dialog"):
            yield Label("Resume your unfinished session?", classes="dialog-title")
            yield Label(f"Started {session.started_at:%a %d %b, %H:%M}: {names}", markup=False)
            yield Label(f"{len(session.sets)} set(s) logged. Next: {where}.", markup=False)
            yield Label(
                "r or enter: resume there · k: keep it as it is (incomplete) · escape: later",
                classes="dialog-hint",
            )

    def action_choose(self, choice: ResumeChoice) -> None:
        """Close with the choice."""
        self.dismiss(choice)


def _load_runner(app: App, store: LogStore, session: Session) -> Runner:
    # The full file, not the index's summary of it: resuming needs every field.
    full = store.load(session.id)
    settings = app.settings  # type: ignore[attr-defined]
    return Runner.resume(
        full,
        app.catalog,  # type: ignore[attr-defined]
        app.clock,  # type: ignore[attr-defined]
        rest_seconds=settings.rest_seconds,
        switch_sides_seconds=settings.switch_sides_seconds,
    )


def offer_resume(app: App, store: LogStore | None = None) -> None:
    """Offer the newest unfinished session, if there is one (call once the first screen shows).

    The log is read in a thread so that a long history never holds up the first keys.
    """
    store = store or app.store  # type: ignore[attr-defined]

    def find() -> None:
        try:
            unfinished = store.unfinished()
        except (StoreError, OSError) as exc:
            app.call_from_thread(
                app.notify, f"Could not look for unfinished sessions: {exc}", severity="warning"
            )
            return
        for session in unfinished:
            try:
                runner = _load_runner(app, store, session)
            except (StoreError, RunnerError, OSError) as exc:
                app.call_from_thread(
                    app.notify,
                    f"Session {session.id} cannot be resumed: {exc}",
                    severity="warning",
                    markup=False,
                )
                continue
            app.call_from_thread(_ask, app, store, runner)
            return

    app.run_worker(find, thread=True, name="find-unfinished-session", group="resume")


def _ask(app: App, store: LogStore, runner: Runner) -> None:
    def chosen(choice: ResumeChoice | None) -> None:
        from glutetui.tui.screens.session import start_session

        if choice == "resume":
            start_session(app, runner)
        elif choice == "keep":
            kept = runner.abandon()
            try:
                store.save(kept)
            except StoreError as exc:
                app.notify(str(exc), title="Could not save", severity="error", markup=False)
                return
            result = getattr(app, "plugin_result", None)
            if result is not None:
                for name, reason in result.notify_session_saved(kept, True):
                    app.notify(
                        f"{name}: {reason}",
                        title="Plugin problem",
                        severity="warning",
                        markup=False,
                    )
            app.notify("Kept as an incomplete session.", timeout=4)

    app.push_screen(ResumeScreen(runner), chosen)
