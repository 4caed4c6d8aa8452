"""Path hardening: any id stays one percent-encoded segment of its endpoint."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hms_async import HMSClient
from hms_async._encoding import path

from .helpers import mock_client


def echo_client(seen: list[httpx.Request]) -> HMSClient:
    """A client whose transport records each request and answers with a room."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r"})

    return mock_client(handler)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(room_id=st.text(min_size=1))
@example(room_id="..")
@example(room_id=".")
@example(room_id="../sessions")
@example(room_id="a/b")
@example(room_id="a?enabled=false")
@example(room_id="a#frag")
@example(room_id="%2e%2e")
@example(room_id="%2F")
@example(room_id=" a b ")
@example(room_id="é☃\x00\n")
async def test_any_id_is_one_segment(room_id: str) -> None:
    """rooms.retrieve(id) sends /v2/rooms/<one segment> that decodes back to the id."""
    seen: list[httpx.Request] = []
    async with echo_client(seen) as hms:
        await hms.rooms.retrieve(room_id)

    (request,) = seen
    raw = request.url.raw_path.decode("ascii")
    prefix = "/v2/rooms/"
    assert raw.startswith(prefix)
    segment = raw[len(prefix) :]
    assert segment
    assert "/" not in segment
    assert "?" not in segment
    assert "#" not in segment
    assert set(segment) != {"."}
    assert unquote(segment) == room_id
    assert request.url.query == b""
    assert request.url.host == "api.100ms.live"


async def test_empty_id_refused() -> None:
    """An empty id is a ValueError and nothing is sent."""
    seen: list[httpx.Request] = []
    async with echo_client(seen) as hms:
        with pytest.raises(ValueError, match="must not be empty"):
            await hms.rooms.retrieve("")

    assert seen == []


def test_non_string_id_refused() -> None:
    """A non-string id is a TypeError."""
    with pytest.raises(TypeError, match="string"):
        path("rooms", 5)  # type: ignore[arg-type]


def test_path_joins_encoded_segments() -> None:
    """Segments are joined with / and each is fully encoded."""
    assert path("recordings", "room", "a/b") == "recordings/room/a%2Fb"
    assert path("rooms", "..") == "rooms/%2E%2E"
