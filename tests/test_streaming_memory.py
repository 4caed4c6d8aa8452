"""Streaming holds nothing per page: no reference cycle per request, so memory
is flat without waiting for the cyclic garbage collector."""

from __future__ import annotations

import gc
import sys
import warnings

import httpx
import orjson

from hms_async import HMSClient

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL


def _pages(count: int) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/rooms"):
            return httpx.Response(200, json={"id": "warm-up", "name": "r"})
        n = int(request.url.params.get("start") or 0)
        last = str(n + 1) if n + 1 < count else ""
        data = [{"id": f"room-{n}-{i}", "name": "r"} for i in range(3)]
        return httpx.Response(200, content=orjson.dumps({"data": data, "last": last}))

    return httpx.MockTransport(handler)


async def _unreachable_after_walk(pages: int) -> int:
    """Objects only the cyclic collector would free after walking ``pages``."""
    async with HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=_pages(pages)
    ) as hms:
        await hms.rooms.retrieve("warm-up")  # token, parsers, lazy imports
        gc.collect()
        gc.disable()
        try:
            rooms = [room.id async for room in hms.rooms.list()]
            found = gc.collect()
        finally:
            gc.enable()
    assert len(rooms) == 3 * pages
    return found


async def test_no_reference_cycle_per_page() -> None:
    """Walking 40 pages leaves no more cyclic garbage than walking 2."""
    few = await _unreachable_after_walk(2)
    many = await _unreachable_after_walk(40)

    assert many - few < 38  # httpx's response cycle was 20+ objects per page


async def test_abandoned_walk_through_the_client_is_quiet() -> None:
    """Breaking out of ``hms.rooms.list()`` mid-page over a real httpx client
    leaves no warning and no unraisable error (asyncio and trio)."""
    seen: list[object] = []
    previous = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            async with HMSClient(
                ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=_pages(50)
            ) as hms:
                async for room in hms.rooms.list():
                    if room.id == "room-3-1":
                        break
                del room
                gc.collect()
            gc.collect()
    finally:
        sys.unraisablehook = previous

    assert [str(w.message) for w in caught] == []
    assert seen == []
