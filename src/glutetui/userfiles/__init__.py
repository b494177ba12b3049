"""Things people write as TOML files in the config dir, with no Python: exercises, routines and
programmes (``exercises/*.toml``, ``routines/*.toml``, ``programmes/*.toml``).

:mod:`~glutetui.userfiles.reading` reads a folder of them and reports each file that cannot be
used by name and line; :mod:`~glutetui.userfiles.catalog` turns exercise and routine files into
catalog entries checked like a plugin's; :mod:`~glutetui.userfiles.routines_write` writes the
routines saved from the app.
"""

YOUR_FILES = "your files"
"""The name the files go by in ``glutetui plugins`` and its ``--json``."""

FOLDERS = ("exercises", "routines")
"""The config dir's folders of exercise and routine files (programmes have their own reader);
a constant here, not in the catalog module, so the cached command line can watch them cheaply."""


def is_file_source(source: str) -> bool:
    """Whether a catalog source (:meth:`~glutetui.catalog.Catalog.source`) names one of these
    files (``exercises/x.toml``) rather than a plugin."""
    return source.startswith(tuple(f"{name}/" for name in FOLDERS))
