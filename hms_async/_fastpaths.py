"""The switches of the fast paths that rest on a private detail of a dependency.

Each fast path (a URL built straight into httpx's parsed form, the cookie jar
that reads httpx's wrapper, ...) has a public path that gives the same result
the documented way. At first use a fast path builds its result both ways and
compares them; if they differ, or the private detail is missing, it calls
:func:`disable`, and from then on the public path is used for good. That is
quiet: one DEBUG line on the ``hms_async`` logger, once per fast path.

Tests, and anyone who distrusts a fast path, force every public path with
:func:`force_public` or the environment variable ``HMS_ASYNC_PUBLIC_PATHS=1``
(read at import).
"""

from __future__ import annotations

import logging
import os
from typing import Final

__all__ = ["PUBLIC_PATHS_ENV", "disable", "disabled", "enabled", "force_public"]

PUBLIC_PATHS_ENV: Final = "HMS_ASYNC_PUBLIC_PATHS"
"""Set to ``1`` to take every public path from the start."""

logger = logging.getLogger("hms_async")

_disabled: dict[str, str] = {}
"""Each fast path turned off for good, and why."""
_forced = os.environ.get(PUBLIC_PATHS_ENV, "").strip() not in ("", "0")


def enabled(name: str) -> bool:
    """Whether the fast path ``name`` may be taken."""
    return not _forced and name not in _disabled


def disable(name: str, reason: str) -> None:
    """Turn the fast path ``name`` off for good, saying why once (DEBUG).

    Args:
        name: The fast path, e.g. ``"urls"``.
        reason: What differed, or which private detail is missing.
    """
    if name in _disabled:
        return
    _disabled[name] = reason
    logger.debug(
        "fast path %r off, the public path is used from now on: %s", name, reason
    )


def disabled() -> dict[str, str]:
    """The fast paths turned off for good, each with its reason (a copy)."""
    return dict(_disabled)


def force_public(public: bool) -> None:
    """Take every public path (``True``), or the fast ones that are on (``False``).

    For tests: it does not undo :func:`disable`, and logs nothing.
    """
    global _forced
    _forced = public
