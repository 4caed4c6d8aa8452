"""hms.stream_keys: create, retrieve the active key, disable (§2.9, §6.10)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import respx

from hms_async import (
    BadRequestError,
    HMSClient,
    NotFoundError,
    PermissionDeniedError,
    ResponseDecodeError,
    ServerError,
)
from hms_async._serde import parse_datetime, structure, unstructure
from hms_async.models.stream_keys import StreamKey, StreamKeyActionResult

from ..helpers import assert_api_request

ROOM_ID = "635fe195f5e1f4a0abb7d1ae"
STREAM_KEY: dict[str, Any] = {
    "id": "652d295286003bb661b5fc07",
    "url": "rtmp://ingest.100ms.live/live",
    "key": "sk_abcdef123456",
    "room_id": ROOM_ID,
    "customer_id": "627cdddff2e4e30487862ad1",
    "app_id": "62510797903d857ab8ec3ba5",
    "enabled": True,
    "created_at": "2023-10-16T12:15:14.725963917Z",
    "updated_at": "2023-10-16T12:15:14.725Z",
    "ingest_region": "in",  # unknown: kept in extra_fields
}
DISABLED = {"message": "key disabled successfully"}


def assert_is_example(key: StreamKey) -> None:
    """Every field of the §6.10 example arrived with its type."""
    assert isinstance(key, StreamKey)
    assert key.id == "652d295286003bb661b5fc07"
    assert key.url == "rtmp://ingest.100ms.live/live"
    assert key.key == "sk_abcdef123456"
    assert key.room_id == ROOM_ID
    assert key.customer_id == "627cdddff2e4e30487862ad1"
    assert key.app_id == "62510797903d857ab8ec3ba5"
    assert key.enabled is True
    assert key.created_at == dt.datetime(2023, 10, 16, 12, 15, 14, 725963, dt.UTC)
    assert key.updated_at == dt.datetime(2023, 10, 16, 12, 15, 14, 725000, dt.UTC)
    assert key.extra_fields == {"ingest_region": "in"}


async def test_create(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """create() posts {} to /stream-keys/room/{id} and parses the key."""
    path = f"stream-keys/room/{ROOM_ID}"
    route = respx_router.post(path).respond(json=STREAM_KEY)

    key = await client.stream_keys.create(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(key)


async def test_create_active_key_exists(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """The 400 "Active key already exists" is a BadRequestError, sent once."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}").respond(
        400, json={"code": 400, "message": "Active key already exists"}
    )

    with pytest.raises(BadRequestError, match="Active key already exists"):
        await client.stream_keys.create(ROOM_ID)

    assert route.call_count == 1


async def test_create_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """create() is not repeated after a 503: a second key cannot be created."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}").respond(503)

    with pytest.raises(ServerError, match="503"):
        await client.stream_keys.create(ROOM_ID)

    assert route.call_count == 1


async def test_retrieve(client: HMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs the {data, last} list and returns its one key."""
    path = f"stream-keys/room/{ROOM_ID}"
    route = respx_router.get(path).respond(
        json={"data": [STREAM_KEY], "last": STREAM_KEY["id"]}
    )

    key = await client.stream_keys.retrieve(ROOM_ID)

    assert_api_request(route.calls.last.request, "GET", path)
    assert_is_example(key)
    assert route.call_count == 1  # the cursor of the single page is not followed


@pytest.mark.parametrize("data", [[], None])
async def test_retrieve_empty_list_is_not_found(
    client: HMSClient, respx_router: respx.MockRouter, data: Any
) -> None:
    """An empty or null data list is a NotFoundError, like the API's own 404."""
    respx_router.get(f"stream-keys/room/{ROOM_ID}").respond(
        json={"data": data, "last": ""}
    )

    with pytest.raises(NotFoundError, match="no active stream key") as info:
        await client.stream_keys.retrieve(ROOM_ID)

    assert info.value.status_code == 404


async def test_retrieve_errors(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """404 and 403 (room disabled) become their error classes."""
    route = respx_router.get(f"stream-keys/room/{ROOM_ID}").mock(
        side_effect=[
            respx.MockResponse(404, json={"code": 404, "message": "key not found"}),
            respx.MockResponse(403, json={"code": 403, "message": "room is disabled"}),
        ]
    )

    with pytest.raises(NotFoundError, match="key not found"):
        await client.stream_keys.retrieve(ROOM_ID)
    with pytest.raises(PermissionDeniedError, match="room is disabled"):
        await client.stream_keys.retrieve(ROOM_ID)

    assert route.call_count == 2


async def test_retrieve_bad_shape(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A body without the data list is a ResponseDecodeError."""
    respx_router.get(f"stream-keys/room/{ROOM_ID}").respond(json={"key": "x"})

    with pytest.raises(ResponseDecodeError):
        await client.stream_keys.retrieve(ROOM_ID)


@pytest.mark.parametrize("status", [200, 201])
async def test_disable(
    client: HMSClient, respx_router: respx.MockRouter, status: int
) -> None:
    """disable() posts {} to .../disable; 200 or 201 both parse the message."""
    path = f"stream-keys/room/{ROOM_ID}/disable"
    route = respx_router.post(path).respond(status, json=DISABLED)

    result = await client.stream_keys.disable(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert result == StreamKeyActionResult(message="key disabled successfully")


async def test_disable_is_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Disabling sets state, so a 503 is retried."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}/disable").mock(
        side_effect=[respx.MockResponse(503), respx.MockResponse(json=DISABLED)]
    )

    result = await client.stream_keys.disable(ROOM_ID)

    assert route.call_count == 2
    assert result.message == "key disabled successfully"


async def test_room_id_is_encoded(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A room id with a slash stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=DISABLED)

    await client.stream_keys.disable("a/b")

    assert (
        route.calls.last.request.url.raw_path == b"/v2/stream-keys/room/a%2Fb/disable"
    )


def test_round_trip() -> None:
    """unstructure then structure is equal; every key of the example survives."""
    payload = copy.deepcopy(STREAM_KEY)
    key = structure(payload, StreamKey)

    out = unstructure(key)

    assert structure(out, StreamKey) == key
    assert set(out) == set(STREAM_KEY)
    stamps = {"created_at", "updated_at"}
    assert {k: v for k, v in out.items() if k not in stamps} == {
        k: v for k, v in STREAM_KEY.items() if k not in stamps
    }
    for name in stamps:
        assert parse_datetime(out[name]) == getattr(key, name)
    assert payload == STREAM_KEY


def test_action_result_round_trip() -> None:
    """The disable acknowledgement keeps unknown keys too."""
    payload = {**DISABLED, "status": 201}
    result = structure(payload, StreamKeyActionResult)

    assert result.extra_fields == {"status": 201}
    assert unstructure(result) == payload


def test_repr_hides_the_key() -> None:
    """The stream key is a credential: it is not in the repr."""
    key = structure(STREAM_KEY, StreamKey)

    assert "sk_abcdef123456" not in repr(key)
    assert "rtmp://ingest.100ms.live/live" in repr(key)
