"""Active rooms (`/active-rooms`): the live state of a room with an ongoing session."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY

__all__ = [
    "ActivePeer",
    "ActivePeerTrack",
    "ActiveRoom",
    "ActiveRoomActionResult",
    "ActiveRoomSession",
    "TrackSource",
    "TrackType",
]


class TrackType(enum.StrEnum):
    """The kind of media a track carries."""

    AUDIO = "audio"
    VIDEO = "video"


class TrackSource(enum.StrEnum):
    """Where a track comes from (other sources, e.g. `audioplaylist`, stay strings)."""

    REGULAR = "regular"
    SCREEN = "screen"


@attrs.define(kw_only=True)
class ActiveRoomSession:
    """The ongoing session of an active room; `peers` lists the connected peer ids."""

    id: str
    created_at: dt.datetime | None = None
    peers: list[str] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ActiveRoom:
    """A room with an ongoing session, as `hms.active_rooms.retrieve()` returns it.

    Attributes:
        id: The room's id.
        name: The room's name.
        customer_id: The workspace's id.
        session: The ongoing session, with the ids of the connected peers.
    """

    id: str
    name: str | None = None
    customer_id: str | None = None
    session: ActiveRoomSession | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ActivePeerTrack:
    """A track a connected peer publishes."""

    id: str
    stream_id: str | None = None
    mute: bool | None = None
    type: TrackType | str | None = None
    source: TrackSource | str | None = None
    description: str | None = None
    started_at: dt.datetime | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ActivePeer:
    """A peer connected to a room now.

    Attributes:
        id: The peer's id (a UUID, new at each join).
        name: The display name.
        user_id: Your id for the user, from the token or room-code exchange.
        metadata: The peer's metadata string (often JSON text).
        role: The peer's role.
        joined_at: When it joined.
        tracks: The tracks it publishes, keyed by track id; empty in
            `list_peers()`, filled by `retrieve_peer()`.
    """

    id: str
    name: str | None = None
    user_id: str | None = None
    metadata: str | None = None
    role: str | None = None
    joined_at: dt.datetime | None = None
    tracks: dict[str, ActivePeerTrack] = attrs.field(factory=dict)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class ActiveRoomActionResult:
    """The acknowledgement of an active-room action (`{"message": ...}`)."""

    message: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)
