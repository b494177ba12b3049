"""A test plugin whose session_saved hook never returns."""

import threading

import glutetui


@glutetui.hookimpl
def session_saved(session, final):
    threading.Event().wait()
