"""Stream rooms through ``hms.rooms.list()`` against two hand-written httpx loops.

The hand loops decode with ``resp.json()`` (stdlib json) and with
``orjson.loads`` (the SDK's own decoder). All read the same prebuilt page
bytes from an in-process transport, so what is measured is the client-side
cost: request building, auth, JSON decoding, structuring and iteration.
Times are the process's CPU time (there is no I/O to wait for, and on a
shared host wall time also counts other jobs' turns); rounds are
interleaved and medians reported. Each backend runs in a fresh interpreter:
run second in the same process, either backend's SDK/orjson ratio came out
0.05x-0.10x worse than run first (the SDK allocates three objects per room
the hand loops do not, and the first backend's runs leave the heap behind).

    python benchmarks/bench_list.py [--rooms 100000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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
    """A realistic list-item room (§6.1's list page): ``key``, a nested
    ``recording_info``, a nanosecond ``created_at``, the zero-time ``updated_at``."""
    room_id = f"62bbc84f1a2b3c4d{n:08x}"
    return {
        "id": room_id,
        "name": f"test-room-{n}",
        "enabled": True,
        "description": "This is a test room",
        "customer_id": CUSTOMER,
        "recording_source_template": True,
        "recording_info": {"enabled": False},
        "template_id": "627cda81bd4f3b56b784227d",
        "template": "default_createown_e319635a",
        "region": "in",
        "created_at": "2022-06-29T03:34:30.194311023Z",
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


def sdk_client(transport: httpx.AsyncBaseTransport) -> hms_async.HMSClient:
    """The SDK's client on ``transport`` (JWT auth, retries armed)."""
    return hms_async.HMSClient(
        "bench-key",
        "bench-secret-that-is-at-least-32-bytes",
        base_url=BASE_URL,
        transport=transport,
    )


def hand_client(transport: httpx.AsyncBaseTransport) -> httpx.AsyncClient:
    """The hand loops' httpx client: the base URL and a bearer token set once."""
    return httpx.AsyncClient(
        base_url=BASE_URL,
        transport=transport,
        headers={"Authorization": "Bearer a-token-signed-once"},
    )


async def sdk_loop(transport: httpx.AsyncBaseTransport) -> int:
    """The SDK: typed rooms, every page, reading one field per room."""
    total = 0
    async with sdk_client(transport) as hms:
        async for item in hms.rooms.list(limit=PAGE):
            total += len(item.id)
    return total


async def _hand_walk(
    transport: httpx.AsyncBaseTransport, decode: Callable[[httpx.Response], Any]
) -> int:
    """What a user would write by hand: get, decode, follow ``last``, dicts."""
    total = 0
    async with hand_client(transport) as http:
        start: str | None = None
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if start:
                params["start"] = start
            response = await http.get("rooms", params=params)
            response.raise_for_status()
            body = decode(response)
            for item in body["data"]:
                total += len(item["id"])
            start = body.get("last")
            if not start or not body["data"]:
                break
    return total


async def hand_loop(transport: httpx.AsyncBaseTransport) -> int:
    """The hand loop with ``resp.json()`` (stdlib json)."""
    return await _hand_walk(transport, lambda response: response.json())


async def orjson_loop(transport: httpx.AsyncBaseTransport) -> int:
    """The hand loop with ``orjson.loads(resp.content)``: the decoder the SDK uses."""
    return await _hand_walk(transport, lambda response: orjson.loads(response.content))


Loop = Callable[[httpx.AsyncBaseTransport], Coroutine[Any, Any, int]]
LOOPS: dict[str, Loop] = {"json": hand_loop, "orjson": orjson_loop, "sdk": sdk_loop}


def timed(loop: Loop, transport: httpx.AsyncBaseTransport, backend: str) -> float:
    """CPU time of one full walk on ``backend``."""
    started = time.process_time()
    anyio.run(loop, transport, backend=backend)
    return time.process_time() - started


def bench(
    backend: str, rooms: int, rounds: int, pages: dict[str | None, bytes]
) -> dict[str, float]:
    """Interleave the loops for ``rounds``; print medians and the SDK's ratios."""
    transport = PageTransport(pages)
    totals = {anyio.run(loop, transport, backend=backend) for loop in LOOPS.values()}
    assert len(totals) == 1  # noqa: S101 - every loop read every room
    times: dict[str, list[float]] = {name: [] for name in LOOPS}
    for _ in range(rounds):
        for name, loop in LOOPS.items():
            times[name].append(timed(loop, transport, backend))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"{backend:8}"
        + "".join(
            f" | {name} {median[name]:6.3f} s ({rooms / median[name] / 1000:5.0f} k/s)"
            for name in LOOPS
        )
        + f" | SDK/json {median['sdk'] / median['json']:4.2f}x"
        + f" | SDK/orjson {median['sdk'] / median['orjson']:4.2f}x"
    )
    return median


def main() -> None:
    """Parse options; build the pages and run one backend, or each in a child."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    parser.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend == "both":  # each in a fresh interpreter, see above
        for backend in ("asyncio", "trio"):
            options = ["--rooms", str(args.rooms), "--rounds", str(args.rounds)]
            quiet = ["--quiet"] if backend == "trio" else []  # one header
            command = [sys.executable, __file__, "--backend", backend, *options]
            subprocess.run([*command, *quiet], check=True)  # noqa: S603 - this script
        return
    pages = build_pages(args.rooms)
    if not args.quiet:
        print(
            f"{args.rooms} rooms in {len(pages)} pages of {PAGE}, "
            f"{sum(map(len, pages.values())) / args.rooms:.0f} bytes/room, "
            f"median of {args.rounds} interleaved rounds"
        )
    bench(args.backend, args.rooms, args.rounds, pages)


if __name__ == "__main__":
    main()
