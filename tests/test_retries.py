"""Retries: which calls, how long to wait, Retry-After, limits, responses closed."""

from __future__ import annotations

import email.utils
import logging
import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from hms_async import (
    APIConnectionError,
    APITimeoutError,
    HMSClient,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)
from hms_async._parsers import as_json
from hms_async._retry import RetryPolicy

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL

ROOM = {"id": "r1", "name": "physics"}
OK = httpx.Response(200, json=ROOM)


def fail(status: int, **headers: str) -> httpx.Response:
    """An error response."""
    return httpx.Response(
        status, json={"code": status, "message": "try later"}, headers=headers
    )


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_get_retried_with_backoff_and_jitter(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float], status: int
) -> None:
    """A GET is retried on 429/502/503/504; waits double, jittered to 75-100 %."""
    client = client.with_options(max_retries=4)
    route = respx_router.get("rooms/r1").mock(
        side_effect=[fail(status), fail(status), fail(status), fail(status), OK]
    )

    room = await client.rooms.retrieve("r1")

    assert room.id == "r1"
    assert route.call_count == 5
    assert len(sleeps) == 4
    for attempt, wait in enumerate(sleeps, start=1):
        base = 0.5 * 2 ** (attempt - 1)
        assert 0.75 * base <= wait <= base


async def test_backoff_capped(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """No wait exceeds max_backoff (8 s)."""
    client = client.with_options(max_retries=8)
    respx_router.get("rooms/r1").mock(side_effect=[fail(503)] * 8 + [OK])

    await client.rooms.retrieve("r1")

    assert max(sleeps) <= 8.0
    assert sleeps[-1] >= 6.0


async def test_jitter_varies(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """Two clients hitting the same failure do not wait in lockstep forever."""
    client = client.with_options(max_retries=1)
    respx_router.get("rooms/r1").mock(side_effect=[fail(503), OK] * 20)

    for _ in range(20):
        await client.rooms.retrieve("r1")

    assert len(set(sleeps)) > 1


async def test_retry_after_seconds_honoured(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """Retry-After in seconds is the exact wait."""
    respx_router.get("rooms/r1").mock(
        side_effect=[fail(429, **{"Retry-After": "7"}), OK]
    )

    await client.rooms.retrieve("r1")

    assert sleeps == [7.0]


async def test_retry_after_http_date_honoured(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """Retry-After as an HTTP date waits until that time."""
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    respx_router.get("rooms/r1").mock(
        side_effect=[fail(503, **{"Retry-After": when}), OK]
    )

    await client.rooms.retrieve("r1")

    assert len(sleeps) == 1
    assert 27 <= sleeps[0] <= 30


async def test_retry_after_in_message_text(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """The analytics 429 text "retry after 45 seconds" is understood."""
    limited = httpx.Response(
        429,
        json={"code": 429, "message": "rate limit exceeded, retry after 45 seconds"},
    )
    respx_router.get("rooms/r1").mock(side_effect=[limited, OK])

    await client.rooms.retrieve("r1")

    assert sleeps == [45.0]


async def test_retry_after_beyond_cap_raises_at_once(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A wait longer than the cap is not slept: RateLimitError with retry_after."""
    route = respx_router.get("rooms/r1").mock(
        side_effect=[fail(429, **{"Retry-After": "3600"}), OK]
    )

    with pytest.raises(RateLimitError) as info:
        await client.rooms.retrieve("r1")

    assert info.value.retry_after == 3600.0
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("max_retries", [0, 1, 3])
async def test_max_retries_respected(
    respx_router: respx.MockRouter, sleeps: list[float], max_retries: int
) -> None:
    """A call is sent 1 + max_retries times, then the last error is raised."""
    route = respx_router.get("rooms/r1").mock(return_value=fail(503))
    async with HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, max_retries=max_retries
    ) as hms:
        with pytest.raises(ServerError):
            await hms.rooms.retrieve("r1")

    assert route.call_count == 1 + max_retries
    assert len(sleeps) == max_retries


def test_negative_max_retries_refused() -> None:
    """max_retries below 0 is a ValueError."""
    with pytest.raises(ValueError, match="max_retries"):
        HMSClient(ACCESS_KEY, APP_SECRET, max_retries=-1)


@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout])
async def test_connect_errors_retried_for_post(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    exc: type[Exception],
) -> None:
    """Nothing was sent when connecting failed, so even an unnamed create is retried."""
    route = respx_router.post("rooms").mock(side_effect=[exc("refused"), OK])

    room = await client.rooms.create()

    assert room.id == "r1"
    assert route.call_count == 2
    assert len(sleeps) == 1


async def test_connect_errors_exhausted(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """Persistent connect failures end as APIConnectionError, not an httpx error."""
    route = respx_router.get("rooms/r1").mock(side_effect=httpx.ConnectError("refused"))

    with pytest.raises(APIConnectionError, match="ConnectError") as info:
        await client.rooms.retrieve("r1")

    assert route.call_count == 3
    assert isinstance(info.value.__cause__, httpx.ConnectError)


async def test_post_503_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """An unnamed create that got a 503 is not sent again (it may have happened)."""
    route = respx_router.post("rooms").mock(side_effect=[fail(503), OK])

    with pytest.raises(ServerError):
        await client.rooms.create()

    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "exc", [httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout]
)
async def test_post_read_error_not_retried(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    exc: type[Exception],
) -> None:
    """A POST that failed after sending is not retried."""
    route = respx_router.post("rooms").mock(side_effect=[exc("reset"), OK])

    with pytest.raises(APIConnectionError) as info:
        await client.rooms.create()

    assert route.call_count == 1
    assert sleeps == []
    assert isinstance(info.value, APITimeoutError) == (exc is httpx.ReadTimeout)


@pytest.mark.parametrize(
    "exc", [httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout]
)
async def test_get_read_error_retried(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    exc: type[Exception],
) -> None:
    """A GET that failed on the read side is retried."""
    route = respx_router.get("rooms/r1").mock(side_effect=[exc("reset"), OK])

    await client.rooms.retrieve("r1")

    assert route.call_count == 2


def bad_gzip() -> httpx.DecodingError:
    """What httpx raises for a body that claims gzip but is not.

    Raised by the mock itself: a real broken body makes httpx drop an
    unexhausted async generator, which trio reports at collection time.
    """
    return httpx.DecodingError("Error -3 while decompressing data")


def garbled() -> httpx.Response:
    """A fresh 200 whose body was cut short: not JSON (a response is read once)."""
    return httpx.Response(200, content=b'{"id": "r1", "na')


@pytest.mark.parametrize("damaged", [bad_gzip, garbled])
async def test_a_get_damaged_in_transit_is_read_again(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    damaged: Callable[[], httpx.Response | Exception],
) -> None:
    """A broken Content-Encoding, or a 200 whose body is not JSON: sent again,
    with the backoff of a dropped connection, and the call succeeds."""
    route = respx_router.get("rooms/r1").mock(side_effect=[damaged(), OK])

    room = await client.rooms.retrieve("r1")

    assert room.id == "r1"
    assert route.call_count == 2
    assert len(sleeps) == 1
    assert 0.375 <= sleeps[0] <= 0.5


async def test_undecodable_encoding_on_post_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """The POST reached the server: one attempt, then a typed error naming the call."""
    route = respx_router.post("rooms").mock(side_effect=[bad_gzip(), OK])

    with pytest.raises(APIConnectionError, match=r"POST /rooms: DecodingError"):
        await client.rooms.create()

    assert route.call_count == 1
    assert sleeps == []


async def test_pool_timeout_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A pool timeout (local saturation) surfaces at once as APITimeoutError."""
    route = respx_router.get("rooms/r1").mock(
        side_effect=[httpx.PoolTimeout("full"), OK]
    )

    with pytest.raises(APITimeoutError):
        await client.rooms.retrieve("r1")

    assert route.call_count == 1


async def test_named_create_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A create with a name is idempotent, so a 503 or read error is retried."""
    route = respx_router.post("rooms").mock(
        side_effect=[fail(503), httpx.ReadError("reset"), OK]
    )

    room = await client.rooms.create(name="physics")

    assert room.id == "r1"
    assert route.call_count == 3
    assert len(sleeps) == 2


async def test_update_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """Setting fields is idempotent and retried on 502."""
    route = respx_router.post("rooms/r1").mock(side_effect=[fail(502), OK])

    await client.rooms.disable("r1")

    assert route.call_count == 2


async def test_500_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A plain 500 is not in the retried set."""
    route = respx_router.get("rooms/r1").mock(side_effect=[fail(500), OK])

    with pytest.raises(ServerError):
        await client.rooms.retrieve("r1")

    assert route.call_count == 1


class TrackingTransport(httpx.AsyncBaseTransport):
    """Serves queued responses and remembers each so the test can check it was closed."""

    def __init__(self, responses: list[tuple[int, dict[str, Any]]]) -> None:
        self._queue = list(responses)
        self.streams: list[ClosingStream] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        status, body = self._queue.pop(0)
        stream = ClosingStream(httpx.Response(status, json=body).content)
        self.streams.append(stream)
        return httpx.Response(
            status, stream=stream, headers={"Content-Type": "application/json"}
        )


class ClosingStream(httpx.AsyncByteStream):
    """A body stream that records whether it was closed."""

    def __init__(self, content: bytes) -> None:
        self._content = content
        self.closed = False

    async def __aiter__(self) -> Any:
        yield self._content

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.usefixtures("no_waits")
async def test_every_retried_response_closed() -> None:
    """Each response of a retried call (and the final one) is closed."""
    transport = TrackingTransport(
        [(503, {"code": 503}), (429, {"code": 429}), (401, {"code": 401}), (200, ROOM)]
    )
    async with HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=transport, max_retries=3
    ) as hms:
        await hms.rooms.retrieve("r1")

    assert len(transport.streams) == 4
    assert all(s.closed for s in transport.streams)


@pytest.mark.parametrize("header", ["soon", "Mon, 99 Foo 2024 99:99:99 GMT", "-5"])
async def test_bad_retry_after_falls_back_to_backoff(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float], header: str
) -> None:
    """An unparseable or negative Retry-After never crashes the call."""
    respx_router.get("rooms/r1").mock(
        side_effect=[fail(429, **{"Retry-After": header}), OK]
    )

    await client.rooms.retrieve("r1")

    assert len(sleeps) == 1
    assert 0.0 <= sleeps[0] <= 0.5


async def test_retry_after_date_beyond_cap_on_503(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A 503 asking for an hour is raised at once."""
    when = email.utils.formatdate(time.time() + 3600, usegmt=True)
    route = respx_router.get("rooms/r1").mock(
        side_effect=[fail(503, **{"Retry-After": when}), OK]
    )

    with pytest.raises(ServerError):
        await client.rooms.retrieve("r1")

    assert route.call_count == 1
    assert sleeps == []


# --- a body damaged in transit -----------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 1, 3])
async def test_garbled_past_the_retries_is_a_decode_error(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    max_retries: int,
) -> None:
    """Every answer garbled: ResponseDecodeError after max_retries + 1 requests."""
    route = respx_router.get("rooms/r1").mock(side_effect=lambda _: garbled())

    with pytest.raises(ResponseDecodeError, match="not JSON") as caught:
        await client.with_options(max_retries=max_retries).rooms.retrieve("r1")

    assert route.call_count == max_retries + 1
    assert len(sleeps) == max_retries
    assert caught.value.status_code == 200
    assert caught.value.excerpt == '{"id": "r1", "na'


@pytest.mark.parametrize("body", [[], {"name": "no id"}, "a string"])
async def test_json_of_the_wrong_shape_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float], body: Any
) -> None:
    """Valid JSON of an unexpected shape would come back the same: raised at once."""
    route = respx_router.get("rooms/r1").respond(200, json=body)

    with pytest.raises(ResponseDecodeError, match="expected shape"):
        await client.rooms.retrieve("r1")

    assert route.call_count == 1
    assert sleeps == []


async def test_post_with_a_garbled_body_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A POST may have been applied: its garbled answer is raised, idempotent or not."""
    create = respx_router.post("rooms").mock(side_effect=[garbled(), OK])
    update = respx_router.post("rooms/r1").mock(side_effect=[garbled(), OK])

    with pytest.raises(ResponseDecodeError, match="not JSON"):
        await client.request("POST", "rooms", json={"name": "x"})
    with pytest.raises(ResponseDecodeError, match="not JSON"):
        await client.rooms.update("r1", description="marked idempotent")

    assert (create.call_count, update.call_count) == (1, 1)
    assert sleeps == []


async def test_a_get_marked_not_idempotent_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """idempotent=False stops the retry of a garbled GET like that of a 503."""
    route = respx_router.get("g").mock(side_effect=[garbled(), OK])

    with pytest.raises(ResponseDecodeError):
        await client._requester.request("GET", "g", parse=as_json, idempotent=False)

    assert route.call_count == 1


async def test_the_deadline_bounds_garbled_retries(
    client: HMSClient, respx_router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A wait that would end past the deadline is not started: the error comes now."""
    route = respx_router.get("rooms/r1").mock(side_effect=lambda _: garbled())
    view = client.with_options(max_retries=10, deadline=0.7)

    with pytest.raises(ResponseDecodeError, match="not JSON"):
        await view.rooms.retrieve("r1")

    # Backoff 0.375-0.5 s fits in 0.7 s; the next, 0.75-1 s, would not.
    assert route.call_count == 2
    assert len(sleeps) == 1


async def test_each_garbled_attempt_is_logged(
    client: HMSClient,
    respx_router: respx.MockRouter,
    sleeps: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """At DEBUG, one line per attempt says the body was not JSON."""
    caplog.set_level(logging.DEBUG, logger="hms_async")
    respx_router.get("rooms/r1").mock(side_effect=[garbled(), garbled(), OK])

    await client.rooms.retrieve("r1")

    lines = [
        re.sub(r"[\d.]+ ms", "… ms", r.getMessage())
        for r in caplog.records
        if r.name == "hms_async"
    ]
    assert lines == [
        "GET /rooms/r1 -> 200, body not JSON (attempt 1, … ms)",
        "GET /rooms/r1 -> 200, body not JSON (attempt 2, … ms)",
        "GET /rooms/r1 -> 200 (attempt 3, … ms)",
    ]


def test_backoff_past_a_thousand_retries_stays_capped() -> None:
    """2.0 ** 1024 overflows a float: the doubling stops at the cap first."""
    policy = RetryPolicy(10**9, backoff=0.5, max_backoff=8.0)
    for attempt in (1, 2, 1024, 1025, 10**6):
        wait = policy.delay(attempt)
        assert wait is not None
        assert 0.0 < wait <= 8.0
