"""Sessions (``/sessions``): a session and the peers who took part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = ["Session", "SessionPeer"]


@attrs.define(kw_only=True)
class SessionPeer:
    """A peer as recorded in a session (it may have left)."""

    id: str
    session_id: str | None = None
    name: str | None = None
    role: str | None = None
    user_id: str | None = None
    user: str | None = None
    joined_at: dt.datetime | None = None
    left_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Session:
    """A session of a room; ``peers`` maps each peer id to its record."""

    id: str
    room_id: str | None = None
    customer_id: str | None = None
    app_id: str | None = None
    active: bool | None = None
    peers: dict[str, SessionPeer] = attrs.field(factory=dict)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
