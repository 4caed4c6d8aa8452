# Generated from tests/test_requester.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""The requester: query and body encoding, parsers, overrides, the escape hatch."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from hms_async import ResponseDecodeError, ServerError, SyncHMSClient
from hms_async._auth import BearerAuth
from hms_async._parsers import ignore, model_list
from hms_async.models import Room
from tests.helpers import assert_api_request, body_of


def test_repeated_keys_on_the_wire(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A list parameter is sent as a repeated key."""
    route = respx_router.get("analytics/events").respond(json={"events": []})

    client.request("GET", "analytics/events", params={"type": ["a", "b"], "x": None})

    assert route.calls.last.request.url.query == b"type=a&type=b"


def test_bodiless_post_sends_empty_object(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A POST without a body sends {} with the JSON content type."""
    route = respx_router.post("rooms/r1/end").respond(json={"message": "ok"})

    result = client.request("post", "/rooms/r1/end")

    assert_api_request(route.calls.last.request, "POST", "rooms/r1/end", json_body={})
    assert result == {"message": "ok"}


def test_escape_hatch_returns_json_and_none(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """request() returns decoded JSON, None for an empty body, through the same auth."""
    respx_router.get("rooms").respond(json={"data": [], "last": ""})
    respx_router.delete("templates/t/roles/r").respond(204)

    listed = client.request("GET", "rooms", params={"enabled": False})
    deleted = client.request("DELETE", "templates/t/roles/r")

    assert listed == {"data": [], "last": ""}
    assert deleted is None


def test_get_sends_no_body(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A GET has no body and no Content-Type."""
    route = respx_router.get("rooms/r1").respond(json={"id": "r1"})

    client.rooms.retrieve("r1")

    request = route.calls.last.request
    assert request.content == b""
    assert "Content-Type" not in request.headers


def test_json_body_is_compact_utf8(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Bodies are JSON, non-ASCII kept."""
    route = respx_router.post("rooms").respond(json={"id": "r1"})

    client.rooms.create(name="standup", description="réunion ☕")

    assert body_of(route.calls.last.request) == {
        "name": "standup",
        "description": "réunion ☕",
    }


def test_auth_and_base_url_overrides(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A call may use another host and its own auth (peer token, no auth)."""
    with respx.mock(base_url="https://auth.100ms.live/v2/") as other:
        route = other.post("token").respond(json={"token": "t"})
        token = client._requester.request(
            "POST",
            "token",
            json={"code": "abc-defg-hij"},
            parse=lambda body: body["token"],
            auth=None,
            base_url="https://auth.100ms.live/v2/",
        )
        dtmf = other.post("sip/dtmf").respond(json={})
        client._requester.request(
            "POST",
            "sip/dtmf",
            parse=ignore,
            auth=BearerAuth("peer-token"),
            base_url="https://auth.100ms.live/v2/",
        )

    assert token == "t"
    assert "Authorization" not in route.calls.last.request.headers
    assert dtmf.calls.last.request.headers["Authorization"] == "Bearer peer-token"


@pytest.mark.parametrize(
    "body", [{"rooms": []}, {"data": "x"}, {"data": [{"no": "id"}]}]
)
def test_model_list_wrong_shape(
    client: SyncHMSClient, respx_router: respx.MockRouter, body: Any
) -> None:
    """A list response of the wrong shape is a ResponseDecodeError."""
    respx_router.post("x").respond(json=body)

    with pytest.raises(ResponseDecodeError):
        client._requester.request("POST", "x", parse=model_list(Room))


def test_idempotent_flag_controls_retries(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """idempotent=True retries a POST; idempotent=False stops a GET from retrying."""
    busy = httpx.Response(503, json={"code": 503, "message": "busy"})
    post = respx_router.post("p").mock(side_effect=[busy, httpx.Response(200, json={})])
    get = respx_router.get("g").mock(side_effect=[busy, httpx.Response(200, json={})])

    client._requester.request("POST", "p", parse=ignore, idempotent=True)
    with pytest.raises(ServerError, match="busy"):
        client._requester.request("GET", "g", parse=ignore, idempotent=False)

    assert post.call_count == 2
    assert get.call_count == 1
