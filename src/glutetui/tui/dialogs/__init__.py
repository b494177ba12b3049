"""Dialogs: one reusable modal per module, all styled in ``dialogs.tcss``.

:class:`ConfirmDialog` is the one yes/no question; the others each ask one thing.
"""

from glutetui.tui.dialogs.base import Dialog
from glutetui.tui.dialogs.confirm import ConfirmDialog
from glutetui.tui.dialogs.equipment import EquipmentDialog
from glutetui.tui.dialogs.note_edit import NoteEditDialog
from glutetui.tui.dialogs.paused import PausedDialog
from glutetui.tui.dialogs.plan_item import PlanItemDialog
from glutetui.tui.dialogs.resume import ResumeChoice, ResumeDialog
from glutetui.tui.dialogs.routine_picker import RoutinePicker

__all__ = [
    "ConfirmDialog",
    "Dialog",
    "EquipmentDialog",
    "NoteEditDialog",
    "PausedDialog",
    "PlanItemDialog",
    "ResumeChoice",
    "ResumeDialog",
    "RoutinePicker",
]
