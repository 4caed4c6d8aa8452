# Generated from tests/test_secrets.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""No secret or token in a repr, a log line or an exception's text."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hms_async import (
    APIConnectionError,
    AuthenticationError,
    ResponseDecodeError,
    SyncHMSClient,
)
from hms_async._auth import BearerAuth, ManagementAuth, TokenSigner
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.sync.helpers import mock_client as client_answering
from tests.test_secrets import (
    assert_clean,
    formatted,
    sent_tokens,
)


def mock_client(
    responses: Iterator[httpx.Response], seen: list[httpx.Request]
) -> SyncHMSClient:
    """A client answering from ``responses`` and recording the requests."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(responses)

    return client_answering(handler)


def test_reprs_hide_secrets() -> None:
    """Client, auth, signer, requester, policy and services show no secret."""
    with SyncHMSClient(ACCESS_KEY, APP_SECRET, base_url=BASE_URL) as hms:
        token = hms._auth.token()
        texts = [
            repr(hms),
            str(hms),
            repr(hms._auth),
            repr(hms._signer),
            repr(hms._requester),
            repr(hms._requester._retry),
            repr(hms.rooms),
            repr(hms.rooms.list(name="x")),
            repr(TokenSigner(ACCESS_KEY, APP_SECRET)),
            repr(BearerAuth(token)),
        ]
    for text in texts:
        assert_clean(text, {token})
    assert ACCESS_KEY in repr(hms)


def test_fixed_token_not_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A client built from a management_token does not show it."""
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)
    token = "eyJhbGciOiJIUzI1NiJ9.eyJmaXhlZCI6dHJ1ZX0.c2lnbmF0dXJl"
    with SyncHMSClient(management_token=token, base_url=BASE_URL) as hms:
        texts = [repr(hms), repr(hms._auth), repr(ManagementAuth(None, token=token))]
    for text in texts:
        assert_clean(text, {token})


@pytest.mark.usefixtures("no_waits")
def test_debug_logs_carry_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    """At DEBUG, a retried call and a 401 replay log method, path, status and attempt only."""
    caplog.set_level(logging.DEBUG)
    responses = iter(
        [
            httpx.Response(503, json={"code": 503, "message": "busy"}),
            httpx.Response(200, json={"id": "r1"}),
            httpx.Response(
                401, json={"code": 401, "message": "Token validation error"}
            ),
            httpx.Response(200, json={"id": "r1"}),
        ]
    )
    seen: list[httpx.Request] = []
    with mock_client(responses, seen) as hms:
        hms.rooms.retrieve("r1")
        hms.rooms.retrieve("r1")

    tokens = sent_tokens(seen)
    assert len(tokens) == 2
    text = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {r.__dict__!r}" for r in caplog.records
    )
    assert_clean(text, tokens)
    ours = [r.getMessage() for r in caplog.records if r.name == "hms_async"]
    assert any("GET /rooms/r1 -> 503 (attempt 1" in m for m in ours)
    assert any("GET /rooms/r1 -> 200 (attempt 2" in m for m in ours)


def test_error_texts_carry_no_token() -> None:
    """An error body echoing the token is redacted in message, details and str()."""
    seen: list[httpx.Request] = []

    def echo(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        auth = request.headers["Authorization"]
        return httpx.Response(
            401,
            json={"code": 401, "message": f"bad token {auth}", "details": [auth]},
        )

    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=httpx.MockTransport(echo)
    ) as hms:
        with pytest.raises(AuthenticationError) as info:
            hms.rooms.retrieve("r1")

    tokens = sent_tokens(seen)
    error = info.value
    for text in [
        str(error),
        repr(error),
        error.message,
        *error.details,
        formatted(error),
    ]:
        for token in tokens:
            assert token not in text
            assert token.split(".")[1] not in text
    assert "<redacted token>" in error.message


@pytest.mark.parametrize("where", ["body", "timestamp", "array", "long"])
def test_decode_error_carries_no_token(where: str) -> None:
    """A ResponseDecodeError on a body containing a JWT shows no part of it."""
    seen: list[httpx.Request] = []

    def leak(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        token = request.headers["Authorization"].removeprefix("Bearer ")
        bodies: dict[str, Any] = {
            "body": token,
            "timestamp": {"id": "r", "created_at": token},
            "array": [token],
            "long": {"padding": "x" * 150, "token": token},
        }
        return httpx.Response(200, json=bodies[where])

    with SyncHMSClient(
        ACCESS_KEY, APP_SECRET, base_url=BASE_URL, transport=httpx.MockTransport(leak)
    ) as hms:
        with pytest.raises(ResponseDecodeError) as info:
            hms.rooms.retrieve("r1")

    (token,) = sent_tokens(seen)
    for text in [str(info.value), info.value.excerpt, formatted(info.value)]:
        assert token not in text
        assert token.split(".")[1][:12] not in text


def test_connection_error_carries_no_token() -> None:
    """A transport error whose text holds a token is redacted."""

    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError(f"reset while sending {request.headers['Authorization']}")

    with SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(fail),
        max_retries=0,
    ) as hms:
        token = hms._auth.token()
        with pytest.raises(APIConnectionError) as info:
            hms.rooms.create()

    assert token not in str(info.value)
    assert "<redacted token>" in str(info.value)
