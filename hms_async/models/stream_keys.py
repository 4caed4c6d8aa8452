"""RTMP ingest stream keys (`/stream-keys`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = ["StreamKey", "StreamKeyActionResult"]


@attrs.define(kw_only=True)
class StreamKey:
    """A room's RTMP ingest key.

    Point an encoder at `url` with `key`; the key is a secret, hidden from
    the repr.

    Attributes:
        id: The key's id.
        url: The RTMP ingest URL.
        key: The stream key.
        room_id: The room the encoder publishes into.
        enabled: Whether the key works; a room has at most one enabled key.
        created_at: When it was created.
    """

    id: str
    url: str | None = None
    key: str | None = attrs.field(default=None, repr=False)
    room_id: str | None = None
    customer_id: str | None = None
    app_id: str | None = None
    enabled: bool | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class StreamKeyActionResult:
    """The API's acknowledgement of a stream-key action."""

    message: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
