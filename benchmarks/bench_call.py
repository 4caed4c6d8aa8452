"""What one awaited SDK call costs over the same call written by hand.

``hms.rooms.retrieve(id)`` (a typed ``Room``, JWT auth, retries armed) against
``http.get`` + ``raise_for_status`` + ``orjson.loads`` and + ``resp.json()``,
all answered in process with the same prebuilt bytes (one realistic room),
so the difference is the SDK's own work per call. Times are the process's
CPU time (nothing waits on I/O); rounds are interleaved and medians reported; the figure to watch is "SDK - orjson" in µs per call.

    python benchmarks/bench_call.py [--calls 2000] [--rounds 7]
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
from bench_list import hand_client, room, sdk_client

ROOM_ID = room(7)["id"]
BODY = orjson.dumps(room(7))


class RoomTransport(httpx.AsyncBaseTransport):
    """Answers every request with the same room."""

    def __init__(self) -> None:
        self._headers = [(b"content-type", b"application/json")]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=self._headers, content=BODY)


async def sdk_calls(calls: int) -> float:
    """µs per ``await hms.rooms.retrieve(id)``."""
    async with sdk_client(RoomTransport()) as hms:
        await hms.rooms.retrieve(ROOM_ID)  # the token signed, the shape compiled
        started = time.process_time()
        for _ in range(calls):
            await hms.rooms.retrieve(ROOM_ID)
        return (time.process_time() - started) / calls * 1e6


async def _hand_calls(calls: int, decode: Callable[[httpx.Response], Any]) -> float:
    async with hand_client(RoomTransport()) as http:
        started = time.process_time()
        for _ in range(calls):
            response = await http.get(f"rooms/{ROOM_ID}")
            response.raise_for_status()
            decode(response)
        return (time.process_time() - started) / calls * 1e6


async def orjson_calls(calls: int) -> float:
    """µs per ``http.get`` + ``raise_for_status`` + ``orjson.loads``."""
    return await _hand_calls(calls, lambda response: orjson.loads(response.content))


async def json_calls(calls: int) -> float:
    """µs per ``http.get`` + ``raise_for_status`` + ``resp.json()``."""
    return await _hand_calls(calls, lambda response: response.json())


Calls = Callable[[int], Coroutine[Any, Any, float]]
VARIANTS: dict[str, Calls] = {
    "json": json_calls,
    "orjson": orjson_calls,
    "sdk": sdk_calls,
}


def bench(backend: str, calls: int, rounds: int) -> dict[str, float]:
    """Interleave the variants for ``rounds``; print medians and differences."""
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(rounds):
        for name, variant in VARIANTS.items():
            times[name].append(anyio.run(variant, calls, backend=backend))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"{backend:8}"
        + "".join(f" | {name} {median[name]:6.1f} µs" for name in VARIANTS)
        + f" | SDK - orjson {median['sdk'] - median['orjson']:+6.1f} µs"
        + f" | SDK - json {median['sdk'] - median['json']:+6.1f} µs"
    )
    return median


def main() -> None:
    """Parse options and run both backends."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    args = parser.parse_args()
    print(
        f"µs per awaited call ({args.calls} calls, {len(BODY)}-byte room), "
        f"median of {args.rounds} interleaved rounds"
    )
    backends = ["asyncio", "trio"] if args.backend == "both" else [args.backend]
    for backend in backends:
        bench(backend, args.calls, args.rounds)


if __name__ == "__main__":
    main()
