"""hms.with_raw_response: the answer as it came, the result parsed on demand."""

from __future__ import annotations

import datetime as dt
import inspect

import httpx
import pytest

from hms_async import (
    HMSClient,
    NotFoundError,
    Page,
    RawResponse,
    ResponseDecodeError,
)
from hms_async.models import Room

from .helpers import ACCESS_KEY, APP_SECRET, services_of
from .test_endpoint_table import _arguments, _rows
from .test_request_options import ROOM, Recorder, client_for

MASKED = "Bearer <redacted token>"


async def test_raw_retrieve_has_the_answer_and_parses_on_demand() -> None:
    """Status, headers, masked request, elapsed, retries; parse() once."""
    recorder = Recorder(
        lambda _: httpx.Response(200, json=ROOM, headers={"X-Request-Id": "abc"})
    )
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.rooms.retrieve("r1")

    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert isinstance(raw.headers, httpx.Headers)
    assert raw.headers["x-request-id"] == "abc"
    assert raw.retries == 0
    assert isinstance(raw.elapsed, dt.timedelta)
    assert raw.elapsed > dt.timedelta(0)
    assert raw.http_request.method == "GET"
    assert str(raw.http_request.url) == "https://api.100ms.live/v2/rooms/r1"
    assert raw.http_request.headers["authorization"] == MASKED
    assert recorder.last.headers["authorization"].startswith("Bearer eyJ")
    assert raw.content == httpx.Response(200, json=ROOM).content
    room = raw.parse()
    assert room == Room(id="r1", name="physics", enabled=True)
    assert raw.parse() is room
    assert repr(raw) == "<RawResponse GET /v2/rooms/r1 -> 200, retries=0>"


async def test_parse_is_lazy() -> None:
    """A body of the wrong shape fails at parse(), not at the call."""
    recorder = Recorder(lambda _: httpx.Response(200, json=[1, 2]))
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.rooms.retrieve("r1")
        with pytest.raises(ResponseDecodeError):
            raw.parse()

    assert raw.status_code == 200


async def test_raw_counts_retries_and_keeps_the_final_answer(no_waits: None) -> None:
    """A 503 then a 200: one retry, the 200's status and headers."""
    answers = iter(
        [
            httpx.Response(503, headers={"X-Try": "1"}),
            httpx.Response(200, json=ROOM, headers={"X-Try": "2"}),
        ]
    )
    recorder = Recorder(lambda _: next(answers))
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.rooms.retrieve("r1")

    assert (raw.status_code, raw.retries, raw.headers["x-try"]) == (200, 1, "2")
    assert len(recorder.requests) == 2


async def test_an_error_status_still_raises() -> None:
    """The raw form raises the same errors as the method."""
    recorder = Recorder(lambda _: httpx.Response(404, json={"message": "no room"}))
    async with client_for(recorder) as hms:
        with pytest.raises(NotFoundError, match="no room"):
            await hms.with_raw_response.rooms.retrieve("r1")


async def test_raw_list_is_the_first_page() -> None:
    """One request; parse() gives the Page."""
    body = {"limit": 10, "data": [ROOM], "last": "r1"}
    recorder = Recorder(lambda _: httpx.Response(200, json=body))
    async with client_for(recorder) as hms:
        listed = hms.with_raw_response.rooms.list  # the first page's answer
        raw = await listed(limit=10, enabled=True)

    assert len(recorder.requests) == 1
    assert recorder.last.url.params["enabled"] == "true"
    page = raw.parse()
    assert isinstance(page, Page)
    assert [room.id for room in page.data] == ["r1"]
    assert page.next_cursor == "r1"


async def test_raw_lookup_raises_not_found_at_parse() -> None:
    """retrieve_by_name's empty list is a 200: parse() raises NotFoundError."""
    recorder = Recorder(lambda _: httpx.Response(200, json={"data": []}))
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.rooms.retrieve_by_name("physics")

    assert raw.status_code == 200
    with pytest.raises(NotFoundError, match="no room is named 'physics'"):
        raw.parse()


async def test_raw_of_a_method_returning_nothing() -> None:
    """A delete's raw form parses to None."""
    recorder = Recorder(lambda _: httpx.Response(200, json={}))
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.templates.delete_role("t1", "guest")

    assert (raw.status_code, raw.http_request.method) == (200, "DELETE")
    assert raw.parse() is None


async def test_raw_takes_the_per_call_options() -> None:
    """Options go through the raw form too."""
    recorder = Recorder()
    async with client_for(recorder) as hms:
        raw = await hms.with_raw_response.rooms.retrieve(
            "r1", extra_headers={"X-A": "1"}, extra_query={"q": "2"}
        )

    assert recorder.last.headers["x-a"] == "1"
    assert raw.http_request.headers["x-a"] == "1"
    assert raw.http_request.url.params["q"] == "2"


async def test_a_views_raw_form_uses_the_views_options(no_waits: None) -> None:
    """with_options() views get their own with_raw_response."""
    recorder = Recorder(lambda _: httpx.Response(503))
    async with client_for(recorder) as hms:
        view = hms.with_options(max_retries=0)
        assert view.with_raw_response is not hms.with_raw_response
        assert view.with_raw_response.rooms is view.with_raw_response.rooms
        with pytest.raises(Exception, match="503"):
            await view.with_raw_response.rooms.retrieve("r1")

    assert len(recorder.requests) == 1


def test_every_method_has_a_raw_form() -> None:
    """The generated wrappers name every method that sends a request."""
    client = HMSClient(ACCESS_KEY, APP_SECRET)
    raw = client.with_raw_response
    assert type(raw).__name__ == "WithRawResponse"
    wrapped = {
        f"{service}.{name}"
        for service in services_of(client)
        for name in vars(getattr(raw, service))
    }
    assert wrapped == {method for _, _, method in _rows()}


@pytest.mark.parametrize(("verb", "path", "method_name"), _rows())
async def test_every_raw_form_sends_its_request(
    verb: str, path: str, method_name: str
) -> None:
    """Each raw method sends the method's request and returns its answer."""
    recorder = Recorder(lambda _: httpx.Response(200, json={}))
    async with client_for(recorder) as hms:
        service, name = method_name.split(".")
        method = getattr(getattr(hms.with_raw_response, service), name)
        args, kwargs = _arguments(method_name, getattr(getattr(hms, service), name))
        raw = await method(*args, **kwargs)

    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert len(recorder.requests) == 1
    assert raw.http_request.method == verb == recorder.last.method
    assert raw.http_request.url == recorder.last.url
    wrapped = getattr(getattr(hms, service), name)
    assert inspect.signature(method) == inspect.signature(wrapped)
