"""Constants and small helpers for the tests (never import from conftest)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

import anyio
import httpx
import jwt

ACCESS_KEY = "test-access-key"
APP_SECRET = "test-app-secret-that-is-at-least-32-bytes"
BASE_URL = "https://api.100ms.live/v2/"
Http = Literal["httpx", "aiohttp"]
"""The HTTP layers of ``HMSClient(http=...)``."""


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a sent request."""
    return json.loads(request.content)


def claims_of(request: httpx.Request) -> dict[str, Any]:
    """The verified claims of the request's bearer token."""
    scheme, _, token = request.headers["Authorization"].partition(" ")
    assert scheme == "Bearer"
    claims: dict[str, Any] = jwt.decode(token, APP_SECRET, algorithms=["HS256"])
    return claims


def decode(token: str, secret: str = APP_SECRET) -> dict[str, Any]:
    """Verify the HS256 signature; time claims are checked by the test itself."""
    claims: dict[str, Any] = jwt.decode(
        token,
        secret,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_nbf": False, "verify_iat": False},
    )
    return claims


def assert_api_request(
    request: httpx.Request,
    method: str,
    path: str,
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
) -> None:
    """Assert method, path (relative to /v2/), exact query, JSON body and headers."""
    assert request.method == method
    assert request.url.path == "/v2/" + path
    expected_query = dict(params or {})
    actual_query: dict[str, Any] = {}
    for key, value in request.url.params.multi_items():
        actual_query.setdefault(key, []).append(value)
    flat = {k: v[0] if len(v) == 1 else v for k, v in actual_query.items()}
    assert flat == expected_query
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("hms-async/")
    assert claims_of(request)["type"] == "management"
    if method == "POST":
        assert request.headers["Content-Type"] == "application/json"
        assert body_of(request) == (json_body if json_body is not None else {})
    else:
        assert json_body is None
        assert request.content == b""


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let other tasks run until ``condition()`` holds; fail after ``seconds``."""
    with anyio.fail_after(seconds):
        while not condition():  # noqa: ASYNC110 - the state belongs to other code
            await anyio.sleep(0.001)
