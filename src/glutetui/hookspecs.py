"""The plugin contract: every hook glutetui calls.

These names and signatures are public. Adding a hook is a minor change; changing the shape of
one below needs a major version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

from glutetui import PROJECT_NAME
from glutetui.coach.programmes import Programme
from glutetui.coach.selftests import SelfTest
from glutetui.importers import Importer
from glutetui.model import Exercise, Routine, Session

if TYPE_CHECKING:
    from glutetui.coach.history import ExerciseHistory
    from glutetui.coach.policy import Suggestion
    from glutetui.settings import Settings

hookspec = pluggy.HookspecMarker(PROJECT_NAME)


@hookspec
def register_exercises(register: Callable[[Exercise], None]) -> None:
    """Register the exercises this plugin provides.

    Called once when glutetui loads its plugins (at the start of the app and of every
    command that lists exercises). Call ``register(exercise)`` once per
    :class:`glutetui.Exercise`. Each one is validated: an invalid exercise, or one whose ``id``
    another plugin already registered, is reported under this plugin's name and left out; the
    plugin's other exercises stay. If the hook raises, every exercise and routine of this
    plugin is left out and the error is reported; other plugins are unaffected.
    """


@hookspec
def register_routines(register: Callable[[Routine], None]) -> None:
    """Register named routines: ordered lists of exercise ids with optional dose overrides.

    Called after every plugin's ``register_exercises``, so a routine may use exercises from
    any plugin. Call ``register(routine)`` once per :class:`glutetui.Routine`. A routine that
    names an exercise nobody registered is reported and left out.
    """


@hookspec
def session_saved(session: Session, final: bool) -> None:
    """Be told that a workout's session was written to the log.

    Called after every save the workout makes, once the file is durably in place, with the
    :class:`glutetui.Session` exactly as written: after each logged set, pain answer, skip and
    undo (``final`` is false), and once when the session ends (``final`` is true): finished,
    finished early, or kept as incomplete when glutetui offers to resume it. A save that fails
    calls nothing; the session stays in memory and the save that later succeeds calls the hook
    (with ``final`` true if the session has ended by then). Not called when a session is
    resumed (nothing is written until the next entry), nor for changes made outside a workout:
    a note edited in the log, a session deleted, sessions imported; nor for the last-resort
    save glutetui makes when the terminal hangs up and an orderly exit does not come in time
    (no plugin code runs then: the process is about to end).

    Use it to mirror the log elsewhere. It must return quickly and must not change the session.
    An exception is reported, by plugin name, the first time it happens in a workout; the
    workout and the save carry on, and the hook is still called after the next save.
    """


@hookspec
def register_importers(register: Callable[[Importer], None]) -> None:
    """Register the file formats this plugin can import.

    Called once when glutetui loads its plugins, after ``register_routines``. Call
    ``register(importer)`` once per :class:`glutetui.importers.Importer`. An importer whose
    name is invalid or already taken by another plugin is reported and left out. When a file
    is imported, every importer's ``recognise`` is tried in plugin order (the built-in ones
    first) until one knows the file; one that raises is reported by name and the others are
    still tried.
    """


@hookspec
def register_programmes(register: Callable[[Programme], None]) -> None:
    """Register programmes: named, staged plans of routines over weeks.

    Called when glutetui lists programmes or works out what is due (``glutetui programme``,
    ``glutetui due``, the Today view), after every routine is registered. Call
    ``register(programme)`` once per :class:`glutetui.Programme`. Each one is validated on its
    own: an invalid one, one naming a routine nobody registered, or one whose ``id`` is taken
    is reported under this plugin's name and left out. If the hook raises, this plugin's
    programmes are left out and the error is reported; other plugins are unaffected.
    """


@hookspec
def register_self_tests(register: Callable[[SelfTest], None]) -> None:
    """Register self-tests: short tests a person repeats and logs (never a diagnosis).

    Called by ``glutetui selftest`` and by the report. Call ``register(test)`` once per
    :class:`glutetui.SelfTest`. An invalid one, or one whose ``id`` is taken, is reported under
    this plugin's name and left out; if the hook raises, this plugin's self-tests are left out
    and the error is reported; other plugins are unaffected.
    """


@hookspec(firstresult=True)
def suggest_dose(
    exercise: Exercise, history: ExerciseHistory, settings: Settings
) -> Suggestion | None:
    """Suggest the next session's dose of ``exercise``: replace the coach's policy.

    ``history`` is a :class:`glutetui.coach.history.ExerciseHistory`: the exercise's recent
    sessions, newest first, each with its rung, reps per set kept apart by side, pain and the
    next-morning answer, plus the time now. Return a :class:`glutetui.coach.policy.Suggestion`
    for ``exercise.id``, or ``None`` to leave the decision to the next policy. The first
    answer wins; glutetui's own policy (:func:`glutetui.coach.policy.default_policy`) answers
    last. It must be a pure function of its arguments and return quickly. A policy that raises
    or returns something glutetui cannot use is reported by plugin name, and the next policy
    (in the end glutetui's own) is used instead.
    """
