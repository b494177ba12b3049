"""Keys typed in a burst mean what the same keys typed slowly mean.

Over SSH or mosh several keys often arrive in one read: ``Tab 3 5 Enter`` as one packet. Textual
hands each key to the widget focused *when the key reaches the app*, but runs an ordinary
(non-priority) binding such as Tab's "focus next" only once the key has travelled through that
widget's queue and bubbled back up to the app. Keys that arrive together are therefore all given
to the widget that had focus before the first of them was handled: ``3`` and ``5`` went to the
reps counter instead of the load box Tab was moving to, and 35 reps were logged.

:class:`OrderedKeysApp` holds each key back until the one before it has had all its effects:
every widget it went through has handled it (and what it posted), its binding has run, and the
focus has moved. Slow typing never waits (the app is idle by the time the next key comes); a
screen too busy to go quiet gets the key after :data:`SETTLE_LIMIT` seconds all the same, so no
key is ever lost.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Iterable
from typing import Any, TypeVar

from textual import events
from textual.app import App, ScreenStackError
from textual.message_pump import MessagePump

ReturnT = TypeVar("ReturnT")

SETTLE_LIMIT = 2.0
"""Longest a key waits for the one before it to settle, in seconds."""
SETTLE_ROUNDS = 20
"""Most passes over the busy widgets before a key is let through anyway."""


class OrderedKeysApp(App[ReturnT]):
    """An app that dispatches the keys it reads one after another, each once the last settled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting_keys: deque[events.Key] = deque()
        self._released_key: events.Key | None = None
        self._key_in_flight = False
        self._settling: asyncio.Task[None] | None = None
        self._keys_idle = asyncio.Event()
        self._keys_idle.set()

    async def on_event(self, event: events.Event) -> None:
        """Hold a key read from the terminal while the one before it is still being handled."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if event is self._released_key:
            self._released_key = None
        elif self._key_in_flight:
            self._waiting_keys.append(event)
            return
        self._key_in_flight = True
        self._keys_idle.clear()
        target: MessagePump = self.focused or self.screen
        try:
            await super().on_event(event)
        finally:  # whatever the key did, the next one must not wait for ever
            self._settling = asyncio.create_task(self._settle(target))

    async def keys_settled(self) -> None:
        """Return once every key read so far was handled (for tests, and for code that must
        act after what was typed)."""
        await self._keys_idle.wait()

    async def _settle(self, target: MessagePump) -> None:
        """Wait until the key given to ``target`` had its effects, then let the next one go."""
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._quiet(target), SETTLE_LIMIT)
        finally:
            self._key_in_flight = False
            if self._waiting_keys:
                self._key_in_flight = True  # the released key goes before any newer one
                self._released_key = self._waiting_keys.popleft()
                if not self.post_message(self._released_key):
                    self._key_in_flight = False  # the app is closing: nothing left to type into
            if not self._key_in_flight:
                self._keys_idle.set()

    async def _quiet(self, target: MessagePump) -> None:
        # The key bubbles from the widget up to the app, where its binding runs: pass through
        # each queue in that order, then go round again while anything on the screen (what the
        # handlers posted: a Submitted, a Focus) still waits.
        pumps: list[MessagePump] = list(_chain(target))
        for _ in range(SETTLE_ROUNDS):
            for pump in pumps:
                await _through(pump)
            try:
                screen = self.screen
            except ScreenStackError:  # the app is closing
                return
            busy = [n for n in screen.walk_children(with_self=True) if n.message_queue_size]
            if not busy:
                return
            pumps = [*reversed(busy), self]  # the deepest first, as messages bubble up


def _chain(target: MessagePump) -> Iterable[MessagePump]:
    """``target`` and every node above it, up to the app."""
    node: MessagePump | None = target
    while node is not None:
        yield node
        node = node._parent


async def _through(pump: MessagePump) -> None:
    """Return once ``pump`` has handled everything queued before this call."""
    handled = asyncio.Event()
    if pump.call_later(handled.set):
        await handled.wait()
