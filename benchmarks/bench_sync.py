"""SyncHMSClient against hand-written ``httpx.Client`` code, measured in one run.

Three figures, each as the SDK's ratio to (or difference from) hand loops run
interleaved with it in the same process:

* ``stream``: every room of ``hms.rooms.list()`` (the realistic rooms page of
  ``bench_list.py``) against an ``httpx.Client`` loop that decodes with
  ``resp.json()`` and one with ``orjson.loads``; process CPU time, pages
  served in process.
* ``call``: one ``hms.rooms.retrieve(id)`` against ``get`` +
  ``raise_for_status`` + ``orjson.loads`` (and ``resp.json()``), µs per call.
* ``threads``: 32 threads sharing one ``SyncHMSClient`` against 32 threads
  sharing one bare ``httpx.Client`` with the same pool (``max_connections``),
  calls per second of wall time, against a minimal keep-alive HTTP server in
  another process on real loopback sockets.

    python benchmarks/bench_sync.py [--only stream|call|threads] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import orjson
from bench_list import BASE_URL, PAGE, build_pages, room

import hms_async

ROOM = room(7)
BODY = orjson.dumps(ROOM)
KEY, SECRET = "bench-key", "bench-secret-that-is-at-least-32-bytes"


class PageTransport(httpx.BaseTransport):
    """Serves the prebuilt page for the request's ``start`` (or the room)."""

    def __init__(self, pages: dict[str | None, bytes]) -> None:
        self._pages = pages
        self._headers = [(b"content-type", b"application/json")]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/v2/rooms/"):
            return httpx.Response(200, headers=self._headers, content=BODY)
        start = request.url.params.get("start")
        return httpx.Response(200, headers=self._headers, content=self._pages[start])


def sdk_client(transport: httpx.BaseTransport | None = None, **options: Any) -> Any:
    """The sync SDK client (JWT auth, retries armed)."""
    return hms_async.SyncHMSClient(
        KEY,
        SECRET,
        base_url=options.pop("base_url", BASE_URL),
        transport=transport,
        **options,
    )


def hand_client(
    transport: httpx.BaseTransport | None = None, **options: Any
) -> httpx.Client:
    """The hand loops' client: the base URL and a bearer token set once."""
    return httpx.Client(
        base_url=options.pop("base_url", BASE_URL),
        transport=transport,
        headers={"Authorization": "Bearer a-token-signed-once"},
        **options,
    )


# --- stream ---------------------------------------------------------------------


def sdk_stream(transport: httpx.BaseTransport) -> int:
    """The SDK: typed rooms, every page, reading one field per room."""
    total = 0
    with sdk_client(transport) as hms:
        for item in hms.rooms.list(limit=PAGE):
            total += len(item.id)
    return total


def _hand_stream(
    transport: httpx.BaseTransport, decode: Callable[[httpx.Response], Any]
) -> int:
    total = 0
    with hand_client(transport) as http:
        start: str | None = None
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if start:
                params["start"] = start
            response = http.get("rooms", params=params)
            response.raise_for_status()
            body = decode(response)
            for item in body["data"]:
                total += len(item["id"])
            start = body.get("last")
            if not start or not body["data"]:
                break
    return total


STREAMS: dict[str, Callable[[httpx.BaseTransport], int]] = {
    "json": lambda t: _hand_stream(t, lambda r: r.json()),
    "orjson": lambda t: _hand_stream(t, lambda r: orjson.loads(r.content)),
    "sdk": sdk_stream,
}


def bench_stream(rooms: int, rounds: int) -> None:
    """Interleave the three walks; print medians and the SDK's ratios."""
    transport = PageTransport(build_pages(rooms))
    assert len({walk(transport) for walk in STREAMS.values()}) == 1  # noqa: S101
    times: dict[str, list[float]] = {name: [] for name in STREAMS}
    for _ in range(rounds):
        for name, walk in STREAMS.items():
            started = time.process_time()
            walk(transport)
            times[name].append(time.process_time() - started)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"stream {rooms} rooms, median of {rounds} rounds"
        + "".join(
            f" | {name} {median[name]:6.3f} s ({rooms / median[name] / 1000:4.0f} k/s)"
            for name in STREAMS
        )
        + f" | SDK/json {median['sdk'] / median['json']:4.2f}x"
        + f" | SDK/orjson {median['sdk'] / median['orjson']:4.2f}x"
    )


# --- call -----------------------------------------------------------------------


def bench_call(calls: int, rounds: int) -> None:
    """µs per call of the SDK and of the hand calls; the SDK's difference."""
    transport = PageTransport({})
    room_id = ROOM["id"]
    with sdk_client(transport) as hms, hand_client(transport) as http:
        hms.rooms.retrieve(room_id)  # the token signed, the shape compiled

        def sdk() -> None:
            hms.rooms.retrieve(room_id)

        def by_hand(decode: Callable[[httpx.Response], Any]) -> Callable[[], None]:
            def call() -> None:
                response = http.get(f"rooms/{room_id}")
                response.raise_for_status()
                decode(response)

            return call

        variants = {
            "json": by_hand(lambda r: r.json()),
            "orjson": by_hand(lambda r: orjson.loads(r.content)),
            "sdk": sdk,
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(rounds):
            for name, call in variants.items():
                started = time.process_time()
                for _ in range(calls):
                    call()
                times[name].append((time.process_time() - started) / calls * 1e6)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"call, {calls} calls, median of {rounds} rounds"
        + "".join(f" | {name} {median[name]:6.1f} µs" for name in variants)
        + f" | SDK - orjson {median['sdk'] - median['orjson']:+6.1f} µs"
        + f" | SDK - json {median['sdk'] - median['json']:+6.1f} µs"
    )


# --- threads --------------------------------------------------------------------

_RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
    % (len(BODY), BODY)
)


class _Server(asyncio.Protocol):
    """Answers every request on a keep-alive connection with the room."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport
        self._buffer = b""

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while b"\r\n\r\n" in self._buffer:  # GETs: no body
            _, _, self._buffer = self._buffer.partition(b"\r\n\r\n")
            self._transport.write(_RESPONSE)  # type: ignore[attr-defined]


def serve(port_file: str) -> None:
    """Run the minimal server (in its own process); write its port to a file."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    with open(port_file, "w") as out:
        out.write(str(listener.getsockname()[1]))

    async def run() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(_Server, sock=listener)
        await server.serve_forever()

    asyncio.run(run())


@contextlib.contextmanager
def server_process(tmp: str) -> Iterator[str]:
    """The minimal server in a child process; yields its base URL."""
    port_file = f"{tmp}/port"
    child = subprocess.Popen([sys.executable, __file__, "--serve", port_file])  # noqa: S603
    try:
        for _ in range(500):
            with contextlib.suppress(FileNotFoundError, ValueError):
                with open(port_file) as source:
                    port = int(source.read())
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}/v2/"
    finally:
        child.terminate()
        child.wait(10)


def _threads_rate(call: Callable[[], Any], threads: int, calls: int) -> float:
    """Calls per second of wall time, ``threads`` threads making ``calls`` each."""
    barrier = threading.Barrier(threads + 1)

    def work() -> None:
        barrier.wait()
        for _ in range(calls):
            call()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    barrier.wait()
    started = time.perf_counter()
    for worker in workers:
        worker.join()
    return threads * calls / (time.perf_counter() - started)


def bench_threads(threads: int, calls: int, rounds: int, connections: int) -> None:
    """Both clients on real sockets, ``threads`` threads each; calls/s and ratio."""
    room_id = ROOM["id"]
    limits = httpx.Limits(
        max_connections=connections, max_keepalive_connections=connections
    )
    with (
        tempfile.TemporaryDirectory() as tmp,
        server_process(tmp) as base_url,
        sdk_client(base_url=base_url, max_connections=connections) as hms,
        hand_client(base_url=base_url, limits=limits) as http,
    ):

        def by_hand() -> None:
            response = http.get(f"rooms/{room_id}")
            response.raise_for_status()
            orjson.loads(response.content)

        variants = {"httpx": by_hand, "sdk": lambda: hms.rooms.retrieve(room_id)}
        for call in variants.values():  # warm: pools filled, token signed
            _threads_rate(call, threads, 5)
        rates: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(rounds):
            for name, call in variants.items():
                rates[name].append(_threads_rate(call, threads, calls))
    median = {name: statistics.median(values) for name, values in rates.items()}
    ratios = [s / h for s, h in zip(rates["sdk"], rates["httpx"], strict=True)]
    print(
        f"threads {threads} x {calls} calls, {connections} connections, "
        f"median of {rounds} rounds"
        + "".join(f" | {name} {median[name]:7.0f} calls/s" for name in variants)
        + f" | SDK/httpx {median['sdk'] / median['httpx']:4.2f}x"
        + f" (rounds {min(ratios):4.2f}-{max(ratios):4.2f}x)"
    )


def main() -> None:
    """Parse options and run the figures asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["stream", "call", "threads"])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--thread-calls", type=int, default=100)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.only in (None, "stream"):
        bench_stream(args.rooms, args.rounds)
    if args.only in (None, "call"):
        bench_call(args.calls, args.rounds)
    if args.only in (None, "threads"):
        bench_threads(args.threads, args.thread_calls, args.rounds, args.connections)


if __name__ == "__main__":
    main()
