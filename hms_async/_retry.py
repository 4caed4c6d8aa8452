"""How often and how long a call waits before it is sent again, and the
testing switch that makes those waits instant."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from typing import Final

from . import _compat

__all__ = ["RetryPolicy", "allowed_retries", "pause", "retry_waits", "set_testing"]


class RetryPolicy:
    """How often and how long to wait before sending a call again."""

    def __init__(
        self,
        max_retries: int = 2,
        *,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 60.0,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self._random = random.Random()  # noqa: S311 - jitter, not security

    def __repr__(self) -> str:
        return f"<RetryPolicy max_retries={self.max_retries}>"

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry ``attempt`` (1-based); ``None``: give up."""
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        # The doubling stops long before it could overflow a float (at the
        # 1025th retry): max_backoff caps the wait anyway.
        wait = min(self.max_backoff, self.backoff * 2.0 ** min(attempt - 1, 64))
        jitter: float = self._random.uniform(0.75, 1.0)
        return wait * jitter


class _Testing:
    """The process-wide switch of :func:`set_testing` and the open recorders."""

    __slots__ = ("max_retries", "on", "recorders")

    def __init__(self) -> None:
        self.on = False
        self.max_retries: int | None = None
        self.recorders: list[list[float]] = []

    def snapshot(self) -> tuple[bool, int | None, list[list[float]]]:
        return self.on, self.max_retries, list(self.recorders)

    def restore(self, saved: tuple[bool, int | None, list[list[float]]]) -> None:
        self.on, self.max_retries, recorders = saved
        self.recorders = list(recorders)


_TESTING: Final = _Testing()


def set_testing(testing: bool, *, max_retries: int | None = None) -> None:
    """Make every client's retry waits instant, for tests.

    Process-wide, like stamina's ``set_testing()``: while on, a call that is
    retried does not sleep its backoff or ``Retry-After`` between attempts
    (each wait is still a checkpoint, so cancellation works, and a wait that
    would end past a ``deadline`` is still not started). Turn it on in a
    fixture and off after the test; the ``hms_async`` pytest plugin restores
    it after each test in any case.

    Args:
        testing: ``True`` for instant waits; ``False`` for real waits and
            each client's own ``max_retries`` again.
        max_retries: With ``testing``, at most this many retries per call,
            whatever a client allows (``0``: none); ``None`` keeps each
            client's own.

    Raises:
        ValueError: ``max_retries`` below 0, or given with ``testing=False``.

    Example:
        ```python
        @pytest.fixture(autouse=True)
        def instant_retries() -> Iterator[None]:
            hms_async.testing.set_testing(True)
            yield
            hms_async.testing.set_testing(False)
        ```
    """
    if max_retries is not None:
        if not testing:
            raise ValueError("max_retries is a cap for testing=True only")
        if type(max_retries) is not int or max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries!r}")
    _TESTING.on = bool(testing)
    _TESTING.max_retries = max_retries


@contextlib.contextmanager
def retry_waits() -> Iterator[list[float]]:
    """Record the waits every client's retries ask for while the block runs.

    The list grows by the seconds of each wait, in order, whether it is
    slept or, under :func:`set_testing`, not. Blocks may nest; each sees
    the waits of its own time.

    Yields:
        The waits so far, in seconds.

    Example:
        ```python
        hms_async.testing.set_testing(True)
        with hms_async.testing.retry_waits() as waits:
            await hms.rooms.retrieve(room_id)  # a 429 with Retry-After: 7, then 200
        assert waits == [7.0]
        ```
    """
    waits: list[float] = []
    _TESTING.recorders.append(waits)
    try:
        yield waits
    finally:
        with contextlib.suppress(ValueError):  # already gone: a restore
            _TESTING.recorders.remove(waits)


def allowed_retries(policy: RetryPolicy) -> int:
    """How many times ``policy`` lets a call be retried, under any testing cap."""
    cap = _TESTING.max_retries
    return policy.max_retries if cap is None else min(cap, policy.max_retries)


async def pause(seconds: float) -> None:
    """Wait ``seconds`` between two attempts (a checkpoint only, when testing)."""
    for recorder in _TESTING.recorders:
        recorder.append(seconds)
    await _compat.sleep(0 if _TESTING.on else seconds)
