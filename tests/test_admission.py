"""Admission control: calls wait for one of ``max_connections`` slots, in order."""

from __future__ import annotations

import functools
import time
from typing import Any

import anyio
import httpx
import pytest

from hms_async import APITimeoutError, HMSClient

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL, Http, decode, until
from .loopback import serve


class Gate:
    """An in-process transport whose answers wait until the test opens the gate."""

    def __init__(self) -> None:
        self.entered: list[str] = []
        self.inside = 0
        self.most_inside = 0
        self.open = anyio.Event()
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        room = request.url.path.rsplit("/", 1)[-1]
        self.entered.append(room)
        self.requests.append(request)
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        try:
            await self.open.wait()
        finally:
            self.inside -= 1
        return httpx.Response(200, json={"id": room})

    def client(self, **options: Any) -> HMSClient:
        """A client whose requests go through this gate."""
        return HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=BASE_URL,
            transport=httpx.MockTransport(self),
            **options,
        )


def waiting(hms: HMSClient) -> int:
    """How many calls wait for a slot."""
    return hms._requester._slots.limiter.statistics().tasks_waiting


def arrived(gate: Gate, hms: HMSClient, calls: int) -> bool:
    """Whether ``calls`` calls are on the wire or in the queue."""
    return len(gate.entered) + waiting(hms) == calls


async def test_at_most_max_connections_in_flight() -> None:
    """Ten calls, three slots: three on the wire at once, seven waiting."""
    gate = Gate()
    async with gate.client(max_connections=3) as hms, anyio.create_task_group() as tg:
        for n in range(10):
            tg.start_soon(hms.rooms.retrieve, f"r{n}")
        await until(lambda: waiting(hms) == 7)
        assert len(gate.entered) == 3
        gate.open.set()
    assert sorted(gate.entered) == sorted(f"r{n}" for n in range(10))
    assert gate.most_inside == 3


async def test_waiting_calls_are_served_in_order() -> None:
    """With one slot, calls reach the wire in the order they asked (FIFO)."""
    gate = Gate()
    async with gate.client(max_connections=1) as hms, anyio.create_task_group() as tg:
        for n in range(8):
            tg.start_soon(hms.rooms.retrieve, f"r{n}")
            await until(functools.partial(arrived, gate, hms, n + 1))
        gate.open.set()
    assert gate.entered == [f"r{n}" for n in range(8)]


async def test_the_wait_counts_against_the_deadline_and_is_named() -> None:
    """A call still queued when its deadline passes says it was waiting for a slot."""
    gate = Gate()
    async with gate.client(max_connections=1) as hms, anyio.create_task_group() as tg:
        tg.start_soon(hms.rooms.retrieve, "holder")
        await until(lambda: gate.inside == 1)
        with pytest.raises(
            APITimeoutError,
            match=r"waiting for one of the client's 1 connection slots .* 0.05 s deadline",
        ):
            await hms.with_options(deadline=0.05).rooms.retrieve("queued")
        assert waiting(hms) == 0  # it left the queue
        assert gate.entered == ["holder"]
        gate.open.set()


@pytest.mark.usefixtures("no_waits")
async def test_the_wait_is_bounded_by_the_pool_timeout_and_not_retried() -> None:
    """Without a deadline, the pool timeout bounds the wait; nothing is sent."""
    gate = Gate()
    timeout = httpx.Timeout(5.0, pool=0.05)
    async with gate.client(max_connections=1, timeout=timeout) as hms:
        async with anyio.create_task_group() as tg:
            tg.start_soon(hms.rooms.retrieve, "holder")
            await until(lambda: gate.inside == 1)
            with pytest.raises(
                APITimeoutError,
                match=r"no connection slot free within the 0.05 s pool timeout",
            ):
                await hms.rooms.retrieve("queued")
            gate.open.set()
        assert gate.entered == ["holder"]
        assert waiting(hms) == 0


async def test_views_share_the_slots() -> None:
    """A view's calls queue behind the client's: one pool, one limit."""
    gate = Gate()
    async with gate.client(max_connections=1) as hms, anyio.create_task_group() as tg:
        view = hms.with_options(max_retries=0, timeout=9.0)
        tg.start_soon(hms.rooms.retrieve, "holder")
        await until(lambda: gate.inside == 1)
        tg.start_soon(view.rooms.retrieve, "view")
        await until(lambda: waiting(hms) == 1)
        assert gate.entered == ["holder"]
        gate.open.set()
    assert gate.entered == ["holder", "view"]


async def test_a_cancelled_wait_leaves_the_queue() -> None:
    """Cancelling a queued call frees its place; the next one gets the slot."""
    gate = Gate()
    async with gate.client(max_connections=1) as hms, anyio.create_task_group() as tg:
        tg.start_soon(hms.rooms.retrieve, "holder")
        await until(lambda: gate.inside == 1)
        with anyio.move_on_after(0.05) as scope:
            await hms.rooms.retrieve("cancelled")
        assert scope.cancelled_caught
        assert waiting(hms) == 0
        tg.start_soon(hms.rooms.retrieve, "next")
        await until(lambda: waiting(hms) == 1)
        gate.open.set()
    assert gate.entered == ["holder", "next"]
    assert hms._requester._slots.limiter.borrowed_tokens == 0


async def test_the_token_is_signed_after_the_wait() -> None:
    """A call that queued past its token's life leaves with a fresh token."""
    now = [time.time()]
    gate = Gate()
    options: dict[str, Any] = {"max_connections": 1, "token_ttl": 60}
    hms = gate.client(clock=lambda: now[0], **options)
    async with hms, anyio.create_task_group() as tg:
        tg.start_soon(hms.rooms.retrieve, "holder")
        await until(lambda: gate.inside == 1)
        tg.start_soon(hms.rooms.retrieve, "queued")
        await until(lambda: waiting(hms) == 1)
        now[0] += 3600  # the first token expired while the call queued
        gate.open.set()
    first, second = (decode(r.headers["Authorization"][7:]) for r in gate.requests)
    assert second["iat"] - first["iat"] == 3600
    assert second["exp"] > now[0] > first["exp"]


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "10"])
def test_max_connections_must_be_a_positive_int(bad: Any) -> None:
    """A slot count that is not a positive int is refused at construction."""
    with pytest.raises(ValueError, match="max_connections must be an int of 1 or more"):
        HMSClient(ACCESS_KEY, APP_SECRET, max_connections=bad)


async def test_waiting_does_not_count_against_the_read_timeout(http: Http) -> None:
    """Eight 0.2 s answers through one slot: 1.4 s queued, none past a 1 s read timeout."""
    async with serve() as server:
        timeout = httpx.Timeout(5.0, read=1.0)
        async with HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=server.base_url,
            max_connections=1,
            timeout=timeout,
            max_retries=0,
            http=http,
        ) as hms:
            ids: list[str] = []

            async def call(n: int) -> None:
                ids.append((await hms.rooms.retrieve(f"slow-{n}")).id)

            async with anyio.create_task_group() as tg:
                for n in range(8):
                    tg.start_soon(call, n)
        assert sorted(ids) == sorted(f"slow-{n}" for n in range(8))
        assert server.accepted == 1  # one keep-alive connection served them all


async def test_keep_alive_connections_match_the_slots(http: Http) -> None:
    """200 calls at once over 5 slots open at most 5 connections, all reused."""
    async with serve() as server:
        async with (
            HMSClient(
                ACCESS_KEY, APP_SECRET, base_url=server.base_url, max_connections=5
            ) as hms,
            anyio.create_task_group() as tg,
        ):
            for n in range(200):
                tg.start_soon(hms.rooms.retrieve, f"r{n}")
        assert len(server.requests) == 200
        assert server.accepted <= 5
