"""Per-request work done once: URLs built without re-parsing, headers set on the
client, parsers built once; each equal to what the slow way gives."""

from __future__ import annotations

import http.cookiejar
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hms_async import HMSClient
from hms_async._encoding import query_string
from hms_async._http import USER_AGENT
from hms_async._parsers import model, model_list
from hms_async._urls import request_url
from hms_async.models import Room

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL, id_path, mock_client


def _slow_path(*segments: str) -> str:
    """path() as it was: every segment through quote(), dot-only ones encoded."""
    parts = []
    for segment in segments:
        encoded = quote(segment, safe="")
        if set(encoded) == {"."}:
            encoded = encoded.replace(".", "%2E")
        parts.append(encoded)
    return "/".join(parts)


_SEGMENTS = st.text(min_size=1, max_size=12) | st.sampled_from(
    [".", "..", "...", ".a", "a.", "~", "-", "_", "a-b.c~d_e", "62bbc84f1a2b"]
)
_QUERIES = st.none() | st.lists(
    st.tuples(st.text(max_size=6), st.text(max_size=8)), min_size=1, max_size=4
).map(urlencode)
_BASES = st.sampled_from(
    [
        BASE_URL,
        "https://auth.100ms.live/v2",
        "http://127.0.0.1:8123/",
        "http://user:pw@[::1]:9000/prefix/v2/",
    ]
)


@settings(max_examples=300, deadline=None)
@given(segments=st.lists(_SEGMENTS, min_size=1, max_size=3))
def test_path_equals_quoting_every_segment(segments: list[str]) -> None:
    """The plain-segment shortcut gives what quoting every segment gives."""
    assert id_path(*segments) == _slow_path(*segments)


_VALUES = st.text(max_size=8) | st.sampled_from(
    ["62bbc84f1a2b", "a b", "a+b", "é", "x&y=z", "2024-01-02T03:04:05.000Z", "~-._"]
)


@settings(max_examples=300, deadline=None)
@given(
    query=st.dictionaries(
        _VALUES, _VALUES | st.lists(_VALUES, max_size=3), min_size=1, max_size=4
    )
)
def test_query_string_equals_urlencode(query: dict[str, str | list[str]]) -> None:
    """The shortcut for letters and digits gives urlencode's bytes, lists as
    repeated keys, in order."""
    pairs = [
        (k, item)
        for k, v in query.items()
        for item in (v if isinstance(v, list) else [v])
    ]
    assert query_string(query) == urlencode(pairs)


@settings(max_examples=300, deadline=None)
@given(base=_BASES, segments=st.lists(_SEGMENTS, max_size=3), query=_QUERIES)
def test_request_url_equals_httpx_parse(
    base: str, segments: list[str], query: str | None
) -> None:
    """A built URL equals httpx's parse of the same text, part by part."""
    relative = id_path(*segments) if segments else ""
    full = base.rstrip("/") + "/" + relative
    expected = httpx.URL(full if query is None else f"{full}?{query}")

    built = request_url(base, relative, query)

    assert built == expected
    assert str(built) == str(expected)
    assert built.raw_path == expected.raw_path
    assert built.params == expected.params
    assert (built.scheme, built.host, built.port) == (
        expected.scheme,
        expected.host,
        expected.port,
    )


@pytest.mark.parametrize(
    "relative", ["rooms/../templates", "a/./b", "é", "a b", "rooms?x=1", "%zz", "a#b"]
)
def test_hand_written_paths_go_through_httpx(relative: str) -> None:
    """Paths the shortcut cannot vouch for are parsed by httpx, as before."""
    assert request_url(BASE_URL, relative, None) == httpx.URL(BASE_URL + relative)


async def test_sdk_headers_set_once_on_its_own_client() -> None:
    """The SDK's httpx client carries the headers; each request has them once."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r"})

    async with mock_client(handler) as hms:
        assert hms._http.headers["User-Agent"] == USER_AGENT
        assert hms._http.headers["Accept"] == "application/json"
        await hms.rooms.retrieve("r")
        await hms.rooms.create(name="n")

    for request in seen:
        assert request.headers.get_list("User-Agent") == [USER_AGENT]
        assert request.headers.get_list("Accept") == ["application/json"]
    assert "Content-Type" not in seen[0].headers
    assert seen[1].headers["Content-Type"] == "application/json"


async def test_cookies_kept_without_parsing_every_response(
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

    async with mock_client(handler) as hms:
        for _ in range(4):
            await hms.rooms.retrieve("r")

    assert sent == [None, None, "lb=node-7", "lb=node-7"]
    assert [response.headers.get("Set-Cookie") for response in parsed] == [
        None,
        "lb=node-7; Path=/",
    ]


async def test_injected_client_is_not_changed() -> None:
    """An injected httpx client keeps its own headers; the SDK's go per request."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "r"})

    async with httpx.AsyncClient(
        transport=httpx.MockTransport(handler), headers={"X-Mine": "1"}
    ) as http:
        before = dict(http.headers)
        async with HMSClient(
            ACCESS_KEY, APP_SECRET, base_url=BASE_URL, http_client=http
        ) as hms:
            await hms.rooms.retrieve("r")
        assert dict(http.headers) == before

    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert seen[0].headers["Accept"] == "application/json"
    assert seen[0].headers["X-Mine"] == "1"


def test_parsers_built_once() -> None:
    """model() and model_list() give the same parser for the same model (and key)."""
    assert model(Room) is model(Room)
    assert model_list(Room) is model_list(Room)
    assert model_list(Room, "rooms") is not model_list(Room)
    assert model_list(Room, "rooms")({"rooms": [{"id": "a"}]}) == [Room(id="a")]
