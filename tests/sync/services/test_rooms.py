# Generated from tests/services/test_rooms.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.rooms: exact requests and parsing of realistic responses."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.models import Region, Room
from tests.helpers import assert_api_request
from tests.services.test_rooms import ROOM


def test_create_sends_only_given_fields(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() posts exactly the arguments passed and parses the room."""
    route = respx_router.post("rooms").respond(json=ROOM)

    room = client.rooms.create(name="physics-class-7b", region=Region.IN, size=500)

    assert_api_request(
        route.calls.last.request,
        "POST",
        "rooms",
        json_body={"name": "physics-class-7b", "region": "in", "size": 500},
    )
    assert room.id == ROOM["id"]
    assert room.region is Region.IN
    assert room.created_at == dt.datetime(2022, 9, 8, 15, 7, 37, 830000, tzinfo=dt.UTC)
    assert room.updated_at is None
    assert room.extra_fields == {"customer": "627cdddff2e4e30487862ad1"}


def test_list_sends_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() encodes booleans and sends the page size; gives page one."""
    route = respx_router.get("rooms").respond(
        json={"limit": 10, "data": [ROOM], "last": ""}
    )

    page = client.rooms.list(enabled=False, template_id="t1", limit=10).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        "rooms",
        params={"enabled": "false", "template_id": "t1", "limit": "10"},
    )
    assert [r.id for r in page.data] == [ROOM["id"]]
    assert not page.has_next


@pytest.mark.parametrize("limit", [9, 101, 0])
def test_list_refuses_bad_limit(limit: int) -> None:
    """A page size outside 10-100 is refused before any request."""
    client = SyncHMSClient("ak", "secret-secret-secret-secret-secret")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.rooms.list(limit=limit)


def test_disable_posts_enabled_false(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """disable() posts {"enabled": false} to the room."""
    route = respx_router.post("rooms/r1").respond(json={**ROOM, "enabled": False})

    room = client.rooms.disable("r1")

    assert_api_request(
        route.calls.last.request, "POST", "rooms/r1", json_body={"enabled": False}
    )
    assert isinstance(room, Room)
    assert room.enabled is False


def test_retrieve_encodes_the_id(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A slash in an id stays inside the path segment."""
    route = respx_router.get(url__regex=r".*").mock(
        return_value=httpx.Response(200, json=ROOM)
    )

    client.rooms.retrieve("../sessions?x=1")

    assert route.calls.last.request.url.raw_path == b"/v2/rooms/..%2Fsessions%3Fx%3D1"
