"""``HMSClient(http="aiohttp")``: the SDK's guarantees on aiohttp's pool (asyncio only).

Real sockets against the loopback server, so aiohttp raises its real
exceptions: each must become the error, and get the retries, that the httpx
transport gives.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest

from hms_async import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    HMSClient,
    ServerError,
)

from .helpers import ACCESS_KEY, APP_SECRET, until
from .loopback import FAULTS, Loopback, serve
from .test_secrets import assert_clean

pytestmark = pytest.mark.usefixtures("no_waits")


@pytest.fixture
def anyio_backend() -> str:
    """aiohttp runs on asyncio only."""
    return "asyncio"


@pytest.fixture
async def server() -> AsyncIterator[Loopback]:
    """The loopback server, running for the duration of the test."""
    async with serve() as running:
        yield running


def aiohttp_client(base_url: str, **options: Any) -> HMSClient:
    """A client on the aiohttp transport (the module's retries never sleep)."""
    return HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=base_url, http="aiohttp", **options
    )


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_failed_get_is_retried(server: Loopback, fault: str) -> None:
    """Every fault on a GET is retried and the call succeeds."""
    async with aiohttp_client(server.base_url) as hms:
        await hms.rooms.retrieve("warm")  # later calls reuse a keep-alive connection
        room = await hms.rooms.retrieve(f"{fault}-1")
    assert room.id == f"{fault}-1"
    assert f"{fault}-1" in server.faulted


@pytest.mark.parametrize("fault", ["close", "truncate", "garbage", "headers"])
async def test_a_post_that_may_have_been_applied_is_not_repeated(
    server: Loopback, fault: str
) -> None:
    """A POST cut off after it was sent raises APIConnectionError, sent once."""
    async with aiohttp_client(server.base_url) as hms:
        await hms.rooms.retrieve("warm")
        with pytest.raises(APIConnectionError, match="RemoteProtocolError") as caught:
            await hms.request("POST", f"rooms/{fault}-1", json={"name": "x"})
    assert not isinstance(caught.value, APITimeoutError)
    assert server.requests.count(f"/v2/rooms/{fault}-1") == 1


async def test_a_503_is_a_server_error_after_the_retries(server: Loopback) -> None:
    """Status errors are the same typed errors; 503 is retried, then raised."""
    async with aiohttp_client(server.base_url, max_retries=0) as hms:
        with pytest.raises(ServerError, match="503 try again"):
            await hms.rooms.retrieve("503-1")


async def test_nothing_listening_is_retried_for_every_method(
    sleeps: list[float],
) -> None:
    """A refused connection (nothing sent) is retried even for a POST, then raised."""
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)  # noqa: S610
    await listener.aclose()

    async with aiohttp_client(f"http://127.0.0.1:{port}/v2/") as hms:
        with pytest.raises(APIConnectionError, match="ConnectError"):
            await hms.request("POST", "rooms", json={"name": "x"})
    assert len(sleeps) == 2


async def test_a_read_timeout_is_typed_and_retried_for_a_get(server: Loopback) -> None:
    """A stalled answer is APITimeoutError after every attempt of a GET."""
    async with aiohttp_client(server.base_url, timeout=0.2, max_retries=1) as hms:
        with pytest.raises(APITimeoutError, match="ReadTimeout"):
            await hms.rooms.retrieve("hang-1")
    assert server.requests.count("/v2/rooms/hang-1") == 2


async def test_the_deadline_holds(server: Loopback) -> None:
    """The deadline bounds the whole call on aiohttp too."""
    async with aiohttp_client(server.base_url, deadline=0.2) as hms:
        with pytest.raises(APITimeoutError, match=r"0.2 s deadline"):
            await hms.rooms.retrieve("hang-1")


async def test_cancelling_a_call_closes_its_connection(server: Loopback) -> None:
    """A cancelled call leaves no connection busy, and the client stays usable."""
    async with aiohttp_client(server.base_url) as hms:
        with anyio.move_on_after(0.2) as scope:
            await hms.rooms.retrieve("hang-1")
        assert scope.cancelled_caught
        await until(lambda: server.open == 0)
        assert (await hms.rooms.retrieve("ok")).id == "ok"


async def test_a_closed_client_says_so(server: Loopback) -> None:
    """After aclose() a call is refused, typed (calls in flight: test_lifecycle)."""
    hms = aiohttp_client(server.base_url)
    await hms.rooms.retrieve("ok")
    await hms.aclose()
    with pytest.raises(ClientClosedError, match="HMSClient is closed"):
        await hms.rooms.retrieve("ok")


async def test_logs_carry_no_secret(
    server: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    """DEBUG logs of the SDK, httpx and aiohttp hold no token, through retries too."""
    caplog.set_level(logging.DEBUG)
    async with aiohttp_client(server.base_url) as hms:
        for fault in FAULTS:
            await hms.rooms.retrieve(f"{fault}-1")
        with pytest.raises(APIConnectionError) as caught:
            await hms.request("POST", "rooms/close-2")
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {r.__dict__!r}" for r in caplog.records
    )
    assert server.tokens
    assert_clean(logged, server.tokens)
    assert_clean(str(caught.value), server.tokens)
    assert any(r.name == "hms_async" for r in caplog.records)


async def test_never_used_leaves_nothing_open() -> None:
    """A client made and closed without a call opens no aiohttp session."""
    async with aiohttp_client("http://127.0.0.1:9/v2/") as hms:
        assert hms._http is not None


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_trio_is_refused_clearly(server: Loopback) -> None:
    """On trio the call fails at once, typed, naming asyncio; nothing is sent."""
    async with aiohttp_client(server.base_url) as hms:
        with pytest.raises(APIConnectionError, match="runs on asyncio only"):
            await hms.rooms.retrieve("r1")
    assert server.requests == []


def test_options_that_contradict_are_refused() -> None:
    """http= takes 'httpx' or 'aiohttp', and not with a transport or client of one's own."""
    with pytest.raises(ValueError, match="http must be 'httpx' or 'aiohttp'"):
        HMSClient(ACCESS_KEY, APP_SECRET, http="requests")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="http='aiohttp' or transport"):
        HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            http="aiohttp",
            transport=httpx.MockTransport(lambda _r: httpx.Response(200)),
        )
    with pytest.raises(ValueError, match="http='aiohttp' or http_client"):
        HMSClient(
            ACCESS_KEY, APP_SECRET, http="aiohttp", http_client=httpx.AsyncClient()
        )
