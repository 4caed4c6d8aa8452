"""End to end: every fault mode of the fake, seen through the SDK."""

from __future__ import annotations

import pytest

from hms_async import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
)
from hms_async.testing import FakeHMS

from ._support import IN_PROCESS, LOOPBACK, Env, bounded, connect


@pytest.mark.parametrize("status", [502, 503, 504])
@bounded
async def test_gateway_errors_on_a_get_are_retried(env: Env, status: int) -> None:
    """Two gateway errors then success: the GET is sent three times and succeeds."""
    room = await env.hms.rooms.create(name="retry")
    env.fake.faults.add("GET", "/rooms/{room_id}", status=status, times=2)

    again = await env.hms.rooms.retrieve(room.id)

    assert again.id == room.id
    assert env.calls("GET", f"/rooms/{room.id}") == 3
    assert len(env.sleeps) == 2
    assert all(seconds > 0 for seconds in env.sleeps)


@bounded
async def test_gateway_errors_beyond_max_retries_raise(env: Env) -> None:
    """More 503s than max_retries allows: ServerError after 1 + max_retries sends."""
    env.fake.faults.add("GET", "/rooms", status=503)

    with pytest.raises(ServerError) as caught:
        await env.hms.rooms.list()

    assert caught.value.status_code == 503
    assert env.calls("GET", "/rooms") == 3


@bounded
async def test_429_waits_for_retry_after_then_succeeds(env: Env) -> None:
    """A 429 with Retry-After: 3 is waited out for exactly 3 s, then retried."""
    room = await env.hms.rooms.create(name="busy")
    env.fake.faults.add("GET", "/rooms", status=429, retry_after=3, times=1)

    rooms = [r.id async for r in env.hms.rooms.list(limit=10)]

    assert rooms == [room.id]
    assert env.sleeps == [3.0]
    assert env.calls("GET", "/rooms") == 2


@bounded
async def test_429_that_persists_raises_with_the_wait(env: Env) -> None:
    """A 429 on every try ends in RateLimitError carrying the server's wait."""
    env.fake.faults.add("GET", "/rooms", status=429, retry_after=2)

    with pytest.raises(RateLimitError) as caught:
        await env.hms.rooms.list()

    assert caught.value.retry_after == 2.0
    assert env.sleeps == [2.0, 2.0]


@bounded
async def test_500_is_raised_without_retry(env: Env) -> None:
    """A 500 on a GET is a ServerError at once: one request, no sleep."""
    env.fake.faults.add("GET", "/sessions", status=500, times=1)

    with pytest.raises(ServerError) as caught:
        await env.hms.sessions.list()

    assert caught.value.status_code == 500
    assert env.calls("GET", "/sessions") == 1
    assert env.sleeps == []


@bounded
async def test_503_on_an_action_post_is_not_retried(env: Env) -> None:
    """A 503 on a recording start is raised after one request; nothing started."""
    room = await env.hms.rooms.create(name="no-retry")
    env.fake.join(room.id, role="host")
    env.fake.faults.add("POST", "/recordings/room/{room_id}/start", status=503)

    with pytest.raises(ServerError):
        await env.hms.recordings.start(room.id)

    assert env.calls("POST", f"/recordings/room/{room.id}/start") == 1
    assert env.sleeps == []
    assert [r async for r in env.hms.recordings.list(room_id=room.id)] == []


@bounded
async def test_503_on_an_idempotent_post_is_retried(env: Env) -> None:
    """A room update (idempotent POST) is retried through a 503 and applied once."""
    room = await env.hms.rooms.create(name="upd")
    env.fake.faults.add("POST", "/rooms/{room_id}", status=503, times=1)

    updated = await env.hms.rooms.update(room.id, description="after a 503")

    assert updated.description == "after a 503"
    assert env.calls("POST", f"/rooms/{room.id}") == 2


@bounded
async def test_a_body_that_is_not_json_is_read_again(env: Env) -> None:
    """A 200 to a GET whose body is not JSON is retried like a dropped connection."""
    env.fake.faults.add("GET", "/rooms", body="malformed", times=1)

    page = await env.hms.rooms.list()

    assert page.data == []
    assert env.calls("GET", "/rooms") == 2
    assert len(env.sleeps) == 1


@bounded
async def test_a_body_never_json_is_a_decode_error_after_the_retries(
    env: Env,
) -> None:
    """Every answer garbled: ResponseDecodeError once the retries are used up."""
    env.fake.faults.add("GET", "/rooms", body="malformed")

    with pytest.raises(ResponseDecodeError) as caught:
        await env.hms.rooms.list()

    assert caught.value.status_code == 200
    assert env.calls("GET", "/rooms") == 3


@bounded
async def test_truncated_body_never_passes_as_data(env: Env) -> None:
    """A body cut in half is read again (a short body in process, a cut over TCP)."""
    room = await env.hms.rooms.create(name="truncated")
    env.fake.faults.add("GET", "/rooms/{room_id}", body="truncated", times=1)

    assert (await env.hms.rooms.retrieve(room.id)).id == room.id
    assert env.calls("GET", f"/rooms/{room.id}") == 2


@bounded
async def test_truncated_body_on_a_post_is_an_error(env: Env) -> None:
    """A truncated answer to a recording start raises (decode or connection error)."""
    room = await env.hms.rooms.create(name="cut")
    env.fake.join(room.id, role="host")
    env.fake.faults.add("POST", "/recordings/room/{room_id}/start", body="truncated")

    expected = ResponseDecodeError if env.mode == IN_PROCESS else APIConnectionError
    with pytest.raises(expected):
        await env.hms.recordings.start(room.id)

    assert env.calls("POST", f"/recordings/room/{room.id}/start") == 1


@bounded
async def test_dropped_connection_retried_for_get_raised_for_post(env: Env) -> None:
    """A dropped connection: the GET is retried, a recording start is not."""
    room = await env.hms.rooms.create(name="dropped")
    env.fake.join(room.id, role="host")
    env.fake.faults.add("GET", "/rooms", drop=True, times=1)
    env.fake.faults.add("POST", "/recordings/room/{room_id}/start", drop=True)

    rooms = [r.id async for r in env.hms.rooms.list(limit=10)]
    with pytest.raises(APIConnectionError) as caught:
        await env.hms.recordings.start(room.id)

    assert rooms == [room.id]
    assert env.calls("GET", "/rooms") == 2
    assert env.calls("POST", f"/recordings/room/{room.id}/start") == 1
    assert not isinstance(caught.value, APITimeoutError)


@bounded
async def test_latency_beyond_the_timeout_over_loopback() -> None:
    """Over loopback, a server slower than the read timeout: APITimeoutError, fast."""
    fake = FakeHMS(seed="slow")
    # Five read timeouts; the server finishes the slow answer before it stops.
    fake.faults.add("GET", "/rooms", latency=1.0)

    async with connect(fake, LOOPBACK, timeout=0.2, max_retries=0) as hms:
        with pytest.raises(APITimeoutError):
            await hms.rooms.list()

    assert len(fake.requests) == 1


@bounded
async def test_latency_beyond_the_timeout_in_process() -> None:
    """In process, latency beyond the client's read timeout should time out too."""
    fake = FakeHMS(seed="slow")
    fake.faults.add("GET", "/rooms", latency=0.6)

    async with connect(fake, IN_PROCESS, timeout=0.2, max_retries=0) as hms:
        with pytest.raises(APITimeoutError):
            await hms.rooms.list()


@bounded
async def test_latency_within_the_timeout_succeeds(mode: str) -> None:
    """A delay shorter than the timeout only slows the call down."""
    fake = FakeHMS(seed="slowish")
    fake.faults.add("GET", "/rooms", latency=0.05, times=1)

    async with connect(fake, mode, timeout=2.0, max_retries=0) as hms:
        page = await hms.rooms.list()

    assert page.data == []
    assert fake.faults.rules[0].hits == 1


async def _outcomes(seed: str, mode: str) -> list[bool]:
    fake = FakeHMS(seed=seed)
    fake.faults.add("GET", "/rooms", status=500, rate=0.5)
    results = []
    async with connect(fake, mode, max_retries=0) as hms:
        for _ in range(24):
            try:
                await hms.rooms.list()
            except ServerError:
                results.append(False)
            else:
                results.append(True)
    return results


@bounded
async def test_fractional_fault_rate_repeats_under_a_seed(mode: str) -> None:
    """The same seed gives the same sequence of failures; both outcomes occur."""
    first = await _outcomes("flaky", mode)
    second = await _outcomes("flaky", mode)

    assert first == second
    assert 0 < first.count(False) < len(first)
