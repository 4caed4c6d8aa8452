# Generated from tests/services/test_tokens.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.tokens: local peer-token signing and the room-code exchange (§1.2, §1.3)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
import respx

from hms_async import (
    NotFoundError,
    PermissionDeniedError,
    ResponseDecodeError,
    ServerError,
    SyncHMSClient,
)
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL, body_of
from tests.services.test_tokens import NOW, PEER_TOKEN, TOKEN_URL, _decode


@pytest.fixture(name="fixed_client")
def _fixed_client(
    respx_router: respx.MockRouter, no_waits: None
) -> Iterator[SyncHMSClient]:
    """A client whose clock stands still at NOW; its retries never wait."""
    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, clock=lambda: NOW
    ) as client:
        yield client


@pytest.fixture(name="signer_client")
def _signer_client() -> SyncHMSClient:
    """A client that only signs (sends nothing), its clock at NOW."""
    return SyncHMSClient(ACCESS_KEY, APP_SECRET, clock=lambda: NOW)


def test_create_signs_an_app_token(signer_client: SyncHMSClient) -> None:
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


def test_create_without_user_id_omits_it(signer_client: SyncHMSClient) -> None:
    """user_id is left out of the claims when not given; ttl sets exp."""
    token = signer_client.tokens.create(room_id="r1", role="guest", ttl=600)

    claims = _decode(token)
    assert "user_id" not in claims
    assert claims["exp"] == NOW + 600


def test_create_gives_a_new_jti_each_time(signer_client: SyncHMSClient) -> None:
    """Two tokens for the same peer differ by their jti."""
    first = _decode(signer_client.tokens.create(room_id="r1", role="host"))
    second = _decode(signer_client.tokens.create(room_id="r1", role="host"))

    assert first["jti"] != second["jti"]


def test_create_verifies_now() -> None:
    """A token signed on the real clock verifies at once (nbf is not ahead)."""
    client = SyncHMSClient(ACCESS_KEY, APP_SECRET)

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
    signer_client: SyncHMSClient, room_id: str, role: str, match: str
) -> None:
    """An empty room_id or role is a ValueError."""
    with pytest.raises(ValueError, match=match):
        signer_client.tokens.create(room_id=room_id, role=role)


@pytest.mark.parametrize("ttl", [0, -1])
def test_create_refuses_bad_ttl(signer_client: SyncHMSClient, ttl: int) -> None:
    """A lifetime that is not positive is a ValueError."""
    with pytest.raises(ValueError, match="ttl must be positive"):
        signer_client.tokens.create(room_id="r1", role="host", ttl=ttl)


def test_create_needs_the_key_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client with only a management token cannot sign peer tokens."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    client = SyncHMSClient(management_token="mgmt.token")

    with pytest.raises(ValueError, match="access_key and app_secret"):
        client.tokens.create(room_id="r1", role="host")


def test_from_room_code(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The exchange posts {code, user_id} to auth.100ms.live without Authorization."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    token = fixed_client.tokens.from_room_code("abc-defg-hij", user_id="u-1")

    request = route.calls.last.request
    assert str(request.url) == TOKEN_URL
    assert request.method == "POST"
    assert request.url.params.multi_items() == []
    assert "Authorization" not in request.headers
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert body_of(request) == {"code": "abc-defg-hij", "user_id": "u-1"}
    assert token == PEER_TOKEN


def test_from_room_code_without_user_id(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """user_id is not sent when not given."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    fixed_client.tokens.from_room_code("abc-defg-hij")

    assert body_of(route.calls.last.request) == {"code": "abc-defg-hij"}


def test_from_room_code_custom_auth_base_url(
    respx_router: respx.MockRouter,
) -> None:
    """SyncHMSClient(auth_base_url=...) moves the exchange, not the API calls."""
    route = respx_router.post("https://auth.example.test/v2/token").respond(
        json={"token": PEER_TOKEN}
    )
    with SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        auth_base_url="https://auth.example.test/v2",
    ) as client:
        token = client.tokens.from_room_code("abc-defg-hij")

    assert token == PEER_TOKEN
    assert route.call_count == 1


def test_from_room_code_retries_503(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """The exchange has no side effect, so a 503 is retried."""
    route = respx_router.post(TOKEN_URL).mock(
        side_effect=[
            respx.MockResponse(503, json={"code": 503, "message": "unavailable"}),
            respx.MockResponse(json={"token": PEER_TOKEN}),
        ]
    )

    token = fixed_client.tokens.from_room_code("abc-defg-hij")

    assert token == PEER_TOKEN
    assert route.call_count == 2
    assert "Authorization" not in route.calls[1].request.headers


def test_from_room_code_gives_up_after_retries(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A 503 that persists is a ServerError after 1 + max_retries attempts."""
    route = respx_router.post(TOKEN_URL).respond(503)

    with pytest.raises(ServerError):
        fixed_client.tokens.from_room_code("abc-defg-hij")

    assert route.call_count == 3


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (404, NotFoundError, "room code not found"),
        (403, PermissionDeniedError, "room code is disabled"),
    ],
)
def test_from_room_code_errors(
    fixed_client: SyncHMSClient,
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
        fixed_client.tokens.from_room_code("abc-defg-hij")

    assert getattr(info.value, "code", None) == status
    assert route.call_count == 1


@pytest.mark.parametrize("body", [{}, {"token": ""}, {"token": 7}, ["x"]])
def test_from_room_code_bad_body(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter, body: Any
) -> None:
    """A body without a non-empty string token is a ResponseDecodeError."""
    respx_router.post(TOKEN_URL).respond(json=body)

    with pytest.raises(ResponseDecodeError):
        fixed_client.tokens.from_room_code("abc-defg-hij")


def test_from_room_code_refuses_empty_code(
    fixed_client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty code is refused before any request."""
    route = respx_router.post(TOKEN_URL).respond(json={"token": PEER_TOKEN})

    with pytest.raises(ValueError, match="code must not be empty"):
        fixed_client.tokens.from_room_code("")

    assert not route.called
