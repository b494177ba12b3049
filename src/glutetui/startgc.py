"""Cyclic garbage collection held off while the app starts.

Importing Textual and building the first screen allocate a few hundred thousand long-lived
objects. With the collector on, that triggers a dozen collections, one of them a full pass over
everything (about 30 ms), before anything is drawn. Start-up holds the collector off; after the
first frame, :func:`resume` moves what start-up built into the permanent generation
(``gc.freeze``), so later full collections skip it too, and turns the collector back on.

The price: cyclic garbage made during start-up is frozen with the rest and never freed. It is
a few thousand small objects (about 3% of what is tracked at that point), once per run.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Turn automatic collection off until :func:`resume` (a no-op if it is already off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """Undo :func:`hold`: freeze what start-up allocated and collect automatically again."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
