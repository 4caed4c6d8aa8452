"""docs/endpoints.md cannot drift: every row is called and its request checked."""

from __future__ import annotations

import inspect
import pathlib
import re
import typing
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hms_async import HMSClient
from hms_async.resources._base import Resource

from .helpers import ACCESS_KEY, APP_SECRET, services_of

TABLE = pathlib.Path(__file__).parent.parent / "docs" / "endpoints.md"
ROW = re.compile(r"^\| (GET|POST|DELETE) \| `([^`]+)`[^|]* \| (.+) \|$")
LOCAL_METHODS = {"tokens.create"}  # signs a token, sends nothing
ENDPOINT_COUNT = 79

# Arguments the synthesised ones would not satisfy (documented limits).
OVERRIDES: dict[str, dict[str, Any]] = {
    "sip.send_dtmf": {"digits": ["1", "#"], "room_id": "room-1", "role": "host"},
    "external_streams.start": {"rtmp_urls": ["rtmp://example.com/live/key"]},
    "live_streams.send_timed_metadata": {"payload": "hello", "duration": 10},
    "rooms.update": {"description": "changed"},
    "active_rooms.update_peer": {"name": "x"},
    "polls.update": {"title": "x"},
    "polls.update_question": {"text": "x"},
    "polls.update_option": {"text": "x"},
    "active_rooms.remove_peers": {"peer_id": "peer-1"},
    "active_rooms.send_message": {"message": "hi"},
    "analytics.list_events": {"room_id": "room-1"},
    "analytics.retrieve_peer_stats": {"peer_id": "peer-1", "session_id": "s-1"},
}


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in TABLE.read_text().splitlines():
        match = ROW.match(line)
        if match:
            verb, path, methods = match.groups()
            for method in methods.split(","):
                rows.append(
                    (verb, path, method.strip().strip("`").removeprefix("hms."))
                )
    return rows


class _Sent(Exception):
    """Raised by the transport once the request is captured."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request.url)
        self.request = request


class _CaptureTransport(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise _Sent(request)


def _sample(name: str, annotation: Any) -> Any:
    options = [a for a in typing.get_args(annotation) if a is not type(None)] or [
        annotation
    ]
    kind = typing.get_origin(options[0]) or options[0]
    if kind is int:
        return 1
    if kind is bool:
        return True
    if kind in (list, tuple) or (
        isinstance(kind, type) and issubclass(kind, typing.Sequence) and kind is not str
    ):
        return ["x1"]
    return f"{name}-1"


def _arguments(
    method_name: str, method: Callable[..., Any]
) -> tuple[list[Any], dict[str, Any]]:
    hints = typing.get_type_hints(method)
    overrides = OVERRIDES.get(method_name, {})
    args: list[Any] = []
    kwargs: dict[str, Any] = dict(overrides)
    for param in inspect.signature(method).parameters.values():
        if param.name in overrides or param.default is not param.empty:
            continue
        if param.kind is param.VAR_KEYWORD:  # the per-call options
            continue
        value = _sample(param.name, hints.get(param.name, str))
        if param.kind is param.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    return args, kwargs


def _client() -> HMSClient:
    return HMSClient(ACCESS_KEY, APP_SECRET, transport=_CaptureTransport())


def _resolve(client: HMSClient, dotted: str) -> Callable[..., Any]:
    service, name = dotted.split(".")
    method: Callable[..., Any] = getattr(getattr(client, service), name)
    return method


def _expected_url(path: str) -> re.Pattern[str]:
    if path.startswith("auth: "):
        return re.compile(
            re.escape("https://auth.100ms.live/v2" + path.removeprefix("auth: "))
        )
    pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/?]+", re.escape(path))
    return re.compile(re.escape("https://api.100ms.live/v2") + pattern)


async def _call(
    method: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]
) -> None:
    result = method(*args, **kwargs)
    if inspect.isawaitable(result):
        await result


def test_table_lists_every_endpoint() -> None:
    """The table has one row per endpoint of the reference (78 + the room-code exchange)."""
    endpoints = {(verb, path) for verb, path, _ in _rows()}
    rows = [line for line in TABLE.read_text().splitlines() if ROW.match(line)]

    assert len(rows) == ENDPOINT_COUNT
    assert len(endpoints) == ENDPOINT_COUNT - 1  # enable/disable share POST /rooms/{id}


def test_every_public_method_is_in_the_table() -> None:
    """No service method is missing from the table."""
    client = _client()
    documented = {method for _, _, method in _rows()} | LOCAL_METHODS
    public = {
        f"{service}.{name}"
        for service, resource in services_of(client).items()
        if isinstance(resource, Resource)
        for name, _ in inspect.getmembers(type(resource), inspect.isfunction)
        if not name.startswith("_")
    }

    assert sorted(public - documented) == []


@pytest.mark.parametrize(("verb", "path", "method_name"), _rows())
async def test_method_sends_documented_request(
    verb: str, path: str, method_name: str
) -> None:
    """Calling the method sends the documented HTTP method to the documented path."""
    client = _client()
    method = _resolve(client, method_name)
    args, kwargs = _arguments(method_name, method)

    with pytest.raises(_Sent) as sent:
        await _call(method, args, kwargs)

    request = sent.value.request
    url = str(request.url.copy_with(query=None))
    assert request.method == verb
    assert _expected_url(path).fullmatch(url), url
