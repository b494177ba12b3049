"""glutetui's built-in exercises.

Each module is its own plugin, registered through the ``glutetui`` entry-point group in
glutetui's pyproject exactly as a third-party plugin would be, so the built-ins exercise the
same loading, validation and error reporting as everyone else's.
"""
