"""hms.room_codes: exact requests, §6.2 parsing, pages, enable/disable."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient
from hms_async.errors import ServerError
from hms_async.models.room_codes import RoomCode

from ..helpers import assert_api_request
from .test_recording_assets import assert_round_trip, page

ROOM_ID = "631a05390e6ffae22efa610b"
CODE: dict[str, Any] = {
    "code": "wpi-srjb-wer",
    "room_id": ROOM_ID,
    "role": "host",
    "enabled": True,
    "created_at": "2023-03-14T15:54:18Z",
    "updated_at": "2023-03-14T15:54:20Z",
    "app_id": "62510797903d857ab8ec3ba5",
}
GUEST_CODE: dict[str, Any] = {**CODE, "code": "xkq-mnop-rst", "role": "guest"}


def code(text: str) -> dict[str, Any]:
    """The example code with another code text."""
    return {**CODE, "code": text}


def assert_is_example(got: RoomCode) -> None:
    """The §6.2 example arrived with its types."""
    assert isinstance(got, RoomCode)
    assert got.code == "wpi-srjb-wer"
    assert got.room_id == ROOM_ID
    assert got.role == "host"
    assert got.enabled is True
    assert got.created_at == dt.datetime(2023, 3, 14, 15, 54, 18, tzinfo=dt.UTC)
    assert got.updated_at == dt.datetime(2023, 3, 14, 15, 54, 20, tzinfo=dt.UTC)
    assert got.extra_fields == {"app_id": "62510797903d857ab8ec3ba5"}


async def test_create_for_every_role(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """create() posts ``{}`` to /room-codes/room/{id} and returns every code."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}").respond(
        json={"data": [CODE, GUEST_CODE]}
    )

    codes = await client.room_codes.create(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", f"room-codes/room/{ROOM_ID}")
    assert isinstance(codes, list)
    assert_is_example(codes[0])
    assert (codes[1].code, codes[1].role) == ("xkq-mnop-rst", "guest")


async def test_create_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Creating codes may add codes each time, so it is never sent twice."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json={"data": []})]
    )

    with pytest.raises(ServerError):
        await client.room_codes.create(ROOM_ID)

    assert route.call_count == 1


async def test_create_for_role(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """create_for_role() posts ``{}`` to .../role/{role} and parses one code."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}/role/host").respond(json=CODE)

    got = await client.room_codes.create_for_role(ROOM_ID, "host")

    assert_api_request(
        route.calls.last.request, "POST", f"room-codes/room/{ROOM_ID}/role/host"
    )
    assert_is_example(got)


async def test_create_for_role_encodes_the_role(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A role name with a slash or space stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=CODE)

    await client.room_codes.create_for_role(ROOM_ID, "co host/x")

    raw = route.calls.last.request.url.raw_path
    assert raw == f"/v2/room-codes/room/{ROOM_ID}/role/co%20host%2Fx".encode()


async def test_list_sends_filters(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends role, enabled and limit; the example's empty ``last`` ends it."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").respond(
        json={"limit": 20, "data": [CODE], "last": ""}
    )

    first = await client.room_codes.list(ROOM_ID, role="host", enabled=True, limit=20)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"room-codes/room/{ROOM_ID}",
        params={"role": "host", "enabled": "true", "limit": "20"},
    )
    assert_is_example(first.data[0])
    assert first.limit == 20
    assert first.last == ""
    assert not first.has_next


async def test_list_defaults_to_largest_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """By default one page of 100 (the most codes a room can hold) is asked for."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").respond(
        json={"limit": 20, "data": [CODE, GUEST_CODE], "last": ""}
    )

    codes = [c.code async for c in client.room_codes.list(ROOM_ID)]

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"room-codes/room/{ROOM_ID}",
        params={"limit": "100"},
    )
    assert codes == ["wpi-srjb-wer", "xkq-mnop-rst"]
    assert route.call_count == 1


async def test_list_walks_every_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[
            page([code("aaa-aaaa-aaa"), code("bbb-bbbb-bbb")], "bbb-bbbb-bbb"),
            page([code("ccc-cccc-ccc")], "ccc-cccc-ccc"),
            page([code("ddd-dddd-ddd")], ""),
        ]
    )

    codes = [c.code async for c in client.room_codes.list(ROOM_ID, enabled=False)]

    assert codes == ["aaa-aaaa-aaa", "bbb-bbbb-bbb", "ccc-cccc-ccc", "ddd-dddd-ddd"]
    assert [c.request.url.params.get("start") for c in route.calls] == [
        None,
        "bbb-bbbb-bbb",
        "ccc-cccc-ccc",
    ]
    assert {c.request.url.params["enabled"] for c in route.calls} == {"false"}


async def test_list_resumes_from_cursor(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor with the first request."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[page([code("ccc-cccc-ccc")], "ccc-cccc-ccc"), page([], "")]
    )

    pages = [p async for p in client.room_codes.list(ROOM_ID, start="bbb").pages()]

    assert_api_request(
        route.calls[0].request,
        "GET",
        f"room-codes/room/{ROOM_ID}",
        params={"start": "bbb", "limit": "100"},
    )
    assert route.calls[1].request.url.params["start"] == "ccc-cccc-ccc"
    assert [len(p.data) for p in pages] == [1, 0]


@pytest.mark.parametrize("limit", [0, 9, 101])
async def test_list_refuses_bad_limit(
    client: HMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.room_codes.list(ROOM_ID, limit=limit)

    assert not route.called


@pytest.mark.parametrize("enabled", [True, False])
async def test_enable_and_disable(
    client: HMSClient, respx_router: respx.MockRouter, enabled: bool
) -> None:
    """enable()/disable() post exactly ``{code, enabled}`` and parse the code."""
    route = respx_router.post("room-codes/code").respond(
        json={**CODE, "enabled": enabled}
    )
    service = client.room_codes

    got = await (service.enable if enabled else service.disable)("wpi-srjb-wer")

    assert_api_request(
        route.calls.last.request,
        "POST",
        "room-codes/code",
        json_body={"code": "wpi-srjb-wer", "enabled": enabled},
    )
    assert got.code == "wpi-srjb-wer"
    assert got.enabled is enabled


async def test_enable_is_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """Setting the flag is idempotent, so a 503 is retried."""
    route = respx_router.post("room-codes/code").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=CODE)]
    )

    got = await client.room_codes.enable("wpi-srjb-wer")

    assert route.call_count == 2
    assert got.enabled is True


async def test_enable_refuses_empty_code(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty code is refused before any request."""
    route = respx_router.post("room-codes/code")

    with pytest.raises(ValueError, match="code must not be empty"):
        await client.room_codes.disable("")

    assert not route.called


def test_round_trip() -> None:
    """A room code turns back into the JSON it came from, unknown keys included."""
    assert_round_trip(RoomCode, CODE)
