"""Every self-test on offer, from the plugins' ``register_self_tests`` hooks.

Each plugin's hook is called on its own: one that raises, or registers something invalid or an
id already taken, is reported by name and everything else stays on offer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glutetui.coach.selftests import SelfTest, selftest_problems

if TYPE_CHECKING:
    import pluggy


def collect_self_tests(
    manager: pluggy.PluginManager | None,
) -> tuple[dict[str, SelfTest], list[tuple[str, str]]]:
    """Self-tests by id, and ``(plugin, reason)`` for each one left out."""
    tests: dict[str, SelfTest] = {}
    owners: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    hook = None if manager is None else getattr(manager.hook, "register_self_tests", None)
    for impl in [] if hook is None else hook.get_hookimpls():
        pending: list[Any] = []
        try:
            impl.function(**dict.fromkeys(impl.argnames, pending.append))
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - a plugin bug must not hide the others
            problems.append(
                (impl.plugin_name, f"hook register_self_tests raised {type(exc).__name__}: {exc}")
            )
            continue
        for item in pending:
            label = getattr(item, "id", None) or repr(item)[:40]
            found = selftest_problems(item)
            if found:
                problems.append(
                    (impl.plugin_name, f"self-test {label!r} is invalid: {'; '.join(found)}")
                )
            elif item.id in tests:
                problems.append(
                    (
                        impl.plugin_name,
                        f"self-test id {item.id!r} is already registered by {owners[item.id]!r}",
                    )
                )
            else:
                tests[item.id] = item
                owners[item.id] = impl.plugin_name
    return tests, problems
