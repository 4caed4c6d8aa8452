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
    """A non-string id is a TypeError naming its slot."""
    with pytest.raises(TypeError, match=r"^room_id must be a string, got int$"):
        path("rooms/{room_id}", 5)  # type: ignore[arg-type]


def test_ids_must_fill_the_slots() -> None:
    """Too few or too many ids for the template is a TypeError."""
    with pytest.raises(TypeError, match=r"^'rooms/\{room_id\}' takes 1 ids, got 2$"):
        path("rooms/{room_id}", "a", "b")
    with pytest.raises(TypeError, match="takes 2 ids, got 1"):
        path("a/{x}/b/{y}", "a")


def test_path_fills_the_template_with_encoded_ids() -> None:
    """Each slot gets its id, fully encoded; the literal parts stay."""
    assert path("recordings/room/{room_id}", "a/b") == "recordings/room/a%2Fb"
    assert path("rooms/{room_id}", "..") == "rooms/%2E%2E"
    assert path("a/{x}/b/{y}/c", "1 2", "ok") == "a/1%202/b/ok/c"
    assert path("rooms") == "rooms"


async def test_empty_id_is_named_by_its_slot() -> None:
    """The message names the argument that was empty."""
    async with echo_client([]) as hms:
        with pytest.raises(ValueError, match=r"^peer_id must not be empty$"):
            await hms.active_rooms.retrieve_peer("r1", "")
