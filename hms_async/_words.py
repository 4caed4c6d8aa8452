"""Counts in words, for what the demo and the command line print."""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: float, noun: str) -> str:
    """``noun`` as ``count`` of it reads: "room" for 1, "rooms" otherwise."""
    return noun if count == 1 else f"{noun}s"
