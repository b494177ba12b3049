"""ExerciseList: the virtualised list of exercises (one OptionList line each, no widget each)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from glutetui.model import Exercise
from glutetui.text import neutralise


class ExerciseList(OptionList):
    """Exercises by name. An OptionList draws only the visible lines, so a thousand
    exercises from many plugins cost about as much to paint as five."""

    class Highlighted(Message):
        """The cursor moved onto an exercise."""

        def __init__(self, exercise_list: ExerciseList, exercise_id: str) -> None:
            super().__init__()
            self.exercise_list = exercise_list
            self.exercise_id = exercise_id
            """Id of the highlighted exercise."""

        @property
        def control(self) -> ExerciseList:
            """The list that posted the message (for ``@on``)."""
            return self.exercise_list

    class Selected(Message):
        """An exercise was chosen (enter or click): its details should be opened."""

        def __init__(self, exercise_list: ExerciseList, exercise_id: str) -> None:
            super().__init__()
            self.exercise_list = exercise_list
            self.exercise_id = exercise_id
            """Id of the chosen exercise."""

        @property
        def control(self) -> ExerciseList:
            """The list that posted the message (for ``@on``)."""
            return self.exercise_list

    def __init__(
        self,
        exercises: Sequence[Exercise] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # markup=False: names come from plugins and must show as typed, brackets and all.
        super().__init__(*self._make_options(exercises), id=id, classes=classes, markup=False)

    @staticmethod
    def _make_options(exercises: Sequence[Exercise]) -> list[Option]:
        return [Option(neutralise(ex.name), id=ex.id) for ex in exercises]

    def show(self, exercises: Sequence[Exercise], keep: str | None = None) -> None:
        """Replace the list with ``exercises``; keep the cursor on ``keep`` if it is still there."""
        self.set_options(self._make_options(exercises))
        if not exercises:
            return
        ids = [ex.id for ex in exercises]
        self.highlighted = ids.index(keep) if keep in ids else 0

    @property
    def highlighted_id(self) -> str | None:
        """Id of the exercise under the cursor, if any."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.Highlighted(self, event.option_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.Selected(self, event.option_id))
