# Generated from tests/services/test_stream_keys.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.stream_keys: create, retrieve the active key, disable (§2.9, §6.10)."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from hms_async import (
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    ResponseDecodeError,
    ServerError,
    SyncHMSClient,
)
from hms_async.models.stream_keys import StreamKeyActionResult
from tests.helpers import assert_api_request
from tests.services.test_stream_keys import (
    DISABLED,
    ROOM_ID,
    STREAM_KEY,
    assert_is_example,
)


def test_create(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """create() posts {} to /stream-keys/room/{id} and parses the key."""
    path = f"stream-keys/room/{ROOM_ID}"
    route = respx_router.post(path).respond(json=STREAM_KEY)

    key = client.stream_keys.create(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert_is_example(key)


def test_create_active_key_exists(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The 400 "Active key already exists" is a BadRequestError, sent once."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}").respond(
        400, json={"code": 400, "message": "Active key already exists"}
    )

    with pytest.raises(BadRequestError, match="Active key already exists"):
        client.stream_keys.create(ROOM_ID)

    assert route.call_count == 1


def test_create_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() is not repeated after a 503: a second key cannot be created."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}").respond(503)

    with pytest.raises(ServerError, match="503"):
        client.stream_keys.create(ROOM_ID)

    assert route.call_count == 1


def test_retrieve(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve() GETs the {data, last} list and returns its one key."""
    path = f"stream-keys/room/{ROOM_ID}"
    route = respx_router.get(path).respond(
        json={"data": [STREAM_KEY], "last": STREAM_KEY["id"]}
    )

    key = client.stream_keys.retrieve(ROOM_ID)

    assert_api_request(route.calls.last.request, "GET", path)
    assert_is_example(key)
    assert route.call_count == 1  # the cursor of the single page is not followed


@pytest.mark.parametrize("data", [[], None])
def test_retrieve_empty_list_is_not_found(
    client: SyncHMSClient, respx_router: respx.MockRouter, data: Any
) -> None:
    """An empty or null data list is a NotFoundError, like the API's own 404."""
    respx_router.get(f"stream-keys/room/{ROOM_ID}").respond(
        json={"data": data, "last": ""}
    )

    with pytest.raises(NotFoundError, match="no active stream key") as info:
        client.stream_keys.retrieve(ROOM_ID)

    assert info.value.status_code == 404


def test_retrieve_errors(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """404 and 403 (room disabled) become their error classes."""
    route = respx_router.get(f"stream-keys/room/{ROOM_ID}").mock(
        side_effect=[
            respx.MockResponse(404, json={"code": 404, "message": "key not found"}),
            respx.MockResponse(403, json={"code": 403, "message": "room is disabled"}),
        ]
    )

    with pytest.raises(NotFoundError, match="key not found"):
        client.stream_keys.retrieve(ROOM_ID)
    with pytest.raises(PermissionDeniedError, match="room is disabled"):
        client.stream_keys.retrieve(ROOM_ID)

    assert route.call_count == 2


def test_retrieve_bad_shape(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A body without the data list is a ResponseDecodeError."""
    respx_router.get(f"stream-keys/room/{ROOM_ID}").respond(json={"key": "x"})

    with pytest.raises(ResponseDecodeError):
        client.stream_keys.retrieve(ROOM_ID)


@pytest.mark.parametrize("status", [200, 201])
def test_disable(
    client: SyncHMSClient, respx_router: respx.MockRouter, status: int
) -> None:
    """disable() posts {} to .../disable; 200 or 201 both parse the message."""
    path = f"stream-keys/room/{ROOM_ID}/disable"
    route = respx_router.post(path).respond(status, json=DISABLED)

    result = client.stream_keys.disable(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", path, json_body={})
    assert result == StreamKeyActionResult(message="key disabled successfully")


def test_disable_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Disabling sets state, so a 503 is retried."""
    route = respx_router.post(f"stream-keys/room/{ROOM_ID}/disable").mock(
        side_effect=[respx.MockResponse(503), respx.MockResponse(json=DISABLED)]
    )

    result = client.stream_keys.disable(ROOM_ID)

    assert route.call_count == 2
    assert result.message == "key disabled successfully"


def test_room_id_is_encoded(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A room id with a slash stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=DISABLED)

    client.stream_keys.disable("a/b")

    assert (
        route.calls.last.request.url.raw_path == b"/v2/stream-keys/room/a%2Fb/disable"
    )
