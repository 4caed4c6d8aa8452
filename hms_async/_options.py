"""Checks of the client's options, made when they are given, not at the first call."""

from __future__ import annotations

import math
import os
from typing import Final

import httpx

__all__ = [
    "AUTH_BASE_URL_ENV",
    "BASE_URL_ENV",
    "check_deadline",
    "check_http",
    "check_max_retries",
    "check_timeout",
    "from_env",
]

BASE_URL_ENV: Final = "HMS_BASE_URL"
AUTH_BASE_URL_ENV: Final = "HMS_AUTH_BASE_URL"


def from_env(name: str, value: str | None, variable: str, default: str) -> str:
    """``value`` if given, else the environment ``variable`` if set, else ``default``."""
    if value is not None:
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, got {type(value).__name__}")
        if not value:
            raise ValueError(f"{name} must not be empty")
        return value
    return os.environ.get(variable) or default


def _seconds(name: str, value: object) -> float:
    """A positive, finite number of seconds (not a bool, not NaN)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"{name} must be a number of seconds or None, got {type(value).__name__}"
        )
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(f"{name} must be more than 0 seconds and finite, got {value}")
    return float(value)


def check_timeout(value: object) -> httpx.Timeout:
    """The ``timeout`` option as an ``httpx.Timeout`` (``None``: wait forever)."""
    if value is None or isinstance(value, httpx.Timeout):
        return httpx.Timeout(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            "timeout must be a number of seconds, an httpx.Timeout or None, "
            f"got {type(value).__name__}"
        )
    return httpx.Timeout(_seconds("timeout", value))


def check_max_retries(value: object) -> int:
    """The ``max_retries`` option: an ``int`` of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"max_retries must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"max_retries must be 0 or more, got {value}")
    return value


def check_deadline(value: object) -> float | None:
    """The ``deadline`` option: seconds above 0, or ``None`` for no deadline."""
    return None if value is None else _seconds("deadline", value)


_KINDS: Final = {
    httpx.AsyncClient: ("httpx.AsyncClient", "HMSClient"),
    httpx.Client: ("httpx.Client", "SyncHMSClient"),
    httpx.AsyncBaseTransport: ("httpx.AsyncBaseTransport", "HMSClient"),
    httpx.BaseTransport: ("httpx.BaseTransport", "SyncHMSClient"),
}


def check_http(name: str, value: object, kind: type[object]) -> None:
    """Refuse an ``http_client`` or ``transport`` of the other client's kind.

    Raises:
        TypeError: ``value`` is not ``None`` and not a ``kind``; the message
            says which client the value belongs to, when it is one.
    """
    if value is None or isinstance(value, kind):
        return
    wanted = _KINDS[kind][0]
    got = type(value).__name__
    for other, (label, client) in _KINDS.items():
        if other is not kind and isinstance(value, other):
            raise TypeError(
                f"{name} must be an {wanted}, got an {label}: pass it to {client}"
            )
    raise TypeError(f"{name} must be an {wanted}, got {got}")
