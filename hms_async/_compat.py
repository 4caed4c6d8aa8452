"""The small primitives the send loop waits with, async side: anyio's.

The requester, the slots and the retry waits use them from here, not from
anyio directly: ``scripts/unasync.py`` points the sync modules it generates
at the twin of this module, ``hms_async/_sync/_compat.py`` (written by
hand), which has the same names for threads: the monotonic clock,
``time.sleep``, a FIFO thread-safe capacity limiter and deadline scopes.
"""

from __future__ import annotations

from anyio import CapacityLimiter, WouldBlock, current_time, move_on_after, sleep

__all__ = ["CapacityLimiter", "WouldBlock", "current_time", "move_on_after", "sleep"]
