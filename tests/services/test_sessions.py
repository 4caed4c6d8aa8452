"""hms.sessions: exact requests, §6.3 parsing (peers map, datetimes), active session."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import respx

from hms_async import HMSClient, NotFoundError
from hms_async._serde import structure, unstructure
from hms_async.models import Session, SessionPeer

from ..helpers import assert_api_request

PEER_ID = "2d873b0a-c2c9-41dc-ac72-c6ea9b2f2cc3"
SESSION: dict[str, Any] = {
    "id": "63172c2d3e3d9fdb008322e1",
    "room_id": "627ce5b8f2e4e30487862adb",
    "customer_id": "627cdddff2e4e30487862ad1",
    "app_id": "62510797903d857ab8ec3ba5",
    "active": False,
    "peers": {
        PEER_ID: {
            "id": PEER_ID,
            "session_id": "63172c2d3e3d9fdb008322e1",
            "name": "Nixon K",
            "role": "backstage",
            "user_id": "batch1-student10",
            "joined_at": "2022-09-06T11:17:01.816Z",
            "left_at": "2022-09-06T11:17:03.643Z",
            "network_quality": 4,
        }
    },
    "created_at": "2022-09-06T11:17:01.817Z",
    "updated_at": "2022-09-06T11:17:03.65Z",
    "region": "in",
}
ACTIVE = {**SESSION, "id": "63172c2d3e3d9fdb008322e2", "active": True}


def assert_is_example(session: Session) -> None:
    """Every field of the §6.3 example arrived with its type."""
    assert session.id == SESSION["id"]
    assert session.room_id == "627ce5b8f2e4e30487862adb"
    assert session.customer_id == "627cdddff2e4e30487862ad1"
    assert session.app_id == "62510797903d857ab8ec3ba5"
    assert session.active is False
    assert session.created_at == dt.datetime(2022, 9, 6, 11, 17, 1, 817000, dt.UTC)
    assert session.updated_at == dt.datetime(2022, 9, 6, 11, 17, 3, 650000, dt.UTC)
    assert session.extra_fields == {"region": "in"}
    assert list(session.peers) == [PEER_ID]
    peer = session.peers[PEER_ID]
    assert isinstance(peer, SessionPeer)
    assert peer.id == PEER_ID
    assert peer.session_id == SESSION["id"]
    assert (peer.name, peer.role, peer.user_id) == (
        "Nixon K",
        "backstage",
        "batch1-student10",
    )
    assert peer.joined_at == dt.datetime(2022, 9, 6, 11, 17, 1, 816000, dt.UTC)
    assert peer.left_at == dt.datetime(2022, 9, 6, 11, 17, 3, 643000, dt.UTC)
    assert peer.left_at - peer.joined_at == dt.timedelta(milliseconds=1827)
    assert peer.extra_fields == {"network_quality": 4}


async def test_retrieve(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /sessions/{id} and parses the example session."""
    route = respx_router.get(f"sessions/{SESSION['id']}").respond(json=SESSION)

    session = await client.sessions.retrieve(SESSION["id"])

    assert_api_request(route.calls.last.request, "GET", f"sessions/{SESSION['id']}")
    assert_is_example(session)


async def test_list_without_filters(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends only the page size (100 by default) and parses the page."""
    route = respx_router.get("sessions").respond(
        json={"limit": 100, "data": [SESSION], "last": ""}
    )

    page = await client.sessions.list()

    assert_api_request(
        route.calls.last.request, "GET", "sessions", params={"limit": "100"}
    )
    assert len(page.data) == 1
    assert_is_example(page.data[0])
    assert page.limit == 100
    assert not page.has_next


async def test_list_filters_encoding(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Booleans are true/false, datetimes RFC 3339 UTC with Z, strings as given."""
    route = respx_router.get("sessions").respond(
        json={"limit": 10, "data": [], "last": None}
    )
    after = dt.datetime(
        2022,
        9,
        6,
        16,
        47,
        1,
        817000,
        tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)),
    )
    before = dt.datetime(2022, 9, 7, 0, 0, 0)  # naive: taken as UTC

    page = await client.sessions.list(
        room_id="627ce5b8f2e4e30487862adb",
        active=False,
        after=after,
        before=before,
        limit=10,
        start="63172c2d3e3d9fdb008322e0",
    )

    assert_api_request(
        route.calls.last.request,
        "GET",
        "sessions",
        params={
            "room_id": "627ce5b8f2e4e30487862adb",
            "active": "false",
            "after": "2022-09-06T11:17:01.817Z",
            "before": "2022-09-07T00:00:00.000Z",
            "limit": "10",
            "start": "63172c2d3e3d9fdb008322e0",
        },
    )
    assert page.data == []


async def test_list_string_dates_sent_as_given(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A string filter is sent untouched; active=True is "true"."""
    route = respx_router.get("sessions").respond(json={"data": [], "last": ""})

    await client.sessions.list(active=True, after="2022-09-06T00:00:00.000Z")

    assert_api_request(
        route.calls.last.request,
        "GET",
        "sessions",
        params={"active": "true", "after": "2022-09-06T00:00:00.000Z", "limit": "100"},
    )


async def test_list_walks_pages(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows last into start until the cursor is empty."""
    second = {**SESSION, "id": "s2"}
    route = respx_router.get("sessions").mock(
        side_effect=[
            respx.MockResponse(
                json={"limit": 10, "data": [SESSION], "last": SESSION["id"]}
            ),
            respx.MockResponse(json={"limit": 10, "data": [second], "last": ""}),
        ]
    )

    ids = [s.id async for s in client.sessions.list(room_id="r1", limit=10)]

    assert ids == [SESSION["id"], "s2"]
    assert_api_request(
        route.calls[1].request,
        "GET",
        "sessions",
        params={"room_id": "r1", "limit": "10", "start": SESSION["id"]},
    )


@pytest.mark.parametrize("limit", [0, 9, 101, -1])
async def test_list_limit_refused(
    client: HMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """limit outside 10..100 is a ValueError before any request."""
    route = respx_router.get("sessions").respond(json={"data": []})

    with pytest.raises(ValueError, match=r"limit must be between 10 and 100"):
        client.sessions.list(limit=limit)

    assert not route.called


async def test_retrieve_active_found(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_active() asks for the room's active sessions and returns the first."""
    route = respx_router.get("sessions").respond(
        json={"limit": 10, "data": [ACTIVE], "last": ACTIVE["id"]}
    )

    session = await client.sessions.retrieve_active("627ce5b8f2e4e30487862adb")

    assert_api_request(
        route.calls.last.request,
        "GET",
        "sessions",
        params={"room_id": "627ce5b8f2e4e30487862adb", "active": "true", "limit": "10"},
    )
    assert route.call_count == 1
    assert session.id == ACTIVE["id"]
    assert session.active is True
    assert PEER_ID in session.peers


async def test_retrieve_active_none(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """No active session is a NotFoundError naming the room."""
    respx_router.get("sessions").respond(json={"limit": 10, "data": None, "last": None})

    with pytest.raises(NotFoundError, match="no active session") as info:
        await client.sessions.retrieve_active("room-1")

    assert info.value.status_code == 404


async def test_retrieve_active_empty_id(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty room id is refused before any request."""
    route = respx_router.get("sessions").respond(json={"data": []})

    with pytest.raises(ValueError, match="empty"):
        await client.sessions.retrieve_active("")

    assert not route.called


async def test_retrieve_not_found(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A 404 from retrieve() is a NotFoundError with the API's message."""
    respx_router.get("sessions/nope").respond(
        404, json={"code": 404, "message": "session not found"}
    )

    with pytest.raises(NotFoundError, match="session not found"):
        await client.sessions.retrieve("nope")


def test_session_round_trip() -> None:
    """unstructure then structure gives an equal model; every key survives."""
    payload = copy.deepcopy(SESSION)
    session = structure(payload, Session)

    out = unstructure(session)

    assert structure(out, Session) == session
    assert set(out) == set(SESSION)
    assert set(out["peers"][PEER_ID]) == set(SESSION["peers"][PEER_ID])
    assert out["created_at"] == "2022-09-06T11:17:01.817Z"
    assert out["region"] == "in"
    assert payload == SESSION  # structuring does not touch its input


def test_session_null_peers_and_zero_time() -> None:
    """null peers is an empty map; the Go zero time is None."""
    session = structure(
        {"id": "s", "peers": None, "updated_at": "0001-01-01T00:00:00Z"}, Session
    )

    assert session.peers == {}
    assert session.updated_at is None
