# Generated from tests/test_event_hooks.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""SyncHMSClient(event_hooks=...): request, response and retry hooks, sync or async."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hms_async import APIConnectionError, NotFoundError, SyncHMSClient
from hms_async._sync import _compat
from tests.helpers import ACCESS_KEY, APP_SECRET, BASE_URL
from tests.test_event_hooks import MASKED, HookFailed, Reply, fail, replies
from tests.test_request_options import ROOM


class Log:
    """Hooks that record what they were given, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.sent: list[httpx.Request] = []

    def request(self, request: httpx.Request) -> None:
        self.events.append(("request", request.method, request.url.path))
        self.check_masked(request)

    def response(self, response: httpx.Response) -> None:
        _compat.sleep(0.001)  # an async hook (a plain one on the sync client)
        self.events.append(("response", response.status_code))
        self.check_masked(response.request)

    def retry(self, attempt: int, wait: float, cause: object) -> None:
        label = (
            cause.status_code
            if isinstance(cause, httpx.Response)
            else type(cause).__name__
        )
        self.events.append(("retry", attempt, wait, label))

    @staticmethod
    def check_masked(request: httpx.Request) -> None:
        assert request.headers["authorization"] == MASKED

    def hooks(self) -> dict[str, list[Callable[..., Any]]]:
        return {
            "request": [self.request],
            "response": [self.response],
            "retry": [self.retry],
        }

    def client(self, reply: Reply, **options: Any) -> SyncHMSClient:
        def handler(request: httpx.Request) -> httpx.Response:
            self.sent.append(request)
            return reply(request)

        return SyncHMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=BASE_URL,
            transport=httpx.MockTransport(handler),
            event_hooks=options.pop("event_hooks", self.hooks()),
            **options,
        )


def test_hooks_follow_each_attempt(sleeps: list[float]) -> None:
    """request, response, retry before the wait, then the next attempt."""
    log = Log()
    reply = replies(
        httpx.Response(503, headers={"Retry-After": "2"}),
        httpx.Response(200, json=ROOM),
    )
    with log.client(reply) as hms:
        room = hms.rooms.retrieve("r1")

    assert room.id == "r1"
    assert log.events == [
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 503),
        ("retry", 1, 2.0, 503),
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 200),
    ]
    assert sleeps == [2.0]


def test_hooks_see_a_masked_copy_the_wire_sees_the_token() -> None:
    """Authorization is masked in what hooks get, and sent for real."""
    seen: list[httpx.Request] = []
    answered: list[httpx.Response] = []
    log = Log()
    hooks = {"request": [seen.append], "response": [answered.append]}
    reply = replies(httpx.Response(200, json=ROOM, headers={"X-Id": "7"}))
    with log.client(reply, event_hooks=hooks) as hms:
        hms.rooms.retrieve("r1", extra_headers={"X-Mine": "1"})

    (request,) = seen
    (sent,) = log.sent
    assert request is not sent
    assert request.headers["authorization"] == MASKED
    assert sent.headers["authorization"].startswith("Bearer eyJ")
    assert {k: v for k, v in request.headers.items() if k != "authorization"} == {
        k: v for k, v in sent.headers.items() if k != "authorization"
    }
    assert request.url == sent.url
    (response,) = answered
    assert response.json() == ROOM
    assert response.headers["x-id"] == "7"
    assert response.request.headers["authorization"] == MASKED
    assert "eyJ" not in repr(response.request.headers)


def test_response_hook_sees_an_error_status() -> None:
    """4xx answers are reported before the call raises."""
    log = Log()
    with log.client(replies(httpx.Response(404, json={}))) as hms:
        with pytest.raises(NotFoundError):
            hms.rooms.retrieve("r1")

    assert log.events == [("request", "GET", "/v2/rooms/r1"), ("response", 404)]


def test_retry_hook_gets_the_sdk_error_of_a_dropped_connection(
    sleeps: list[float],
) -> None:
    """No answer: no response hook; the retry hook gets APIConnectionError."""
    causes: list[object] = []
    log = Log()
    hooks = {**log.hooks(), "retry": [lambda a, w, cause: causes.append(cause)]}
    reply = replies(httpx.ConnectError("refused"), httpx.Response(200, json=ROOM))
    with log.client(reply, event_hooks=hooks) as hms:
        hms.rooms.retrieve("r1")

    (cause,) = causes
    assert isinstance(cause, APIConnectionError)
    assert isinstance(cause.__cause__, httpx.ConnectError)
    assert log.events == [
        ("request", "GET", "/v2/rooms/r1"),
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 200),
    ]
    assert len(sleeps) == 1


def test_retry_hook_gets_a_garbled_body_as_its_error(
    sleeps: list[float],
) -> None:
    """A 200 whose body is not JSON is retried; the cause is ResponseDecodeError."""
    log = Log()
    reply = replies(
        httpx.Response(200, content=b'{"id": "r'), httpx.Response(200, json=ROOM)
    )
    with log.client(reply) as hms:
        hms.rooms.retrieve("r1")

    assert log.events[1:3] == [
        ("response", 200),
        ("retry", 1, sleeps[0], "ResponseDecodeError"),
    ]


def test_a_request_hook_that_raises_ends_the_call() -> None:
    """The hook's own exception, before anything is sent, never retried."""
    log = Log()
    with log.client(replies(), event_hooks={"request": [fail]}) as hms:
        with pytest.raises(HookFailed, match="from the hook"):
            hms.rooms.retrieve("r1")

    assert log.sent == []


def test_a_hook_raising_a_transport_error_is_not_retried(
    sleeps: list[float],
) -> None:
    """Even an httpx.ConnectError of a hook is the hook's, not a failed attempt."""

    def refuse(request: httpx.Request) -> None:
        raise httpx.ConnectError("the hook's", request=request)

    log = Log()
    with log.client(replies(), event_hooks={"request": [refuse]}) as hms:
        with pytest.raises(httpx.ConnectError, match="the hook's"):
            hms.rooms.retrieve("r1")

    assert (log.sent, sleeps) == ([], [])


def test_a_response_hook_that_raises_on_a_retryable_answer(
    sleeps: list[float],
) -> None:
    """A 503 would be retried; the hook's exception ends the call instead."""
    log = Log()
    reply = replies(httpx.Response(503), httpx.Response(200, json=ROOM))
    with log.client(reply, event_hooks={"response": [fail]}) as hms:
        with pytest.raises(HookFailed):
            hms.rooms.retrieve("r1")

    assert (len(log.sent), sleeps) == (1, [])


def test_a_retry_hook_that_raises_is_chained_to_the_cause(
    sleeps: list[float],
) -> None:
    """The retry does not happen; the error that caused it is the context."""
    log = Log()
    reply = replies(httpx.ConnectError("refused"), httpx.Response(200, json=ROOM))
    with log.client(reply, event_hooks={"retry": [fail]}) as hms:
        with pytest.raises(HookFailed) as raised:
            hms.rooms.retrieve("r1")

    assert isinstance(raised.value.__context__, APIConnectionError)
    assert (len(log.sent), sleeps) == (1, [])


def test_views_share_the_hooks() -> None:
    """with_options() keeps the client's hooks."""
    log = Log()
    reply = replies(httpx.Response(200, json=ROOM), httpx.Response(200, json=ROOM))
    with log.client(reply) as hms:
        hms.with_options(timeout=3).rooms.retrieve("r1")
        hms.with_raw_response.rooms.retrieve("r1")

    assert [event[0] for event in log.events] == ["request", "response"] * 2


@pytest.mark.parametrize(
    ("hooks", "error", "message"),
    [
        ({"requests": []}, ValueError, "no event 'requests'"),
        ({"request": print}, TypeError, "must be a list of callables"),
        ({"retry": ["x"]}, TypeError, "holds 'x', which is not callable"),
        ([("request", [])], TypeError, "must be a mapping"),
    ],
)
def test_wrong_hooks_are_refused(
    hooks: Any, error: type[Exception], message: str
) -> None:
    """Checked when the client is made."""
    with pytest.raises(error, match=message):
        SyncHMSClient(ACCESS_KEY, APP_SECRET, event_hooks=hooks)
