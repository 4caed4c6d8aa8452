"""What per-call options, hooks, raw responses and tracing cost per call.

``hms.rooms.retrieve(id)`` answered in process (as in ``bench_call.py``),
plain and with each feature in use:

- ``plain``: nothing set (the figure every other feature is compared with);
- ``options``: ``extra_headers`` and ``timeout`` given to the call;
- ``hooks``: the client has a no-op ``request`` and ``response`` hook;
- ``raw``: ``hms.with_raw_response.rooms.retrieve(id)`` and ``parse()``;
- ``traced``: an OpenTelemetry SDK tracer provider set globally, with a
  ``SimpleSpanProcessor`` and an ``InMemorySpanExporter`` (emptied every
  100 calls, as a real exporter sends and drops them): each call makes and
  exports one span;
- ``own_span``: no tracing by the SDK (no provider set globally), but the
  benchmark wraps each plain call in the span the SDK would make, by hand,
  on the same kind of provider: what OpenTelemetry itself costs, so that
  ``traced - own_span`` is the SDK's own share.

A tracer provider can be set once per process, so each variant runs in a
fresh interpreter, rounds interleaved, medians reported; times are the
process's CPU time.

    python benchmarks/bench_observe.py [--calls 2000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from typing import Any

import anyio
from bench_call import ROOM_ID, RoomTransport
from bench_list import sdk_client

import hms_async

VARIANTS = ("plain", "options", "hooks", "raw", "traced", "own_span")


def _noop(_: object) -> None:
    return None


def _client(variant: str) -> hms_async.HMSClient:
    if variant != "hooks":
        return sdk_client(RoomTransport())
    return hms_async.HMSClient(
        "bench-key",
        "bench-secret-that-is-at-least-32-bytes",
        base_url="https://api.100ms.live/v2/",
        transport=RoomTransport(),
        event_hooks={"request": [_noop], "response": [_noop]},
    )


def _tracing(*, set_globally: bool) -> tuple[Any, Any]:
    """An SDK provider exporting to memory (the global one, or not): its
    tracer and its exporter."""
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
        InMemorySpanExporter,
    )

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    if set_globally:
        trace.set_tracer_provider(provider)
    return provider.get_tracer("bench"), exporter


def _by_hand(tracer: Any) -> Any:
    """The span the SDK makes around a call, made by the caller instead."""
    from opentelemetry import trace

    attributes = {
        "http.request.method": "GET",
        "url.template": "/rooms/{room_id}",
        "server.address": "api.100ms.live",
    }

    def span() -> Any:
        return tracer.start_as_current_span(
            "GET /rooms/{room_id}",
            kind=trace.SpanKind.CLIENT,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        )

    return span


async def measure(variant: str, calls: int) -> float:
    """µs per call of ``variant``, after one warm-up call."""
    tracer, exporter = (None, None)
    if variant in ("traced", "own_span"):
        tracer, exporter = _tracing(set_globally=variant == "traced")
    span = _by_hand(tracer)
    headers = {"X-Request-Id": "bench"}
    async with _client(variant) as hms:
        retrieve = hms.rooms.retrieve
        raw = hms.with_raw_response.rooms.retrieve
        await retrieve(ROOM_ID)
        exported = 0
        started = time.process_time()
        for call in range(calls):
            if exporter is not None and call % 100 == 0:  # as an export would
                exported += len(exporter.get_finished_spans())
                exporter.clear()
            if variant == "options":
                await retrieve(ROOM_ID, extra_headers=headers, timeout=10)
            elif variant == "raw":
                (await raw(ROOM_ID)).parse()
            elif variant == "own_span":
                with span() as current:
                    await retrieve(ROOM_ID)
                    current.set_attribute("http.response.status_code", 200)
                    current.set_attribute("hms.retries", 0)
            else:
                await retrieve(ROOM_ID)
        elapsed = time.process_time() - started
    if exporter is not None:
        exported += len(exporter.get_finished_spans())
        warm_up = variant == "traced"  # the warm-up call made its span too
        assert exported == calls + warm_up  # noqa: S101
    return elapsed / calls * 1e6


def _child(variant: str, backend: str, calls: int) -> float:
    done = subprocess.run(  # noqa: S603 - this script, fixed arguments
        [sys.executable, __file__, "--child", variant, backend, "--calls", str(calls)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout)


def main() -> None:
    """Interleave the variants, each in a fresh interpreter; print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--backend", choices=["asyncio", "trio", "both"], default="both"
    )
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "BACKEND"))
    args = parser.parse_args()
    if args.child:
        variant, backend = args.child
        print(anyio.run(measure, variant, args.calls, backend=backend))
        return
    print(
        f"µs per awaited call ({args.calls} calls, in process), "
        f"median of {args.rounds} interleaved rounds, each variant in its own process"
    )
    backends = ["asyncio", "trio"] if args.backend == "both" else [args.backend]
    for backend in backends:
        times: dict[str, list[float]] = {v: [] for v in VARIANTS}
        for _ in range(args.rounds):
            for variant in VARIANTS:
                times[variant].append(_child(variant, backend, args.calls))
        median = {v: statistics.median(t) for v, t in times.items()}
        plain = median["plain"]
        print(
            f"{backend:8} | plain {plain:6.1f} µs"
            + "".join(
                f" | {v} {median[v] - plain:+6.1f} µs" for v in VARIANTS if v != "plain"
            )
        )


if __name__ == "__main__":
    main()
