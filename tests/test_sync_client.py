"""SyncHMSClient where it differs from HMSClient: deadlines, slots, options."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from typing import Any, cast

import httpx
import pytest

from hms_async import (
    APITimeoutError,
    ClientClosedError,
    HMSClient,
    ServerError,
    SyncHMSClient,
)
from hms_async.testing import FakeHMS, SyncFakeHMSFixture

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from .loopback import Loopback, serve_in_thread


@pytest.fixture(name="api")
def _api() -> Iterator[Loopback]:
    """The loopback server, on real sockets, in a thread of its own."""
    with serve_in_thread() as server:
        yield server


class Gate:
    """A sync transport whose answers wait until the test opens the gate."""

    def __init__(self) -> None:
        self.entered: list[str] = []
        self.open = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        room = request.url.path.rsplit("/", 1)[-1]
        with self._lock:
            self.entered.append(room)
        assert self.open.wait(10), "the test never opened the gate"
        return httpx.Response(200, json={"id": room})

    def client(self, **options: Any) -> SyncHMSClient:
        """A client whose requests go through this gate."""
        return SyncHMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=BASE_URL,
            transport=httpx.MockTransport(self),
            **options,
        )


def waiting(hms: SyncHMSClient) -> int:
    """How many calls wait for a slot."""
    return hms._requester._slots.limiter.statistics().tasks_waiting


def until(condition: Any, seconds: float = 5.0) -> None:
    """Wait for another thread to make ``condition()`` true."""
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out waiting for the other threads"
        time.sleep(0.001)


def test_deadline_passes_during_a_slow_answer() -> None:
    """A latency fault longer than the deadline: the deadline's error, at the deadline."""
    with FakeHMS() as fake, fake.sync_client(deadline=0.3) as hms:
        room = hms.rooms.create(name="slow")
        fake.faults.add("GET", "/rooms/{room_id}", latency=5)
        started = time.monotonic()

        with pytest.raises(APITimeoutError) as info:
            hms.rooms.retrieve(room.id)

    assert str(info.value) == (
        f"GET /rooms/{room.id}: no answer within the 0.3 s deadline (retries included)"
    )
    assert 0.25 <= time.monotonic() - started < 2


def test_deadline_cuts_a_socket_read_short(api: Loopback) -> None:
    """On real sockets the deadline caps the read timeout: a hung server is left."""
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=api.base_url, timeout=30, deadline=0.4
    ) as hms:
        started = time.monotonic()
        with pytest.raises(APITimeoutError, match=r"0\.4 s deadline \(retries"):
            hms.rooms.retrieve("hang-1")
        elapsed = time.monotonic() - started

        assert hms.rooms.retrieve("r1").id == "r1"  # the client still works

    assert 0.35 <= elapsed < 2


@pytest.mark.usefixtures("no_waits")
def test_a_timeout_before_the_deadline_is_retried(api: Loopback) -> None:
    """A read timeout shorter than the deadline is the call's own: retried, then raised."""
    api.delay = 5
    with (
        SyncHMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=api.base_url,
            timeout=0.2,
            deadline=30,
            max_retries=1,
        ) as hms,
        pytest.raises(APITimeoutError) as info,
    ):
        hms.rooms.retrieve("slow-1")

    assert str(info.value) == "GET /rooms/slow-1: ReadTimeout (the request timed out)"
    assert api.requests.count("/v2/rooms/slow-1") == 2


def test_waiting_calls_are_served_in_order() -> None:
    """With one slot, threads reach the wire in the order they asked (FIFO)."""
    gate = Gate()
    with gate.client(max_connections=1) as hms:
        threads = [
            threading.Thread(target=hms.rooms.retrieve, args=(f"r{n}",))
            for n in range(8)
        ]
        threads[0].start()
        until(lambda: gate.entered == ["r0"])
        for n, thread in enumerate(threads[1:], start=1):
            thread.start()
            until(lambda n=n: waiting(hms) == n)
        gate.open.set()
        for thread in threads:
            thread.join(10)

    assert gate.entered == [f"r{n}" for n in range(8)]


def test_pool_timeout_while_every_slot_is_busy() -> None:
    """Past max_connections a caller waits at most the pool timeout: a typed error."""
    gate = Gate()
    timeout = httpx.Timeout(5, pool=0.2)
    with gate.client(max_connections=1, timeout=timeout) as hms:
        holder = threading.Thread(target=hms.rooms.retrieve, args=("r0",))
        holder.start()
        until(lambda: gate.entered == ["r0"])

        with pytest.raises(APITimeoutError) as info:
            hms.rooms.retrieve("r1")
        gate.open.set()
        holder.join(10)

        assert hms.rooms.retrieve("r2").id == "r2"

    assert str(info.value) == (
        "GET /rooms/r1: no connection slot free within the 0.2 s pool timeout "
        "(1 slots, max_connections, all busy)"
    )
    assert waiting(hms) == 0


def test_deadline_while_queued_for_a_slot() -> None:
    """A deadline that passes in the queue says so, as the async client does."""
    gate = Gate()
    with gate.client(max_connections=1, deadline=0.3) as hms:
        holder = threading.Thread(target=hms.rooms.retrieve, args=("r0",))
        holder.start()
        until(lambda: gate.entered == ["r0"])

        with pytest.raises(APITimeoutError) as info:
            hms.with_options(deadline=0.2).rooms.retrieve("r1")
        gate.open.set()
        holder.join(10)

    assert str(info.value) == (
        "GET /rooms/r1: still waiting for one of the client's 1 connection slots "
        "(max_connections) when the 0.2 s deadline passed"
    )


def test_an_http_client_of_the_other_kind_is_a_type_error() -> None:
    """An async httpx client to the sync client, or the reverse: which one, and why.

    (Type checkers refuse these calls already; the values are typed ``Any``.)
    """
    async_http: Any = httpx.AsyncClient()
    async_transport: Any = httpx.AsyncHTTPTransport()
    not_a_client: Any = "http://x"
    with pytest.raises(TypeError) as to_sync:
        SyncHMSClient(ACCESS_KEY, APP_SECRET, http_client=async_http)
    with httpx.Client() as http, pytest.raises(TypeError) as to_async:
        HMSClient(ACCESS_KEY, APP_SECRET, http_client=cast(Any, http))
    with pytest.raises(TypeError) as transport:
        SyncHMSClient(ACCESS_KEY, APP_SECRET, transport=async_transport)
    with pytest.raises(TypeError) as other:
        SyncHMSClient(ACCESS_KEY, APP_SECRET, http_client=not_a_client)

    assert str(to_sync.value) == (
        "http_client must be an httpx.Client, got an httpx.AsyncClient: "
        "pass it to HMSClient"
    )
    assert str(to_async.value) == (
        "http_client must be an httpx.AsyncClient, got an httpx.Client: "
        "pass it to SyncHMSClient"
    )
    assert str(transport.value) == (
        "transport must be an httpx.BaseTransport, got an "
        "httpx.AsyncBaseTransport: pass it to HMSClient"
    )
    assert str(other.value) == "http_client must be an httpx.Client, got str"


def test_aiohttp_is_refused() -> None:
    """http='aiohttp' has no sync meaning: a ValueError that says what to use."""
    with pytest.raises(ValueError, match="aiohttp, which is async only") as info:
        SyncHMSClient(ACCESS_KEY, APP_SECRET, http="aiohttp")

    assert "use http='httpx' (the default)" in str(info.value)


def test_a_coroutine_hook_is_refused_by_the_sync_client() -> None:
    """Sync hooks only: an async hook is a TypeError, its coroutine closed
    (no "never awaited" warning), and nothing is sent."""
    sent: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        raise AssertionError("never runs")

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "r1"})

    with (
        SyncHMSClient(
            ACCESS_KEY,
            APP_SECRET,
            transport=httpx.MockTransport(answer),
            event_hooks={"request": [hook]},
        ) as hms,
        pytest.raises(TypeError, match="calls plain functions only"),
    ):
        hms.rooms.retrieve("r1")

    assert sent == []


def test_sync_hooks_and_spans_from_threads() -> None:
    """Eight threads share one client: each call's hooks run in its thread."""
    seen: list[str] = []

    def hook(request: httpx.Request) -> None:
        seen.append(threading.current_thread().name)

    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={"id": "r"}))
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, transport=transport, event_hooks={"request": [hook]}
    ) as hms:
        threads = [
            threading.Thread(target=hms.rooms.retrieve, args=("r",), name=f"t{n}")
            for n in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(seen) == [f"t{n}" for n in range(8)]


def test_closed_client_refuses_calls_and_views_close_nothing() -> None:
    """close() ends the client for good; a view's close() leaves it open."""
    with FakeHMS() as fake:
        hms = fake.sync_client()
        view = hms.with_options(max_retries=0)
        view.close()
        room = hms.rooms.create(name="still-open")
        hms.close()
        hms.close()  # twice is harmless

        with pytest.raises(ClientClosedError, match="this SyncHMSClient is closed"):
            hms.rooms.retrieve(room.id)
        with pytest.raises(ClientClosedError):
            view.rooms.retrieve(room.id)


def test_the_sync_fixture(hms_fake_sync: SyncFakeHMSFixture) -> None:
    """hms_fake_sync: a SyncHMSClient and an httpx.Client on one fake."""
    room = hms_fake_sync.client.rooms.create(name="standup")

    answer = hms_fake_sync.http.get(f"rooms/{room.id}")

    assert answer.json()["name"] == "standup"
    assert hms_fake_sync.fake.state.rooms[room.id]["name"] == "standup"
    assert [r.name for r in hms_fake_sync.client.rooms.list()] == ["standup"]


def _pages_failing_once(failing_call: int) -> httpx.MockTransport:
    """Three pages of rooms; the ``failing_call``-th request answers 503 once."""
    calls = itertools.count(1)
    pages = {
        None: {"data": [{"id": f"r{n}"} for n in range(10)], "last": "r9"},
        "r9": {"data": [{"id": f"r{n}"} for n in range(10, 20)], "last": "r19"},
        "r19": {"data": [{"id": f"r{n}"} for n in range(20, 25)], "last": ""},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if next(calls) == failing_call:
            return httpx.Response(503, json={"code": 503, "message": "busy"})
        return httpx.Response(200, json=pages[request.url.params.get("start")])

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("mode", ["items", "pages"])
def test_a_failed_page_does_not_end_the_list(mode: str) -> None:
    """After an error the same iterator goes on from the failed page: all once."""
    transport = _pages_failing_once(failing_call=2)
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=transport, max_retries=0
    ) as hms:
        rooms = hms.rooms.list(limit=10)
        steps: Iterator[Any] = iter(rooms) if mode == "items" else rooms.pages()
        seen: list[str] = []
        errors = []
        while True:
            try:
                step = next(steps)
            except StopIteration:
                break
            except ServerError as error:
                errors.append(error.status_code)
                continue
            seen.extend([step.id] if mode == "items" else [r.id for r in step.data])

    assert errors == [503]
    assert seen == [f"r{n}" for n in range(25)]
