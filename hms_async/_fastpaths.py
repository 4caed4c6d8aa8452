"""One switch for every fast path that rests on a private or generated detail.

A fast path (code generated with ``exec``, a private attribute of httpx, ...)
is checked where it is used: the first time, its result is built both ways,
the fast one and a public one, and compared. If they differ, the caller
calls :func:`disable` and takes the public path for good; one DEBUG line on
the ``hms_async`` logger says which path and why. Nothing else is logged and
nothing is raised: the public path gives the right result, only slower.

Tests, or a user who suspects a fast path, force every public path with
:func:`force_public` or, before the import, ``HMS_ASYNC_PUBLIC_PATHS=1``.
"""

from __future__ import annotations

import logging
import os

__all__ = ["disable", "enabled", "force_public"]

logger = logging.getLogger("hms_async")

_forced = os.environ.get("HMS_ASYNC_PUBLIC_PATHS", "") == "1"
_disabled: dict[str, str] = {}
"""Each fast path turned off by its check, and why."""


def enabled(name: str) -> bool:
    """Whether the fast path ``name`` may be used.

    Args:
        name: The fast path, e.g. ``"structure:hms_async.models.rooms.Room"``.

    Returns:
        False once :func:`disable` was called for it, or while public paths
        are forced; True otherwise.

    Example:
        ```python
        if enabled("urls"):
            ...  # the fast path, checked at its first use
        ```
    """
    return not _forced and name not in _disabled


def disable(name: str, reason: str) -> None:
    """Turn the fast path ``name`` off for good; log one DEBUG line the first time.

    Args:
        name: The fast path whose check failed.
        reason: What differed, without any value of the data (it may hold
            secrets).

    Example:
        ```python
        disable("urls", "httpx.URL has no _uri_reference")
        ```
    """
    if name in _disabled:
        return
    _disabled[name] = reason
    logger.debug("fast path %s disabled, using the public path: %s", name, reason)


def force_public(flag: bool) -> None:
    """Force every fast path off (``True``) or let the unchecked ones run again.

    Paths turned off by :func:`disable` stay off. A fast path chosen before
    the call may keep its choice until it is next chosen; each module's
    docstring says when that is.

    Args:
        flag: True to use only the public paths.

    Example:
        ```python
        force_public(True)  # e.g. in a test fixture
        ```
    """
    global _forced  # the one switch of the process
    _forced = flag
