"""End to end: the fake checks the SDK's management tokens."""

from __future__ import annotations

import time

import jwt
import pytest

from hms_async import AuthenticationError, HMSClient
from hms_async.testing import FakeHMS

from ._support import IN_PROCESS, Env, bounded, connect

DAY = 86400.0


@pytest.mark.parametrize("offset", [-3 * DAY, +3 * DAY], ids=["expired", "future"])
@bounded
async def test_token_from_a_skewed_clock_is_refused(mode: str, offset: float) -> None:
    """A client whose clock is days off signs tokens the fake refuses with 401."""
    fake = FakeHMS(seed="tokens")
    skewed = time.time() + offset

    async with connect(fake, mode, clock=lambda: skewed) as hms:
        with pytest.raises(AuthenticationError) as caught:
            await hms.rooms.list()

    assert caught.value.status_code == 401
    assert fake.app_secret not in str(caught.value)
    assert len(fake.requests) == 2  # signed again and replayed once, not more


@bounded
async def test_token_signed_with_a_wrong_secret_is_refused(mode: str) -> None:
    """A token signed with another secret is refused: AuthenticationError."""
    fake = FakeHMS(seed="tokens")
    forged = FakeHMS(seed="other", access_key=fake.access_key)
    assert forged.app_secret != fake.app_secret

    if mode == IN_PROCESS:
        client = HMSClient(
            fake.access_key, forged.app_secret, transport=fake.transport()
        )
        async with client as hms:
            with pytest.raises(AuthenticationError):
                await hms.rooms.list()
    else:
        async with fake.serve(host="127.0.0.1", port=0) as base_url:
            client = HMSClient(fake.access_key, forged.app_secret, base_url=base_url)
            async with client as hms:
                with pytest.raises(AuthenticationError):
                    await hms.rooms.list()

    assert [r.path for r in fake.requests] == ["/rooms", "/rooms"]


@bounded
async def test_the_management_token_is_valid_and_reused(env: Env) -> None:
    """Every call carries the same HS256 management token with the key pair's claims."""
    await env.hms.rooms.create(name="a")
    await env.hms.rooms.list()

    tokens = {
        r.headers["authorization"].removeprefix("Bearer ") for r in env.fake.requests
    }
    assert len(tokens) == 1
    claims = jwt.decode(tokens.pop(), env.fake.app_secret, algorithms=["HS256"])
    assert claims["access_key"] == env.fake.access_key
    assert (claims["type"], claims["version"]) == ("management", 2)
    assert claims["nbf"] <= time.time() < claims["exp"]


@bounded
async def test_fake_clock_past_expiry_gets_one_resigned_replay(env: Env) -> None:
    """When the fake's clock passes the token's expiry, the 401 is replayed once."""
    await env.hms.rooms.list()
    env.fake.clock.advance(3 * DAY)

    with pytest.raises(AuthenticationError):
        await env.hms.rooms.list()

    assert env.calls("GET", "/rooms") == 3
