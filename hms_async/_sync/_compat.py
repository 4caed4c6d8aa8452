"""The sync twin of ``hms_async/_compat.py``: the primitives the send loop waits with.

Written by hand, once; ``scripts/unasync.py`` points the generated modules
here wherever the async source uses its anyio counterpart:

* ``current_time()``: the monotonic clock (anyio's on asyncio is the same one);
* ``sleep()``: ``time.sleep``, cut short at the deadline of an open scope;
* ``move_on_after()``: a deadline scope. Threads cannot be cancelled, so a
  scope does not interrupt anything: each place that would wait checks the
  nearest open deadline itself (``sleep``, ``CapacityLimiter``, ``send``)
  and raises ``DeadlinePassed``, which the scope that set that deadline
  swallows, as anyio's scope swallows its cancellation;
* ``CapacityLimiter`` and ``WouldBlock``: a FIFO, thread-safe limiter with
  anyio's ``*_on_behalf_of`` methods, whose waiters are interruptible
  (Ctrl-C) and bounded by the nearest deadline, and which starts empty again
  in a child process after ``fork()`` (a parent's borrower never returns
  there);
* ``send()``: ``httpx.Client.send`` with each of the attempt's timeouts cut
  to the time left before the nearest deadline, so a deadline bounds an
  attempt the way the async side's cancellation does (per read and write, as
  httpx's timeouts are: a server that trickles bytes can outlast it);
* ``call_hooks()``: the client's event hooks, plain functions only (a
  coroutine function's coroutine would never run: a ``TypeError``).
"""

from __future__ import annotations

import collections
import inspect
import math
import os
import threading
import time
import types
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import httpx

if TYPE_CHECKING:
    import anyio

__all__ = [
    "CancelScope",
    "CapacityLimiter",
    "DeadlinePassed",
    "WouldBlock",
    "call_hooks",
    "current_time",
    "move_on_after",
    "send",
    "sleep",
]

current_time: Final = time.monotonic
"""Seconds on the monotonic clock, the clock of every deadline here."""

_SLACK: Final = 0.005
"""A timeout that fires this close to a deadline is that deadline (timers round)."""


class WouldBlock(Exception):
    """A slot is not free now (``acquire_on_behalf_of_nowait``)."""


class DeadlinePassed(BaseException):
    """The deadline of ``scope`` passed while waiting.

    A ``BaseException``, like a cancellation, so that no ``except Exception``
    on the way mistakes it for an error of the call; the scope that set the
    deadline swallows it.
    """

    def __init__(self, scope: CancelScope) -> None:
        super().__init__(scope.deadline)
        self.scope = scope


class _Scopes(threading.local):
    def __init__(self) -> None:
        self.open: list[CancelScope] = []


_scopes = _Scopes()


class CancelScope:
    """A deadline for the block it guards (``with move_on_after(s) as scope:``).

    Attributes:
        deadline: When the block must end, on ``current_time()``'s clock.
        cancelled_caught: Whether the block ended because the deadline passed.
    """

    __slots__ = ("cancelled_caught", "deadline")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.cancelled_caught = False

    def __enter__(self) -> CancelScope:
        _scopes.open.append(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> bool:
        _scopes.open.remove(self)
        if isinstance(exc, DeadlinePassed) and exc.scope is self:
            self.cancelled_caught = True
            return True
        return False


def move_on_after(seconds: float | None) -> CancelScope:
    """A scope whose block stops waiting ``seconds`` from now (``None``: never)."""
    return CancelScope(math.inf if seconds is None else current_time() + seconds)


def _nearest() -> CancelScope | None:
    """The open scope of this thread whose deadline comes first, if any."""
    open_scopes = _scopes.open
    if not open_scopes:
        return None
    return min(open_scopes, key=lambda scope: scope.deadline)


def sleep(seconds: float) -> None:
    """Sleep, or raise ``DeadlinePassed`` at the nearest deadline if it comes first."""
    scope = _nearest()
    if scope is not None:
        left = scope.deadline - current_time()
        if seconds >= left:
            time.sleep(max(0.0, left))
            raise DeadlinePassed(scope)
    time.sleep(seconds)


def send(
    http: httpx.Client,
    request: httpx.Request,
    *,
    auth: httpx.Auth | httpx._client.UseClientDefault,
) -> httpx.Response:
    """``http.send(request)`` within the nearest deadline, if any.

    Each timeout of the attempt (connect, read, write, pool) is cut to the
    time left; one that fires at the deadline raises ``DeadlinePassed``.
    """
    scope = _nearest()
    if scope is None:
        return http.send(request, auth=auth)
    left = scope.deadline - current_time()
    if left <= 0:
        raise DeadlinePassed(scope)
    timeouts = request.extensions.get("timeout") or http.timeout.as_dict()
    request.extensions["timeout"] = {
        phase: left if value is None or value > left else value
        for phase, value in timeouts.items()
    }
    try:
        return http.send(request, auth=auth)
    except httpx.TimeoutException:
        if current_time() + _SLACK >= scope.deadline:
            raise DeadlinePassed(scope) from None
        raise
    finally:
        request.extensions["timeout"] = timeouts  # the request is sent again on retry


class CapacityLimiter:
    """A FIFO capacity limiter for threads, with anyio's ``*_on_behalf_of`` API.

    A freed slot goes straight to the longest waiter, so no late caller
    overtakes the queue. A waiter leaves the queue cleanly when its wait
    ends early (the nearest deadline, Ctrl-C): the slot it may have been
    handed meanwhile is passed on. After ``fork()`` the child's limiter is
    empty: the parent's borrowers and waiters are threads the child has not.
    """

    def __init__(self, total_tokens: int) -> None:
        self.total_tokens = total_tokens
        self._reset()
        _LIMITERS.add(self)

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._borrowers: set[object] = set()
        self._waiters: collections.OrderedDict[object, threading.Event] = (
            collections.OrderedDict()
        )

    def __repr__(self) -> str:
        return (
            f"<CapacityLimiter borrowed={len(self._borrowers)}/{self.total_tokens} "
            f"waiting={len(self._waiters)}>"
        )

    def acquire_on_behalf_of_nowait(self, borrower: object) -> None:
        """Take a slot for ``borrower`` now, or raise ``WouldBlock``."""
        try:
            with self._lock:
                if self._waiters or len(self._borrowers) >= self.total_tokens:
                    raise WouldBlock
                self._borrowers.add(borrower)
        except WouldBlock:
            raise
        except BaseException:  # Ctrl-C right after the slot was taken
            with self._lock:
                self._give_back(borrower)
            raise

    def acquire_on_behalf_of(self, borrower: object) -> None:
        """Take a slot for ``borrower``, waiting in line for one if need be.

        Raises:
            DeadlinePassed: The nearest open scope's deadline passed first.
        """
        with self._lock:
            if not self._waiters and len(self._borrowers) < self.total_tokens:
                self._borrowers.add(borrower)
                return
            granted = self._waiters[borrower] = threading.Event()
        scope = _nearest()
        try:
            timeout = None if scope is None else scope.deadline - current_time()
            if not granted.wait(None if timeout is None else max(0.0, timeout)):
                assert scope is not None  # noqa: S101 - only a bounded wait ends
                raise DeadlinePassed(scope)
        except BaseException:
            with self._lock:
                if self._waiters.pop(borrower, None) is None:  # handed a slot
                    self._give_back(borrower)
            raise

    def release_on_behalf_of(self, borrower: object) -> None:
        """Give ``borrower``'s slot back (to the longest waiter, if any)."""
        with self._lock:
            if borrower not in self._borrowers:
                raise RuntimeError("this borrower is not holding a slot")
            self._give_back(borrower)

    def _give_back(self, borrower: object) -> None:
        self._borrowers.discard(borrower)
        if self._waiters and len(self._borrowers) < self.total_tokens:
            waiter, granted = self._waiters.popitem(last=False)
            self._borrowers.add(waiter)
            granted.set()

    def statistics(self) -> anyio.CapacityLimiterStatistics:
        """Slots borrowed and callers waiting, as anyio reports them."""
        import anyio

        with self._lock:
            return anyio.CapacityLimiterStatistics(
                borrowed_tokens=len(self._borrowers),
                total_tokens=self.total_tokens,
                borrowers=tuple(self._borrowers),
                tasks_waiting=len(self._waiters),
            )


_LIMITERS: Final[weakref.WeakSet[CapacityLimiter]] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for limiter in list(_LIMITERS):
        limiter._reset()


os.register_at_fork(after_in_child=_after_fork_in_child)


def call_hooks(hooks: tuple[Callable[..., Any], ...], *args: Any) -> None:
    """Call each event hook with ``args`` in order; a hook's exception
    propagates as it is.

    Raises:
        TypeError: A hook returned an awaitable (a coroutine function, or
            one returning a coroutine): the sync client calls plain
            functions only.
    """
    for hook in hooks:
        result = hook(*args)
        if inspect.isawaitable(result):
            close = getattr(result, "close", None)
            if close is not None:
                close()  # no "never awaited" warning: it is refused
            raise TypeError(
                f"the event hook {hook!r} returned an awaitable: SyncHMSClient "
                "calls plain functions only (async hooks go on HMSClient)"
            )
