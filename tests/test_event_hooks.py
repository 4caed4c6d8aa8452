"""HMSClient(event_hooks=...): request, response and retry hooks, sync or async."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import anyio
import httpx
import pytest

from hms_async import (
    APIConnectionError,
    HMSClient,
    NotFoundError,
)

from .helpers import ACCESS_KEY, APP_SECRET, BASE_URL, Http
from .test_request_options import ROOM

MASKED = "Bearer <redacted token>"
Reply = Callable[[httpx.Request], httpx.Response]


def replies(*answers: httpx.Response | Exception) -> Reply:
    """A handler giving each answer in turn (an exception is raised)."""
    queue: Iterator[httpx.Response | Exception] = iter(answers)

    def reply(request: httpx.Request) -> httpx.Response:
        answer = next(queue)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return reply


class Log:
    """Hooks that record what they were given, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.sent: list[httpx.Request] = []

    def request(self, request: httpx.Request) -> None:
        self.events.append(("request", request.method, request.url.path))
        self.check_masked(request)

    async def response(self, response: httpx.Response) -> None:
        await anyio.sleep(0.001)  # an async hook (a plain one on the sync client)
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

    def client(self, reply: Reply, **options: Any) -> HMSClient:
        def handler(request: httpx.Request) -> httpx.Response:
            self.sent.append(request)
            return reply(request)

        return HMSClient(
            ACCESS_KEY,
            APP_SECRET,
            base_url=BASE_URL,
            transport=httpx.MockTransport(handler),
            event_hooks=options.pop("event_hooks", self.hooks()),
            **options,
        )


async def test_hooks_follow_each_attempt(sleeps: list[float]) -> None:
    """request, response, retry before the wait, then the next attempt."""
    log = Log()
    reply = replies(
        httpx.Response(503, headers={"Retry-After": "2"}),
        httpx.Response(200, json=ROOM),
    )
    async with log.client(reply) as hms:
        room = await hms.rooms.retrieve("r1")

    assert room.id == "r1"
    assert log.events == [
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 503),
        ("retry", 1, 2.0, 503),
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 200),
    ]
    assert sleeps == [2.0]


async def test_hooks_see_a_masked_copy_the_wire_sees_the_token() -> None:
    """Authorization is masked in what hooks get, and sent for real."""
    seen: list[httpx.Request] = []
    answered: list[httpx.Response] = []
    log = Log()
    hooks = {"request": [seen.append], "response": [answered.append]}
    reply = replies(httpx.Response(200, json=ROOM, headers={"X-Id": "7"}))
    async with log.client(reply, event_hooks=hooks) as hms:
        await hms.rooms.retrieve("r1", extra_headers={"X-Mine": "1"})

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


async def test_response_hook_sees_an_error_status() -> None:
    """4xx answers are reported before the call raises."""
    log = Log()
    async with log.client(replies(httpx.Response(404, json={}))) as hms:
        with pytest.raises(NotFoundError):
            await hms.rooms.retrieve("r1")

    assert log.events == [("request", "GET", "/v2/rooms/r1"), ("response", 404)]


async def test_retry_hook_gets_the_sdk_error_of_a_dropped_connection(
    sleeps: list[float],
) -> None:
    """No answer: no response hook; the retry hook gets APIConnectionError."""
    causes: list[object] = []
    log = Log()
    hooks = {**log.hooks(), "retry": [lambda a, w, cause: causes.append(cause)]}
    reply = replies(httpx.ConnectError("refused"), httpx.Response(200, json=ROOM))
    async with log.client(reply, event_hooks=hooks) as hms:
        await hms.rooms.retrieve("r1")

    (cause,) = causes
    assert isinstance(cause, APIConnectionError)
    assert isinstance(cause.__cause__, httpx.ConnectError)
    assert log.events == [
        ("request", "GET", "/v2/rooms/r1"),
        ("request", "GET", "/v2/rooms/r1"),
        ("response", 200),
    ]
    assert len(sleeps) == 1


async def test_retry_hook_gets_a_garbled_body_as_its_error(
    sleeps: list[float],
) -> None:
    """A 200 whose body is not JSON is retried; the cause is ResponseDecodeError."""
    log = Log()
    reply = replies(
        httpx.Response(200, content=b'{"id": "r'), httpx.Response(200, json=ROOM)
    )
    async with log.client(reply) as hms:
        await hms.rooms.retrieve("r1")

    assert log.events[1:3] == [
        ("response", 200),
        ("retry", 1, sleeps[0], "ResponseDecodeError"),
    ]


class HookFailed(Exception):
    """What the test hooks raise."""


def fail(*args: Any) -> None:
    raise HookFailed("from the hook")


async def test_a_request_hook_that_raises_ends_the_call() -> None:
    """The hook's own exception, before anything is sent, never retried."""
    log = Log()
    async with log.client(replies(), event_hooks={"request": [fail]}) as hms:
        with pytest.raises(HookFailed, match="from the hook"):
            await hms.rooms.retrieve("r1")

    assert log.sent == []


async def test_a_hook_raising_a_transport_error_is_not_retried(
    sleeps: list[float],
) -> None:
    """Even an httpx.ConnectError of a hook is the hook's, not a failed attempt."""

    def refuse(request: httpx.Request) -> None:
        raise httpx.ConnectError("the hook's", request=request)

    log = Log()
    async with log.client(replies(), event_hooks={"request": [refuse]}) as hms:
        with pytest.raises(httpx.ConnectError, match="the hook's"):
            await hms.rooms.retrieve("r1")

    assert (log.sent, sleeps) == ([], [])


async def test_a_response_hook_that_raises_on_a_retryable_answer(
    sleeps: list[float],
) -> None:
    """A 503 would be retried; the hook's exception ends the call instead."""
    log = Log()
    reply = replies(httpx.Response(503), httpx.Response(200, json=ROOM))
    async with log.client(reply, event_hooks={"response": [fail]}) as hms:
        with pytest.raises(HookFailed):
            await hms.rooms.retrieve("r1")

    assert (len(log.sent), sleeps) == (1, [])


async def test_a_retry_hook_that_raises_is_chained_to_the_cause(
    sleeps: list[float],
) -> None:
    """The retry does not happen; the error that caused it is the context."""
    log = Log()
    reply = replies(httpx.ConnectError("refused"), httpx.Response(200, json=ROOM))
    async with log.client(reply, event_hooks={"retry": [fail]}) as hms:
        with pytest.raises(HookFailed) as raised:
            await hms.rooms.retrieve("r1")

    assert isinstance(raised.value.__context__, APIConnectionError)
    assert (len(log.sent), sleeps) == (1, [])


async def test_hooks_run_on_both_http_layers(http: Http) -> None:
    """aiohttp's transport goes through the same hooks."""
    events: list[str] = []
    hooks = {
        "request": [lambda r: events.append("request")],
        "response": [lambda r: events.append(f"response {r.status_code}")],
    }
    async with HMSClient(
        ACCESS_KEY,
        APP_SECRET,
        base_url="http://127.0.0.1:9/v2/",  # refused: no answer
        http=http,
        max_retries=0,
        event_hooks=hooks,
    ) as hms:
        with pytest.raises(APIConnectionError):
            await hms.rooms.retrieve("r1")

    assert events == ["request"]


async def test_views_share_the_hooks() -> None:
    """with_options() keeps the client's hooks."""
    log = Log()
    reply = replies(httpx.Response(200, json=ROOM), httpx.Response(200, json=ROOM))
    async with log.client(reply) as hms:
        await hms.with_options(timeout=3).rooms.retrieve("r1")
        await hms.with_raw_response.rooms.retrieve("r1")

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
        HMSClient(ACCESS_KEY, APP_SECRET, event_hooks=hooks)
