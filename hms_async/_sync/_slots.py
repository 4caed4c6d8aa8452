# Generated from hms_async/_slots.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Admission: a client's connection slots, and each call's place among them."""

from __future__ import annotations

from hms_async._sync import _compat

__all__ = ["Slots"]


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
        """Set by the owning client's ``close()``: every call then fails."""

    def __repr__(self) -> str:
        return f"<Slots size={self.size} closed={self.closed}>"
