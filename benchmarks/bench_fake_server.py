"""Requests per second of the loopback fake: 1 keep-alive connection against 32.

The fake is served by ``FakeHMS.server()`` (uvicorn in a thread of this
process); the client runs in a separate process so the two never share an
interpreter. The client is a lean HTTP/1.1 loop over raw keep-alive sockets
(one request in flight per connection, like wrk), so the server is what is
measured, not an HTTP client library. Every request is an authenticated
``GET /v2/rooms/{id}``. Rounds alternate 1 and 32 connections; medians are
reported with the 32/1 ratio.

    python benchmarks/bench_fake_server.py [--seconds 3] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

import anyio
import anyio.abc

from hms_async.testing import FakeHMS

WARMUP = 0.5
CONNECTIONS = (1, 32)


async def _read_response(stream: anyio.abc.ByteStream, buffer: bytearray) -> int:
    """Read one response off a keep-alive stream; return its status."""
    while (end := buffer.find(b"\r\n\r\n")) < 0:
        buffer += await stream.receive()
    head = bytes(buffer[:end]).decode("latin-1").lower()
    status = int(head.split(" ", 2)[1])
    length = int(head.partition("content-length:")[2].split("\r\n", 1)[0])
    total = end + 4 + length
    while len(buffer) < total:
        buffer += await stream.receive()
    del buffer[:total]
    return status


async def _connection(
    host: str, port: int, request: bytes, deadline: float, counts: list[int]
) -> None:
    buffer = bytearray()
    async with await anyio.connect_tcp(host, port) as stream:
        while time.perf_counter() < deadline:
            await stream.send(request)
            status = await _read_response(stream, buffer)
            if status != 200:
                raise RuntimeError(f"GET answered {status}")
            if time.perf_counter() > deadline - counts[1]:
                counts[0] += 1


async def _client(url: str, token: str, connections: int, seconds: float) -> float:
    host, _, rest = url.removeprefix("http://").partition(":")
    port, _, path = rest.partition("/")
    request = (
        f"GET /{path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Authorization: Bearer {token}\r\nAccept: application/json\r\n\r\n"
    ).encode()
    deadline = time.perf_counter() + WARMUP + seconds
    counts = [0, int(seconds)]
    async with anyio.create_task_group() as group:
        for _ in range(connections):
            group.start_soon(_connection, host, int(port), request, deadline, counts)
    return counts[0] / seconds


def _run_client(url: str, token: str, connections: int, seconds: float) -> float:
    command = [sys.executable, __file__, "--client", url, token, str(connections)]
    command += ["--seconds", str(seconds)]
    done = subprocess.run(command, capture_output=True, check=True, text=True)  # noqa: S603
    rate: float = json.loads(done.stdout)["rate"]
    return rate


async def _make_room(fake: FakeHMS) -> str:
    async with fake.http_client() as http:
        response = await http.post("rooms", json={"name": "bench"})
    room_id: str = response.json()["id"]
    return room_id


def main() -> None:
    """Serve the fake, then alternate client runs with 1 and 32 connections."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--client", nargs=3, metavar=("URL", "TOKEN", "CONNS"))
    args, _ = parser.parse_known_args()  # nox -s bench passes every script's args
    if args.client:
        url, token, conns = args.client
        rate = anyio.run(_client, url, token, int(conns), args.seconds)
        print(json.dumps({"rate": rate}))
        return
    fake = FakeHMS(seed="bench")
    room_id = anyio.run(_make_room, fake)
    token = fake.management_token()
    rates: dict[int, list[float]] = {n: [] for n in CONNECTIONS}
    with fake.server() as server:
        url = f"{server.base_url}rooms/{room_id}"
        for _ in range(args.rounds):
            for connections in CONNECTIONS:
                rate = _run_client(url, token, connections, args.seconds)
                rates[connections].append(rate)
                print(
                    f"  {connections:>2} connection(s): {rate:,.0f} req/s", flush=True
                )
    one, many = (statistics.median(rates[n]) for n in CONNECTIONS)
    print(
        f"GET /rooms/{{id}} over loopback, medians of {args.rounds} rounds: "
        f"1 connection {one:,.0f} req/s, 32 connections {many:,.0f} req/s, "
        f"32/1 = {many / one:.2f}x"
    )


if __name__ == "__main__":
    main()
