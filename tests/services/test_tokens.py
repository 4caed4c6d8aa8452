"""hms.tokens: local peer-token signing and the room-code exchange (§1.2, §1.3)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest
import respx

from hms_async import (
    DEFAULT_AUTH_BASE_URL,
    HMSClient,
    NotFoundError,
    PermissionDeniedError,
    ResponseDecodeError,
    ServerError,
)

from ..helpers import ACCESS_KEY, APP_SECRET, BASE_URL, body_of

NOW = 1_700_000_000
TOKEN_URL = "https://auth.100ms.live/v2/token"
PEER_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ0eXBlIjoiYXBwIn0.c2lnbmF0dXJl"


@pytest.fixture(name="fixed_client")
async def _fixed_client(
    respx_router: respx.MockRouter, no_waits: None
) -> AsyncIterator[HMSClient]:
    """A client whose clock stands still at NOW; its retries never wait."""
    async with HMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, clock=lambda: NOW
    ) as client:
        yield client


@pytest.fixture(name="signer_client")
def _signer_client() -> HMSClient:
    """A client that only signs (sends nothing), its clock at NOW."""
    return HMSClient(ACCESS_KEY, APP_SECRET, clock=lambda: NOW)


def _decode(token: str) -> dict[str, Any]:
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "HS256"
    claims: dict[str, Any] = jwt.decode(
        token,
        APP_SECRET,
        algorithms=["HS256"],
        options={"verify_nbf": False, "verify_exp": False},
    )
    return claims


def test_create_signs_an_app_token(signer_client: HMSClient) -> None:
    """create() gives an HS256 app token with every documented claim."""
    token = signer_client.tokens.create(
        room_id="635fe195f5e1f4a0abb7d1ae", role="host", user_id="user-7"
    )

    claims = _decode(token)
    assert claims["access_key"] == ACCESS_KEY
    assert claims["type"] == "app"
    assert claims["version"] == 2
    assert claims["room_id"] == "635fe195f5e1f4a0abb7d1ae"
    assert claims["role"] == "host"
    assert claims["user_id"] == "user-7"
    assert claims["iat"] == claims["nbf"] == NOW - 10  # back-dated for clock skew
    assert claims["exp"] == NOW + 24 * 60 * 60
    assert uuid.UUID(claims["jti"]).version == 4
    assert set(claims) == {
        "access_key",
        "type",
        "version",
        "room_id",
        "role",
        "user_id",
        "iat",
        "nbf",
        "exp",
        "jti",
    }


def test_create_without_user_id_omits_it(signer_client: HMSClient) -> None:
    """user_id is left out of the claims when not given; ttl sets exp."""
    token = signer_client.tokens.create(room_id="r1", role="guest", ttl=600)

    claims = _decode(token)
    assert "user_id" not in claims
    assert claims["exp"] == NOW + 600


def test_create_gives_a_new_jti_each_time(signer_client: HMSClient) -> None:
    """Two tokens for the same peer differ by their jti."""
    first = _decode(signer_client.tokens.create(room_id="r1", role="host"))
    second = _decode(signer_client.tokens.create(room_id="r1", role="host"))

    assert first["jti"] != second["jti"]


def test_create_verifies_now() -> None:
    """A token signed on the real clock verifies at once (nbf is not ahead)."""
    client = HMSClient(ACCESS_KEY, APP_SECRET)

    claims = jwt.decode(
        client.tokens.create(room_id="r1", role="host"),
        APP_SECRET,
        algorithms=["HS256"],
    )

    assert claims["type"] == "app"


@pytest.mark.parametrize(
    ("room_id", "role", "match"),
    [("", "host", "room_id must not be empty"), ("r1", "", "role must not be empty")],
)
def test_create_refuses_empty_arguments(
    signer_client: HMSClient, room_id: str, role: str, match: str
) -> None:
    """An empty room_id or role is a ValueError."""
    with pytest.raises(ValueError, match=match):
        signer_client.tokens.create(room_id=room_id, role=role)


@pytest.mark.parametrize("ttl", [0, -1])
def test_create_refuses_bad_ttl(signer_client: HMSClient, ttl: int) -> None:
    """A lifetime that is not positive is a ValueError."""
    with pytest.raises(ValueError, match="ttl must be positive"):
        signer_client.tokens.create(room_id="r1", role="host", ttl=ttl)


def test_create_needs_the_key_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client with only a management token cannot sign peer tokens."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    client = HMSClient(management_token="mgmt.token")

    with pytest.raises(ValueError, match="access_key and app_secret"):
        client.tokens.create(room_id="r1", role="host")


async def test_from_room_code(
    fixed_client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """The exchange posts {code, user_id} to auth.100ms.live without Authorization."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    token = await fixed_client.tokens.from_room_code("abc-defg-hij", user_id="u-1")

    request = route.calls.last.request
    assert str(request.url) == TOKEN_URL
    assert request.method == "POST"
    assert request.url.params.multi_items() == []
    assert "Authorization" not in request.headers
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert body_of(request) == {"code": "abc-defg-hij", "user_id": "u-1"}
    assert token == PEER_TOKEN


async def test_from_room_code_without_user_id(
    fixed_client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """user_id is not sent when not given."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    await fixed_client.tokens.from_room_code("abc-defg-hij")

    assert body_of(route.calls.last.request) == {"code": "abc-defg-hij"}


def test_default_auth_base_url() -> None:
    """The room-code exchange goes to auth.100ms.live/v2 by default."""
    assert DEFAULT_AUTH_BASE_URL == "https://auth.100ms.live/v2/"


async def test_from_room_code_custom_auth_base_url(
    respx_router: respx.MockRouter,
) -> None:
    """HMSClient(auth_base_url=...) moves the exchange, not the API calls."""
    route = respx_router.post("https://auth.example.test/v2/token").respond(
        json={"token": PEER_TOKEN}
    )
    async with HMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        auth_base_url="https://auth.example.test/v2",
    ) as client:
        token = await client.tokens.from_room_code("abc-defg-hij")

    assert token == PEER_TOKEN
    assert route.call_count == 1


async def test_from_room_code_retries_503(
    fixed_client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """The exchange has no side effect, so a 503 is retried."""
    route = respx_router.post(TOKEN_URL).mock(
        side_effect=[
            respx.MockResponse(503, json={"code": 503, "message": "unavailable"}),
            respx.MockResponse(json={"token": PEER_TOKEN}),
        ]
    )

    token = await fixed_client.tokens.from_room_code("abc-defg-hij")

    assert token == PEER_TOKEN
    assert route.call_count == 2
    assert "Authorization" not in route.calls[1].request.headers


async def test_from_room_code_gives_up_after_retries(
    fixed_client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 that persists is a ServerError after 1 + max_retries attempts."""
    route = respx_router.post(TOKEN_URL).respond(503)

    with pytest.raises(ServerError):
        await fixed_client.tokens.from_room_code("abc-defg-hij")

    assert route.call_count == 3


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (404, NotFoundError, "room code not found"),
        (403, PermissionDeniedError, "room code is disabled"),
    ],
)
async def test_from_room_code_errors(
    fixed_client: HMSClient,
    respx_router: respx.MockRouter,
    status: int,
    error: type[Exception],
    message: str,
) -> None:
    """An error body {code, message} maps to the error tree, sent once."""
    route = respx_router.post(TOKEN_URL).respond(
        status, json={"code": status, "message": message}
    )

    with pytest.raises(error, match=message) as info:
        await fixed_client.tokens.from_room_code("abc-defg-hij")

    assert getattr(info.value, "code", None) == status
    assert route.call_count == 1


@pytest.mark.parametrize("body", [{}, {"token": ""}, {"token": 7}, ["x"]])
async def test_from_room_code_bad_body(
    fixed_client: HMSClient, respx_router: respx.MockRouter, body: Any
) -> None:
    """A body without a non-empty string token is a ResponseDecodeError."""
    respx_router.post(TOKEN_URL).respond(json=body)

    with pytest.raises(ResponseDecodeError):
        await fixed_client.tokens.from_room_code("abc-defg-hij")


async def test_from_room_code_refuses_empty_code(
    fixed_client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty code is refused before any request."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    with pytest.raises(ValueError, match="code must not be empty"):
        await fixed_client.tokens.from_room_code("")

    assert not route.called
