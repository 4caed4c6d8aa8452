"""Cancellation, early exits and closing leave no busy connection (real loopback HTTP)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
import anyio.abc
import httpx
import pytest

from hms_async import HMSClient

from .helpers import ACCESS_KEY, APP_SECRET

PAGES = 5


class LoopbackAPI:
    """A tiny HTTP/1.1 keep-alive server on 127.0.0.1: rooms, pages, and a hang."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.open_connections = 0
        self.port = 0

    async def handle(self, stream: anyio.abc.SocketStream) -> None:
        """Serve requests on one connection until the client closes it."""
        self.open_connections += 1
        buffer = b""
        try:
            async with stream:
                while True:
                    while b"\r\n\r\n" not in buffer:
                        buffer += await stream.receive()
                    head, _, buffer = buffer.partition(b"\r\n\r\n")
                    lines = head.decode().split("\r\n")
                    length = next(
                        (
                            int(v)
                            for k, _, v in (line.partition(": ") for line in lines[1:])
                            if k.lower() == "content-length"
                        ),
                        0,
                    )
                    while len(buffer) < length:
                        buffer += await stream.receive()
                    buffer = buffer[length:]
                    target = lines[0].split(" ")[1]
                    self.requests.append(target)
                    await stream.send(await self.respond(target, stream))
        except (
            anyio.EndOfStream,
            anyio.BrokenResourceError,
            anyio.ClosedResourceError,
        ):
            pass
        finally:
            self.open_connections -= 1

    async def respond(self, target: str, stream: anyio.abc.SocketStream) -> bytes:
        """The raw HTTP response for a request target."""
        url = urlsplit(target)
        if url.path == "/v2/rooms/hang":
            await hang(stream)
        if url.path == "/v2/rooms":
            start = parse_qs(url.query).get("start", ["0"])[0]
            n = int(start)
            if n == 2:
                await hang(stream)  # the third page never comes
            body: Any = {
                "limit": 10,
                "data": [{"id": f"room-{n}-{i}"} for i in range(10)],
                "last": str(n + 1) if n + 1 < PAGES else "",
            }
        else:
            body = {"id": url.path.rsplit("/", 1)[-1]}
        content = json.dumps(body).encode()
        return (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(content), content)
        )


async def hang(stream: anyio.abc.SocketStream) -> None:
    """Never answer; return (by EndOfStream) only when the client closes."""
    while True:
        await stream.receive()


@pytest.fixture
async def api() -> AsyncIterator[LoopbackAPI]:
    """The loopback server, running for the duration of the test."""
    server = LoopbackAPI()
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    server.port = listener.extra(anyio.abc.SocketAttribute.local_port)  # noqa: S610
    async with anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, server.handle)
        yield server
        tg.cancel_scope.cancel()
    await listener.aclose()


def client_for(api: LoopbackAPI, **options: Any) -> HMSClient:
    """A client with a real httpx transport pointed at the loopback server."""
    return HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=f"http://127.0.0.1:{api.port}/v2/", **options
    )


def busy_connections(hms: HMSClient) -> list[Any]:
    """Pooled connections that are neither idle nor closed (a response in flight)."""
    transport = hms._http._transport
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    return [
        c for c in transport._pool.connections if not (c.is_idle() or c.is_closed())
    ]


def pool_size(hms: HMSClient) -> int:
    """How many connections the pool holds."""
    transport = hms._http._transport
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    return len(transport._pool.connections)


async def settle(api: LoopbackAPI, connections: int) -> None:
    """Wait (briefly) until the server sees ``connections`` open connections."""
    with anyio.move_on_after(2):
        for _ in range(200):
            if api.open_connections == connections:
                break
            await anyio.sleep(0.01)


async def test_cancelled_call_leaves_no_connection(api: LoopbackAPI) -> None:
    """A call cancelled while waiting for the answer closes its connection."""
    async with client_for(api) as hms:
        with anyio.move_on_after(0.2) as scope:
            await hms.rooms.retrieve("hang")
        assert scope.cancelled_caught
        assert busy_connections(hms) == []
        assert pool_size(hms) == 0
        await settle(api, 0)
        assert api.open_connections == 0

        room = await hms.rooms.retrieve("ok")  # the client is still usable
        assert room.id == "ok"
        assert busy_connections(hms) == []


async def test_timeout_leaves_no_connection(api: LoopbackAPI) -> None:
    """A read timeout on a GET is retried, then raised, with nothing left open."""
    from hms_async import APITimeoutError

    async with client_for(api, timeout=0.1, max_retries=1) as hms:
        hms._requester.sleep = _no_sleep
        with pytest.raises(APITimeoutError):
            await hms.rooms.retrieve("hang")
        assert api.requests.count("/v2/rooms/hang") == 2
        assert busy_connections(hms) == []
    await settle(api, 0)
    assert api.open_connections == 0


async def _no_sleep(_seconds: float) -> None:
    """Retries without waiting."""


async def test_break_out_of_list_leaves_no_busy_connection(api: LoopbackAPI) -> None:
    """Breaking out of async for sends nothing more and holds no response open."""
    async with client_for(api) as hms:
        async for _ in hms.rooms.list(limit=10):
            break
        assert len(api.requests) == 1
        assert busy_connections(hms) == []
        assert pool_size(hms) <= 1
    assert pool_size(hms) == 0
    await settle(api, 0)
    assert api.open_connections == 0


async def test_cancelled_list_leaves_no_connection(api: LoopbackAPI) -> None:
    """Cancelling a walk blocked on a page closes that page's connection."""
    seen: list[str] = []
    async with client_for(api) as hms:
        with anyio.move_on_after(0.3) as scope:
            async for room in hms.rooms.list(limit=10):
                seen.append(room.id)
        assert scope.cancelled_caught
        assert len(seen) == 20
        assert busy_connections(hms) == []
        await settle(api, 0)
        assert api.open_connections == 0


async def test_cancelled_prefetch_leaves_no_connection(api: LoopbackAPI) -> None:
    """Cancelling a prefetching walk stops the producer and closes its connection."""
    seen: list[str] = []
    async with client_for(api) as hms:
        with anyio.move_on_after(0.3) as scope:
            async with hms.rooms.list(limit=10).prefetch() as rooms:
                async for room in rooms:
                    seen.append(room.id)
        assert scope.cancelled_caught
        assert len(seen) == 20
        assert busy_connections(hms) == []
        await settle(api, 0)
        assert api.open_connections == 0


async def test_prefetch_break_leaves_no_connection(api: LoopbackAPI) -> None:
    """Leaving a prefetch block early cancels the fetch in flight."""
    async with client_for(api) as hms:
        async with hms.rooms.list(limit=10).prefetch(pages=2) as rooms:
            async for _ in rooms:
                await anyio.sleep(0.1)  # the producer reaches the hanging page
                break
        assert busy_connections(hms) == []
        fetched = len(api.requests)
        await anyio.sleep(0.05)
        assert len(api.requests) == fetched


async def test_owned_http_client_closed() -> None:
    """aclose() closes the httpx client the SDK made."""
    hms = HMSClient(ACCESS_KEY, APP_SECRET)
    await hms.aclose()

    assert hms._http.is_closed


async def test_closed_client_refuses_calls_clearly() -> None:
    """After aclose(), every kind of call says the client is closed; nothing is sent."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "r1"})

    hms = HMSClient(ACCESS_KEY, APP_SECRET, transport=httpx.MockTransport(answer))
    await hms.aclose()

    with pytest.raises(RuntimeError, match="HMSClient is closed"):
        await hms.rooms.retrieve("r1")
    with pytest.raises(RuntimeError, match="HMSClient is closed"):
        await hms.rooms.list()
    with pytest.raises(RuntimeError, match="HMSClient is closed"):
        [room async for room in hms.sessions.list()]
    with pytest.raises(RuntimeError, match="HMSClient is closed"):
        await hms.request("GET", "rooms")
    assert sent == []


async def test_injected_http_client_left_open() -> None:
    """An injected httpx client is never closed by the SDK."""
    async with httpx.AsyncClient() as http:
        async with HMSClient(ACCESS_KEY, APP_SECRET, http_client=http):
            pass
        assert not http.is_closed


def test_http_client_and_transport_conflict() -> None:
    """Passing both http_client and transport is refused."""
    http = httpx.AsyncClient()
    with pytest.raises(ValueError, match="not both"):
        HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            http_client=http,
            transport=httpx.MockTransport(lambda _r: httpx.Response(200)),
        )
