"""Where a page of ``bench_list.py`` goes: µs per 100-room page, piece by piece.

Each piece is timed on its own (medians of interleaved rounds), for the SDK
and for the hand-written loop, so the README's breakdown can be re-measured:

    python benchmarks/breakdown.py [--rounds 7] [--backend asyncio|trio]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio
import httpx
import orjson
from bench_list import CUSTOMER, PAGE, build_pages, hand_client, sdk_client

from hms_async import _serde
from hms_async._pagination import CURSOR, Page
from hms_async._parsers import ignore
from hms_async._walk import _Items
from hms_async.models import Room

N = 2000
SMALL = b'{"limit":100,"data":[],"last":""}'
START = f"{CUSTOMER[:16]}00000063"


class SmallTransport(httpx.AsyncBaseTransport):
    """A tiny body, so a request's own cost shows."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url.params.get("start")
        return httpx.Response(
            200, headers=[(b"content-type", b"application/json")], content=SMALL
        )


async def sdk_request() -> float:
    """One ``requester.request`` of a rooms page (with ``start``), tiny body."""
    params: dict[str, Any] = {"enabled": None, "name": None, "template_id": None}
    params |= {"after": None, "before": None, "limit": PAGE, "start": START}
    async with sdk_client(SmallTransport()) as hms:
        requester = hms._requester  # measuring the internals
        started = time.perf_counter()
        for _ in range(N):
            await requester.request("GET", "rooms", params=params, parse=ignore)
        return (time.perf_counter() - started) / N * 1e6


async def hand_request() -> float:
    """One ``http.get`` + ``raise_for_status`` as the hand loop does, tiny body."""
    async with hand_client(SmallTransport()) as http:
        started = time.perf_counter()
        for _ in range(N):
            response = await http.get("rooms", params={"limit": PAGE, "start": START})
            response.raise_for_status()
        return (time.perf_counter() - started) / N * 1e6


async def iterate(pages: list[Page[Room]]) -> float:
    """``async for`` over the items of prebuilt pages, per 100 items."""

    async def gen() -> AsyncIterator[Page[Room]]:
        for page in pages:
            yield page

    started = time.perf_counter()
    total = 0
    async for room in _Items(gen().__anext__):
        total += len(room.id)
    return (time.perf_counter() - started) / len(pages) * 1e6


def per_call(fn: Callable[[], Any], number: int = 500) -> float:
    """µs per call of ``fn``."""
    started = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - started) / number * 1e6


def main() -> None:
    """Time every piece for ``--rounds`` interleaved rounds; print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--backend", choices=["asyncio", "trio"], default="asyncio")
    args = parser.parse_args()
    raw = build_pages(PAGE * 2)[None]
    body = orjson.loads(raw)
    item = _serde.parser(Room)
    page = CURSOR.parse(body, item)
    pages = [page] * 200
    pieces: dict[str, Callable[[], float]] = {
        "SDK  request (build, auth, send, log, decode a tiny body)": lambda: anyio.run(
            sdk_request, backend=args.backend
        ),
        "hand request (http.get, raise_for_status)": lambda: anyio.run(
            hand_request, backend=args.backend
        ),
        "SDK  orjson.loads of the page": lambda: per_call(lambda: orjson.loads(raw)),
        "hand json.loads of the page (resp.json())": lambda: per_call(
            lambda: json.loads(raw)
        ),
        "SDK  page parse: 100 Rooms + Page": lambda: per_call(
            lambda: CURSOR.parse(body, item)
        ),
        "SDK  async for over 100 items": lambda: anyio.run(
            iterate, pages, backend=args.backend
        ),
    }
    results: dict[str, list[float]] = {name: [] for name in pieces}
    for _ in range(args.rounds):
        for name, piece in pieces.items():
            results[name].append(piece())
    print(f"µs per {PAGE}-room page, median of {args.rounds} rounds ({args.backend})")
    for name, values in results.items():
        print(f"  {name:58} {statistics.median(values):7.1f}")


if __name__ == "__main__":
    main()
