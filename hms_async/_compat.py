"""The small primitives the send loop waits with, async side: anyio's.

The requester, the slots and the retry waits use them from here, not from
anyio directly: ``scripts/unasync.py`` points the sync modules it generates
at the twin of this module, ``hms_async/_sync/_compat.py`` (written by
hand), which has the same names for threads: the monotonic clock,
``time.sleep``, a FIFO thread-safe capacity limiter and deadline scopes,
and ``call_hooks`` (sync hooks only, there).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from anyio import CapacityLimiter, WouldBlock, current_time, move_on_after, sleep

__all__ = [
    "CapacityLimiter",
    "WouldBlock",
    "call_hooks",
    "current_time",
    "move_on_after",
    "sleep",
]


async def call_hooks(hooks: tuple[Callable[..., Any], ...], *args: Any) -> None:
    """Call each event hook with ``args`` in order, awaiting what it returns
    when it must be awaited (plain functions and coroutine functions alike);
    a hook's exception propagates as it is."""
    for hook in hooks:
        result = hook(*args)
        if inspect.isawaitable(result):
            await result
