# Generated from tests/services/test_room_codes.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.room_codes: exact requests, §6.2 parsing, pages, enable/disable."""

from __future__ import annotations

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async.errors import ServerError
from tests.helpers import assert_api_request
from tests.services.test_recording_assets import page
from tests.services.test_room_codes import (
    CODE,
    GUEST_CODE,
    ROOM_ID,
    assert_is_example,
    code,
)


def test_create_for_every_role(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() posts ``{}`` to /room-codes/room/{id} and returns every code."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}").respond(
        json={"data": [CODE, GUEST_CODE]}
    )

    codes = client.room_codes.create(ROOM_ID)

    assert_api_request(route.calls.last.request, "POST", f"room-codes/room/{ROOM_ID}")
    assert isinstance(codes, list)
    assert_is_example(codes[0])
    assert (codes[1].code, codes[1].role) == ("xkq-mnop-rst", "guest")


def test_create_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Creating codes may add codes each time, so it is never sent twice."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json={"data": []})]
    )

    with pytest.raises(ServerError):
        client.room_codes.create(ROOM_ID)

    assert route.call_count == 1


def test_create_for_role(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """create_for_role() posts ``{}`` to .../role/{role} and parses one code."""
    route = respx_router.post(f"room-codes/room/{ROOM_ID}/role/host").respond(json=CODE)

    got = client.room_codes.create_for_role(ROOM_ID, "host")

    assert_api_request(
        route.calls.last.request, "POST", f"room-codes/room/{ROOM_ID}/role/host"
    )
    assert_is_example(got)


def test_create_for_role_encodes_the_role(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A role name with a slash or space stays inside its path segment."""
    route = respx_router.post(url__regex=r".*").respond(json=CODE)

    client.room_codes.create_for_role(ROOM_ID, "co host/x")

    raw = route.calls.last.request.url.raw_path
    assert raw == f"/v2/room-codes/room/{ROOM_ID}/role/co%20host%2Fx".encode()


def test_list_sends_filters(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list() sends role, enabled and limit; the example's empty ``last`` ends it."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").respond(
        json={"limit": 20, "data": [CODE], "last": ""}
    )

    first = client.room_codes.list(
        ROOM_ID, role="host", enabled=True, limit=20
    ).first_page()

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


def test_list_defaults_to_largest_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """By default one page of 100 (the most codes a room can hold) is asked for."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").respond(
        json={"limit": 20, "data": [CODE, GUEST_CODE], "last": ""}
    )

    codes = [c.code for c in client.room_codes.list(ROOM_ID)]

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"room-codes/room/{ROOM_ID}",
        params={"limit": "100"},
    )
    assert codes == ["wpi-srjb-wer", "xkq-mnop-rst"]
    assert route.call_count == 1


def test_list_walks_every_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Iteration follows ``last`` into ``start`` and stops at an empty cursor."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[
            page([code("aaa-aaaa-aaa"), code("bbb-bbbb-bbb")], "bbb-bbbb-bbb"),
            page([code("ccc-cccc-ccc")], "ccc-cccc-ccc"),
            page([code("ddd-dddd-ddd")], ""),
        ]
    )

    codes = [c.code for c in client.room_codes.list(ROOM_ID, enabled=False)]

    assert codes == ["aaa-aaaa-aaa", "bbb-bbbb-bbb", "ccc-cccc-ccc", "ddd-dddd-ddd"]
    assert [c.request.url.params.get("start") for c in route.calls] == [
        None,
        "bbb-bbbb-bbb",
        "ccc-cccc-ccc",
    ]
    assert {c.request.url.params["enabled"] for c in route.calls} == {"false"}


def test_list_resumes_from_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """``start=`` sends the saved cursor with the first request."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}").mock(
        side_effect=[page([code("ccc-cccc-ccc")], "ccc-cccc-ccc"), page([], "")]
    )

    pages = [p for p in client.room_codes.list(ROOM_ID, start="bbb").pages()]

    assert_api_request(
        route.calls[0].request,
        "GET",
        f"room-codes/room/{ROOM_ID}",
        params={"start": "bbb", "limit": "100"},
    )
    assert route.calls[1].request.url.params["start"] == "ccc-cccc-ccc"
    assert [len(p.data) for p in pages] == [1, 0]


@pytest.mark.parametrize("limit", [0, 9, 101])
def test_list_refuses_bad_limit(
    client: SyncHMSClient, respx_router: respx.MockRouter, limit: int
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.get(f"room-codes/room/{ROOM_ID}")

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        client.room_codes.list(ROOM_ID, limit=limit)

    assert not route.called


@pytest.mark.parametrize("enabled", [True, False])
def test_enable_and_disable(
    client: SyncHMSClient, respx_router: respx.MockRouter, enabled: bool
) -> None:
    """enable()/disable() post exactly ``{code, enabled}`` and parse the code."""
    route = respx_router.post("room-codes/code").respond(
        json={**CODE, "enabled": enabled}
    )
    service = client.room_codes

    got = (service.enable if enabled else service.disable)("wpi-srjb-wer")

    assert_api_request(
        route.calls.last.request,
        "POST",
        "room-codes/code",
        json_body={"code": "wpi-srjb-wer", "enabled": enabled},
    )
    assert got.code == "wpi-srjb-wer"
    assert got.enabled is enabled


def test_enable_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """Setting the flag is idempotent, so a 503 is retried."""
    route = respx_router.post("room-codes/code").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=CODE)]
    )

    got = client.room_codes.enable("wpi-srjb-wer")

    assert route.call_count == 2
    assert got.enabled is True


def test_enable_refuses_empty_code(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty code is refused before any request."""
    route = respx_router.post("room-codes/code")

    with pytest.raises(ValueError, match="code must not be empty"):
        client.room_codes.disable("")

    assert not route.called
