# Generated from tests/test_errors.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""The error tree: every status, error bodies kept, undecodable bodies, nothing else escapes."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest
import respx
from hypothesis import HealthCheck, given, settings

from hms_async import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    HMSError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    SyncHMSClient,
)
from hms_async.models import Room
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.test_errors import ERROR_BODY, ROOMISH


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
    ],
)
def test_status_to_exception(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    status: int,
    cls: type[APIError],
) -> None:
    """Each status maps to its class, keeping code, message, details and response."""
    client = client.with_options(max_retries=0)
    body = {**ERROR_BODY, "code": status}
    respx_router.get("rooms/r1").respond(status, json=body)

    with pytest.raises(cls) as info:
        client.rooms.retrieve("r1")

    error = info.value
    assert type(error) is cls
    assert isinstance(error, APIError)
    assert isinstance(error, HMSError)
    assert error.status_code == status
    assert error.code == status
    assert error.message == "Invalid body param"
    assert error.details == tuple(ERROR_BODY["details"])
    assert (error.method, error.path) == ("GET", "rooms/r1")
    assert error.response is not None
    assert error.response.status_code == status
    assert str(error).startswith(f"{status} Invalid body param (GET rooms/r1): ")
    assert "large_room" in str(error)


def test_error_without_details(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An error body without details has an empty tuple."""
    respx_router.get("rooms/r1").respond(
        401, json={"code": 401, "message": "Token validation error"}
    )

    with pytest.raises(AuthenticationError) as info:
        client.rooms.retrieve("r1")

    assert info.value.details == ()
    assert info.value.message == "Token validation error"


def test_details_repeating_the_message_are_said_once(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A detail equal to the message is kept in `details` but not printed twice."""
    message = "Invalid query parameter"
    body = {"code": 400, "message": message, "details": [message, "limit: max 100"]}
    respx_router.get("rooms/r1").respond(400, json=body)

    with pytest.raises(BadRequestError) as info:
        client.rooms.retrieve("r1")

    assert info.value.details == (message, "limit: max 100")
    assert str(info.value) == f"400 {message} (GET rooms/r1): limit: max 100"


def test_other_4xx_is_api_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An unmapped 4xx (408 of a SIP call) is a plain APIError."""
    respx_router.get("rooms/r1").respond(
        408, json={"code": 408, "message": "timed out"}
    )

    with pytest.raises(APIError) as info:
        client.rooms.retrieve("r1")

    assert type(info.value) is APIError
    assert info.value.status_code == 408


def test_html_502_is_server_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An HTML gateway page is a ServerError with the reason phrase, not a decode crash."""
    client = client.with_options(max_retries=0)
    respx_router.get("rooms/r1").respond(
        502,
        html="<html><body><h1>502 Bad Gateway</h1></body></html>",
    )

    with pytest.raises(ServerError) as info:
        client.rooms.retrieve("r1")

    assert info.value.status_code == 502
    assert info.value.message == "Bad Gateway"
    assert info.value.code is None
    assert info.value.details == ()


@pytest.mark.parametrize(
    "body",
    [
        b'["not", "an", "object"]',
        b'"text"',
        b"null",
        b'{"code": "x", "message": 7, "details": {"a": 1}}',
    ],
)
def test_odd_error_bodies(
    client: SyncHMSClient, respx_router: respx.MockRouter, body: bytes
) -> None:
    """Error bodies of the wrong shape still give a clean BadRequestError."""
    respx_router.get("rooms/r1").respond(400, content=body)

    with pytest.raises(BadRequestError) as info:
        client.rooms.retrieve("r1")

    assert info.value.message == "Bad Request"
    assert info.value.code is None
    assert info.value.details == ()


def test_truncated_json_is_decode_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A cut-off JSON body on a 200 raises ResponseDecodeError with status and excerpt."""
    respx_router.get("rooms/r1").respond(200, content=b'{"id": "631a05390e6f')

    with pytest.raises(ResponseDecodeError, match="not JSON") as info:
        client.rooms.retrieve("r1")

    assert info.value.status_code == 200
    assert info.value.excerpt == '{"id": "631a05390e6f'
    assert info.value.__cause__ is None


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"name": "no id"},
        {"id": "r", "polls": "not-a-list"},
        {"id": "r", "created_at": 5},
        {"id": "r", "webhook": [1]},
    ],
)
def test_wrong_shape_is_decode_error(
    client: SyncHMSClient, respx_router: respx.MockRouter, body: Any
) -> None:
    """JSON of the wrong shape raises ResponseDecodeError, not KeyError or TypeError."""
    respx_router.get("rooms/r1").respond(200, json=body)

    with pytest.raises(ResponseDecodeError, match="expected shape") as info:
        client.rooms.retrieve("r1")

    assert info.value.status_code == 200
    assert info.value.excerpt


def test_wrong_page_shape_is_decode_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A list page that is not a page is a ResponseDecodeError."""
    respx_router.get("rooms").respond(200, json={"data": "rooms", "last": ""})

    with pytest.raises(ResponseDecodeError):
        client.rooms.list().first_page()


def test_long_excerpt_is_cut(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The excerpt keeps at most 200 characters of the body."""
    respx_router.get("rooms/r1").respond(200, content=b"x" * 5000)

    with pytest.raises(ResponseDecodeError) as info:
        client.rooms.retrieve("r1")

    assert info.value.excerpt == "x" * 200


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=ROOMISH)
def test_random_json_only_room_or_decode_error(body: Any) -> None:
    """Any JSON body on rooms.retrieve gives a Room or a ResponseDecodeError."""
    if isinstance(body, float) and not math.isfinite(body):
        return
    transport = httpx.MockTransport(lambda _req: httpx.Response(200, json=body))
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=transport
    ) as hms:
        try:
            room = hms.rooms.retrieve("r1")
        except ResponseDecodeError:
            return
    assert isinstance(room, Room)
    assert isinstance(body, dict)
    assert room.id == body["id"]
