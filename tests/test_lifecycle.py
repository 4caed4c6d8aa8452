"""Cancellation, early exits and closing leave no busy connection (real loopback HTTP)."""

from __future__ import annotations

import gc
import warnings
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest

from hms_async import ClientClosedError, HMSClient, HMSError
from hms_async.testing import retry_waits

from .helpers import ACCESS_KEY, APP_SECRET, Http, until
from .loopback import Loopback, serve


@pytest.fixture
async def api() -> AsyncIterator[Loopback]:
    """The loopback server, running for the duration of the test."""
    async with serve() as server:
        yield server


def client_for(api: Loopback, **options: Any) -> HMSClient:
    """A client with a real httpx transport pointed at the loopback server."""
    return HMSClient(ACCESS_KEY, APP_SECRET, base_url=api.base_url, **options)


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


async def settle(api: Loopback, connections: int) -> None:
    """Wait (briefly) until the server sees ``connections`` open connections."""
    with anyio.move_on_after(2):
        for _ in range(200):
            if api.open == connections:
                break
            await anyio.sleep(0.01)


async def test_cancelled_call_leaves_no_connection(api: Loopback) -> None:
    """A call cancelled while waiting for the answer closes its connection."""
    async with client_for(api) as hms:
        with anyio.move_on_after(0.2) as scope:
            await hms.rooms.retrieve("hang")
        assert scope.cancelled_caught
        assert busy_connections(hms) == []
        assert pool_size(hms) == 0
        await settle(api, 0)
        assert api.open == 0

        room = await hms.rooms.retrieve("ok")  # the client is still usable
        assert room.id == "ok"
        assert busy_connections(hms) == []


@pytest.mark.usefixtures("no_waits")
async def test_timeout_leaves_no_connection(api: Loopback) -> None:
    """A read timeout on a GET is retried, then raised, with nothing left open."""
    from hms_async import APITimeoutError

    async with client_for(api, timeout=0.1, max_retries=1) as hms:
        with pytest.raises(APITimeoutError):
            await hms.rooms.retrieve("hang")
        assert api.requests.count("/v2/rooms/hang") == 2
        assert busy_connections(hms) == []
    await settle(api, 0)
    assert api.open == 0


async def test_break_out_of_list_leaves_no_busy_connection(api: Loopback) -> None:
    """Breaking out of async for sends nothing more and holds no response open."""
    async with client_for(api) as hms:
        async for _ in hms.rooms.list(limit=10):
            break
        assert len(api.requests) == 1
        assert busy_connections(hms) == []
        assert pool_size(hms) <= 1
    assert pool_size(hms) == 0
    await settle(api, 0)
    assert api.open == 0


async def test_cancelled_list_leaves_no_connection(api: Loopback) -> None:
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
        assert api.open == 0


async def test_cancelled_prefetch_leaves_no_connection(api: Loopback) -> None:
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
        assert api.open == 0


async def test_prefetch_break_leaves_no_connection(api: Loopback) -> None:
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

    with pytest.raises(ClientClosedError, match="HMSClient is closed"):
        await hms.rooms.retrieve("r1")
    with pytest.raises(ClientClosedError, match="HMSClient is closed"):
        await hms.rooms.list()
    with pytest.raises(ClientClosedError, match="HMSClient is closed"):
        [room async for room in hms.sessions.list()]
    with pytest.raises(ClientClosedError, match="HMSClient is closed"):
        await hms.request("GET", "rooms")
    with pytest.raises(RuntimeError, match="HMSClient is closed"):  # as it used to
        await hms.with_options(max_retries=0).rooms.retrieve("r1")
    assert sent == []
    assert issubclass(ClientClosedError, HMSError)


async def test_injected_http_client_refused_after_aclose() -> None:
    """aclose() leaves an injected httpx client open, yet the SDK client is closed."""
    async with httpx.AsyncClient(
        transport=httpx.MockTransport(lambda _r: httpx.Response(200, json={}))
    ) as http:
        hms = HMSClient(ACCESS_KEY, APP_SECRET, http_client=http)
        await hms.aclose()
        assert not http.is_closed
        with pytest.raises(ClientClosedError):
            await hms.rooms.retrieve("r1")


async def test_view_aclose_leaves_the_client_usable() -> None:
    """A view's aclose() closes nothing, so the client still answers."""
    answer = httpx.MockTransport(lambda r: httpx.Response(200, json={"id": "r1"}))
    async with HMSClient(ACCESS_KEY, APP_SECRET, transport=answer) as hms:
        await hms.with_options(max_retries=0).aclose()
        assert (await hms.rooms.retrieve("r1")).id == "r1"


@pytest.mark.usefixtures("no_waits")
async def test_call_in_flight_when_closed_ends_typed(api: Loopback, http: Http) -> None:
    """A GET waiting for its answer when aclose() runs ends in ClientClosedError."""
    hms = client_for(api, http=http)
    errors: list[BaseException] = []

    async def call() -> None:
        try:
            await hms.rooms.retrieve("hang")
        except Exception as exc:  # recorded and checked below
            errors.append(exc)

    async with anyio.create_task_group() as tg:
        tg.start_soon(call)
        await until(lambda: "/v2/rooms/hang" in api.requests)
        await hms.aclose()
    assert len(errors) == 1
    assert isinstance(errors[0], ClientClosedError)
    assert "closed while this call was in flight" in str(errors[0])
    assert api.requests.count("/v2/rooms/hang") == 1  # not retried


async def test_retry_after_close_is_not_sent() -> None:
    """A call between attempts when the client closes stops; no retry is sent."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(503, json={"message": "busy"})

    hms = HMSClient(ACCESS_KEY, APP_SECRET, transport=httpx.MockTransport(answer))
    errors: list[BaseException] = []

    async def call() -> None:
        try:
            await hms.rooms.retrieve("r1")
        except ClientClosedError as exc:
            errors.append(exc)

    with retry_waits() as waits:
        async with anyio.create_task_group() as tg:
            tg.start_soon(call)
            await until(lambda: len(waits) == 1)  # in its real backoff, 0.375-0.5 s
            await hms.aclose()

    assert [type(e) for e in errors] == [ClientClosedError]
    assert "HMSClient is closed" in str(errors[0])
    assert len(sent) == 1


async def test_call_queued_for_a_slot_when_closed_ends_typed(
    api: Loopback, http: Http
) -> None:
    """Calls waiting for a connection slot when aclose() runs end in ClientClosedError."""
    hms = client_for(api, max_connections=1, http=http)
    errors: list[BaseException] = []

    async def call(room: str) -> None:
        try:
            await hms.rooms.retrieve(room)
        except Exception as exc:  # recorded and checked below
            errors.append(exc)

    async with anyio.create_task_group() as tg:
        tg.start_soon(call, "hang")
        await until(lambda: "/v2/rooms/hang" in api.requests)
        for room in ("a", "b", "c"):
            tg.start_soon(call, room)
        limiter = hms._requester._slots.limiter
        await until(lambda: limiter.statistics().tasks_waiting == 3)
        await hms.aclose()
    assert len(errors) == 4
    assert all(isinstance(e, ClientClosedError) for e in errors)
    assert api.requests == ["/v2/rooms/hang"]


async def test_prefetch_without_async_with_fails_at_once(api: Loopback) -> None:
    """Iterating prefetch() outside ``async with`` raises a clear RuntimeError, sends nothing."""
    async with client_for(api) as hms:
        with anyio.fail_after(5), pytest.raises(RuntimeError, match="async with"):
            async for _ in hms.rooms.list(limit=10).prefetch():
                pass
    assert api.requests == []


async def test_prefetch_iterated_after_its_block_fails_clearly(
    api: Loopback,
) -> None:
    """Iterating a prefetch() after its block ended is a RuntimeError, not a hang."""
    async with client_for(api) as hms:
        async with hms.rooms.list(limit=10).prefetch() as rooms:
            await rooms.__anext__()
        with pytest.raises(RuntimeError, match="already ended"):
            async for _ in rooms:
                pass


def test_prefetch_never_entered_leaves_nothing_open() -> None:
    """A prefetch() made and dropped opens nothing: no ResourceWarning at collection."""
    hms = HMSClient(ACCESS_KEY, APP_SECRET)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prefetch = hms.rooms.list().prefetch(pages=2)
        del prefetch
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


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
