# Generated from tests/test_client_options.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""``SyncHMSClient`` options: checked when given, base URLs from the environment."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hms_async import DEFAULT_AUTH_BASE_URL, DEFAULT_BASE_URL, SyncHMSClient
from tests.helpers import ACCESS_KEY, APP_SECRET
from tests.test_client_options import ROOM


class Recorder(httpx.BaseTransport):
    """Answers every request with a room (or a token) and keeps the requests."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"token": "peer-token"})
        return httpx.Response(200, json=ROOM)


def _client(**options: Any) -> SyncHMSClient:
    return SyncHMSClient(ACCESS_KEY, APP_SECRET, **options)


def test_timeout_with_an_injected_http_client_applies_per_request() -> None:
    """timeout= is not dropped when http_client= is given: each request carries it."""
    transport = Recorder()
    with httpx.Client(transport=transport, timeout=99) as http:
        own = _client(http_client=http)
        passed = _client(http_client=http, timeout=3)
        forever = _client(http_client=http, timeout=None)

        for hms in (own, passed, forever):
            hms.rooms.retrieve("r1")

    sent = [request.extensions["timeout"] for request in transport.requests]
    assert [t["read"] for t in sent] == [99, 3, None]
    assert sent[1] == {"connect": 3, "read": 3, "write": 3, "pool": 3}


def test_base_urls_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HMS_BASE_URL and HMS_AUTH_BASE_URL point a plain client elsewhere."""
    monkeypatch.setenv("HMS_BASE_URL", "http://127.0.0.1:9/v2/")
    monkeypatch.setenv("HMS_AUTH_BASE_URL", "http://127.0.0.1:9/auth/")
    transport = Recorder()

    with _client(transport=transport) as hms:
        hms.rooms.retrieve("r1")
        hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == ["http://127.0.0.1:9/v2/rooms/r1", "http://127.0.0.1:9/auth/token"]
    assert hms.base_url == "http://127.0.0.1:9/v2/"


def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """base_url= and auth_base_url= passed to the client beat the variables."""
    monkeypatch.setenv("HMS_BASE_URL", "http://127.0.0.1:9/v2/")
    monkeypatch.setenv("HMS_AUTH_BASE_URL", "http://127.0.0.1:9/auth/")
    transport = Recorder()

    with _client(
        transport=transport,
        base_url="http://api.test/v2/",
        auth_base_url="http://auth.test/v2/",
    ) as hms:
        hms.rooms.retrieve("r1")
        hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == ["http://api.test/v2/rooms/r1", "http://auth.test/v2/token"]


@pytest.mark.parametrize("value", [None, ""])
def test_unset_or_empty_variables_mean_100ms(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the variables (or with empty ones) the client talks to 100ms."""
    for name in ("HMS_BASE_URL", "HMS_AUTH_BASE_URL"):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    transport = Recorder()

    with _client(transport=transport) as hms:
        hms.rooms.retrieve("r1")
        hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == [DEFAULT_BASE_URL + "rooms/r1", DEFAULT_AUTH_BASE_URL + "token"]
