"""The API's timestamps: RFC 3339 strings in, aware datetimes out, and back.

The API writes ``...Z`` with 0 to 9 fraction digits; the Go zero time
``0001-01-01T00:00:00Z`` means "not set" and becomes ``None``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

__all__ = [
    "ZERO_TIME_PREFIX",
    "format_datetime",
    "format_model_datetime",
    "parse_datetime",
]

ZERO_TIME_PREFIX: Final = "0001-01-01T00:00:00"
"""Every spelling of the zero time starts so (``Z``, ``.000Z``, ``+00:00``)."""


def parse_datetime(value: object) -> dt.datetime | None:
    """Parse an API timestamp into an aware datetime; the zero time is ``None``.

    Args:
        value: The JSON value: an RFC 3339 string, or ``None``.

    Returns:
        The aware datetime (naive strings taken as UTC), or ``None`` for
        ``None`` and the zero time.

    Raises:
        TypeError: ``value`` is not a string.
        ValueError: The string is not a timestamp.

    Example:
        ```python
        parse_datetime("2022-09-08T15:07:37.83Z")  # 15:07:37.830 UTC
        ```
    """
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(f"expected a timestamp string, got {type(value).__name__}")
    if value.startswith(ZERO_TIME_PREFIX):
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed


def format_datetime(value: dt.datetime, timespec: str = "milliseconds") -> str:
    """Format a datetime the way the API does (UTC, ``Z``, milliseconds).

    Naive datetimes are taken as UTC. Models are written back with
    microseconds when they have them, so a round trip loses nothing Python keeps.

    Args:
        value: The datetime.
        timespec: As for `datetime.isoformat`.

    Returns:
        The RFC 3339 string.

    Example:
        ```python
        format_datetime(dt.datetime(2022, 9, 8))  # "2022-09-08T00:00:00.000Z"
        ```
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.astimezone(dt.UTC).isoformat(timespec=timespec)
    return text.replace("+00:00", "Z")


def format_model_datetime(value: dt.datetime) -> str:
    """A model's datetime as JSON: milliseconds when that loses nothing, else
    microseconds."""
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return format_datetime(value, spec)
