"""``hms.active_rooms``: the live state of rooms with an ongoing session (§2.3)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._requester import model, path
from ..models.active_rooms import ActivePeer, ActiveRoom, ActiveRoomActionResult
from ._base import Resource, body

__all__ = ["ActiveRoomsResource"]


@attrs.define(kw_only=True)
class _PeerMap:
    """The ``{"peers": {peer_id: peer}}`` envelope of the peer list."""

    peers: dict[str, ActivePeer] = attrs.field(factory=dict)


_peer_map = model(_PeerMap)


def _peers(data: Any) -> dict[str, ActivePeer]:
    return _peer_map(data).peers


class ActiveRoomsResource(Resource):
    """Active rooms: connected peers, messages, removals and ending the session.

    Every call acts on live state only; use ``hms.sessions`` for peers that
    already left.
    """

    async def retrieve(self, room_id: str) -> ActiveRoom:
        """Get the room's ongoing session and the ids of its connected peers."""
        return await self._requester.request(
            "GET", path("active-rooms", room_id), parse=model(ActiveRoom)
        )

    async def list_peers(
        self, room_id: str, *, user_id: str | None = None, role: str | None = None
    ) -> dict[str, ActivePeer]:
        """The connected peers, keyed by peer id (empty when none match)."""
        return await self._requester.request(
            "GET",
            path("active-rooms", room_id, "peers"),
            params={"user_id": user_id, "role": role},
            parse=_peers,
        )

    async def retrieve_peer(self, room_id: str, peer_id: str) -> ActivePeer:
        """Get one connected peer with its ``tracks`` (keyed by track id)."""
        return await self._requester.request(
            "GET",
            path("active-rooms", room_id, "peers", peer_id),
            parse=model(ActivePeer),
        )

    async def update_peer(
        self,
        room_id: str,
        peer_id: str,
        *,
        name: str | None = None,
        role: str | None = None,
        metadata: str | None = None,
    ) -> ActivePeer:
        """Rename a peer, change its role or set its ``metadata`` (a string).

        A role changed this way sends a ``role.change.success`` webhook
        without ``role_change_requested_by``.
        """
        payload = body(name=name, role=role, metadata=metadata)
        if not payload:
            raise ValueError("update_peer() needs at least one of name, role, metadata")
        return await self._requester.request(
            "POST",
            path("active-rooms", room_id, "peers", peer_id),
            json=payload,
            parse=model(ActivePeer),
            idempotent=True,
        )

    async def send_message(
        self,
        room_id: str,
        *,
        message: str,
        peer_id: str | None = None,
        role: str | None = None,
        type: str | None = None,
    ) -> ActiveRoomActionResult:
        """Send a message to one peer, to a role, or to everyone.

        ``peer_id`` wins over ``role``; with neither the message is broadcast.
        ``type`` is e.g. ``chat``, ``emoji`` or ``custom_event``.
        """
        if not message:
            raise ValueError("message must not be empty")
        payload = body(message=message, peer_id=peer_id, role=role, type=type)
        return await self._action(room_id, "send-message", payload)

    async def remove_peers(
        self,
        room_id: str,
        *,
        peer_id: str | None = None,
        role: str | None = None,
        reason: str | None = None,
    ) -> ActiveRoomActionResult:
        """Remove one peer, or every peer of a role; ``peer_id`` wins over ``role``.

        ``reason`` is shown to the peers removed.
        """
        if not peer_id and not role:
            raise ValueError("remove_peers() needs peer_id or role")
        payload = body(peer_id=peer_id, role=role, reason=reason)
        return await self._action(room_id, "remove-peers", payload)

    async def end(
        self, room_id: str, *, reason: str | None = None, lock: bool | None = None
    ) -> ActiveRoomActionResult:
        """End the room's session for everyone; ``lock=True`` also disables the room."""
        return await self._action(room_id, "end-room", body(reason=reason, lock=lock))

    async def _action(
        self, room_id: str, action: str, payload: Mapping[str, Any]
    ) -> ActiveRoomActionResult:
        return await self._requester.request(
            "POST",
            path("active-rooms", room_id, action),
            json=payload,
            parse=model(ActiveRoomActionResult),
        )
