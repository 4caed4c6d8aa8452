# Generated from hms_async/_retry.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""How often and how long a call waits before it is sent again, and the
testing switch that makes those waits instant."""

from __future__ import annotations

from hms_async._retry import (
    _TESTING,
)
from hms_async._sync import _compat

__all__ = ["pause"]


def pause(seconds: float) -> None:
    """Wait ``seconds`` between two attempts (a checkpoint only, when testing)."""
    for recorder in _TESTING.recorders:
        recorder.append(seconds)
    _compat.sleep(0 if _TESTING.on else seconds)
