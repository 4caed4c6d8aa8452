"""Management tokens: claims, reuse, refresh before expiry, 401 replay, credentials."""

from __future__ import annotations

import time
import uuid

import anyio
import httpx
import jwt
import pytest
import respx

from hms_async import AuthenticationError, HMSClient

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL, decode

ROOM = {"id": "631a05390e6ffae22efa610b", "name": "physics-class-7b"}
DAY = 24 * 60 * 60


class FakeClock:
    """A clock the test moves by hand instead of waiting."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now


def token_of(request: httpx.Request) -> str:
    """The raw bearer token of a sent request."""
    scheme, _, token = request.headers["Authorization"].partition(" ")
    assert scheme == "Bearer"
    return token


async def test_bearer_is_a_valid_management_jwt(respx_router: respx.MockRouter) -> None:
    """The bearer token is HS256 with every documented claim and a 24 h lifetime."""
    clock = FakeClock()
    route = respx_router.get("rooms/r1").respond(json=ROOM)
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL, clock=clock) as hms:
        await hms.rooms.retrieve("r1")

    token = token_of(route.calls.last.request)
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    claims = decode(token)
    assert claims["access_key"] == ACCESS_KEY
    assert claims["type"] == "management"
    assert claims["version"] == 2
    assert claims["iat"] == claims["nbf"] <= clock.now
    assert clock.now - claims["iat"] <= 10
    assert claims["exp"] == clock.now + DAY
    assert uuid.UUID(claims["jti"]).version == 4
    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, "another-secret-that-is-at-least-32-bytes")


async def test_token_reused_then_resigned_before_expiry(
    respx_router: respx.MockRouter,
) -> None:
    """The same token serves every call until shortly before it expires."""
    clock = FakeClock()
    route = respx_router.get("rooms/r1").respond(json=ROOM)
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL, clock=clock) as hms:
        await hms.rooms.retrieve("r1")
        clock.now += DAY - 400  # still more than the refresh margin left
        await hms.rooms.retrieve("r1")
        clock.now += 200  # inside the margin, not yet expired
        await hms.rooms.retrieve("r1")
        assert hms._auth.signed == 2

    first, second, third = (token_of(c.request) for c in route.calls)
    assert first == second
    assert third != second
    assert decode(third)["exp"] > decode(second)["exp"] > clock.now
    assert decode(third)["jti"] != decode(second)["jti"]


async def test_concurrent_calls_around_refresh_sign_once(
    respx_router: respx.MockRouter,
) -> None:
    """200 tasks needing a fresh token at once cause exactly one signature."""
    clock = FakeClock()
    route = respx_router.get("rooms/r1").respond(json=ROOM)
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL, clock=clock) as hms:
        await hms.rooms.retrieve("r1")
        clock.now += DAY - 60
        async with anyio.create_task_group() as tg:
            for _ in range(200):
                tg.start_soon(hms.rooms.retrieve, "r1")
        assert hms._auth.signed == 2

    tokens = {token_of(c.request) for c in route.calls}
    assert route.call_count == 201
    assert len(tokens) == 2


async def test_401_resigns_and_replays_once(respx_router: respx.MockRouter) -> None:
    """A 401 signs a new token and sends the request again with it."""
    route = respx_router.get("rooms/r1").mock(
        side_effect=[
            httpx.Response(
                401, json={"code": 401, "message": "Token validation error"}
            ),
            httpx.Response(200, json=ROOM),
        ]
    )
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL) as hms:
        room = await hms.rooms.retrieve("r1")
        assert hms._auth.signed == 2

    assert room.id == ROOM["id"]
    first, second = (token_of(c.request) for c in route.calls)
    assert first != second
    assert decode(second)["type"] == "management"


async def test_second_401_raises(respx_router: respx.MockRouter) -> None:
    """A replayed request that gets 401 again raises AuthenticationError."""
    route = respx_router.get("rooms/r1").respond(
        401, json={"code": 401, "message": "Token validation error"}
    )
    async with HMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL) as hms:
        with pytest.raises(AuthenticationError) as info:
            await hms.rooms.retrieve("r1")

    assert route.call_count == 2
    assert info.value.status_code == 401
    assert info.value.message == "Token validation error"


async def test_fixed_management_token_sent_as_is_and_not_replayed(
    respx_router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A given management_token is used verbatim, and a 401 is final."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    route = respx_router.get("rooms/r1").mock(
        side_effect=[
            httpx.Response(200, json=ROOM),
            httpx.Response(401, json={"code": 401, "message": "Token expired"}),
        ]
    )
    async with HMSClient(
        management_token="fixed.token.value", base_url=BASE_URL
    ) as hms:
        await hms.rooms.retrieve("r1")
        with pytest.raises(AuthenticationError):
            await hms.rooms.retrieve("r1")
        assert hms._auth.signed == 0

    assert route.call_count == 2
    assert [c.request.headers["Authorization"] for c in route.calls] == [
        "Bearer fixed.token.value"
    ] * 2


@pytest.mark.parametrize(
    ("args", "env", "missing"),
    [
        ((), {}, "access_key (or HMS_ACCESS_KEY) and app_secret (or HMS_SECRET)"),
        ((ACCESS_KEY,), {}, "app_secret (or HMS_SECRET)"),
        ((), {"HMS_ACCESS_KEY": ACCESS_KEY}, "app_secret (or HMS_SECRET)"),
        ((), {"HMS_SECRET": APP_SECRET}, "access_key (or HMS_ACCESS_KEY)"),
        (("", APP_SECRET), {}, "access_key (or HMS_ACCESS_KEY)"),
    ],
)
def test_missing_credentials_fail_at_construction(
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
    missing: str,
) -> None:
    """A missing key or secret is a ValueError naming what is missing."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ValueError, match="needs") as info:
        HMSClient(*args)

    assert missing in str(info.value)
    assert "management_token" in str(info.value)


def test_empty_management_token_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty fixed token is refused at construction."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    with pytest.raises(ValueError, match="management_token"):
        HMSClient(management_token="")


async def test_credentials_read_from_environment(
    respx_router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HMS_ACCESS_KEY and HMS_SECRET are used when no arguments are given."""
    secret = "env-secret-that-is-also-at-least-32-bytes"
    monkeypatch.setenv("HMS_ACCESS_KEY", "env-key")
    monkeypatch.setenv("HMS_SECRET", secret)
    route = respx_router.get("rooms/r1").respond(json=ROOM)
    async with HMSClient(base_url=BASE_URL) as hms:
        await hms.rooms.retrieve("r1")

    claims = decode(token_of(route.calls.last.request), secret)
    assert claims["access_key"] == "env-key"


def test_sign_refuses_non_positive_ttl() -> None:
    """A token must live for some time."""
    from hms_async._auth import TokenSigner

    with pytest.raises(ValueError, match="ttl"):
        TokenSigner(ACCESS_KEY, APP_SECRET).sign("management", 0)
