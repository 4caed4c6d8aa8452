"""Stream rooms through ``hms.rooms.list()`` against a hand-written httpx loop.

Both read the same prebuilt page bytes from an in-process transport, so what is
measured is the client-side cost: request building, auth, JSON decoding,
structuring and iteration. Rounds are interleaved and medians reported.

    python benchmarks/bench_list.py [--rooms 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Coroutine
from typing import Any

import anyio
import httpx
import orjson

import hms_async

BASE_URL = "https://api.100ms.live/v2/"
PAGE = 100
CUSTOMER = "627cda54ff688c037a39291b"


def room(n: int) -> dict[str, Any]:
    """A list-item room as in §6.1's list page (with ``key`` and a zero ``updated_at``)."""
    room_id = f"62bbc84f1a2b3c4d{n:08x}"
    return {
        "id": room_id,
        "name": f"test-room-{n}",
        "enabled": True,
        "description": "This is a test room",
        "customer_id": CUSTOMER,
        "recording_source_template": True,
        "template_id": "627cda81bd4f3b56b784227d",
        "template": "default_createown_e319635a-0000-0000-0000-ae9e95891e31",
        "region": "in",
        "created_at": "2022-06-29T03:34:30.194Z",
        "key": f"{CUSTOMER}:test-room-{n}",
        "updated_at": "0001-01-01T00:00:00Z",
        "large_room": False,
        "max_duration_seconds": 10000,
    }


def build_pages(rooms: int) -> dict[str | None, bytes]:
    """Every page's bytes, keyed by the ``start`` that asks for it."""
    pages: dict[str | None, bytes] = {}
    start: str | None = None
    for first in range(0, rooms, PAGE):
        data = [room(n) for n in range(first, min(first + PAGE, rooms))]
        last = data[-1]["id"] if first + PAGE < rooms else ""
        pages[start] = orjson.dumps({"limit": PAGE, "data": data, "last": last})
        start = last
    return pages


class PageTransport(httpx.AsyncBaseTransport):
    """Serves the prebuilt page for the request's ``start``."""

    def __init__(self, pages: dict[str | None, bytes]) -> None:
        self._pages = pages
        self._headers = [(b"content-type", b"application/json")]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = request.url.params.get("start")
        return httpx.Response(200, headers=self._headers, content=self._pages[start])


async def sdk_loop(transport: httpx.AsyncBaseTransport) -> int:
    """The SDK: typed rooms, every page, reading one field per room."""
    total = 0
    async with hms_async.HMSClient(
        "bench-key",
        "bench-secret-that-is-at-least-32-bytes",
        base_url=BASE_URL,
        transport=transport,
    ) as hms:
        async for item in hms.rooms.list(limit=PAGE):
            total += len(item.id)
    return total


async def hand_loop(transport: httpx.AsyncBaseTransport) -> int:
    """What a user would write by hand: get, .json(), follow ``last``, dicts."""
    total = 0
    headers = {"Authorization": "Bearer a-token-signed-once"}
    async with httpx.AsyncClient(
        base_url=BASE_URL, transport=transport, headers=headers
    ) as http:
        start: str | None = None
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if start:
                params["start"] = start
            response = await http.get("rooms", params=params)
            response.raise_for_status()
            body = response.json()
            for item in body["data"]:
                total += len(item["id"])
            start = body.get("last")
            if not start or not body["data"]:
                break
    return total


Loop = Callable[[httpx.AsyncBaseTransport], Coroutine[Any, Any, int]]


def timed(loop: Loop, transport: httpx.AsyncBaseTransport, backend: str) -> float:
    """Wall time of one full walk on ``backend``."""
    started = time.perf_counter()
    anyio.run(loop, transport, backend=backend)
    return time.perf_counter() - started


def bench(
    backend: str, rooms: int, rounds: int, pages: dict[str | None, bytes]
) -> None:
    """Interleave the two loops for ``rounds`` and print medians and the ratio."""
    transport = PageTransport(pages)
    assert anyio.run(sdk_loop, transport, backend=backend) == anyio.run(  # noqa: S101
        hand_loop, transport, backend=backend
    )
    sdk: list[float] = []
    hand: list[float] = []
    for _ in range(rounds):
        hand.append(timed(hand_loop, transport, backend))
        sdk.append(timed(sdk_loop, transport, backend))
    sdk_s, hand_s = statistics.median(sdk), statistics.median(hand)
    print(
        f"{backend:8} hand loop {hand_s:6.3f} s ({rooms / hand_s / 1000:6.1f} k items/s)"
        f" | SDK {sdk_s:6.3f} s ({rooms / sdk_s / 1000:6.1f} k items/s)"
        f" | ratio SDK/hand {sdk_s / hand_s:5.2f}x"
    )


def main() -> None:
    """Parse options, build the pages, run both backends."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    args = parser.parse_args()
    pages = build_pages(args.rooms)
    print(
        f"{args.rooms} rooms in {len(pages)} pages of {PAGE}, "
        f"{sum(map(len, pages.values())) / len(pages) / 1024:.1f} KiB/page, "
        f"median of {args.rounds} interleaved rounds"
    )
    backends = ["asyncio", "trio"] if args.backend == "both" else [args.backend]
    for backend in backends:
        bench(backend, args.rooms, args.rounds, pages)


if __name__ == "__main__":
    main()
