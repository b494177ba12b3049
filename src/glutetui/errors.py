"""Errors a user can act on. The command line prints their message on one line, never a traceback."""

from __future__ import annotations


class GlutetuiError(Exception):
    """Base class: the message says what went wrong and what to do about it."""


class ConfigDirError(GlutetuiError):
    """The config directory cannot be used (it is a file, or cannot be created or written)."""
