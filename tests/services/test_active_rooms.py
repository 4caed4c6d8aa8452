"""hms.active_rooms: exact requests, §6.4/§6.5 parsing, peer maps, actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient
from hms_async._serde import structure, unstructure
from hms_async.errors import ServerError
from hms_async.models.active_rooms import (
    ActivePeer,
    ActivePeerTrack,
    ActiveRoom,
    ActiveRoomActionResult,
    TrackSource,
    TrackType,
)

from ..helpers import assert_api_request
from .test_recording_assets import assert_keys_survive, assert_round_trip

ROOM_ID = "631a0f990e6ffae22efa610c"
ACTIVE_ROOM: dict[str, Any] = {
    "id": ROOM_ID,
    "name": "5d971abb-8e51-4c86-9d35-8e619c3d8877",
    "customer_id": "627cdddff2e4e30487862ad1",
    "session": {
        "id": "633c22b420636a0cb361dea0",
        "created_at": "2022-10-04T12:10:28.939011796Z",
        "peers": [
            "c0bbae7e-fbc0-48c3-89aa-83f85427acbf",
            "161d2478-1535-49a0-b48b-326aaa26dcd0",
        ],
        "region": "in",
    },
    "app_id": "62510797903d857ab8ec3ba5",
}
LISTED_ID = "dcd88eb0-83e6-486a-bcae-c3be5e0f2c20"
PEERS: dict[str, Any] = {
    "peers": {
        LISTED_ID: {
            "id": LISTED_ID,
            "name": "John",
            "user_id": "student-3461",
            "metadata": "",
            "role": "student",
            "joined_at": "2023-01-25T12:06:34.080990401Z",
            "network_quality": 5,
        }
    }
}
PEER_ID = "2e8fc83e-6aef-4ca8-9124-bedc253f3529"
VIDEO_ID = "780a28e0-f2df-450b-9954-70307a440530"
AUDIO_ID = "d6831044-3584-42aa-92be-efd051cae353"
STREAM_ID = "2cc4afed-20ba-4793-a223-d4c76c331456"
PEER: dict[str, Any] = {
    "id": PEER_ID,
    "name": "Johnny Appleseed",
    "user_id": "tutor_id_1234",
    "metadata": '{"isHandRaised":false}',
    "role": "backstage",
    "joined_at": "2022-10-06T05:22:41.635589462Z",
    "tracks": {
        VIDEO_ID: {
            "id": VIDEO_ID,
            "stream_id": STREAM_ID,
            "mute": False,
            "type": "video",
            "source": "regular",
            "started_at": "2022-10-06T05:22:41.752327705Z",
            "description": "",
            "layer": "f",
        },
        AUDIO_ID: {
            "id": AUDIO_ID,
            "stream_id": STREAM_ID,
            "mute": True,
            "type": "audio",
            "source": "regular",
            "started_at": "2022-10-06T05:22:41.752327705Z",
            "description": "",
        },
    },
    "client": "web",
}
SENT = {"message": "message sent"}
REMOVED = {"message": "peer remove request submitted"}
ENDING = {"message": "session is ending", "session_id": "633c22b420636a0cb361dea0"}


def assert_is_peer(peer: ActivePeer) -> None:
    """The §6.5 detail example arrived with its tracks map."""
    assert isinstance(peer, ActivePeer)
    assert peer.id == PEER_ID
    assert peer.name == "Johnny Appleseed"
    assert peer.user_id == "tutor_id_1234"
    assert peer.metadata == '{"isHandRaised":false}'
    assert peer.role == "backstage"
    assert peer.joined_at == dt.datetime(2022, 10, 6, 5, 22, 41, 635589, dt.UTC)
    assert peer.extra_fields == {"client": "web"}
    assert list(peer.tracks) == [VIDEO_ID, AUDIO_ID]
    video, audio = peer.tracks[VIDEO_ID], peer.tracks[AUDIO_ID]
    assert isinstance(video, ActivePeerTrack)
    assert video.id == VIDEO_ID
    assert video.stream_id == STREAM_ID
    assert video.type is TrackType.VIDEO
    assert video.source is TrackSource.REGULAR
    assert video.mute is False
    assert video.description == ""
    assert video.started_at == dt.datetime(2022, 10, 6, 5, 22, 41, 752327, dt.UTC)
    assert video.extra_fields == {"layer": "f"}
    assert audio.type is TrackType.AUDIO
    assert audio.mute is True


async def test_retrieve(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /active-rooms/{id} and parses the §6.4 example."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}").respond(json=ACTIVE_ROOM)

    room = await client.active_rooms.retrieve(ROOM_ID)

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


async def test_list_peers_sends_filters(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list_peers() sends user_id and role and returns the map keyed by peer id."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers").respond(json=PEERS)

    peers = await client.active_rooms.list_peers(
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
async def test_list_peers_when_none_match(
    client: HMSClient, respx_router: respx.MockRouter, body: dict[str, Any]
) -> None:
    """No filter sends no query; an empty or null map is an empty dict."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers").respond(json=body)

    peers = await client.active_rooms.list_peers(ROOM_ID)

    assert_api_request(route.calls.last.request, "GET", f"active-rooms/{ROOM_ID}/peers")
    assert peers == {}


async def test_retrieve_peer(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve_peer() GETs .../peers/{peer_id} and parses the tracks map."""
    route = respx_router.get(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").respond(
        json=PEER
    )

    peer = await client.active_rooms.retrieve_peer(ROOM_ID, PEER_ID)

    assert_api_request(
        route.calls.last.request, "GET", f"active-rooms/{ROOM_ID}/peers/{PEER_ID}"
    )
    assert_is_peer(peer)


def test_unknown_track_source_stays_a_string() -> None:
    """A track source the SDK does not know is kept as its string."""
    track = structure(
        {"id": "t1", "type": "video", "source": "audioplaylist"}, ActivePeerTrack
    )

    assert track.source == "audioplaylist"
    assert not isinstance(track.source, TrackSource)
    assert track.type is TrackType.VIDEO


async def test_update_peer(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """update_peer() posts exactly the fields passed and parses the peer."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").respond(
        json=PEER
    )

    peer = await client.active_rooms.update_peer(
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


async def test_update_peer_sends_only_given_fields_and_retries(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Setting fields is idempotent: only ``role`` is sent, and a 503 is retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=PEER)]
    )

    await client.active_rooms.update_peer(ROOM_ID, PEER_ID, role="host")

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/peers/{PEER_ID}",
        json_body={"role": "host"},
    )


async def test_update_peer_needs_a_field(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """update_peer() with nothing to change is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/peers/{PEER_ID}")

    with pytest.raises(ValueError, match="at least one of name, role, metadata"):
        await client.active_rooms.update_peer(ROOM_ID, PEER_ID)

    assert not route.called


async def test_send_message(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """send_message() posts every field passed and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message").respond(json=SENT)

    result = await client.active_rooms.send_message(
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


async def test_broadcast_is_sent_once(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A broadcast sends only the message, and a 503 is not retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=SENT)]
    )

    with pytest.raises(ServerError):
        await client.active_rooms.send_message(ROOM_ID, message="to everyone")

    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/send-message",
        json_body={"message": "to everyone"},
    )


async def test_send_message_refuses_empty_message(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty message is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/send-message")

    with pytest.raises(ValueError, match="message must not be empty"):
        await client.active_rooms.send_message(ROOM_ID, message="")

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
async def test_remove_peers(
    client: HMSClient,
    respx_router: respx.MockRouter,
    kwargs: dict[str, Any],
    sent: dict[str, str],
) -> None:
    """remove_peers() posts the target and reason and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/remove-peers").respond(
        json=REMOVED
    )

    result = await client.active_rooms.remove_peers(ROOM_ID, **kwargs)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/remove-peers",
        json_body=sent,
    )
    assert result.message == "peer remove request submitted"


async def test_remove_peers_needs_a_target(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Neither peer_id nor role is refused before any request."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/remove-peers")

    with pytest.raises(ValueError, match="needs peer_id or role"):
        await client.active_rooms.remove_peers(ROOM_ID, reason="cleanup")

    assert not route.called


async def test_end(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """end() posts reason and lock to /end-room and parses the acknowledgement."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/end-room").respond(json=ENDING)

    result = await client.active_rooms.end(ROOM_ID, reason="class is over", lock=True)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"active-rooms/{ROOM_ID}/end-room",
        json_body={"reason": "class is over", "lock": True},
    )
    assert result.message == "session is ending"
    assert result.extra_fields == {"session_id": "633c22b420636a0cb361dea0"}


async def test_end_without_arguments(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A bare end() posts ``{}`` and is not retried."""
    route = respx_router.post(f"active-rooms/{ROOM_ID}/end-room").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=ENDING)]
    )

    with pytest.raises(ServerError):
        await client.active_rooms.end(ROOM_ID)

    assert route.call_count == 1
    assert_api_request(
        route.calls.last.request, "POST", f"active-rooms/{ROOM_ID}/end-room"
    )


async def test_peer_ids_are_encoded(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in a peer id stays inside its path segment."""
    route = respx_router.get(url__regex=r".*").respond(json=PEER)

    await client.active_rooms.retrieve_peer(ROOM_ID, "../../rooms")

    raw = route.calls.last.request.url.raw_path
    assert raw == f"/v2/active-rooms/{ROOM_ID}/peers/..%2F..%2Frooms".encode()


@pytest.mark.parametrize(
    ("cls", "payload"),
    [
        pytest.param(ActiveRoom, ACTIVE_ROOM, id="active-room"),
        pytest.param(ActivePeer, PEER, id="peer"),
        pytest.param(ActiveRoomActionResult, ENDING, id="action-result"),
        pytest.param(
            ActivePeer,
            {**PEER, "joined_at": "2022-10-06T05:22:41.635Z", "tracks": None},
            id="peer-ms",
        ),
    ],
)
def test_round_trip(cls: type[Any], payload: dict[str, Any]) -> None:
    """Models turn back into the JSON they came from, unknown keys included."""
    assert_round_trip(cls, payload)


@pytest.mark.parametrize(
    ("cls", "payload"),
    [
        (ActiveRoom, ACTIVE_ROOM),
        (ActivePeer, PEER),
        (ActivePeer, PEERS["peers"][LISTED_ID]),
    ],
)
def test_every_key_is_written_back(cls: type[Any], payload: dict[str, Any]) -> None:
    """Every non-null key, nested and unknown ones included, survives unstructure."""
    assert_keys_survive(payload, unstructure(structure(payload, cls)))
