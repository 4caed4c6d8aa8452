# Generated from tests/services/test_sessions.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.sessions: exact requests, §6.3 parsing (peers map, datetimes), active session."""

from __future__ import annotations

import datetime as dt

import pytest
import respx

from hms_async import NotFoundError, SyncHMSClient
from tests.helpers import assert_api_request
from tests.services.test_sessions import ACTIVE, PEER_ID, SESSION, assert_is_example


def test_retrieve(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs /sessions/{id} and parses the example session."""
    route = respx_router.get(f"sessions/{SESSION['id']}").respond(json=SESSION)

    session = client.sessions.retrieve(SESSION["id"])

    assert_api_request(route.calls.last.request, "GET", f"sessions/{SESSION['id']}")
    assert_is_example(session)


def test_list_without_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends only the page size (100 by default) and parses the page."""
    route = respx_router.get("sessions").respond(
        json={"limit": 100, "data": [SESSION], "last": ""}
    )

    page = client.sessions.list().first_page()

    assert_api_request(
        route.calls.last.request, "GET", "sessions", params={"limit": "100"}
    )
    assert len(page.data) == 1
    assert_is_example(page.data[0])
    assert page.limit == 100
    assert not page.has_next


def test_list_filters_encoding(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    page = client.sessions.list(
        room_id="627ce5b8f2e4e30487862adb",
        active=False,
        after=after,
        before=before,
        limit=10,
        start="63172c2d3e3d9fdb008322e0",
    ).first_page()

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


def test_list_string_dates_sent_as_given(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A string filter is sent untouched; active=True is "true"."""
    route = respx_router.get("sessions").respond(json={"data": [], "last": ""})

    client.sessions.list(active=True, after="2022-09-06T00:00:00.000Z").first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "sessions",
        params={"active": "true", "after": "2022-09-06T00:00:00.000Z", "limit": "100"},
    )


def test_list_walks_pages(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    ids = [s.id for s in client.sessions.list(room_id="r1", limit=10)]

    assert ids == [SESSION["id"], "s2"]
    assert_api_request(
        route.calls[1].request,
        "GET",
        "sessions",
        params={"room_id": "r1", "limit": "10", "start": SESSION["id"]},
    )


@pytest.mark.parametrize("limit", [0, 9, 101, -1])
def test_list_limit_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """limit outside 10..100 is a ValueError before any request."""
    route = respx_router.get("sessions").respond(json={"data": []})

    with pytest.raises(ValueError, match=r"limit must be between 10 and 100"):
        client.sessions.list(limit=limit)

    assert not route.called


def test_retrieve_active_found(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_active() asks for the room's active sessions and returns the first."""
    route = respx_router.get("sessions").respond(
        json={"limit": 10, "data": [ACTIVE], "last": ACTIVE["id"]}
    )

    session = client.sessions.retrieve_active("627ce5b8f2e4e30487862adb")

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


def test_retrieve_active_none(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """No active session is a NotFoundError naming the room."""
    respx_router.get("sessions").respond(json={"limit": 10, "data": None, "last": None})

    with pytest.raises(NotFoundError, match="no active session") as info:
        client.sessions.retrieve_active("room-1")

    assert info.value.status_code == 404


def test_retrieve_active_empty_id(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty room id is refused before any request."""
    route = respx_router.get("sessions").respond(json={"data": []})

    with pytest.raises(ValueError, match="empty"):
        client.sessions.retrieve_active("")

    assert not route.called


def test_retrieve_not_found(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 404 from retrieve() is a NotFoundError with the API's message."""
    respx_router.get("sessions/nope").respond(
        404, json={"code": 404, "message": "session not found"}
    )

    with pytest.raises(NotFoundError, match="session not found"):
        client.sessions.retrieve("nope")
