"""Room codes (`/room-codes`): short codes with which peers join a room as a role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = ["RoomCode"]


@attrs.define(kw_only=True)
class RoomCode:
    """A room code (`abc-defg-hij`) that lets a peer join `room_id` as `role`.

    Attributes:
        code: The code itself; exchange it for a token with
            `hms.tokens.from_room_code()`.
        room_id: The room it admits to.
        role: The role the peer joins as.
        enabled: Whether it works; codes never expire, they get disabled.
        created_at: When it was created.
        updated_at: When it last changed.
    """

    code: str
    room_id: str | None = None
    role: str | None = None
    enabled: bool | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
