"""SyncHMSClient shared by threads, across a fork, and interrupted by Ctrl-C."""

from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from hms_async import SyncHMSClient
from hms_async._sync._http import ForkSafeTransport

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from .loopback import Loopback, serve_in_thread

THREADS = 32


@pytest.fixture(name="api")
def _api() -> Iterator[Loopback]:
    """The loopback server, on real sockets, in a thread of its own."""
    with serve_in_thread() as server:
        yield server


def until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait for another thread to make ``condition()`` true."""
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out waiting for the other threads"
        time.sleep(0.001)


def run_threads(target: Callable[[], Any], count: int = THREADS) -> list[BaseException]:
    """Run ``target`` in ``count`` threads released at once; their exceptions."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            target()
        except BaseException as exc:  # collected for the test to assert on
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads)
    return errors


def pool_of(hms: SyncHMSClient) -> Any:
    """The httpcore connection pool of the client's own transport (this process)."""
    transport = hms._http._transport
    assert isinstance(transport, ForkSafeTransport)
    inner = transport.transport
    assert isinstance(inner, httpx.HTTPTransport)
    return inner._pool


def assert_nothing_checked_out(hms: SyncHMSClient) -> None:
    """No slot borrowed or awaited; no request in the pool; every connection idle."""
    slots = hms._requester._slots.limiter.statistics()
    assert (slots.borrowed_tokens, slots.tasks_waiting) == (0, 0)
    pool = pool_of(hms)
    assert pool._requests == []
    assert all(c.is_idle() or c.is_closed() for c in pool.connections)


def test_one_token_signed_per_expiry_by_32_threads() -> None:
    """32 threads cross an expiry together: one signs, all send that token."""
    now = [1_700_000_000.0]
    seen: list[str] = []
    lock = threading.Lock()

    def slow_clock() -> float:
        time.sleep(0.001)  # lets other threads run between the check and the sign
        return now[0]

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"id": "r1"})

    with SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        token_ttl=600,
        clock=slow_clock,
    ) as hms:
        hms.rooms.retrieve("r1")
        first = seen[0]
        now[0] += 600  # past the expiry (and its margin)

        errors = run_threads(lambda: hms.rooms.retrieve("r1"))

        assert errors == []
        assert hms._auth.signed == 2  # the first token and exactly one more
    assert len(seen) == 1 + THREADS
    assert len(set(seen[1:])) == 1
    assert seen[1] != first


def test_32_threads_share_max_connections(api: Loopback) -> None:
    """32 threads, 5 calls each, 4 slots: 4 connections at most, all answered."""
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=api.base_url, max_connections=4
    ) as hms:
        counter = iter(range(10_000))
        wrong: list[str] = []

        def calls() -> None:
            for _ in range(5):
                room = f"room-{next(counter)}"
                if hms.rooms.retrieve(room).id != room:
                    wrong.append(room)

        errors = run_threads(calls)

        assert errors == []
        assert wrong == []
        assert_nothing_checked_out(hms)
    assert len(api.requests) == THREADS * 5
    assert api.accepted <= 4


def _fork(child: Callable[[], None]) -> int:
    """Fork; the child runs ``child`` then exits (0: it returned). The child's pid."""
    with warnings.catch_warnings():  # 3.12+: forking a process that has threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        signal.alarm(20)  # a child that hangs must not hang the tests
        child()
        code = 0
    finally:
        os._exit(code)


def test_a_forked_child_starts_its_own_pool(api: Loopback) -> None:
    """A child forked while the parent keeps calling (and holds the one slot)
    gets its own slots and pool; neither side's answers get mixed up."""
    api.delay = 0.02
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=api.base_url, max_connections=1
    ) as hms:
        assert hms.rooms.retrieve("before").id == "before"
        parent_pool = pool_of(hms)
        stop = threading.Event()
        parent_wrong: list[str] = []

        def keep_calling() -> None:
            n = 0
            while not stop.is_set():
                room = f"slow-parent-{n}"
                if hms.rooms.retrieve(room).id != room:
                    parent_wrong.append(room)
                n += 1

        caller = threading.Thread(target=keep_calling)
        caller.start()
        until(lambda: len(api.requests) >= 3)

        def child() -> None:
            for n in range(20):
                room = f"child-{n}"
                assert hms.rooms.retrieve(room).id == room
            assert pool_of(hms) is not parent_pool

        pid = _fork(child)
        _, status = os.waitpid(pid, 0)
        stop.set()
        caller.join(10)

        assert os.waitstatus_to_exitcode(status) == 0
        assert parent_wrong == []
        assert pool_of(hms) is parent_pool
        assert hms.rooms.retrieve("after").id == "after"
    assert [r for r in api.requests if "child-" in r] == [
        f"/v2/rooms/child-{n}" for n in range(20)
    ]


def _interrupt_main_when(condition: Callable[[], bool]) -> threading.Thread:
    """Send Ctrl-C (SIGINT) to the main thread once ``condition()`` holds."""
    main = threading.main_thread().ident
    assert main is not None

    def interrupt() -> None:
        until(condition)
        time.sleep(0.05)  # into the blocking wait
        signal.pthread_kill(main, signal.SIGINT)

    thread = threading.Thread(target=interrupt)
    thread.start()
    return thread


@pytest.fixture(name="main_thread")
def _main_thread() -> None:
    """Ctrl-C reaches the main thread only: these tests must run there."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("SIGINT is handled in the main thread only")


@pytest.mark.usefixtures("main_thread")
def test_ctrl_c_during_a_call_leaves_nothing_checked_out(api: Loopback) -> None:
    """KeyboardInterrupt while the answer is awaited: slot and connection freed."""
    with SyncHMSClient(ACCESS_KEY, APP_SECRET, base_url=api.base_url) as hms:
        hms.rooms.retrieve("warm-up")
        interrupter = _interrupt_main_when(lambda: "/v2/rooms/hang-1" in api.requests)

        with pytest.raises(KeyboardInterrupt):
            hms.rooms.retrieve("hang-1")
        interrupter.join(10)

        assert_nothing_checked_out(hms)
        assert hms.rooms.retrieve("r1").id == "r1"
        assert_nothing_checked_out(hms)


@pytest.mark.usefixtures("main_thread")
def test_ctrl_c_during_a_retry_wait_leaves_nothing_checked_out(
    api: Loopback,
) -> None:
    """KeyboardInterrupt in the wait before a retry: the response was closed."""
    with SyncHMSClient(ACCESS_KEY, APP_SECRET, base_url=api.base_url) as hms:
        hms._requester._retry.backoff = 30  # the wait the interrupt cuts short
        interrupter = _interrupt_main_when(lambda: "/v2/rooms/close-1" in api.requests)

        with pytest.raises(KeyboardInterrupt):
            hms.rooms.retrieve("close-1")  # dropped, so retried after a wait
        interrupter.join(10)

        assert_nothing_checked_out(hms)
        assert hms.rooms.retrieve("close-1").id == "close-1"
    assert api.requests.count("/v2/rooms/close-1") == 2


@pytest.mark.usefixtures("main_thread")
def test_ctrl_c_while_queued_for_a_slot(api: Loopback) -> None:
    """KeyboardInterrupt in the slot queue: the caller leaves it; nothing leaks."""
    api.delay = 1.0
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=api.base_url, max_connections=1
    ) as hms:
        holder = threading.Thread(target=hms.rooms.retrieve, args=("slow-holder",))
        holder.start()
        until(lambda: "/v2/rooms/slow-holder" in api.requests)
        limiter = hms._requester._slots.limiter
        interrupter = _interrupt_main_when(
            lambda: limiter.statistics().tasks_waiting == 1
        )

        with pytest.raises(KeyboardInterrupt):
            hms.rooms.retrieve("queued")
        interrupter.join(10)
        assert limiter.statistics().tasks_waiting == 0
        holder.join(10)

        assert_nothing_checked_out(hms)
        assert hms.rooms.retrieve("r1").id == "r1"
    assert "/v2/rooms/queued" not in api.requests
