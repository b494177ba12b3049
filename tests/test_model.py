"""The data model: doses as a coach says them, lenient shapes, strict validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glutetui.equipment import NAMES
from glutetui.model import (
    MAX_ALIAS_LENGTH,
    MAX_REPS,
    MAX_SETS,
    SLUG_RE,
    Dose,
    Exercise,
    Routine,
    RoutineItem,
    format_range,
)
from glutetui.plugins import load_plugins
from glutetui.validation import InvalidExerciseError, normalise_exercise, routine_problems

# Doses and equipment as the source material gives them (seed/gluteus-medius.txt).
BUILTINS = {
    "lateral-band-walk": ("2–3 sets of 10–15 reps, each side", ("band",), ()),
    "hip-abductor-machine": ("3–4 sets of 8–12 reps", ("hip abductor machine",), ()),
    "clamshell": ("3 sets of 12–15 reps, each side, hold 1 s at the top", (), ("band", "mat")),
    "single-leg-deadlift": ("3 sets of 10–12 reps, each side", ("dumbbell",), ()),
    "barbell-hip-thrust": ("3–4 sets of 8–12 reps, hold 3 s at the top", ("barbell", "bench"), ()),
}


def minimal(**changes: object) -> Exercise:
    values: dict[str, object] = {"id": "side-step", "name": "Side step", "instructions": ["Go."]}
    return Exercise(**(values | changes))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def builtins() -> dict[str, Exercise]:
    return dict(load_plugins(disabled=[]).catalog.exercises)


@pytest.mark.parametrize("exercise_id", sorted(BUILTINS))
def test_builtin_dose_and_equipment(builtins: dict[str, Exercise], exercise_id: str) -> None:
    dose, equipment, optional = BUILTINS[exercise_id]
    ex = builtins[exercise_id]
    assert ex.dose.describe() == dose
    assert ex.equipment == equipment
    assert ex.optional_equipment == optional
    assert len(ex.instructions) >= 2
    assert all(word in NAMES for word in (*ex.equipment, *ex.optional_equipment))


def test_every_builtin_is_covered(builtins: dict[str, Exercise]) -> None:
    assert set(builtins) == set(BUILTINS)


@pytest.mark.parametrize(
    ("dose", "text"),
    [
        (Dose(sets=(1, 1), reps=(1, 1)), "1 set of 1 rep"),
        (Dose(sets=(1, 2), reps=(5, 5), per_side=True), "1–2 sets of 5 reps, each side"),
        (Dose(sets=(2, 2), reps=(8, 8), hold_seconds=0), "2 sets of 8 reps"),
    ],
)
def test_dose_describe_edge_cases(dose: Dose, text: str) -> None:
    assert dose.describe() == text


def test_format_range() -> None:
    assert format_range((8, 12)) == "8–12"
    assert format_range((3, 3)) == "3"
    assert format_range((8, 12), sep="-") == "8-12"


def test_constructor_normalises_shape_only() -> None:
    ex = minimal(sets=3, reps=[8, 12], equipment="band", tags=None, cues=("a",))
    assert (ex.sets, ex.reps) == ((3, 3), (8, 12))
    assert ex.equipment == ("band",)
    assert ex.tags == ()
    assert ex.instructions == ("Go.",)
    assert minimal(sets=0).sets == (0, 0)  # judged by validation, not here


def test_constructor_keeps_a_lone_non_iterable_for_validation_to_name() -> None:
    ex = minimal(equipment=5)
    assert ex.equipment == (5,)
    with pytest.raises(InvalidExerciseError, match="equipment word 5 must be"):
        normalise_exercise(ex)


def test_routine_items_become_routine_items() -> None:
    routine = Routine(id="r", name="R", items=["clamshell", RoutineItem("x", sets=2, reps=[5, 8])])
    assert routine.items == (RoutineItem("clamshell"), RoutineItem("x", sets=(2, 2), reps=(5, 8)))


def test_normalise_maps_equipment_aliases_and_removes_repeats() -> None:
    ex = normalise_exercise(
        minimal(equipment=["Resistance Band", "bands", "DB"], optional_equipment=["yoga_mat"])
    )
    assert ex.equipment == ("band", "dumbbell")
    assert ex.optional_equipment == ("mat",)


def test_validation_lists_every_problem() -> None:
    ex = Exercise(
        id="",
        name=" ",
        summary=3,  # type: ignore[arg-type]
        instructions=["ok", ""],
        sets=(0, MAX_SETS + 1),
        reps="many",  # type: ignore[arg-type]
        per_side="yes",  # type: ignore[arg-type]
        hold_seconds=True,
        rest_seconds=-1,
        equipment=["!!"],
        cues=[""],
        evidence=1,  # type: ignore[arg-type]
    )
    with pytest.raises(InvalidExerciseError) as err:
        normalise_exercise(ex)
    message = str(err.value)
    for piece in (
        "id '' must be a non-empty slug",
        "name must not be empty",
        "summary must be text",
        "every instruction must be non-empty text",
        "sets must be at least 1, not 0",
        f"sets of {MAX_SETS + 1} is beyond the sane limit of {MAX_SETS}",
        "reps must be a whole number or a (min, max) pair, not 'many'",
        "per_side must be True or False, not 'yes'",
        "hold_seconds must be a whole number from 1 to 120, not True",
        "rest_seconds must be a whole number from 0 to 900, not -1",
        "equipment word '!!' must be a short word or phrase",
        "every entry in cues must be non-empty text",
        "evidence must be text",
    ):
        assert piece in message
    assert message.count(";") == 12


def test_aliases_are_trimmed_and_kept_once() -> None:
    assert minimal(aliases="Side Steps").aliases == ("Side Steps",)
    ex = normalise_exercise(minimal(aliases=[" Side Steps ", "Side Steps", "Lateral Step"]))
    assert ex.aliases == ("Side Steps", "Lateral Step")


@pytest.mark.parametrize(
    ("aliases", "piece"),
    [
        ([""], "every alias must be non-empty text, not ''"),
        (["ok", 3], "every alias must be non-empty text, not 3"),
        (["x" * (MAX_ALIAS_LENGTH + 1)], f"is longer than {MAX_ALIAS_LENGTH} characters"),
    ],
)
def test_aliases_must_be_short_text(aliases: list[object], piece: str) -> None:
    with pytest.raises(InvalidExerciseError, match=piece):
        normalise_exercise(minimal(aliases=aliases))


@pytest.mark.parametrize("bad_id", ["clamshell\n", "Clamshell", "side_plank", "-x", "x-", "a--b"])
def test_ids_must_be_whole_slugs(bad_id: str) -> None:
    with pytest.raises(InvalidExerciseError, match="must be a non-empty slug"):
        normalise_exercise(minimal(id=bad_id))
    assert routine_problems(Routine(id=bad_id, name="R", items=["x"]))


def test_routine_problems() -> None:
    assert routine_problems(Routine(id="ok", name="Ok", items=["a"])) == []
    problems = routine_problems(
        Routine(id="ok", name="", items=[RoutineItem("a", sets=0, reps=(9, 2), load=-1)])
    )
    assert problems == [
        "name must not be empty",
        "a sets must be at least 1, not 0",
        "a reps range 9–2 has its minimum above its maximum",
        "a load must be a non-negative number",
    ]


# --------------------------------------------------------------------------- property

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=300),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.binary(max_size=4),
    st.lists(st.one_of(st.integers(-3, 30), st.text(max_size=6), st.none()), max_size=3),
    st.tuples(st.integers(-3, 250), st.integers(-3, 250)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
texts = st.one_of(st.text(max_size=20), st.sampled_from(["clamshell", "side-plank", "a1"]))
words = st.one_of(
    st.lists(st.one_of(st.sampled_from([*NAMES, "Bands", "DB"]), st.text(max_size=8)), max_size=3),
    anything,
)


@given(
    id=st.one_of(texts, anything),
    name=st.one_of(texts, anything),
    summary=st.one_of(texts, anything),
    instructions=st.one_of(st.lists(texts, max_size=3), anything),
    sets=anything,
    reps=anything,
    per_side=anything,
    hold_seconds=anything,
    equipment=words,
    optional_equipment=words,
    cues=st.one_of(st.lists(texts, max_size=2), anything),
    tags=st.one_of(st.lists(texts, max_size=2), anything),
    evidence=st.one_of(texts, anything),
    rest_seconds=anything,
    aliases=st.one_of(st.lists(texts, max_size=2), anything),
)
def test_any_exercise_normalises_or_is_invalid_with_a_message(**fields: object) -> None:
    """Whatever a plugin passes, the outcome is a sound exercise or an InvalidExerciseError."""
    try:
        ex = normalise_exercise(Exercise(**fields))  # type: ignore[arg-type]
    except InvalidExerciseError as exc:
        assert str(exc).strip()
        return
    # What passes is sound: the rest of the app relies on these without checking again.
    assert SLUG_RE.fullmatch(ex.id)
    assert ex.name.strip() and ex.instructions
    for lo, hi in (ex.sets, ex.reps):
        assert type(lo) is int and type(hi) is int and 1 <= lo <= hi
    assert ex.sets[1] <= MAX_SETS and ex.reps[1] <= MAX_REPS
    assert isinstance(ex.per_side, bool)
    assert all(isinstance(w, str) and w == w.strip().lower() for w in ex.equipment)
    assert all(isinstance(a, str) and a == a.strip() and a for a in ex.aliases)
    assert ex.dose.describe()
