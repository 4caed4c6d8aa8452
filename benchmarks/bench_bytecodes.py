"""Python bytecodes executed per call, by whose code runs them: a count that
does not depend on how busy the host is.

On a shared host a wall-clock A/B of two versions cannot see 1 µs in a call
of 60-200 µs; the bytecodes each version executes per call can be counted
exactly (``sys.settrace`` with opcode events), and the two compared. Run it
once per tree:

    PYTHONPATH=/path/to/old python benchmarks/bench_bytecodes.py
    PYTHONPATH=. python benchmarks/bench_bytecodes.py

Variants (those the tree has): ``plain`` ``hms.rooms.retrieve(id)``;
``options`` with ``extra_headers`` and ``timeout``; ``hooks`` with a no-op
request and response hook; ``raw`` through ``with_raw_response`` and
``parse()``; ``traced`` under an OpenTelemetry SDK provider (in-memory
export); and ``list``, per room of a 20-page stream of ``bench_list.py``.
Bytecodes are counted as ``hms_async``'s, OpenTelemetry's, or the rest's
(httpx, anyio, the standard library). C code (orjson, the event loop's
internals) is not counted.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import anyio
from bench_call import ROOM_ID, RoomTransport
from bench_list import PageTransport, build_pages, sdk_client, sdk_loop
from bench_observe import _client, _tracing

import hms_async

VARIANTS = ("plain", "options", "hooks", "raw", "traced", "list")
CALLS = 20


class Counter:
    """Counts the bytecodes each frame executes while it is on."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call":
            frame.f_trace_opcodes = True
        elif event == "opcode":
            name = frame.f_code.co_filename
            origin = (
                "hms_async"
                if "/hms_async/" in name
                else "opentelemetry"
                if "/opentelemetry/" in name
                else "rest"
            )
            self.counts[origin] += 1
        return self


async def count(variant: str) -> dict[str, float]:
    """Bytecodes per call (per room for ``list``), by origin."""
    counter = Counter()
    if variant == "list":
        pages = build_pages(2000)
        await sdk_loop(PageTransport(pages))  # warm
        sys.settrace(counter)
        await sdk_loop(PageTransport(pages))
        sys.settrace(None)
        return {k: v / 2000 for k, v in counter.counts.items()}
    if variant == "traced":
        _tracing(set_globally=True)
    client = _client(variant) if variant == "hooks" else sdk_client(RoomTransport())
    async with client as hms:
        for step in range(CALLS + 3):  # three warm-up calls, then counted ones
            if step == 3:
                sys.settrace(counter)
            if variant == "options":
                extra = {"X-Request-Id": "bench"}
                await hms.rooms.retrieve(ROOM_ID, extra_headers=extra, timeout=10)
            elif variant == "raw":
                (await hms.with_raw_response.rooms.retrieve(ROOM_ID)).parse()
            else:
                await hms.rooms.retrieve(ROOM_ID)
        sys.settrace(None)
    return {k: v / CALLS for k, v in counter.counts.items()}


def main() -> None:
    """Count each variant in a fresh interpreter (a tracer provider is set once)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=VARIANTS)
    args = parser.parse_args()
    if args.child:
        counts = anyio.run(count, args.child)
        print(" ".join(f"{k}={v:.1f}" for k, v in sorted(counts.items())))
        return
    tree = Path(hms_async.__file__).parent.parent
    print(f"Python bytecodes per call (list: per room), the tree at {tree}")
    for variant in VARIANTS:
        done = subprocess.run(  # noqa: S603 - this script, fixed arguments
            [sys.executable, __file__, "--child", variant],
            capture_output=True,
            text=True,
            check=False,
        )
        pairs = (item.partition("=") for item in done.stdout.split())
        counts = {key: float(value) for key, _, value in pairs}
        if done.returncode != 0 or not counts:
            print(f"{variant:8} | (not in this tree)")
            continue
        total = sum(counts.values())
        parts = " | ".join(f"{k} {v:7.1f}" for k, v in sorted(counts.items()))
        print(f"{variant:8} | total {total:7.1f} | {parts}")


if __name__ == "__main__":
    main()
