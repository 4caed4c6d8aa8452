"""The requester: query and body encoding, parsers, overrides, the escape hatch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient, ResponseDecodeError, ServerError
from hms_async._auth import BearerAuth
from hms_async._encoding import encode_query
from hms_async._parsers import as_json, ignore, model, model_list
from hms_async.models import Room

from .helpers import assert_api_request, body_of


def test_encode_query() -> None:
    """Booleans true/false, lists repeated, datetimes RFC 3339 Z, None dropped."""
    query = encode_query(
        {
            "enabled": True,
            "active": False,
            "type": ["track.add.success", "track.remove.success"],
            "after": dt.datetime(2022, 9, 6, 11, 17, 1, 817000, dt.UTC),
            "limit": 100,
            "name": None,
        }
    )

    assert query == {
        "enabled": "true",
        "active": "false",
        "type": ["track.add.success", "track.remove.success"],
        "after": "2022-09-06T11:17:01.817Z",
        "limit": "100",
    }
    assert encode_query(None) == {}


async def test_repeated_keys_on_the_wire(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A list parameter is sent as a repeated key."""
    route = respx_router.get("analytics/events").respond(json={"events": []})

    await client.request(
        "GET", "analytics/events", params={"type": ["a", "b"], "x": None}
    )

    assert route.calls.last.request.url.query == b"type=a&type=b"


async def test_bodiless_post_sends_empty_object(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A POST without a body sends {} with the JSON content type."""
    route = respx_router.post("rooms/r1/end").respond(json={"message": "ok"})

    result = await client.request("post", "/rooms/r1/end")

    assert_api_request(route.calls.last.request, "POST", "rooms/r1/end", json_body={})
    assert result == {"message": "ok"}


async def test_escape_hatch_returns_json_and_none(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """request() returns decoded JSON, None for an empty body, through the same auth."""
    respx_router.get("rooms").respond(json={"data": [], "last": ""})
    respx_router.delete("templates/t/roles/r").respond(204)

    listed = await client.request("GET", "rooms", params={"enabled": False})
    deleted = await client.request("DELETE", "templates/t/roles/r")

    assert listed == {"data": [], "last": ""}
    assert deleted is None


async def test_get_sends_no_body(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A GET has no body and no Content-Type."""
    route = respx_router.get("rooms/r1").respond(json={"id": "r1"})

    await client.rooms.retrieve("r1")

    request = route.calls.last.request
    assert request.content == b""
    assert "Content-Type" not in request.headers


async def test_json_body_is_compact_utf8(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Bodies are JSON, non-ASCII kept."""
    route = respx_router.post("rooms").respond(json={"id": "r1"})

    await client.rooms.create(name="standup", description="réunion ☕")

    assert body_of(route.calls.last.request) == {
        "name": "standup",
        "description": "réunion ☕",
    }


async def test_auth_and_base_url_overrides(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A call may use another host and its own auth (peer token, no auth)."""
    with respx.mock(base_url="https://auth.100ms.live/v2/") as other:
        route = other.post("token").respond(json={"token": "t"})
        token = await client._requester.request(
            "POST",
            "token",
            json={"code": "abc-defg-hij"},
            parse=lambda body: body["token"],
            auth=None,
            base_url="https://auth.100ms.live/v2/",
        )
        dtmf = other.post("sip/dtmf").respond(json={})
        await client._requester.request(
            "POST",
            "sip/dtmf",
            parse=ignore,
            auth=BearerAuth("peer-token"),
            base_url="https://auth.100ms.live/v2/",
        )

    assert token == "t"
    assert "Authorization" not in route.calls.last.request.headers
    assert dtmf.calls.last.request.headers["Authorization"] == "Bearer peer-token"


def test_parsers() -> None:
    """model, model_list, ignore and as_json parse what they promise."""
    room = model(Room)({"id": "r"})
    rooms = model_list(Room)({"data": [{"id": "a"}, {"id": "b"}]})
    bare = model_list(Room, None)([{"id": "c"}])

    assert room.id == "r"
    assert [r.id for r in rooms] == ["a", "b"]
    assert [r.id for r in bare] == ["c"]
    assert model_list(Room)({"data": None}) == []
    ignore({"anything": 1})  # accepts any body
    assert as_json([1]) == [1]
    with pytest.raises(TypeError):
        model_list(Room)({"data": {"id": "a"}})


@pytest.mark.parametrize(
    "body", [{"rooms": []}, {"data": "x"}, {"data": [{"no": "id"}]}]
)
async def test_model_list_wrong_shape(
    client: HMSClient, respx_router: respx.MockRouter, body: Any
) -> None:
    """A list response of the wrong shape is a ResponseDecodeError."""
    respx_router.post("x").respond(json=body)

    with pytest.raises(ResponseDecodeError):
        await client._requester.request("POST", "x", parse=model_list(Room))


async def test_idempotent_flag_controls_retries(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """idempotent=True retries a POST; idempotent=False stops a GET from retrying."""
    busy = httpx.Response(503, json={"code": 503, "message": "busy"})
    post = respx_router.post("p").mock(side_effect=[busy, httpx.Response(200, json={})])
    get = respx_router.get("g").mock(side_effect=[busy, httpx.Response(200, json={})])

    await client._requester.request("POST", "p", parse=ignore, idempotent=True)
    with pytest.raises(ServerError, match="busy"):
        await client._requester.request("GET", "g", parse=ignore, idempotent=False)

    assert post.call_count == 2
    assert get.call_count == 1
