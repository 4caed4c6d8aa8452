# Generated from hms_async/resources/active_rooms.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.active_rooms`: the live state of rooms with an ongoing session.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/overview>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._parsers import model
from hms_async._sync.resources._base import Resource
from hms_async.models.active_rooms import ActivePeer, ActiveRoom, ActiveRoomActionResult
from hms_async.resources.active_rooms import _peers

__all__ = ["ActiveRoomsResource"]


class ActiveRoomsResource(Resource):
    """Active rooms: connected peers, messages, removals and ending the session.

    Reach it as `hms.active_rooms`. An active room is one with an ongoing
    session; every call acts on live state only. The API does not document
    its answer for a room without a session; a 404 (`NotFoundError`) is the
    likely one. Use `hms.sessions` for peers that already left.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def retrieve(
        self, room_id: str, **request_options: Unpack[RequestOptions]
    ) -> ActiveRoom:
        """Get the room's ongoing session and the ids of its connected peers.

        Args:
            room_id: The room's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The active room: its `id`, `name` and `session` (with `peers`, the
                connected peer ids).

        Raises:
            NotFoundError: No room has this id (or, likely, no session).
            ValueError: `room_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/retrieve-active-room>
        """
        return self._requester.request(
            "GET",
            "active-rooms/{room_id}",
            room_id,
            parse=model(ActiveRoom),
            options=request_options,
        )

    def list_peers(
        self,
        room_id: str,
        *,
        user_id: str | None = None,
        role: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> dict[str, ActivePeer]:
        """List the peers connected to the room now.

        The list is not paginated: the API sends every peer at once.

        Args:
            room_id: The room's id.
            user_id: Only the peers with this user id (your id for the user).
            role: Only the peers with this role.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The connected peers keyed by peer id; empty when none match. Their
                `tracks` are empty here: use `retrieve_peer()` for them.

        Raises:
            NotFoundError: No room has this id (or, likely, no session).
            ValueError: `room_id` is empty; nothing is sent.

        Example:
            ```python
            peers = hms.active_rooms.list_peers(room.id, role="guest")
            for peer_id, peer in peers.items():
                print(peer_id, peer.name)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/list-peers>
        """
        return self._requester.request(
            "GET",
            "active-rooms/{room_id}/peers",
            room_id,
            params={"user_id": user_id, "role": role},
            parse=_peers,
            options=request_options,
        )

    def retrieve_peer(
        self, room_id: str, peer_id: str, **request_options: Unpack[RequestOptions]
    ) -> ActivePeer:
        """Get one connected peer with the tracks it publishes.

        Only peers connected now are found; peers that left are in the session
        (`hms.sessions.retrieve()`).

        Args:
            room_id: The room's id.
            peer_id: The peer's id (a UUID).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The peer, with `tracks` keyed by track id.

        Raises:
            NotFoundError: No such room, session or connected peer.
            ValueError: `room_id` or `peer_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/retrieve-peer>
        """
        return self._requester.request(
            "GET",
            "active-rooms/{room_id}/peers/{peer_id}",
            room_id,
            peer_id,
            parse=model(ActivePeer),
            options=request_options,
        )

    def update_peer(
        self,
        room_id: str,
        peer_id: str,
        *,
        name: str | None = None,
        role: str | None = None,
        metadata: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> ActivePeer:
        """Rename a connected peer, change its role, or set its metadata.

        Only the arguments passed are sent; setting the same values twice is
        harmless, so the call is retried like a GET. A role changed this way
        sends a `role.change.success` webhook without `role_change_requested_by`.

        Args:
            room_id: The room's id.
            peer_id: The peer's id.
            name: The peer's new display name.
            role: The name of a role of the room's template.
            metadata: Any string, usually JSON text (`json.dumps(...)`), that
                the client SDKs see as the peer's metadata.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The peer with its tracks, as updated.

        Raises:
            ValueError: None of `name`, `role`, `metadata` is passed, or an id is
                empty; nothing is sent.
            NotFoundError: No such room, session or connected peer.
            BadRequestError: The API refused the body (e.g. a role the template
                does not have).

        Example:
            ```python
            hms.active_rooms.update_peer(room.id, peer_id, role="speaker")
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/update-a-peer>
        """
        payload = body(name=name, role=role, metadata=metadata)
        if not payload:
            raise ValueError("update_peer() needs at least one of name, role, metadata")
        return self._requester.request(
            "POST",
            "active-rooms/{room_id}/peers/{peer_id}",
            room_id,
            peer_id,
            json=payload,
            parse=model(ActivePeer),
            idempotent=True,
            options=request_options,
        )

    def send_message(
        self,
        room_id: str,
        *,
        message: str,
        peer_id: str | None = None,
        role: str | None = None,
        type: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> ActiveRoomActionResult:
        """Send a message to one peer, to the peers of a role, or to everyone.

        `peer_id` wins over `role`; with neither the message is broadcast to the
        room. Not retried once sent: a repeat would deliver it twice.

        Args:
            room_id: The room's id.
            message: The text to send; must not be empty.
            peer_id: Send to this peer only.
            role: Send to the peers of this role only.
            type: The message type the client SDKs receive, e.g. `chat`, `emoji`
                or `custom_event`. The API's default is not documented (the client
                SDKs use `chat`).
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The API's acknowledgement (`message` is `"message sent"`).

        Raises:
            ValueError: `message` or `room_id` is empty; nothing is sent.
            NotFoundError: No room has this id (or, likely, no session).
            BadRequestError: The API refused the body.

        Example:
            ```python
            hms.active_rooms.send_message(room.id, message="Break: 5 minutes")
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/send-message>
        """
        if not message:
            raise ValueError("message must not be empty")
        payload = body(message=message, peer_id=peer_id, role=role, type=type)
        return self._action(room_id, "send-message", payload, options=request_options)

    def remove_peers(
        self,
        room_id: str,
        *,
        peer_id: str | None = None,
        role: str | None = None,
        reason: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> ActiveRoomActionResult:
        """Remove one peer, or every peer of a role, from the session.

        `peer_id` wins over `role`. The API answers once the request is accepted;
        the peers leave shortly after (a `peer.leave.success` webhook follows each).
        Not retried once sent.

        Args:
            room_id: The room's id.
            peer_id: The peer to remove.
            role: Remove every peer of this role (used when `peer_id` is not
                passed).
            reason: Shown to the peers removed, and sent as `message` in their
                `peer.leave.success` webhooks.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The API's acknowledgement (`message` is
                `"peer remove request submitted"`).

        Raises:
            ValueError: Neither `peer_id` nor `role` is passed, or `room_id` is
                empty; nothing is sent.
            NotFoundError: No room has this id (or, likely, no session).
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/remove-peers>
        """
        if not peer_id and not role:
            raise ValueError("remove_peers() needs peer_id or role")
        payload = body(peer_id=peer_id, role=role, reason=reason)
        return self._action(room_id, "remove-peers", payload, options=request_options)

    def end(
        self,
        room_id: str,
        *,
        reason: str | None = None,
        lock: bool | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> ActiveRoomActionResult:
        """End the room's session for everyone.

        Not retried once sent.

        Args:
            room_id: The room's id.
            reason: Shown to the peers, and sent in the `room.end.success`
                webhook.
            lock: `True` also disables the room, so nobody can join it again
                until `hms.rooms.enable()`. The API's default is `False`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The API's acknowledgement (`message` is `"session is ending"`).

        Raises:
            NotFoundError: No room has this id (or, likely, no session).
            ValueError: `room_id` is empty; nothing is sent.

        Example:
            ```python
            hms.active_rooms.end(room.id, reason="Class is over", lock=True)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/active-rooms/end-active-room>
        """
        return self._action(
            room_id, "end-room", body(reason=reason, lock=lock), options=request_options
        )

    def _action(
        self,
        room_id: str,
        action: str,
        payload: Mapping[str, Any],
        *,
        options: Mapping[str, Any],
    ) -> ActiveRoomActionResult:
        return self._requester.request(
            "POST",
            "active-rooms/{room_id}/" + action,
            room_id,
            json=payload,
            parse=model(ActiveRoomActionResult),
            options=options,
        )
