"""The public API's types, as mypy sees them (checked by the typecheck session)."""

from __future__ import annotations

from typing import Any, assert_type

import hms_async
from hms_async import AsyncPaginator, HMSClient, Page, RawResponse, SyncHMSClient
from hms_async.models import Room, RoomCode, Session

from .helpers import ACCESS_KEY, APP_SECRET, service_classes, services_of


async def _api_types(hms: HMSClient) -> None:
    assert_type(hms.rooms.list(), AsyncPaginator[Room])
    assert_type(await hms.rooms.list(), Page[Room])
    assert_type(await hms.rooms.retrieve("r"), Room)
    assert_type(await hms.sessions.retrieve("s"), Session)
    assert_type(await hms.room_codes.create("r"), list[RoomCode])
    async for room in hms.rooms.list():
        assert_type(room, Room)
    async for page in hms.sessions.list().pages():
        assert_type(page, Page[Session])
    async with hms.rooms.list().prefetch() as rooms:
        async for prefetched in rooms:
            assert_type(prefetched, Room)
    assert_type(hms.tokens.create(room_id="r", role="host"), str)
    assert_type(hms_async.to_dict(await hms.rooms.retrieve("r")), dict[str, Any])
    raw = hms.with_raw_response
    assert_type(await raw.rooms.retrieve("r", timeout=2), RawResponse[Room])
    assert_type((await raw.rooms.retrieve("r")).parse(), Room)
    assert_type(await raw.rooms.list(limit=10), RawResponse[Page[Room]])
    assert_type(await raw.room_codes.create("r"), RawResponse[list[RoomCode]])
    assert_type(await raw.templates.delete_role("t", "r"), RawResponse[None])
    assert_type(await hms.rooms.retrieve("r", extra_headers={"X-A": "1"}), Room)


def _sync_types(hms: SyncHMSClient) -> None:
    raw = hms.with_raw_response
    assert_type(raw.rooms.retrieve("r", extra_query={"a": 1}), RawResponse[Room])
    assert_type(raw.rooms.list(limit=10), RawResponse[Page[Room]])
    assert_type(hms.rooms.retrieve("r", timeout=None), Room)


def test_client_services_are_typed_attributes() -> None:
    """Every service is a typed attribute (a cached property, made on first
    access), visible to type checkers and IDEs."""
    client = HMSClient(ACCESS_KEY, APP_SECRET)
    services = services_of(client)

    assert sorted(services) == sorted(
        [
            "active_rooms",
            "analytics",
            "external_streams",
            "live_streams",
            "polls",
            "recording_assets",
            "recordings",
            "room_codes",
            "rooms",
            "sessions",
            "sip",
            "stream_keys",
            "templates",
            "tokens",
        ]
    )
    for name, cls in service_classes().items():
        assert type(services[name]) is cls
        assert vars(client)[name] is services[name]
    assert client.base_url == vars(client)["base_url"]
