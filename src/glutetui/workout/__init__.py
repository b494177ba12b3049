"""A workout from plan to log, without a screen.

:mod:`~glutetui.workout.plan` is what the person agreed to do, :mod:`~glutetui.workout.entries`
checks and parses what they type, :mod:`~glutetui.workout.runner` walks the plan one step at a
time, :mod:`~glutetui.workout.recorder` saves each step and tells the plugins, and
:mod:`~glutetui.workout.report` sums the session up at the end. Import from those modules.
"""
