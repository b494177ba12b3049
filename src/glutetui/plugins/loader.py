"""The plugin loader behind :func:`glutetui.plugins.load_plugins`.

Imported only when plugins are really loaded: it is the one place that needs pluggy and
importlib.metadata.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.metadata
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pluggy

from glutetui import BUILTIN_DISTRIBUTION, PROJECT_NAME, hookspecs
from glutetui.catalog import Catalog
from glutetui.importers import Importer, importer_problems
from glutetui.model import Exercise, Routine, RoutineItem
from glutetui.plugins import PluginError
from glutetui.plugins.result import LoadResult, PluginInfo, PluginStatus, describe
from glutetui.switches import STRICT_ENV, disabled_from_env, env_flag
from glutetui.validation import InvalidExerciseError, normalise_exercise, routine_problems

OFFERED_BY_HOOK = {
    "register_programmes": "programmes",
    "register_self_tests": "self-tests",
    "suggest_dose": "dose policy",
}
"""Hooks called when needed rather than at loading, and what a plugin implementing one offers."""


@dataclass
class _Record:
    name: str
    module: str
    distribution: str | None
    version: str | None
    status: PluginStatus = "ok"
    problems: list[str] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)
    routines: list[str] = field(default_factory=list)
    importers: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    registered: bool = False
    """Handed to pluggy under ``name`` (pluggy keeps a plugin whose validation failed half-way)."""

    def freeze(self) -> PluginInfo:
        status = self.status
        if status == "ok" and self.problems:
            status = "partial"
        return PluginInfo(
            name=self.name,
            module=self.module,
            distribution=self.distribution,
            version=self.version,
            status=status,
            problems=tuple(self.problems),
            exercises=tuple(self.exercises),
            routines=tuple(self.routines),
            importers=tuple(self.importers),
            offers=tuple(self.offers),
        )


def hook_names() -> list[str]:
    """The names of every hook in the plugin contract (:mod:`glutetui.hookspecs`), sorted."""
    # Ask pluggy which names carry the hookspec marker: "callable and public" also matched the
    # module's imports (Callable, Exercise, Routine, Session) and listed them as hooks.
    pm = pluggy.PluginManager(PROJECT_NAME)
    return sorted(n for n in dir(hookspecs) if pm.parse_hookspec_opts(hookspecs, n) is not None)


def discover_entry_points() -> list[importlib.metadata.EntryPoint]:
    """Entry points in the ``glutetui`` group: built-ins first, then by distribution and name."""
    eps = list(importlib.metadata.entry_points(group=PROJECT_NAME))

    def key(ep: importlib.metadata.EntryPoint) -> tuple[int, str, str]:
        dist = ep.dist.name if ep.dist is not None else ""
        return (0 if dist == BUILTIN_DISTRIBUTION else 1, dist.lower(), ep.name)

    return sorted(eps, key=key)


class _Loader:
    def __init__(self, strict: bool, watch: Callable[[str], None] | None = None) -> None:
        self.strict = strict
        self.watch = watch or _ignore
        """Told each plugin's name before its code runs, and "" after (the start-up probe)."""
        self.pm = pluggy.PluginManager(PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.records: dict[str, _Record] = {}
        self.order: list[str] = []
        self.exercises: dict[str, Exercise] = {}
        self.routines: dict[str, Routine] = {}
        self.sources: dict[str, str] = {}
        self.importers: dict[str, Importer] = {}
        self.importer_sources: dict[str, str] = {}

    # -- failures -------------------------------------------------------------------------

    def fail(self, record: _Record, reason: str, exc: BaseException | None = None) -> None:
        """The whole plugin is out."""
        record.status = "failed"
        record.problems.append(reason)
        self._forget(record)
        if self.strict:
            raise PluginError(f"plugin {record.name!r}: {reason}") from exc

    def refuse(self, record: _Record, reason: str, exc: BaseException | None = None) -> None:
        """One registration is out; the plugin's others stay."""
        record.problems.append(reason)
        if self.strict:
            raise PluginError(f"plugin {record.name!r}: {reason}") from exc

    def _forget(self, record: _Record) -> None:
        for ex_id in record.exercises:
            self.exercises.pop(ex_id, None)
            self.sources.pop(ex_id, None)
        for r_id in record.routines:
            self.routines.pop(r_id, None)
            self.sources.pop(r_id, None)
        for name in record.importers:
            self.importers.pop(name, None)
            self.importer_sources.pop(name, None)
        record.exercises.clear()
        record.routines.clear()
        record.importers.clear()
        # Only a record that registered the name may unregister it: a second entry point with
        # an already used name must not take the first plugin's hooks down with it.
        if record.registered and self.pm.has_plugin(record.name):
            self.pm.unregister(name=record.name)

    # -- steps ----------------------------------------------------------------------------

    def add(
        self,
        name: str,
        module_ref: str,
        obj_loader: Callable[[], object],
        dist: str | None,
        version: str | None,
        disabled: set[str],
        skip: Mapping[str, str],
    ) -> None:
        if name in self.records:
            # Two distributions used the same entry-point name: pluggy would refuse the second.
            other = self.records[name]
            record = _Record(name, module_ref, dist, version)
            self.order.append(f"{name} ({dist})")
            self.records[f"{name} ({dist})"] = record
            self.fail(
                record,
                f"entry-point name {name!r} is already used by {other.distribution or other.module}",
            )
            return
        record = _Record(name, module_ref, dist, version)
        self.records[name] = record
        self.order.append(name)
        if name in disabled or (dist is not None and dist in disabled):
            record.status = "disabled"
            self.pm.set_blocked(name)
            return
        if name in skip:
            self.pm.set_blocked(name)
            self.fail(record, skip[name])
            return
        printed = io.StringIO()
        self.watch(name)
        try:
            # Whatever a plugin prints at import must not land in `--json` output or on the
            # app's screen: it is kept and reported instead.
            with contextlib.redirect_stdout(printed):
                plugin = obj_loader()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any import-time error of third-party code
            self.fail(record, f"failed to import {module_ref}: {describe(exc)}", exc)
            return
        finally:
            self.watch("")
        if printed.getvalue():
            self.refuse(record, printed_at_import(printed.getvalue()))
        try:
            record.registered = True
            self.pm.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            self.fail(record, f"was refused by the plugin manager: {describe(exc)}", exc)

    def note_offers(self) -> None:
        """What each plugin offers through the hooks called on demand, not at loading
        (programmes, self-tests, a dose policy), so ``glutetui plugins`` can say so."""
        for hook, word in OFFERED_BY_HOOK.items():
            for impl in getattr(self.pm.hook, hook).get_hookimpls():
                record = self.records.get(impl.plugin_name)
                if record is not None and record.status != "failed":
                    record.offers.append(word)

    def check_pending(self) -> None:
        known = hook_names()
        while True:
            try:
                self.pm.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self.pm.get_name(exc.plugin) or "?"
                unknown = [
                    hc.name for hc in self.pm.get_hookcallers(exc.plugin) or [] if not hc.has_spec()
                ]
                hints = []
                for hook in unknown:
                    close = difflib.get_close_matches(hook, known, n=1)
                    hints.append(f"{hook!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
                reason = "implements unknown hook " + ", ".join(hints) if hints else describe(exc)
                record = self.records.get(name)
                if record is None:  # cannot happen: every plugin goes through add()
                    self.pm.unregister(exc.plugin)
                    continue
                self.fail(record, reason + f"; known hooks: {', '.join(known)}", exc)

    def call(
        self, hook_name: str, register_factory: Callable[[_Record], Callable[[Any], None]]
    ) -> None:
        caller = getattr(self.pm.hook, hook_name)
        impls = {impl.plugin_name: impl for impl in caller.get_hookimpls()}
        # Call every hook before accepting anything: a plugin that raises takes back what it
        # registered earlier, and nothing accepted may depend on it (a routine of another
        # plugin using one of its exercises).
        calls: list[tuple[_Record, list[Any]]] = []
        for name in self.order:
            impl = impls.get(name)
            record = self.records[name]
            if impl is None or record.status == "failed":
                continue
            pending: list[Any] = []
            self.watch(name)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    impl.function(**dict.fromkeys(impl.argnames, pending.append))
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - the plugin raised: disable that plugin only
                self.fail(record, f"hook {hook_name} raised {describe(exc)}", exc)
                continue
            finally:
                self.watch("")
            calls.append((record, pending))
        for record, pending in calls:
            if record.status == "failed":
                continue
            accept = register_factory(record)
            for item in pending:
                accept(item)

    def accept_exercise(self, record: _Record) -> Callable[[Any], None]:
        def accept(item: Any) -> None:
            label = getattr(item, "id", None) or repr(item)[:40]
            try:
                ex = normalise_exercise(item)
            except InvalidExerciseError as exc:
                self.refuse(record, f"exercise {label!r} is invalid: {exc}", exc)
                return
            if self.claim(record, "exercise", ex.id):
                self.exercises[ex.id] = ex
                record.exercises.append(ex.id)

        return accept

    def claim(self, record: _Record, kind: str, item_id: str) -> bool:
        """Take ``item_id`` for ``record``'s plugin, or refuse it if another plugin has it."""
        taken = self.routines if kind == "routine" else self.exercises
        if item_id in taken:
            owner = self.sources[item_id]
            self.refuse(record, f"{kind} id {item_id!r} is already registered by plugin {owner!r}")
            return False
        self.sources[item_id] = record.name
        return True

    def accept_routine(self, record: _Record) -> Callable[[Any], None]:
        def accept(item: Any) -> None:
            label = getattr(item, "id", None) or repr(item)[:40]
            if not isinstance(item, Routine):
                self.refuse(
                    record,
                    f"routine {label!r} is invalid: expected a glutetui.Routine, got {type(item).__name__}",
                )
                return
            problems = routine_problems(item)
            # Only well-formed items: routine_problems() already reports the others, and a
            # non-string id (unhashable, or missing) must not crash the lookup.
            missing = [
                i.exercise_id
                for i in item.items
                if isinstance(i, RoutineItem)
                and isinstance(i.exercise_id, str)
                and i.exercise_id not in self.exercises
            ]
            if missing and not problems:
                problems.append("uses exercises nobody registered: " + ", ".join(map(str, missing)))
            if problems:
                self.refuse(record, f"routine {label!r} is invalid: {'; '.join(problems)}")
                return
            if self.claim(record, "routine", item.id):
                self.routines[item.id] = item
                record.routines.append(item.id)

        return accept

    def accept_importer(self, record: _Record) -> Callable[[Any], None]:
        def accept(item: Any) -> None:
            label = getattr(item, "name", None) or repr(item)[:40]
            problems = importer_problems(item)
            if problems:
                self.refuse(record, f"importer {label!r} is invalid: {'; '.join(problems)}")
                return
            owner = self.importer_sources.get(item.name)
            if owner is not None:
                self.refuse(
                    record, f"importer {item.name!r} is already registered by plugin {owner!r}"
                )
                return
            self.importers[item.name] = item
            self.importer_sources[item.name] = record.name
            record.importers.append(item.name)

        return accept

    def result(self) -> LoadResult:
        catalog = Catalog(
            exercises=dict(self.exercises), routines=dict(self.routines), sources=dict(self.sources)
        )
        plugins = tuple(self.records[n].freeze() for n in self.order)
        return LoadResult(
            catalog=catalog,
            plugins=plugins,
            manager=self.pm,
            importers=tuple(self.importers.values()),
        )


def load(
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    *,
    extra: Sequence[tuple[str, object]] = (),
    disabled: Iterable[str] | None = None,
    strict: bool | None = None,
    skip: Mapping[str, str] | None = None,
    watch: Callable[[str], None] | None = None,
) -> LoadResult:
    """See :func:`glutetui.plugins.load_plugins`.

    ``skip`` maps plugin names to the reason they are reported as failed without being
    imported (they hung or ended the process when the probe imported them); ``watch`` is told
    each plugin's name before its code runs and ``""`` after.
    """
    loader = _Loader(strict=env_flag(STRICT_ENV) if strict is None else strict, watch=watch)
    blocked = disabled_from_env() if disabled is None else set(disabled)
    skipped = skip or {}
    for ep in discover_entry_points() if entry_points is None else entry_points:
        dist = ep.dist.name if ep.dist is not None else None
        version = ep.dist.version if ep.dist is not None else None
        loader.add(ep.name, ep.value, ep.load, dist, version, blocked, skipped)
    for name, obj in extra:
        loader.add(
            name, getattr(obj, "__name__", repr(obj)), _given(obj), None, None, blocked, skipped
        )
    loader.check_pending()
    loader.call("register_exercises", loader.accept_exercise)
    loader.call("register_routines", loader.accept_routine)
    loader.call("register_importers", loader.accept_importer)
    loader.note_offers()
    return loader.result()


def _ignore(name: str) -> None:
    """No one is watching the loading."""


def printed_at_import(text: str) -> str:
    """The problem reported for a plugin that wrote ``text`` to standard output at import."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shown = first[:60] + ("…" if len(first) > 60 else "")
    return f"printed to standard output while importing (kept out of glutetui's output): {shown!r}"


def _given(obj: object) -> Callable[[], object]:
    """A loader for a plugin object handed over directly: there is nothing to import."""
    return lambda: obj
