"""Memory while streaming a million rooms: RSS after 100k items and after 1M.

Each backend runs in a fresh interpreter (a subprocess of this script) that
walks ``hms.rooms.list()`` over an in-process transport and reads its own
``VmRSS`` (``/proc/self/status``) and peak RSS (``ru_maxrss``) when the
100,000th and the 1,000,000th room arrive (and at a few points between).
The pages are made on demand: a handful of realistic page bodies (the rooms
of ``bench_list.py``) are built once before the walk and reused, each sent
with the cursor of the page asked for, so nothing on the serving side grows
with the number of pages. The figure is the growth from 100k to 1M, which
must stay within 0.2 MiB: anything the SDK keeps per page or per item
(10,000 pages, 1M items) would show here.

    python benchmarks/bench_rss.py [--rooms 1000000] [--rounds 3]
    python benchmarks/bench_rss.py --tracemalloc --rounds 1  # what grew, by line (slow)
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import tracemalloc
from typing import Any

import anyio
import httpx
import orjson
from bench_list import PAGE, room, sdk_client

BODIES = 16
"""Distinct page bodies served in turn (their rooms differ; ~47 KiB each)."""
CHECKPOINTS = (100_000, 250_000, 500_000, 750_000, 1_000_000)


class LazyPageTransport(httpx.AsyncBaseTransport):
    """Page ``n`` (its cursor is ``n`` in hex) made from a reused body."""

    def __init__(self, rooms: int) -> None:
        self._pages = -(-rooms // PAGE)
        self._bodies = [
            orjson.dumps([room(b * PAGE + i) for i in range(PAGE)])
            for b in range(BODIES)
        ]
        self._headers = [(b"content-type", b"application/json")]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = request.url.params.get("start")
        n = int(start, 16) if start else 0
        last = f"{n + 1:08x}" if n + 1 < self._pages else ""
        content = b"".join(
            (
                b'{"limit":100,"data":',
                self._bodies[n % BODIES],
                b',"last":"',
                last.encode(),
                b'"}',
            )
        )
        return httpx.Response(200, headers=self._headers, content=content)


def rss_kib() -> tuple[int, int]:
    """The process's current ``VmRSS`` and peak ``ru_maxrss``, in KiB."""
    current = 0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1])
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def walk(rooms: int, trace: bool) -> dict[str, Any]:
    """Stream ``rooms`` rooms; RSS (and a tracemalloc snapshot) at each checkpoint."""
    transport = LazyPageTransport(rooms)
    points = [c for c in CHECKPOINTS if c <= rooms] or [rooms]
    readings: dict[int, tuple[int, int]] = {}
    snapshots: list[tracemalloc.Snapshot] = []
    if trace:
        tracemalloc.start(4)
    count = 0
    target = points[0]
    async with sdk_client(transport) as hms:
        async for item in hms.rooms.list(limit=PAGE):
            count += 1
            if count == target:
                del item  # hold no room of our own while measuring
                readings[count] = rss_kib()
                if trace and (not snapshots or len(points) == 1):
                    gc.collect()
                    snapshots.append(tracemalloc.take_snapshot())
                points.pop(0)
                target = points[0] if points else -1
    assert count == rooms  # noqa: S101 - every room arrived
    result: dict[str, Any] = {"rss": {str(k): v for k, v in readings.items()}}
    if trace and len(snapshots) >= 2:
        stats = snapshots[-1].compare_to(snapshots[0], "traceback")
        grown = sum(stat.size_diff for stat in stats)
        result["traced_growth"] = grown
        result["top"] = [
            f"{stat.size_diff:+8d} B {stat.count_diff:+6d} blocks  "
            + " <- ".join(
                f"{frame.filename.rsplit('/', 2)[-1]}:{frame.lineno}"
                for frame in stat.traceback[:4]
            )
            for stat in stats[:10]
        ]
    return result


def child(backend: str, rooms: int, trace: bool) -> None:
    """One walk on ``backend`` in this process; print the readings as JSON."""
    print(json.dumps(anyio.run(walk, rooms, trace, backend=backend)))


def run(backend: str, rooms: int, trace: bool) -> dict[str, Any]:
    """A walk in a fresh interpreter."""
    argv = [sys.executable, __file__, "--child", backend, "--rooms", str(rooms)]
    if trace:
        argv.append("--tracemalloc")
    done = subprocess.run(  # noqa: S603 - this interpreter, this script
        argv, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    """Parse options; run the walks (rounds interleaved over the backends)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also diff tracemalloc snapshots (slow; RSS then includes its own)",
    )
    parser.add_argument("--child", choices=["asyncio", "trio"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rooms, args.tracemalloc)
        return
    backends = ["asyncio", "trio"] if args.backend == "both" else [args.backend]
    first = str(min(CHECKPOINTS[0], args.rooms))
    print(
        f"{args.rooms} rooms in pages of {PAGE}, {BODIES} reused page bodies, "
        f"a fresh process per walk, {args.rounds} rounds interleaved; "
        f"VmRSS in MiB after {first} rooms -> after {args.rooms}"
    )
    growth: dict[str, list[float]] = {backend: [] for backend in backends}
    for _ in range(args.rounds):
        for backend in backends:
            result = run(backend, args.rooms, args.tracemalloc)
            rss = {int(k): v for k, v in result["rss"].items()}
            start, end = rss[int(first)], rss[max(rss)]
            grew = (end[0] - start[0]) / 1024
            growth[backend].append(grew)
            print(
                f"  {backend:8} VmRSS "
                + " -> ".join(f"{v[0] / 1024:.2f}" for _, v in sorted(rss.items()))
                + f" | growth {grew:+.2f} MiB"
                + f" | ru_maxrss {start[1] / 1024:.2f} -> {end[1] / 1024:.2f} MiB"
            )
            if "traced_growth" in result:
                print(f"    tracemalloc: {result['traced_growth']:+d} B traced")
                for line in result["top"]:
                    print(f"      {line}")
    for backend, values in growth.items():
        print(
            f"{backend:8} growth {first} -> {args.rooms}: median "
            f"{statistics.median(values):+.2f} MiB "
            f"(min {min(values):+.2f}, max {max(values):+.2f}; goal <= 0.20)"
        )


if __name__ == "__main__":
    main()
