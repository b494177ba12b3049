"""Self-tests a person can repeat and log (a test, never a diagnosis), and their results.

A :class:`SelfTest` lists the :class:`Field`\\ s a result records; a per-side field is asked for
the left and the right. Plugins register self-tests through the ``register_self_tests`` hook;
the built-ins are the 30-second single-leg stance and a weekly check (coaching.md §4 and §2).
A :class:`SelfTestResult` holds one recorded result; :func:`result_problems` checks its values
against the test, so a result read back from a file is only ever what the app could have written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from glutetui.model import SIDES, SLUG_RE

FieldKind = Literal["number", "choice"]
MAX_FIELDS = 12
MAX_NUMBER = 3600


@dataclass(frozen=True)
class Field:
    """One thing a self-test records: a whole number in a range, or one of some words."""

    key: str
    """Slug-like name (``seconds``, ``pain``): the result file's key, with the side in front."""
    label: str
    """The question, in a few words ("Seconds held")."""
    kind: FieldKind = "number"
    low: int = 0
    high: int = 10
    choices: tuple[str, ...] = ()
    per_side: bool = False
    help: str = ""
    """What the ends of the scale mean, or how to judge."""

    def result_keys(self) -> tuple[str, ...]:
        """The result keys: ``left_seconds`` and ``right_seconds`` for a per-side field."""
        return tuple(f"{side}_{self.key}" for side in SIDES) if self.per_side else (self.key,)


@dataclass(frozen=True)
class SelfTest:
    """A self-test: what to do, what to record, and where it comes from."""

    id: str
    name: str
    instructions: tuple[str, ...]
    fields: tuple[Field, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "instructions", tuple(self.instructions))
        object.__setattr__(self, "fields", tuple(self.fields))

    def result_keys(self) -> tuple[str, ...]:
        """Every key a complete result has, in the order they are asked."""
        return tuple(k for f in self.fields for k in f.result_keys())

    def field_of(self, key: str) -> Field | None:
        """The field a result key belongs to."""
        return next((f for f in self.fields if key in f.result_keys()), None)


Value = int | str


@dataclass(frozen=True)
class SelfTestResult:
    """One recorded result."""

    id: str
    """File name without ``.toml``: the UTC second and six random hex digits, like a session's."""
    test_id: str
    when: datetime
    values: Mapping[str, Value]
    note: str = ""


class InvalidSelfTestError(ValueError):
    """A self-test or a result whose values make no sense; the message lists every problem."""


def selftest_problems(test: object) -> list[str]:
    """Every reason ``test`` cannot be registered; empty when it is fine."""
    if not isinstance(test, SelfTest):
        return [f"expected a glutetui SelfTest, got {type(test).__name__}"]
    problems: list[str] = []
    if not isinstance(test.id, str) or not SLUG_RE.fullmatch(test.id):
        problems.append(f"id {test.id!r} must be a slug like 'single-leg-stance'")
    if not isinstance(test.name, str) or not test.name.strip():
        problems.append("name must not be empty")
    if not test.instructions or not all(
        isinstance(s, str) and s.strip() for s in test.instructions
    ):
        problems.append("needs at least one instruction, each non-empty text")
    if not test.fields or len(test.fields) > MAX_FIELDS:
        problems.append(f"needs 1 to {MAX_FIELDS} fields")
    seen: set[str] = set()
    for field in test.fields:
        if not isinstance(field, Field):
            problems.append(f"field {field!r} must be a glutetui SelfTestField")
            continue
        label = f"field {field.key!r}"
        if not isinstance(field.key, str) or not SLUG_RE.fullmatch(field.key) or "-" in field.key:
            problems.append(f"{label}: key must be lowercase letters and digits")
        elif field.key in seen:
            problems.append(f"{label} appears twice")
        seen.add(str(field.key))
        if not isinstance(field.label, str) or not field.label.strip():
            problems.append(f"{label} needs a label")
        if field.kind == "number":
            if not (isinstance(field.low, int) and isinstance(field.high, int)) or not (
                -MAX_NUMBER <= field.low < field.high <= MAX_NUMBER
            ):
                problems.append(f"{label}: needs whole numbers low < high within ±{MAX_NUMBER}")
        elif field.kind == "choice":
            if len(field.choices) < 2 or not all(
                isinstance(c, str) and SLUG_RE.fullmatch(c) for c in field.choices
            ):
                problems.append(f"{label}: needs two or more choices, each a lowercase word")
        else:
            problems.append(f"{label}: kind must be 'number' or 'choice', not {field.kind!r}")
    return problems


def value_problem(field: Field, value: object) -> str | None:
    """Why ``value`` cannot be recorded for ``field``, or ``None`` when it can."""
    if field.kind == "choice":
        if value not in field.choices:
            return f"must be one of {', '.join(field.choices)}, not {value!r}"
        return None
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not field.low <= value <= field.high
    ):
        return f"must be a whole number from {field.low} to {field.high}, not {value!r}"
    return None


def result_problems(test: SelfTest, values: Mapping[str, object]) -> list[str]:
    """Every reason ``values`` is not a complete result of ``test``."""
    problems = [f"{key} is missing" for key in test.result_keys() if key not in values]
    for key, value in values.items():
        field = test.field_of(key)
        if field is None:
            problems.append(f"{key} is not part of {test.name}")
            continue
        problem = value_problem(field, value)
        if problem:
            problems.append(f"{key} {problem}")
    return problems
