"""The coach's default dose policy, shipped as a plugin like any other.

A plugin that implements ``suggest_dose`` replaces it (see ``docs/plugins.md``); if that
plugin fails or answers nonsense, glutetui reports it and falls back to this policy.
"""

import glutetui


@glutetui.hookimpl(trylast=True)
def suggest_dose(exercise, history, settings):
    # Imported here: loading the plugins (at every start) should not pay for the coach.
    from glutetui.coach.policy import default_policy

    return default_policy(exercise, history, settings)
