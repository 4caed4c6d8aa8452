"""Admission: a client's connection slots, and each call's place among them."""

from __future__ import annotations

from . import _compat

__all__ = ["Call", "Slots"]


class Slots:
    """A client's connection slots and its closed flag, shared by its views.

    A FIFO, cancellation-safe capacity limiter: an attempt holds a slot while
    it is sent and its body read, so at most ``size`` requests reach the HTTP
    pool at once and the rest wait here, in order, in O(1) each.
    """

    __slots__ = ("closed", "limiter", "size")

    def __init__(self, size: int) -> None:
        if type(size) is not int or size < 1:
            raise ValueError(
                f"max_connections must be an int of 1 or more, got {size!r}"
            )
        self.size = size
        self.limiter = _compat.CapacityLimiter(size)
        self.closed = False
        """Set by the owning client's ``aclose()``: every call then fails."""

    def __repr__(self) -> str:
        return f"<Slots size={self.size} closed={self.closed}>"


class Call:
    """One call's place in the slot queue and its deadline (monotonic time)."""

    __slots__ = ("deadline_at", "queued")

    def __init__(self, deadline_at: float) -> None:
        self.deadline_at = deadline_at
        self.queued = False
