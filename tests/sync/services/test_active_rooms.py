# Generated from tests/services/test_active_rooms.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.active_rooms: exact requests, §6.4/§6.5 parsing, peer maps, actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.errors import ServerError
from hms_async.models.active_rooms import (
    ActivePeer,
    ActiveRoom,
    ActiveRoomActionResult,
)
from tests.helpers import assert_api_request
from tests.services.test_active_rooms import (
    ACTIVE_ROOM,
    ENDING,
    LISTED_ID,
    PEER,
    PEER_ID,
    PEERS,
    REMOVED,
    ROOM_ID,
    SENT,
    assert_is_peer,
)


def test_retrieve(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /active-rooms/{id} and parses the §6.4 example."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}").respond(json=ACTIVE_ROOM)

    room = client.active_rooms.retrieve(ROOM_ID)

    assert_api_request(route.calls.last.request, "GET", f"active-rooms/{ROOM_ID}")
    assert isinstance(room, ActiveRoom)
    assert room.id == ROOM_ID
    assert room.name == "5d971abb-8e51-4c86-9d35-8e619c3d8877"
    assert room.customer_id == "627cdddff2e4e30487862ad1"
    assert room.extra_fields == {"app_id": "62510797903d857ab8ec3ba5"}
    assert room.session is not None
    assert room.session.id == "633c22b420636a0cb361dea0"
    assert room.session.created_at == dt.datetime(
        2022, 10, 4, 12, 10, 28, 939011, dt.UTC
    )
    assert room.session.peers == [
        "c0bbae7e-fbc0-48c3-89aa-83f85427acbf",
        "161d2478-1535-49a0-b48b-326aaa26dcd0",
    ]
    assert room.session.extra_fields == {"region": "in"}


def test_list_peers_sends_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list_peers() sends user_id and role and returns the map keyed by peer id."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers").respond(json=PEERS)

    peers = client.active_rooms.list_peers(
        ROOM_ID, user_id="student-3461", role="student"
    )

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"active-rooms/{ROOM_ID}/peers",
        params={"user_id": "student-3461", "role": "student"},
    )
    assert isinstance(peers, dict)
    assert list(peers) == [LISTED_ID]
    peer = peers[LISTED_ID]
    assert isinstance(peer, ActivePeer)
    assert (peer.name, peer.user_id, peer.role) == ("John", "student-3461", "student")
    assert peer.metadata == ""
    assert peer.joined_at == dt.datetime(2023, 1, 25, 12, 6, 34, 80990, dt.UTC)
    assert peer.tracks == {}
    assert peer.extra_fields == {"network_quality": 5}


@pytest.mark.parametrize("body", [{"peers": {}}, {"peers": None}])
def test_list_peers_when_none_match(
    client: SyncHMSClient, respx_router: respx.MockRouter, body: dict[str, Any]
) -> None:
    """No filter sends no query; an empty or null map is an empty dict."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers").respond(json=body)

    peers = client.active_rooms.list_peers(ROOM_ID)

    assert_api_request(route.calls.last.request, "GET", f"active-rooms/{ROOM_ID}/peers")
    assert peers == {}


def test_retrieve_peer(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve_peer() GETs .../peers/{peer_id} and parses the tracks map."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").respond(
        json=PEER
    )

    peer = client.active_rooms.retrieve_peer(ROOM_ID, PEER_ID)

    assert_api_request(
        route.calls.last.request, "GET", f"active-rooms/{ROOM_ID}/peers/{PEER_ID}"
    )
    assert_is_peer(peer)


def test_update_peer(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """update_peer() posts exactly the fields passed and parses the peer."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").respond(
        json=PEER
    )

    peer = client.active_rooms.update_peer(
        ROOM_ID,
        PEER_ID,
        name="Johnny Appleseed",
        role="backstage",
        metadata='{"isHandRaised":false}',
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/peers/{PEER_ID}",
        json_body={
            "name": "Johnny Appleseed",
            "role": "backstage",
            "metadata": '{"isHandRaised":false}',
        },
    )
    assert_is_peer(peer)


def test_update_peer_sends_only_given_fields_and_retries(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Setting fields is idempotent: only ``role`` is sent, and a 503 is retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=PEER)]
    )

    client.active_rooms.update_peer(ROOM_ID, PEER_ID, role="host")

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/peers/{PEER_ID}",
        json_body={"role": "host"},
    )


def test_update_peer_needs_a_field(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_peer() with nothing to change is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}")

    with pytest.raises(ValueError, match="at least one of name, role, metadata"):
        client.active_rooms.update_peer(ROOM_ID, PEER_ID)

    assert not route.called


def test_send_message(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """send_message() posts every field passed and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message").respond(json=SENT)

    result = client.active_rooms.send_message(
        ROOM_ID, message="hello", peer_id=PEER_ID, role="student", type="chat"
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/send-message",
        json_body={
            "message": "hello",
            "peer_id": PEER_ID,
            "role": "student",
            "type": "chat",
        },
    )
    assert isinstance(result, ActiveRoomActionResult)
    assert result.message == "message sent"


def test_broadcast_is_sent_once(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A broadcast sends only the message, and a 503 is not retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=SENT)]
    )

    with pytest.raises(ServerError):
        client.active_rooms.send_message(ROOM_ID, message="to everyone")

    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/send-message",
        json_body={"message": "to everyone"},
    )


def test_send_message_refuses_empty_message(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty message is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message")

    with pytest.raises(ValueError, match="message must not be empty"):
        client.active_rooms.send_message(ROOM_ID, message="")

    assert not route.called


@pytest.mark.parametrize(
    ("kwargs", "sent"),
    [
        (
            {"peer_id": PEER_ID, "reason": "spam"},
            {"peer_id": PEER_ID, "reason": "spam"},
        ),
        ({"role": "student"}, {"role": "student"}),
    ],
)
def test_remove_peers(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    kwargs: dict[str, Any],
    sent: dict[str, str],
) -> None:
    """remove_peers() posts the target and reason and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/remove-peers").respond(
        json=REMOVED
    )

    result = client.active_rooms.remove_peers(ROOM_ID, **kwargs)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/remove-peers",
        json_body=sent,
    )
    assert result.message == "peer remove request submitted"


def test_remove_peers_needs_a_target(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Neither peer_id nor role is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/remove-peers")

    with pytest.raises(ValueError, match="needs peer_id or role"):
        client.active_rooms.remove_peers(ROOM_ID, reason="cleanup")

    assert not route.called


def test_end(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """end() posts reason and lock to /end-room and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/end-room").respond(json=ENDING)

    result = client.active_rooms.end(ROOM_ID, reason="class is over", lock=True)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/end-room",
        json_body={"reason": "class is over", "lock": True},
    )
    assert result.message == "session is ending"
    assert result.extra_fields == {"session_id": "633c22b420636a0cb361dea0"}


def test_end_without_arguments(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A bare end() posts ``{}`` and is not retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/end-room").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=ENDING)]
    )

    with pytest.raises(ServerError):
        client.active_rooms.end(ROOM_ID)

    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request, "POST", f"active-rooms/{ROOM_ID}/end-room"
    )


def test_peer_ids_are_encoded(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in a peer id stays inside its path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=PEER)

    client.active_rooms.retrieve_peer(ROOM_ID, "../../rooms")

    raw = route.calls.last.request.url.raw_path
    assert raw == f"/v2/active-rooms/{ROOM_ID}/peers/..%2F..%2Frooms".encode()
