"""A small keep-alive HTTP/1.1 server on 127.0.0.1 with injectable faults.

Real sockets, so the client's real transport (httpx's pool or aiohttp) raises
its real exceptions. ``GET /v2/rooms/<id>`` answers ``{"id": <id>}``; a room
id names what happens to it:

* ``hang-…``: never answered (until the client closes the connection);
* ``slow-…``: answered after ``Loopback.delay`` seconds;
* ``<fault>-…`` with a fault of ``FAULTS``: that fault on the first request
  for the id, a normal answer to every later one (so a retry succeeds).

``GET /v2/rooms?start=N`` is page N of a five-page list of ten rooms each,
whose third page (``start=2``) never comes.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

import anyio
import anyio.abc
import anyio.from_thread

FAULTS: Final = ("503", "429", "close", "truncate", "garbage", "headers")
"""503/429 with ``Retry-After: 0``; close before any response; close mid-body;
a status line that is not HTTP; a response cut after its headers."""


class Loopback:
    """The server's state: what it saw, and how slow it is."""

    def __init__(self) -> None:
        self.port = 0
        self.delay = 0.2
        self.accepted = 0
        """Connections accepted so far."""
        self.open = 0
        """Connections open now."""
        self.requests: list[str] = []
        self.tokens: set[str] = set()
        """Every bearer token the server was sent."""
        self.faulted: set[str] = set()

    @property
    def base_url(self) -> str:
        """The API base URL of the server."""
        return f"http://127.0.0.1:{self.port}/v2/"

    async def handle(self, stream: anyio.abc.SocketStream) -> None:
        """Serve requests on one connection until either side closes it."""
        self.accepted += 1
        self.open += 1
        try:
            async with stream:
                await self._serve(stream)
        except (
            anyio.EndOfStream,
            anyio.BrokenResourceError,
            anyio.ClosedResourceError,
        ):
            pass
        finally:
            self.open -= 1

    async def _serve(self, stream: anyio.abc.SocketStream) -> None:
        buffer = b""
        while True:
            while b"\r\n\r\n" not in buffer:
                buffer += await stream.receive()
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "authorization":
                    self.tokens.add(value.strip().removeprefix("Bearer "))
            while len(buffer) < length:
                buffer += await stream.receive()
            buffer = buffer[length:]
            target = lines[0].split(" ")[1]
            self.requests.append(target)
            if not await self._respond(target, stream):
                return

    async def _respond(self, target: str, stream: anyio.abc.SocketStream) -> bool:
        """Answer one request; ``False``: the connection is to be closed."""
        url = urlsplit(target)
        room = url.path.rsplit("/", 1)[-1]
        kind = room.split("-", 1)[0]
        if kind == "hang" or (room == "rooms" and "start=2" in url.query):
            while True:
                await stream.receive()
        if kind == "slow":
            await anyio.sleep(self.delay)
        if kind in FAULTS and room not in self.faulted:
            self.faulted.add(room)
            return await _fault(kind, stream)
        body: Any = {"id": room, "name": room}
        if room == "rooms":
            body = _page(int(parse_qs(url.query).get("start", ["0"])[0]))
        await stream.send(_response(200, json.dumps(body).encode()))
        return True


def _page(n: int, pages: int = 5) -> dict[str, Any]:
    return {
        "limit": 10,
        "data": [{"id": f"room-{n}-{i}"} for i in range(10)],
        "last": str(n + 1) if n + 1 < pages else "",
    }


def _response(status: int, body: bytes, extra: bytes = b"") -> bytes:
    reason = {200: b"OK", 429: b"Too Many Requests", 503: b"Service Unavailable"}
    return (
        b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n%s\r\n%s"
        % (status, reason[status], len(body), extra, body)
    )


async def _fault(kind: str, stream: anyio.abc.SocketStream) -> bool:
    """Send the fault ``kind``; ``False`` when the connection must close."""
    if kind in ("503", "429"):
        body = b'{"code": %s, "message": "try again"}' % kind.encode()
        await stream.send(_response(int(kind), body, b"Retry-After: 0\r\n"))
        return True
    if kind == "truncate":
        await stream.send(_response(200, b'{"id": "cut short"}')[:-8])
    elif kind == "garbage":
        await stream.send(b"SPAM 200 OK\r\n\r\n")
    elif kind == "headers":
        await stream.send(_response(200, b'{"id": "x"}').split(b"\r\n\r\n")[0])
    return False  # "close": nothing at all


@asynccontextmanager
async def serve() -> AsyncIterator[Loopback]:
    """Run a ``Loopback`` server for the duration of the block."""
    server = Loopback()
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    server.port = listener.extra(anyio.abc.SocketAttribute.local_port)  # noqa: S610
    async with listener, anyio.create_task_group() as group:
        group.start_soon(listener.serve, server.handle)
        try:
            yield server
        finally:
            group.cancel_scope.cancel()


@contextmanager
def serve_in_thread() -> Iterator[Loopback]:
    """A ``Loopback`` server on an event loop in a thread of its own (sync clients)."""
    with (
        anyio.from_thread.start_blocking_portal() as portal,
        portal.wrap_async_context_manager(serve()) as server,
    ):
        yield server
