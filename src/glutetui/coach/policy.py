"""The default dose policy: a pure function of an exercise's history and the settings.

Each rule has an id and a source (coaching.md §1 and §3); the first rule that applies decides,
and its one-line reason names both. At most one rung moves per session. The rules, in order:

* ``first-session`` – no history: the bottom of the exercise's own dose.
* ``red-pain`` – pain in the red zone last time (or the next morning): one rung down.
* ``worse-morning`` – the next morning felt worse: one rung down (the 24-hour rule).
* ``missed-week`` – a week or more since the last session: resume one rung lower.
* ``pain-rising`` – pain rose from the session before: stay.
* ``amber-stay`` – pain in the amber zone: stay.
* ``double-progression-up`` – every work set on every side reached the top of the range: one
  rung up, back to the bottom of the range (``harder-variant`` / ``top-of-ladder`` at the top).
* ``lagging-side`` – one side did fewer reps: stay, start with that side, match the other to it.
* ``double-progression-stay`` – otherwise: the same dose until every set reaches the top.

Alongside, a calm notice to stop the exercise and ask a physiotherapist or doctor when pain was
red twice in a row (``help-pain-twice``), two next mornings in a row were worse
(``help-worse-mornings``), or a sharp pain was reported (``help-sharp-pain``). Never a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Literal, get_args

from glutetui.coach.history import ExerciseHistory, Outing
from glutetui.coach.ladder import (
    Rung,
    band_parts,
    bottom,
    describe_load,
    loaded,
    step_down,
    step_up,
)
from glutetui.coach.zones import pain_zone
from glutetui.model import Exercise, Range, Side, format_range
from glutetui.settings import Settings

Direction = Literal["up", "same", "down"]
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
MISSED_AFTER = timedelta(days=7)

_PAIN_MODEL = "pain-monitoring model, Silbernagel et al. 2007, Am J Sports Med 35(6)"
_DOUBLE = "double progression, general strength practice (coaching.md §3)"
_SAFETY = "glutetui's safety guidance: a reason to ask a professional, never a diagnosis"
LEWIS = "Lewis et al. 2018, J Athl Train 53(11)"

RULES: dict[str, str] = {
    "first-session": "the exercise's own dose, as its plugin gives it",
    "red-pain": _PAIN_MODEL,
    "worse-morning": "24-hour rule of the " + _PAIN_MODEL,
    "missed-week": "glutetui's cautious default (no published source)",
    "pain-rising": _PAIN_MODEL,
    "amber-stay": _PAIN_MODEL,
    "double-progression-up": _DOUBLE,
    "harder-variant": _DOUBLE,
    "top-of-ladder": _DOUBLE,
    "lagging-side": "common coaching practice (no single source)",
    "double-progression-stay": _DOUBLE,
    "help-pain-twice": _SAFETY,
    "help-worse-mornings": _SAFETY,
    "help-sharp-pain": _SAFETY,
}
"""Every rule id and its source."""

_SHORT = {
    _PAIN_MODEL: "Silbernagel 2007",
    "24-hour rule of the " + _PAIN_MODEL: "24-hour rule, Silbernagel 2007",
    _DOUBLE: "double progression",
    RULES["first-session"]: "the plugin's dose",
    LEWIS: "Lewis et al. 2018",
}


@dataclass(frozen=True)
class Suggestion:
    """What the coach suggests for one exercise next time, and why."""

    exercise_id: str
    direction: Direction
    sets: int
    reps: Range
    load: float | None
    unit: str | None
    reason: str
    """One line: what the history shows, what to do, the rule's short source."""
    rule: str
    source: str
    lead_side: Side | None = None
    """Start with this side and match the other to it."""
    variant: str | None = None
    """Switch to this exercise (the plugin's harder or easier one)."""
    notice: str | None = None
    """A calm notice to stop and ask a professional, when one applies."""
    notice_rule: str | None = None
    seconds: Range | None = None
    """Seconds per set (and side) for a timed exercise; ``None``: the exercise's own."""

    @property
    def rung(self) -> Rung:
        """The suggested rung (sets, load, band)."""
        return Rung(sets=self.sets, load=self.load, unit=self.unit, variant=self.variant)

    def dose_text(self, exercise: Exercise) -> str:
        """``3 × 12–15/side, red band at the ankles``; ``, a light load you choose`` for a
        loaded exercise with no load to go on yet."""
        timed = self.seconds or exercise.seconds
        held = f"{format_range(timed)} s" if timed else None
        text = f"{self.sets} × {held or format_range(self.reps)}"
        text += "/side" if exercise.per_side else ""
        if self.load is None and self.unit is None and loaded(exercise):
            return f"{text}, a light load you choose"
        return f"{text}, {describe_load(self.rung)}"


def _tag(source: str) -> str:
    return _SHORT.get(source, source)


def _suggest(
    exercise: Exercise,
    direction: Direction,
    rung: Rung,
    reps: Range,
    rule: str,
    why: str,
    *,
    lead_side: Side | None = None,
    extra_source: str | None = None,
) -> Suggestion:
    source = RULES[rule] + (f"; {extra_source}" if extra_source else "")
    tag = _tag(RULES[rule]) + (f"; {_tag(extra_source)}" if extra_source else "")
    return Suggestion(
        exercise_id=exercise.id,
        direction=direction,
        sets=rung.sets,
        reps=reps,
        load=rung.load,
        unit=rung.unit,
        reason=f"{why} ({tag})",
        rule=rule,
        source=source,
        lead_side=lead_side,
        variant=rung.variant,
    )


def _pain_words(pain: int | None, settings: Settings) -> str:
    return "no pain given" if pain is None else f"pain {pain}, {pain_zone(pain, settings).words}"


def _zone(pain: int | None, settings: Settings) -> str | None:
    return None if pain is None else pain_zone(pain, settings).id


def _all_at_top(last: Outing, top: int, sets: int) -> bool:
    return bool(last.reps) and all(
        len(reps) >= sets and all(r >= top for r in reps) for reps in last.reps.values()
    )


def _lagging(last: Outing) -> Side | None:
    left, right = sum(last.reps.get("left", ())), sum(last.reps.get("right", ()))
    if "left" not in last.reps or "right" not in last.reps or left == right:
        return None
    return "left" if left < right else "right"


def _notice(history: ExerciseHistory, settings: Settings) -> tuple[str, str] | None:
    outings = history.outings
    last = outings[0]
    if last.morning is not None and last.morning.sharp:
        return (
            "help-sharp-pain",
            "You reported a sharp pain. Leave this exercise for now and talk to a "
            "physiotherapist or doctor before you go on with it.",
        )
    recent = outings[:2]
    if len(recent) == 2 and all(_zone(o.pain, settings) == "red" for o in recent):
        return (
            "help-pain-twice",
            "Pain was too much in each of the last two sessions. Stop this exercise for now "
            "and ask a physiotherapist or doctor how to go on.",
        )
    if len(recent) == 2 and all(
        o.morning is not None and o.morning.compared == "worse" for o in recent
    ):
        return (
            "help-worse-mornings",
            "The hip felt worse the morning after each of the last two sessions. Pause this "
            "exercise and check with a physiotherapist or doctor.",
        )
    return None


def _down(
    exercise: Exercise, current: Rung, reps: Range, rule: str, why: str, settings: Settings
) -> Suggestion:
    lower = step_down(exercise, current, settings)
    if lower is None:
        return _suggest(
            exercise, "same", current, reps, rule, f"{why}: already the easiest rung, keep it"
        )
    return _suggest(exercise, "down", lower, reps, rule, f"{why}: one step down")


def _step_words(current: Rung, higher: Rung) -> str:
    """What one step up changes, the way a coach says it."""
    (colour, position), (new_colour, new_position) = (
        band_parts(current.unit),
        band_parts(higher.unit),
    )
    if new_colour is not None and new_colour == colour and new_position != position:
        return f"move the band to the {new_position}"
    if new_colour is not None and new_colour != colour:
        return f"take the {describe_load(higher)}"
    if higher.load != current.load:
        return f"go up to {describe_load(higher)}"
    return f"add a set ({higher.sets} sets)"


def _decide(exercise: Exercise, history: ExerciseHistory, settings: Settings) -> Suggestion:
    if not history.outings:
        rung = bottom(exercise)
        return _suggest(
            exercise,
            "same",
            rung,
            exercise.reps,
            "first-session",
            "first session: start at the bottom of the exercise's dose",
        )
    last = history.outings[0]
    previous = history.outings[1] if len(history.outings) > 1 else None
    current = Rung(sets=last.rung.sets, load=last.rung.load, unit=last.rung.unit)
    reps = exercise.reps
    morning = last.morning
    morning_pain = None if morning is None else morning.pain
    if _zone(last.pain, settings) == "red" or _zone(morning_pain, settings) == "red":
        when = "last time" if _zone(last.pain, settings) == "red" else "the next morning"
        pain = last.pain if when == "last time" else morning_pain
        return _down(
            exercise, current, reps, "red-pain", f"{_pain_words(pain, settings)} {when}", settings
        )
    if morning is not None and morning.compared == "worse":
        return _down(
            exercise, current, reps, "worse-morning", "the next morning felt worse", settings
        )
    if history.now - last.started_at >= MISSED_AFTER:
        days = (history.now - last.started_at).days
        return _down(
            exercise, current, reps, "missed-week", f"{days} days since the last session", settings
        )
    if (
        previous is not None
        and last.pain is not None
        and previous.pain is not None
        and last.pain > previous.pain
    ):
        return _suggest(
            exercise,
            "same",
            current,
            reps,
            "pain-rising",
            f"pain rose from {previous.pain} to {last.pain}: keep the same dose",
        )
    if _zone(last.pain, settings) == "amber" or _zone(morning_pain, settings) == "amber":
        return _suggest(
            exercise,
            "same",
            current,
            reps,
            "amber-stay",
            f"{_pain_words(last.pain if _zone(last.pain, settings) == 'amber' else morning_pain, settings)}: keep the same dose",
        )
    if exercise.timed:  # double progression counts reps; the ladder has no rung for seconds
        return _suggest(
            exercise,
            "same",
            current,
            reps,
            "double-progression-stay",
            "a timed exercise: the coach does not step up by seconds held yet, keep the dose",
        )
    top = (last.target_reps or exercise.reps)[1]
    if _all_at_top(last, top, current.sets):
        settled = "settled next morning" if morning is not None else "no morning answer"
        done = f"every set reached {top}, {_pain_words(last.pain, settings)}, {settled}"
        higher = step_up(exercise, current, settings)
        if higher is None:
            return _suggest(
                exercise,
                "same",
                current,
                reps,
                "top-of-ladder",
                f"{done}: this is the top of the exercise's ladder, keep it",
            )
        if higher.variant is not None:
            return _suggest(
                exercise,
                "up",
                higher,
                reps,
                "harder-variant",
                f"{done}: move on to {higher.variant}",
            )
        moved_band = band_parts(higher.unit)[1] != band_parts(current.unit)[1]
        return _suggest(
            exercise,
            "up",
            higher,
            reps,
            "double-progression-up",
            f"{done}: {_step_words(current, higher)}, from {reps[0]} reps again",
            extra_source=LEWIS if moved_band else None,
        )
    weaker = _lagging(last) if exercise.per_side else None
    if weaker is not None:
        other = "right" if weaker == "left" else "left"
        return _suggest(
            exercise,
            "same",
            current,
            reps,
            "lagging-side",
            f"{weaker} side did {sum(last.reps[weaker])} reps, {other} {sum(last.reps[other])}: "
            f"start with the {weaker} side and match the {other} to it",
            lead_side=weaker,
        )
    return _suggest(
        exercise,
        "same",
        current,
        reps,
        "double-progression-stay",
        f"not every set reached {top} yet: keep the same dose",
    )


def default_policy(exercise: Exercise, history: ExerciseHistory, settings: Settings) -> Suggestion:
    """The default suggestion for ``exercise`` after ``history`` (a pure function)."""
    suggestion = _decide(exercise, history, settings)
    if exercise.timed and history.outings and history.outings[0].target_seconds:
        # No rule moves seconds yet, so the seconds agreed last time stay (not the default).
        suggestion = replace(suggestion, seconds=history.outings[0].target_seconds)
    notice = _notice(history, settings) if history.outings else None
    if notice is None:
        return suggestion
    return replace(suggestion, notice_rule=notice[0], notice=notice[1])
