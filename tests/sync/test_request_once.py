# Generated from tests/test_request_once.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Per-request work done once: URLs built without re-parsing, headers set on the
client, parsers built once; each equal to what the slow way gives."""

from __future__ import annotations

import http.cookiejar
from typing import Any

import httpx
import pytest

from hms_async import SyncHMSClient
from hms_async._http import USER_AGENT
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.sync.helpers import mock_client


def test_sdk_headers_set_once_on_its_own_client() -> None:
    """The SDK's httpx client carries the headers; each request has them once."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r"})

    with mock_client(handler) as hms:
        assert hms._http.headers["User-Agent"] == USER_AGENT
        assert hms._http.headers["Accept"] == "application/json"
        hms.rooms.retrieve("r")
        hms.rooms.create(name="n")

    for request in seen:
        assert request.headers.get_list("User-Agent") == [USER_AGENT]
        assert request.headers.get_list("Accept") == ["application/json"]
    assert "Content-Type" not in seen[0].headers
    assert seen[1].headers["Content-Type"] == "application/json"


def test_cookies_kept_without_parsing_every_response(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cookie the API sets (a load balancer's, say) is kept and sent back,
    and only responses that set one go through the cookie parser (and the
    jar's first response, its check of the shortcut)."""
    parsed: list[httpx.Response] = []
    real = http.cookiejar.CookieJar.make_cookies

    def counting(self: Any, response: Any, request: Any) -> Any:
        parsed.append(response.response)
        return real(self, response, request)

    monkeypatch.setattr(http.cookiejar.CookieJar, "make_cookies", counting)
    sent: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("Cookie"))
        headers = {"Set-Cookie": "lb=node-7; Path=/"} if len(sent) == 2 else {}
        return httpx.Response(200, json={"id": "r"}, headers=headers)

    with mock_client(handler) as hms:
        for _ in range(4):
            hms.rooms.retrieve("r")

    assert sent == [None, None, "lb=node-7", "lb=node-7"]
    assert [response.headers.get("Set-Cookie") for response in parsed] == [
        None,
        "lb=node-7; Path=/",
    ]


def test_injected_client_is_not_changed() -> None:
    """An injected httpx client keeps its own headers; the SDK's go per request."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r"})

    with httpx.Client(
        transport=httpx.MockTransport(handler), headers={"X-Mine": "1"}
    ) as http:
        before = dict(http.headers)
        with SyncHMSClient(
            ACCESS_KEY, APP_SECRET, base_url=BASE_URL, http_client=http
        ) as hms:
            hms.rooms.retrieve("r")
        assert dict(http.headers) == before

    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert seen[0].headers["Accept"] == "application/json"
    assert seen[0].headers["X-Mine"] == "1"
