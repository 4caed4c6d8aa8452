"""Sessions (`/sessions`): a session and the peers who took part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = ["Session", "SessionPeer"]


@attrs.define(kw_only=True)
class SessionPeer:
    """A peer as recorded in a session; it may have left.

    Attributes:
        id: The peer's id.
        name: The display name.
        role: The role it joined with.
        user_id: Your id for the user; aggregate attendance by it.
        joined_at: When it joined.
        left_at: When it left (`None` while connected); the time spent is
            `left_at - joined_at`.
    """

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
    """A session of a room: one continuous call, with every peer that took part.

    Attributes:
        id: The session's id.
        room_id: The room it ran in.
        active: Whether it is still going on.
        peers: Every peer of the session, keyed by peer id; a user who
            rejoined appears once per peer id.
        created_at: When it started.
        updated_at: When it last changed (its end, once ended).
    """

    id: str
    room_id: str | None = None
    customer_id: str | None = None
    app_id: str | None = None
    active: bool | None = None
    peers: dict[str, SessionPeer] = attrs.field(factory=dict)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
