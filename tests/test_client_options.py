"""``HMSClient`` options: checked when given, base URLs from the environment."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hms_async import DEFAULT_AUTH_BASE_URL, DEFAULT_BASE_URL, HMSClient

from .helpers import ACCESS_KEY, APP_SECRET

ROOM = {"id": "r1", "name": "physics"}


class Recorder(httpx.AsyncBaseTransport):
    """Answers every request with a room (or a token) and keeps the requests."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"token": "peer-token"})
        return httpx.Response(200, json=ROOM)


def _client(**options: Any) -> HMSClient:
    return HMSClient(ACCESS_KEY, APP_SECRET, **options)


BAD_TYPES = [
    ("timeout", "30", "timeout must be a number of seconds, an httpx.Timeout or None"),
    ("timeout", True, "timeout must be a number of seconds"),
    ("max_retries", 2.0, "max_retries must be an int, got float"),
    ("max_retries", "2", "max_retries must be an int, got str"),
    ("max_retries", False, "max_retries must be an int, got bool"),
    ("deadline", "10", "deadline must be a number of seconds or None, got str"),
    ("deadline", True, "deadline must be a number of seconds or None, got bool"),
    ("base_url", b"http://x/v2/", "base_url must be a string, got bytes"),
]
BAD_VALUES = [
    ("timeout", 0, "timeout must be more than 0 seconds"),
    ("timeout", -1.0, "timeout must be more than 0 seconds"),
    ("timeout", float("nan"), "timeout must be more than 0 seconds and finite"),
    ("max_retries", -1, "max_retries must be 0 or more, got -1"),
    ("deadline", float("inf"), "deadline must be more than 0 seconds and finite"),
    ("base_url", "", "base_url must not be empty"),
    ("auth_base_url", "", "auth_base_url must not be empty"),
]


@pytest.mark.parametrize(("option", "value", "message"), BAD_TYPES)
def test_option_of_the_wrong_type_is_refused_at_construction(
    option: str, value: object, message: str
) -> None:
    """A TypeError naming the option, when the client is made."""
    with pytest.raises(TypeError, match=message):
        _client(**{option: value})


@pytest.mark.parametrize(("option", "value", "message"), BAD_VALUES)
def test_option_out_of_range_is_refused_at_construction(
    option: str, value: object, message: str
) -> None:
    """A ValueError naming the option, when the client is made."""
    with pytest.raises(ValueError, match=message):
        _client(**{option: value})


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("timeout", "x", TypeError),
        ("timeout", -2, ValueError),
        ("max_retries", 1.5, TypeError),
        ("max_retries", -3, ValueError),
        ("deadline", [1], TypeError),
        ("deadline", 0, ValueError),
    ],
)
def test_with_options_checks_the_same_way(
    option: str, value: object, error: type[Exception]
) -> None:
    """A view refuses what the constructor refuses, naming the option."""
    options: dict[str, Any] = {option: value}
    hms = _client()
    with pytest.raises(error, match=option):
        hms.with_options(**options)


async def test_timeout_with_an_injected_http_client_applies_per_request() -> None:
    """timeout= is not dropped when http_client= is given: each request carries it."""
    transport = Recorder()
    async with httpx.AsyncClient(transport=transport, timeout=99) as http:
        own = _client(http_client=http)
        passed = _client(http_client=http, timeout=3)
        forever = _client(http_client=http, timeout=None)

        for hms in (own, passed, forever):
            await hms.rooms.retrieve("r1")

    sent = [request.extensions["timeout"] for request in transport.requests]
    assert [t["read"] for t in sent] == [99, 3, None]
    assert sent[1] == {"connect": 3, "read": 3, "write": 3, "pool": 3}


async def test_base_urls_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HMS_BASE_URL and HMS_AUTH_BASE_URL point a plain client elsewhere."""
    monkeypatch.setenv("HMS_BASE_URL", "http://127.0.0.1:9/v2/")
    monkeypatch.setenv("HMS_AUTH_BASE_URL", "http://127.0.0.1:9/auth/")
    transport = Recorder()

    async with _client(transport=transport) as hms:
        await hms.rooms.retrieve("r1")
        await hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == ["http://127.0.0.1:9/v2/rooms/r1", "http://127.0.0.1:9/auth/token"]
    assert hms.base_url == "http://127.0.0.1:9/v2/"


async def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """base_url= and auth_base_url= passed to the client beat the variables."""
    monkeypatch.setenv("HMS_BASE_URL", "http://127.0.0.1:9/v2/")
    monkeypatch.setenv("HMS_AUTH_BASE_URL", "http://127.0.0.1:9/auth/")
    transport = Recorder()

    async with _client(
        transport=transport,
        base_url="http://api.test/v2/",
        auth_base_url="http://auth.test/v2/",
    ) as hms:
        await hms.rooms.retrieve("r1")
        await hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == ["http://api.test/v2/rooms/r1", "http://auth.test/v2/token"]


@pytest.mark.parametrize("value", [None, ""])
async def test_unset_or_empty_variables_mean_100ms(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the variables (or with empty ones) the client talks to 100ms."""
    for name in ("HMS_BASE_URL", "HMS_AUTH_BASE_URL"):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    transport = Recorder()

    async with _client(transport=transport) as hms:
        await hms.rooms.retrieve("r1")
        await hms.tokens.from_room_code("abc-defg-hij")

    urls = [str(request.url) for request in transport.requests]
    assert urls == [DEFAULT_BASE_URL + "rooms/r1", DEFAULT_AUTH_BASE_URL + "token"]
