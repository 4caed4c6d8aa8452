"""Fast paths on private details: the public path gives the same; a mismatch turns
the fast path off for good, with one DEBUG line."""

from __future__ import annotations

import datetime as dt
import email.message
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from hms_async import _fastpaths, _urls
from hms_async._encoding import path
from hms_async._http import FAST_PATH as COOKIES
from hms_async._urls import FAST_PATH as URLS
from hms_async._urls import request_url

from .helpers import BASE_URL, id_path, mock_client

BASES = [
    BASE_URL,
    "https://auth.100ms.live/v2",
    "https://api.100ms.live",
    "http://127.0.0.1:8123/",
    "http://user:pw@[::1]:9000/prefix/v2/",
]
QUERY_BASE = "https://api.100ms.live/v2/?tenant=a"
"""A base with a query: always joined by httpx."""
FAST_PATHS = [
    "",
    "rooms",
    "rooms/",
    path("rooms/{room_id}", "62bbc84f1a2b"),
    path("rooms/{a}/{b}", "a b", "x/y?z#w"),
    path("rooms/{a}/{b}/{c}", "é", "日本語", "😀"),
    id_path("..", "."),
    "~user/a-b_c.d",
    "x:y@z!$&'()*+,;=",
]
"""Paths made by ``path()``, or of characters httpx keeps: built fast."""
PUBLIC_PATHS = ["rooms/../templates", "a/./b", "./rooms", "é", "a b", "%zz"]
"""Paths with dot segments or characters to encode: always parsed by httpx."""
PATHS = FAST_PATHS + PUBLIC_PATHS
QUERIES = [
    None,
    "",
    "limit=100",
    urlencode([("type", "a"), ("type", "b"), ("start", "")]),
    urlencode([("name", "salle é 日本"), ("q", "a+b&c=d")]),
    urlencode([("after", "2024-01-02T03:04:05.000Z"), ("enabled", "true")]),
]


@pytest.fixture(autouse=True)
def _fresh_fast_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fast path on and unchecked; the real state comes back after the test."""
    monkeypatch.setattr(_fastpaths, "_disabled", {})
    monkeypatch.setattr(_fastpaths, "_forced", False)
    monkeypatch.setattr(_urls, "_BASES", {})


@pytest.fixture
def fast_path_lines(caplog: pytest.LogCaptureFixture) -> Callable[[], list[str]]:
    """The DEBUG lines the fast paths have logged so far in the test."""
    caplog.set_level(logging.DEBUG, logger="hms_async")

    def lines() -> list[str]:
        return [
            r.getMessage()
            for r in caplog.records
            if r.name == "hms_async"
            and r.levelno == logging.DEBUG
            and r.getMessage().startswith("fast path")
        ]

    return lines


def parts(url: httpx.URL) -> tuple[object, ...]:
    """A URL read through httpx's public properties, its query as pairs."""
    where = (url.scheme, url.userinfo, url.raw_host, url.port, url.raw_path)
    return (str(url), *where, url.fragment, url.params.multi_items())


class CountParses:
    """Counts ``httpx.URL(...)`` parses while installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = httpx.URL.__init__

        def counting(url: httpx.URL, *args: Any, **kwargs: Any) -> None:
            self.count += 1
            real(url, *args, **kwargs)

        monkeypatch.setattr(httpx.URL, "__init__", counting)


def build_all() -> list[tuple[object, ...]]:
    """Every base x path x query, as ``request_url`` builds it now."""
    return [
        parts(request_url(base, relative, query))
        for base in [*BASES, QUERY_BASE]
        for relative in PATHS
        for query in QUERIES
    ]


def test_urls_equal_both_ways(
    monkeypatch: pytest.MonkeyPatch, fast_path_lines: Callable[[], list[str]]
) -> None:
    """Many paths, queries, unicode, dot segments and bases with paths: the
    fast path and the public one build equal URLs, part by part."""
    build_all()  # each base checked at its first use
    parses = CountParses(monkeypatch)
    fast = build_all()
    fast_parses = parses.count

    _fastpaths.force_public(True)
    parses.count = 0
    public = build_all()
    public_parses = parses.count

    assert fast == public
    assert public == [
        parts(httpx.URL(base.rstrip("/") + "/" + p if q is None else f"{b}?{q}"))
        for base in [*BASES, QUERY_BASE]
        for p in PATHS
        for q in QUERIES
        for b in [base.rstrip("/") + "/" + p]
    ]
    assert public_parses == len(public)  # the public path parses every URL
    # The fast path parses only what it cannot vouch for.
    assert fast_parses == len(QUERIES) * (
        len(PUBLIC_PATHS) * len(BASES) + len(PATHS)  # the query base: every path
    )
    assert _fastpaths.enabled(URLS) is False
    assert _fastpaths.disabled() == {}
    assert fast_path_lines() == []  # forcing is quiet


def test_url_mismatch_turns_the_fast_path_off(
    monkeypatch: pytest.MonkeyPatch, fast_path_lines: Callable[[], list[str]]
) -> None:
    """An httpx whose parse differs from the fast form: its parse, for good."""
    real = httpx.URL.__init__

    def normalising(url: httpx.URL, *args: Any, **kwargs: Any) -> None:
        real(url, *args, **kwargs)  # then a normalisation the fast form lacks
        ref = url._uri_reference
        url._uri_reference = ref._replace(path=ref.path.replace("/rooms", "/ROOMS"))

    monkeypatch.setattr(httpx.URL, "__init__", normalising)

    built = [
        str(request_url(BASE_URL, path("rooms/{room_id}", r), None)) for r in "abc"
    ]

    assert built == [f"{BASE_URL}ROOMS/{r}" for r in "abc"]  # httpx's, every time
    assert _fastpaths.enabled(URLS) is False
    assert fast_path_lines() == [
        "fast path 'urls' off, the public path is used from now on: a URL built on "
        f"{BASE_URL!r} differs from httpx's parse of it"
    ]


@pytest.mark.parametrize(
    ("parse_result", "reason"),
    [
        (None, "httpx._urlparse.ParseResult is missing"),
        (tuple, "httpx.URL no longer keeps a ParseResult in _uri_reference"),
    ],
)
def test_url_private_detail_missing(
    monkeypatch: pytest.MonkeyPatch,
    fast_path_lines: Callable[[], list[str]],
    parse_result: object,
    reason: str,
) -> None:
    """Without httpx's ParseResult, every URL is httpx's parse, said once."""
    monkeypatch.setattr(_urls, "ParseResult", parse_result)

    first = request_url(BASE_URL, "rooms", "limit=10")
    again = request_url("http://127.0.0.1:8123/", "rooms/r1", None)

    assert parts(first) == parts(httpx.URL(f"{BASE_URL}rooms?limit=10"))
    assert parts(again) == parts(httpx.URL("http://127.0.0.1:8123/rooms/r1"))
    assert fast_path_lines() == [
        f"fast path 'urls' off, the public path is used from now on: {reason}"
    ]


def cookie_handler(
    seen: list[tuple[str, str | None]],
) -> Any:
    """Answers rooms; the 2nd response sets a cookie, the 4th changes it."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("Cookie")))
        headers = {}
        if len(seen) == 2:
            headers = {"Set-Cookie": "lb=node-7; Path=/"}
        elif len(seen) == 4:
            headers = {"Set-Cookie": "lb=node-9; Path=/"}
        return httpx.Response(200, json={"id": "r", "data": []}, headers=headers)

    return handler


async def run_calls() -> list[tuple[str, str | None]]:
    """The SDK's own calls through a fresh client: the URLs and cookies sent."""
    seen: list[tuple[str, str | None]] = []
    async with mock_client(cookie_handler(seen)) as hms:
        await hms.rooms.retrieve("r1")
        await hms.rooms.retrieve("salle é/1")
        await hms.rooms.list(
            name="a b+c", enabled=True, after=dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
        )
        await hms.request("GET", "rooms", params={"type": ["x", "y"]})
        await hms.rooms.retrieve("..")
    return seen


async def test_calls_and_cookies_equal_both_ways() -> None:
    """Through a client, the fast paths and the public ones send the same URLs
    and keep and send back the same cookies."""
    fast = await run_calls()
    _fastpaths.force_public(True)
    public = await run_calls()

    assert fast == public
    assert [cookie for _, cookie in fast] == [
        None,
        None,
        "lb=node-7",
        "lb=node-7",
        "lb=node-9",
    ]
    assert fast[2][0] == (
        f"{BASE_URL}rooms?enabled=true&name=a+b%2Bc&after=2024-01-02T00%3A00%3A00.000Z"
        "&limit=100"
    )
    assert fast[1][0] == f"{BASE_URL}rooms/salle%20%C3%A9%2F1"


class StandIn:
    """httpx's urllib stand-in as another httpx might write it."""

    def __init__(self, response: httpx.Response) -> None:
        self.wrapped = response

    def info(self) -> email.message.Message:
        info = email.message.Message()
        for key, value in self.wrapped.headers.multi_items():
            info[key] = value
        return info


class Lying(StandIn):
    """A stand-in whose ``.response`` shows no header (its ``info()`` is right)."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response)
        self.response = httpx.Response(200)


@pytest.mark.parametrize(
    ("stand_in", "reason"),
    [
        (StandIn, "httpx's cookie stand-in no longer holds the httpx response"),
        (Lying, "a response the shortcut would skip sets a cookie"),
    ],
)
async def test_cookie_mismatch_turns_the_shortcut_off(
    monkeypatch: pytest.MonkeyPatch,
    fast_path_lines: Callable[[], list[str]],
    stand_in: type[StandIn],
    reason: str,
) -> None:
    """A stand-in of another shape: cookies still kept, the stock way, said once."""
    monkeypatch.setattr(httpx.Cookies, "_CookieCompatResponse", stand_in)
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("Cookie")))
        headers = {"Set-Cookie": "lb=node-7; Path=/"} if len(seen) == 1 else {}
        return httpx.Response(200, json={"id": "r"}, headers=headers)

    for _ in range(2):  # two clients, two jars: still one line
        async with mock_client(handler) as hms:
            await hms.rooms.retrieve("r")
            await hms.rooms.retrieve("r")

    assert [cookie for _, cookie in seen] == [None, "lb=node-7", None, None]
    assert _fastpaths.enabled(COOKIES) is False
    assert _fastpaths.enabled(URLS) is True
    assert fast_path_lines() == [
        f"fast path 'cookies' off, the public path is used from now on: {reason}"
    ]


def test_environment_variable_forces_every_public_path() -> None:
    """HMS_ASYNC_PUBLIC_PATHS=1 at import: every fast path off, nothing logged."""
    probe = (
        "import logging, hms_async._fastpaths as f\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        "print(f.enabled('urls'), f.enabled('cookies'), f.disabled())\n"
    )
    for value, expected in (("1", "False False {}"), ("0", "True True {}")):
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
            [sys.executable, "-c", probe],
            env={**os.environ, "HMS_ASYNC_PUBLIC_PATHS": value},
            capture_output=True,
            text=True,
            check=True,
        )
        assert (done.stdout.strip(), done.stderr) == (expected, "")
