# Generated from tests/test_request_options.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""Per-call options: extra_headers, extra_query, extra_body and timeout, on the wire."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hms_async import RequestOptions, ServerError, SyncHMSClient
from hms_async._sync.resources._base import Resource
from tests.helpers import (
    ACCESS_KEY,
    APP_SECRET,
    BASE_URL,
    assert_api_request,
    body_of,
    services_of,
)
from tests.test_endpoint_table import LOCAL_METHODS, _arguments
from tests.test_request_options import (
    ROOM,
    Color,
    Recorder,
    _options_methods,
    own_headers,
)


def sent(method: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]) -> None:
    """Call a service method through to its request (a list: its first page)."""
    if "Paginator" in str(inspect.signature(method).return_annotation):
        method(*args, **kwargs).first_page()
    else:
        method(*args, **kwargs)


def client_for(recorder: Recorder) -> SyncHMSClient:
    return SyncHMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url=BASE_URL,
        transport=httpx.MockTransport(recorder),
    )


def test_extra_headers_are_sent_with_the_sdks_own() -> None:
    """Added headers go out; the token, Accept and User-Agent stay the SDK's."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.rooms.retrieve("r1", extra_headers={"X-Request-Id": "req-42"})

    request = recorder.last
    assert_api_request(request, "GET", "rooms/r1")
    assert own_headers(request) == {"x-request-id": "req-42"}


def test_extra_headers_replace_a_default_header() -> None:
    """A header the SDK sets by default (User-Agent) is replaced, not doubled."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.rooms.retrieve("r1", extra_headers={"User-Agent": "my-app/1.0"})

    assert recorder.last.headers.get_list("user-agent") == ["my-app/1.0"]
    assert recorder.last.headers["authorization"].startswith("Bearer eyJ")


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_authorization_header_is_refused(name: str) -> None:
    """The token is the client's: ValueError, pointing at management_token=."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match="management_token=") as raised:
            hms.rooms.retrieve("r1", extra_headers={name: "Bearer mine"})

    assert "Authorization" in str(raised.value)
    assert "mine" not in str(raised.value)
    assert recorder.requests == []


def test_extra_query_is_added_the_sdks_way() -> None:
    """Booleans as true/false, lists as repeated keys, None left out."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.rooms.retrieve(
            "r1",
            extra_query={
                "fields": "id,name",
                "full": True,
                "tag": ["a", "b"],
                "x": None,
            },
        )

    assert_api_request(
        recorder.last,
        "GET",
        "rooms/r1",
        params={"fields": "id,name", "full": "true", "tag": ["a", "b"]},
    )


def test_extra_query_is_sent_with_every_page() -> None:
    """A list keeps its options for each page it fetches."""
    pages = iter(
        [
            {"limit": 10, "data": [ROOM], "last": "r1"},
            {"limit": 10, "data": [{**ROOM, "id": "r2"}], "last": None},
        ]
    )
    recorder = Recorder(lambda _: httpx.Response(200, json=next(pages)))
    with client_for(recorder) as hms:
        rooms = [
            room.id
            for room in hms.rooms.list(
                limit=10,
                extra_query={"region": "eu"},
                extra_headers={"X-Trace": "t"},
                timeout=3,
            )
        ]

    assert rooms == ["r1", "r2"]
    first, second = recorder.requests
    assert_api_request(first, "GET", "rooms", params={"limit": "10", "region": "eu"})
    assert_api_request(
        second, "GET", "rooms", params={"limit": "10", "region": "eu", "start": "r1"}
    )
    for request in (first, second):
        assert own_headers(request) == {"x-trace": "t"}
        assert request.extensions["timeout"] == dict.fromkeys(
            ("connect", "read", "write", "pool"), 3.0
        )


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"limit": 5}, "'limit'"),  # sent
        ({"enabled": "false"}, "'enabled'"),  # taken, not passed
        ({"start": "x"}, "'start'"),  # the cursor
        ({"name": "a", "limit": 5}, "'limit', 'name'"),
    ],
)
def test_extra_query_may_not_set_the_methods_own(
    extra: dict[str, Any], named: str
) -> None:
    """Refused when list() is called, naming every colliding key; nothing is sent."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match=f"extra_query must not set {named}:"):
            hms.rooms.list(extra_query=extra)

    assert recorder.requests == []


def test_extra_query_may_not_set_a_lookups_own_filter() -> None:
    """retrieve_by_name sends name and limit: those are its own."""
    recorder = Recorder(lambda _: httpx.Response(200, json={"data": [ROOM]}))
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match="must not set 'name'"):
            hms.rooms.retrieve_by_name("physics", extra_query={"name": "x"})
        hms.rooms.retrieve_by_name("physics", extra_query={"enabled": False})

    assert_api_request(
        recorder.last,
        "GET",
        "rooms",
        params={"name": "physics", "limit": "10", "enabled": "false"},
    )


def test_extra_body_is_merged_into_the_json() -> None:
    """Fields the SDK does not model are added, as JSON (enums as values)."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.rooms.create(
            name="physics", extra_body={"beta_flag": True, "color": Color.RED}
        )

    assert_api_request(
        recorder.last,
        "POST",
        "rooms",
        json_body={"name": "physics", "beta_flag": True, "color": "red"},
    )


def test_extra_body_on_a_post_without_a_body() -> None:
    """A POST that sends {} gets the extra fields in it."""
    recorder = Recorder(lambda _: httpx.Response(200, json={"id": "k", "key": "s"}))
    with client_for(recorder) as hms:
        hms.stream_keys.create("r1", extra_body={"quality": "hd"})

    assert_api_request(
        recorder.last, "POST", "stream-keys/room/r1", json_body={"quality": "hd"}
    )


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"name": "x"}, "'name'"),  # sent
        ({"description": "x"}, "'description'"),  # taken, not passed
        ({"size": 1, "name": "x"}, "'name', 'size'"),
    ],
)
def test_extra_body_may_not_set_the_methods_own(
    extra: dict[str, Any], named: str
) -> None:
    """ValueError naming the fields; nothing is sent."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match=f"extra_body must not set {named}:"):
            hms.rooms.create(name="physics", extra_body=extra)

    assert recorder.requests == []


def test_extra_body_may_not_set_a_fixed_field() -> None:
    """A body built by hand ({code, enabled}) refuses its own fields too."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match="must not set 'enabled'"):
            hms.room_codes.enable("abc", extra_body={"enabled": False})
        with pytest.raises(ValueError, match="must not set 'index'"):
            hms.polls.update_option("p1", 1, 2, text="x", extra_body={"index": 3})

    assert recorder.requests == []


def test_extra_body_without_a_json_object_is_refused() -> None:
    """A GET or DELETE sends no body; a JSON array cannot take fields."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(ValueError, match=r"^GET rooms/\{room_id\}: extra_body"):
            hms.rooms.retrieve("r1", extra_body={"a": 1})
        with pytest.raises(ValueError, match="sends no body"):
            hms.templates.delete_role("t1", "guest", extra_body={"a": 1})
        with pytest.raises(ValueError, match="body is a JSON array"):
            hms.templates.update_recordings(
                "t1", [{"type": "composite"}], extra_body={"a": 1}
            )
        with pytest.raises(ValueError, match="sends no body"):
            hms.rooms.list(extra_body={"a": 1})

    assert recorder.requests == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (2.5, dict.fromkeys(("connect", "read", "write", "pool"), 2.5)),
        (
            httpx.Timeout(1.0, read=9.0),
            {"connect": 1.0, "read": 9.0, "write": 1.0, "pool": 1.0},
        ),
        (None, dict.fromkeys(("connect", "read", "write", "pool"))),
    ],
)
def test_timeout_applies_to_this_call_only(
    given: float | httpx.Timeout | None, expected: dict[str, float | None]
) -> None:
    """The call's attempts get its timeout; the next call the client's again."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.rooms.retrieve("r1", timeout=given)
        hms.rooms.retrieve("r1")

    first, second = recorder.requests
    assert first.extensions["timeout"] == expected
    assert second.extensions["timeout"] == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 10.0,
    }


def test_timeout_overrides_a_methods_own_read_timeout() -> None:
    """sip.call() reads for up to 120 s; the caller's timeout wins."""
    recorder = Recorder(lambda _: httpx.Response(200, json={"id": "c1"}))
    with client_for(recorder) as hms:
        hms.sip.call(to="+15550100", room_code="abc", trunk_id="t1")
        hms.sip.call(to="+15550100", room_code="abc", trunk_id="t1", timeout=7)

    assert recorder.requests[0].extensions["timeout"]["read"] == 120.0
    assert recorder.requests[1].extensions["timeout"]["read"] == 7.0


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"extra_header": {"a": "b"}}, TypeError, "unexpected keyword argument"),
        ({"extra_headers": [("a", "b")]}, TypeError, "must be a mapping"),
        ({"extra_headers": {"a": 1}}, TypeError, "must map str to str"),
        ({"extra_query": "a=b"}, TypeError, "must be a mapping"),
        ({"timeout": "5"}, TypeError, "timeout must be a number"),
        ({"timeout": 0}, ValueError, "more than 0 seconds"),
    ],
)
def test_wrong_options_are_refused_before_sending(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    """Unknown options and wrong types fail at the call; nothing is sent."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        with pytest.raises(error, match=message):
            hms.rooms.retrieve("r1", **options)

    assert recorder.requests == []


def test_options_use_the_clients_pool() -> None:
    """No new client or pool per call: the client's own httpx client sends it."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        http = hms._http
        sent: list[httpx.Request] = []
        original = http.send

        def send(request: httpx.Request, **kwargs: Any) -> httpx.Response:
            sent.append(request)
            return original(request, **kwargs)

        http.send = send  # type: ignore[method-assign]
        hms.rooms.retrieve("r1", extra_headers={"X-A": "1"}, timeout=2)

    assert hms._http is http
    assert sent == recorder.requests


def test_generic_request_takes_the_options() -> None:
    """hms.request() too, for an endpoint the SDK does not wrap."""
    recorder = Recorder()
    with client_for(recorder) as hms:
        hms.request(
            "POST",
            "rooms/r1/beta",
            json={"a": 1},
            extra_body={"b": 2},
            extra_query={"q": "1"},
            extra_headers={"X-B": "2"},
        )

    request = recorder.last
    assert_api_request(
        request, "POST", "rooms/r1/beta", params={"q": "1"}, json_body={"a": 1, "b": 2}
    )
    assert own_headers(request) == {"x-b": "2"}


def test_every_method_takes_the_options() -> None:
    """Each service method that sends a request has ``**request_options``."""
    client = SyncHMSClient(ACCESS_KEY, APP_SECRET)
    found = []
    for service, resource in services_of(client).items():
        assert isinstance(resource, Resource)
        for name, func in inspect.getmembers(type(resource), inspect.isfunction):
            if name.startswith("_") or f"{service}.{name}" in LOCAL_METHODS:
                continue
            parameter = inspect.signature(func).parameters["request_options"]
            assert parameter.kind is parameter.VAR_KEYWORD
            hint = typing.get_type_hints(func)["request_options"]
            assert hint == typing.Unpack[RequestOptions]
            found.append(f"{service}.{name}")
    assert sorted(found) == _options_methods()


@pytest.mark.parametrize("method_name", _options_methods())
def test_every_method_sends_the_options(method_name: str) -> None:
    """Each method passes its options on: the header and the query arrive."""
    recorder = Recorder(lambda _: httpx.Response(500))
    with client_for(recorder) as client:
        hms = client.with_options(max_retries=0)
        service, name = method_name.split(".")
        method = getattr(getattr(hms, service), name)
        args, kwargs = _arguments(method_name, method)
        kwargs |= {
            "extra_headers": {"X-Opt": "1"},
            "extra_query": {"opt_q": "1"},
            "timeout": 4,
        }
        with pytest.raises(ServerError):
            sent(method, args, kwargs)

    request = recorder.last
    assert request.headers["x-opt"] == "1"
    assert request.url.params["opt_q"] == "1"
    assert request.extensions["timeout"]["read"] == 4.0
    if request.method == "POST":
        assert isinstance(body_of(request), dict | list)
