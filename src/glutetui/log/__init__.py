"""The training log: one TOML file per session, the derived indexes, and reading them fast.

* :mod:`glutetui.log.toml_format`: a session as TOML and back (the file format, versioned).
* :mod:`glutetui.log.store`: :class:`LogStore`, the repository (save, load, history, summaries,
  unfinished sessions, trash).
* :mod:`glutetui.log.index`: :class:`~glutetui.log.index.LogIndex`, the derived index in the
  cache dir (one class for the session index and the summary index); its lines are
  :mod:`glutetui.log.entries`, and :mod:`glutetui.log.compact` the sessions' JSON form there.
* :mod:`glutetui.log.summaries`: :class:`SessionRow`, what a session amounts to in a list.
* :mod:`glutetui.log.reading`: parsing many files at once, in worker processes when it pays;
  ``progress(done, total)`` callbacks (:class:`glutetui.progress.ProgressBar` draws one).
"""

from glutetui.log.errors import (
    FileProblem,
    LogFormatError,
    SaveError,
    SessionNotFoundError,
    StoreError,
    UnreadableSessionError,
)
from glutetui.log.reading import Progress
from glutetui.log.store import History, LogStore
from glutetui.log.summaries import NOTE_PREVIEW, SessionRow, Summaries, session_row
from glutetui.log.toml_format import FORMAT_VERSION, session_from_dict, session_to_dict

__all__ = [
    "FORMAT_VERSION",
    "NOTE_PREVIEW",
    "FileProblem",
    "History",
    "LogFormatError",
    "LogStore",
    "Progress",
    "SaveError",
    "SessionNotFoundError",
    "SessionRow",
    "StoreError",
    "Summaries",
    "UnreadableSessionError",
    "session_from_dict",
    "session_row",
    "session_to_dict",
]
