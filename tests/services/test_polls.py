"""hms.polls: exact requests, parsing of the §6.12 examples, poll sub-list pages."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from hms_async import HMSClient
from hms_async._serde import structure, unstructure
from hms_async.errors import ResponseDecodeError, ServerError
from hms_async.models.polls import (
    Poll,
    PollAnswer,
    PollAttachment,
    PollMode,
    PollOption,
    PollQuestion,
    PollQuestionType,
    PollResponse,
    PollResult,
    PollSession,
    PollStart,
    PollType,
)

from ..helpers import assert_api_request

POLL_ID = "655bffeecd34739a72637305"
SESSION_ID = "655bffeecd34739a72637304"
PEER_ID = "62610e46-89a0-11ee-b9d1-0242ac120002"

OPTION = {"index": 2, "text": "4", "weight": 1, "color": "green"}
QUESTION = {
    "index": 1,
    "text": "2 + 2 = ?",
    "format": "text",
    "attachment": [{"type": "image/png", "url": "https://example.com/q1.png"}],
    "skippable": True,
    "duration": 0,
    "once": False,
    "weight": 2,
    "answer_min_len": 1,
    "answer_max_len": 1024,
    "type": "single-choice",
    "answer": {"hidden": True, "options": [2], "text": "", "case": False, "trim": True},
    "options": [{"index": 1, "text": "3", "weight": 1}, OPTION],
    "layout": "grid",
}
POLL = {
    "id": POLL_ID,
    "title": "Quick check",
    "duration": 120,
    "anonymous": False,
    "mode": "userid",
    "type": "quiz",
    "start": "manual",
    "questions": [QUESTION],
    "created_by": "dashboard",
}
RESPONSE = {
    "id": "655bffeecd34739a72637310",
    "poll_id": POLL_ID,
    "session_id": SESSION_ID,
    "duration": 500,
    "question": 1,
    "skipped": False,
    "text": "",
    "update": False,
    "original_response": "",
    "retries": 0,
    "sent_at": "2023-11-21T04:55:10.916472015Z",
    "peer_id": PEER_ID,
    "user_id": "user1",
    "options": [2],
}
RESULT = {
    "id": "655bffeecd34739a72637306",
    "poll_id": POLL_ID,
    "session_id": SESSION_ID,
    "question": 1,
    "duration": 5000,
    "peer_id": PEER_ID,
    "user_id": "user1",
    "score": 200,
    "rank": 1,
}
POLL_SESSION = {
    "id": "655bffeecd34739a72637306",
    "poll_id": POLL_ID,
    "session_id": SESSION_ID,
    "started_at": "2023-11-21T04:55:10.916472015Z",
    "stopped_at": "2023-11-21T04:55:20.916472015Z",
    "total_responses": 1000,
    "unique_participants": 20,
    "room_id": "633a78ee3bea2af508356a34",
}
RESPONSES_PAGE = {"last": RESPONSE["id"], "limit": 10, "responses": [RESPONSE]}
RESULTS_PAGE = {"last": RESULT["id"], "limit": 10, "results": [RESULT]}
SESSIONS_PAGE = {"last": POLL_SESSION["id"], "limit": 10, "responses": [POLL_SESSION]}


def with_ms(payload: dict[str, Any], *keys: str) -> dict[str, Any]:
    """A copy whose timestamps have milliseconds (what unstructure writes back)."""
    out = copy.deepcopy(payload)
    for key in keys:
        out[key] = out[key][:23] + "Z"
    return out


def assert_keys_survive(payload: Any, out: Any, where: str = "$") -> None:
    """Every non-null key of ``payload``, at any depth, is in ``out``."""
    if isinstance(payload, dict):
        assert isinstance(out, dict), where
        for key, value in payload.items():
            if value is not None:
                assert key in out, f"{where}.{key} was dropped"
                assert_keys_survive(value, out[key], f"{where}.{key}")
    elif isinstance(payload, list):
        assert isinstance(out, list), where
        assert len(out) == len(payload), where
        for index, (a, b) in enumerate(zip(payload, out, strict=True)):
            assert_keys_survive(a, b, f"{where}[{index}]")


def assert_round_trip(cls: type[Any], payload: dict[str, Any]) -> None:
    """structure, unstructure, structure: equal models; every key survives."""
    original = copy.deepcopy(payload)
    obj = structure(payload, cls)

    out = unstructure(obj)

    assert structure(out, cls) == obj
    assert_keys_survive(original, out)
    assert payload == original


def by_start(pages: dict[str | None, dict[str, Any]]) -> Callable[..., httpx.Response]:
    """A respx side effect answering with the page of the request's ``start``."""

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("start")])

    return respond


def starts_of(route: respx.Route) -> list[str | None]:
    """The ``start`` cursor of each call of a route, in order."""
    return [call.request.url.params.get("start") for call in route.calls]


def _question_model() -> PollQuestion:
    return PollQuestion(
        text="Best editor?",
        type=PollQuestionType.MULTIPLE_CHOICE,
        answer=PollAnswer(options=[1], hidden=False),
        options=[PollOption(text="vim"), PollOption(text="emacs", weight=2)],
    )


# --- create / update / retrieve --------------------------------------------------


async def test_create_sends_fields_and_parses_poll(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """create() posts the arguments (models and mappings) and parses the poll."""
    route = respx_router.post("polls").respond(json=POLL)

    poll = await client.polls.create(
        title="Quick check",
        duration=120,
        type=PollType.QUIZ,
        start="manual",
        questions=[_question_model(), {"text": "Why?", "type": "long-answer"}],
    )

    assert_api_request(
        route.calls.last.request,
        "POST",
        "polls",
        json_body={
            "title": "Quick check",
            "duration": 120,
            "type": "quiz",
            "start": "manual",
            "questions": [
                {
                    "text": "Best editor?",
                    "type": "multiple-choice",
                    "attachment": [],
                    "answer": {"hidden": False, "options": [1]},
                    "options": [{"text": "vim"}, {"text": "emacs", "weight": 2}],
                },
                {"text": "Why?", "type": "long-answer"},
            ],
        },
    )
    assert poll.id == POLL_ID
    assert poll.type is PollType.QUIZ
    assert poll.mode is PollMode.USERID
    assert poll.start is PollStart.MANUAL
    assert poll.extra_fields == {"created_by": "dashboard"}
    question = poll.questions[0]
    assert question.type is PollQuestionType.SINGLE_CHOICE
    assert question.attachment == [
        PollAttachment(type="image/png", url="https://example.com/q1.png")
    ]
    assert question.answer == PollAnswer(
        hidden=True, options=[2], text="", case=False, trim=True
    )
    assert [(o.index, o.text) for o in question.options] == [(1, "3"), (2, "4")]
    assert question.extra_fields == {"layout": "grid"}


async def test_create_is_not_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A create that got a 503 is not sent again (it could make two polls)."""
    route = respx_router.post("polls").respond(503, json={"message": "busy"})

    with pytest.raises(ServerError):
        await client.polls.create(title="x")

    assert route.call_count == 1


async def test_update_rewrites_and_is_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """update() posts to the poll and, being a rewrite, is retried on a 503."""
    route = respx_router.post(f"polls/{POLL_ID}").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=POLL)]
    )

    poll = await client.polls.update(
        POLL_ID, title="Quick check", anonymous=True, mode=PollMode.PEERID
    )

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"polls/{POLL_ID}",
        json_body={"title": "Quick check", "anonymous": True, "mode": "peerid"},
    )
    assert poll.title == "Quick check"


async def test_update_without_fields_is_refused(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty rewrite would reset the poll: refused before any request."""
    route = respx_router.post(f"polls/{POLL_ID}").respond(json=POLL)

    with pytest.raises(ValueError, match="at least one field"):
        await client.polls.update(POLL_ID)

    assert not route.called


async def test_retrieve_parses_poll(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs the poll and keeps the unknown fields."""
    route = respx_router.get(f"polls/{POLL_ID}").respond(json=POLL)

    poll = await client.polls.retrieve(POLL_ID)

    assert_api_request(route.calls.last.request, "GET", f"polls/{POLL_ID}")
    assert poll.duration == 120
    assert poll.anonymous is False
    assert poll.questions[0].answer_max_len == 1024
    assert poll.questions[0].options[1].extra_fields == {"color": "green"}


async def test_unknown_enum_values_and_url_attachments_are_kept(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """New enum values stay strings; an attachment given as a bare URL is read too."""
    question = {**QUESTION, "type": "rating", "attachment": ["https://x.test/a.png"]}
    respx_router.get(f"polls/{POLL_ID}").respond(
        json={**POLL, "type": "survey", "questions": [question]}
    )

    poll = await client.polls.retrieve(POLL_ID)

    assert poll.type == "survey"
    assert poll.questions[0].type == "rating"
    assert poll.questions[0].attachment == [PollAttachment(url="https://x.test/a.png")]


# --- questions and options -------------------------------------------------------


async def test_update_question_posts_to_its_index(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """update_question() posts the whole question, index included; retried on 503."""
    route = respx_router.post(f"polls/{POLL_ID}/questions/2").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=QUESTION)]
    )

    question = await client.polls.update_question(
        POLL_ID,
        2,
        text="2 + 2 = ?",
        type=PollQuestionType.SINGLE_CHOICE,
        weight=2,
        once=True,
        attachment=[PollAttachment(type="image/png", url="https://x.test/q.png")],
        answer={"options": [2], "hidden": True},
        options=[{"text": "3"}, PollOption(text="4")],
    )

    assert route.call_count == 2
    assert_api_request(
        route.calls.last.request,
        "POST",
        f"polls/{POLL_ID}/questions/2",
        json_body={
            "index": 2,
            "text": "2 + 2 = ?",
            "type": "single-choice",
            "weight": 2,
            "once": True,
            "attachment": [{"type": "image/png", "url": "https://x.test/q.png"}],
            "answer": {"options": [2], "hidden": True},
            "options": [{"text": "3"}, {"text": "4"}],
        },
    )
    assert isinstance(question, PollQuestion)
    assert question.index == 1
    assert question.answer is not None
    assert question.answer.options == [2]


async def test_delete_question_sends_delete_once(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """delete_question() sends DELETE and accepts the empty 204."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/1").respond(204)

    await client.polls.delete_question(POLL_ID, 1)

    assert_api_request(
        route.calls.last.request, "DELETE", f"polls/{POLL_ID}/questions/1"
    )


async def test_delete_question_is_never_retried(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A failed delete is not repeated: the next question now has that index."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/1").respond(503)

    with pytest.raises(ServerError):
        await client.polls.delete_question(POLL_ID, 1)

    assert route.call_count == 1


async def test_update_option_posts_to_its_index(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """update_option() posts index, text and weight and parses the option."""
    route = respx_router.post(f"polls/{POLL_ID}/questions/1/options/2").respond(
        json=OPTION
    )

    option = await client.polls.update_option(POLL_ID, 1, 2, text="4", weight=1)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"polls/{POLL_ID}/questions/1/options/2",
        json_body={"index": 2, "text": "4", "weight": 1},
    )
    assert option == PollOption(
        index=2, text="4", weight=1, extra_fields={"color": "green"}
    )


async def test_delete_option_sends_delete_once(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """delete_option() sends DELETE, accepts the 204, and is never retried."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/3/options/1").mock(
        side_effect=[httpx.Response(204), httpx.Response(503)]
    )

    await client.polls.delete_option(POLL_ID, 3, 1)
    assert_api_request(
        route.calls.last.request, "DELETE", f"polls/{POLL_ID}/questions/3/options/1"
    )
    with pytest.raises(ServerError):
        await client.polls.delete_option(POLL_ID, 3, 1)
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda hms: hms.polls.update_question(POLL_ID, 0, text="x"), "question_id"),
        (lambda hms: hms.polls.delete_question(POLL_ID, 0), "question_id"),
        (lambda hms: hms.polls.update_option(POLL_ID, 1, 0, text="x"), "option_id"),
        (lambda hms: hms.polls.update_option(POLL_ID, -1, 1, text="x"), "question_id"),
        (lambda hms: hms.polls.delete_option(POLL_ID, 1, 0), "option_id"),
    ],
)
async def test_indexes_below_one_are_refused(
    client: HMSClient,
    respx_router: respx.MockRouter,
    call: Callable[[HMSClient], Any],
    name: str,
) -> None:
    """Question and option ids are 1-based: 0 or less never reaches the API."""
    route = respx_router.route(url__regex=r".*").respond(204)

    with pytest.raises(ValueError, match=f"{name} must be 1 or more"):
        await call(client)

    assert not route.called


async def test_a_bool_index_is_a_type_error(client: HMSClient) -> None:
    """True is not the question index 1."""
    with pytest.raises(TypeError, match="question_id must be an int"):
        await client.polls.delete_question(POLL_ID, True)


async def test_update_question_without_fields_is_refused(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty question rewrite is refused before any request."""
    route = respx_router.route(url__regex=r".*").respond(json=QUESTION)

    with pytest.raises(ValueError, match="at least one field"):
        await client.polls.update_question(POLL_ID, 1)
    with pytest.raises(ValueError, match="at least one field"):
        await client.polls.update_option(POLL_ID, 1, 1)

    assert not route.called


# --- sub-lists -------------------------------------------------------------------


@pytest.mark.parametrize("key", ["responses", "sessions"])
async def test_list_sessions_accepts_both_envelope_keys(
    client: HMSClient, respx_router: respx.MockRouter, key: str
) -> None:
    """The sessions list is read under "responses" (the docs) or "sessions"."""
    route = respx_router.get(f"polls/{POLL_ID}/sessions").respond(
        json={"last": "", "limit": 10, key: [POLL_SESSION]}
    )

    page = await client.polls.list_sessions(POLL_ID)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"polls/{POLL_ID}/sessions",
        params={"limit": "100"},
    )
    session = page.data[0]
    assert isinstance(session, PollSession)
    assert session.started_at == dt.datetime(
        2023, 11, 21, 4, 55, 10, 916472, tzinfo=dt.UTC
    )
    assert session.stopped_at == dt.datetime(
        2023, 11, 21, 4, 55, 20, 916472, tzinfo=dt.UTC
    )
    assert session.total_responses == 1000
    assert session.unique_participants == 20
    assert session.extra_fields == {"room_id": "633a78ee3bea2af508356a34"}
    assert not page.has_next


async def test_list_responses_sends_filters_and_parses(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list_responses() sends all/question/limit and parses the §6.12 response."""
    route = respx_router.get(f"polls/{POLL_ID}/responses").respond(json=RESPONSES_PAGE)

    page = await client.polls.list_responses(POLL_ID, all=True, question=1, limit=50)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"polls/{POLL_ID}/responses",
        params={"all": "true", "question": "1", "limit": "50"},
    )
    response = page.data[0]
    assert response.id == RESPONSE["id"]
    assert response.question == 1
    assert response.skipped is False
    assert response.peer_id == PEER_ID
    assert response.sent_at == dt.datetime(
        2023, 11, 21, 4, 55, 10, 916472, tzinfo=dt.UTC
    )
    assert response.extra_fields == {"options": [2]}
    assert page.last == RESPONSE["id"]
    assert page.limit == 10


async def test_retrieve_response(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_response() GETs one response by id."""
    route = respx_router.get(f"polls/{POLL_ID}/responses/r%2F1").respond(json=RESPONSE)

    response = await client.polls.retrieve_response(POLL_ID, "r/1")

    assert route.calls.last.request.url.raw_path == (
        f"/v2/polls/{POLL_ID}/responses/r%2F1".encode()
    )
    assert_api_request(
        route.calls.last.request, "GET", f"polls/{POLL_ID}/responses/r/1"
    )
    assert response.user_id == "user1"
    assert response.duration == 500


async def test_list_results_sends_filters_and_parses(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """list_results() sends question/limit and parses the §6.12 result."""
    route = respx_router.get(f"polls/{POLL_ID}/results").respond(json=RESULTS_PAGE)

    page = await client.polls.list_results(POLL_ID, question=2)

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"polls/{POLL_ID}/results",
        params={"question": "2", "limit": "100"},
    )
    assert page.data[0].score == 200
    assert page.data[0].duration == 5000
    assert page.data[0].extra_fields == {"rank": 1}


async def test_retrieve_result(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_result() GETs one result by id."""
    route = respx_router.get(f"polls/{POLL_ID}/results/{RESULT['id']}").respond(
        json=RESULT
    )

    result = await client.polls.retrieve_result(POLL_ID, str(RESULT["id"]))

    assert_api_request(
        route.calls.last.request, "GET", f"polls/{POLL_ID}/results/{RESULT['id']}"
    )
    assert result == structure(RESULT, PollResult)
    assert result.question == 1


LISTS: list[tuple[str, str]] = [
    ("list_sessions", "sessions"),
    ("list_responses", "responses"),
    ("list_results", "results"),
]


@pytest.mark.parametrize(("method", "_segment"), LISTS)
@pytest.mark.parametrize("limit", [9, 101, 0])
async def test_list_limits_are_refused(
    client: HMSClient,
    respx_router: respx.MockRouter,
    method: str,
    _segment: str,
    limit: int,
) -> None:
    """A page size outside 10-100 is refused before any request."""
    route = respx_router.route(url__regex=r".*").respond(json=RESPONSES_PAGE)

    with pytest.raises(ValueError, match="limit must be between 10 and 100"):
        getattr(client.polls, method)(POLL_ID, limit=limit)

    assert not route.called


@pytest.mark.parametrize("method", ["list_responses", "list_results"])
async def test_question_filter_below_one_is_refused(
    client: HMSClient, method: str
) -> None:
    """The question filter is a 1-based index."""
    with pytest.raises(ValueError, match="question must be 1 or more"):
        getattr(client.polls, method)(POLL_ID, question=0)


def _item(key: str, item_id: str) -> dict[str, Any]:
    base = {"responses": RESPONSE, "results": RESULT, "sessions": POLL_SESSION}[key]
    return {**base, "id": item_id}


def _pages(key: str) -> dict[str | None, dict[str, Any]]:
    """Three pages keyed by the start that asks for them; the last one ends with ""."""
    envelope = "responses" if key == "sessions" else key
    return {
        None: {
            "last": "a2",
            "limit": 10,
            envelope: [_item(key, "a1"), _item(key, "a2")],
        },
        "a2": {"last": "b1", "limit": 10, envelope: [_item(key, "b1")]},
        "b1": {"last": "", "limit": 10, envelope: [_item(key, "c1")]},
    }


@pytest.mark.parametrize(("method", "segment"), LISTS)
async def test_lists_walk_every_page(
    client: HMSClient, respx_router: respx.MockRouter, method: str, segment: str
) -> None:
    """async for follows last -> start over three pages and stops on an empty last."""
    route = respx_router.get(f"polls/{POLL_ID}/{segment}").mock(
        side_effect=by_start(_pages(segment))
    )

    ids = [item.id async for item in getattr(client.polls, method)(POLL_ID)]

    assert ids == ["a1", "a2", "b1", "c1"]
    assert starts_of(route) == [None, "a2", "b1"]
    assert all(
        c.request.url.params["limit"] == "100" for c in route.calls
    )  # every page keeps the caller's arguments


@pytest.mark.parametrize(("method", "segment"), LISTS)
async def test_lists_resume_from_a_cursor(
    client: HMSClient, respx_router: respx.MockRouter, method: str, segment: str
) -> None:
    """start= resumes after a saved cursor; pages() exposes the next cursor."""
    route = respx_router.get(f"polls/{POLL_ID}/{segment}").mock(
        side_effect=by_start(_pages(segment))
    )
    paginator = getattr(client.polls, method)(POLL_ID, start="a2")

    pages = [page async for page in paginator.pages()]

    assert [p.next_cursor for p in pages] == ["b1", None]
    assert [i.id for p in pages for i in p.data] == ["b1", "c1"]
    assert starts_of(route) == ["a2", "b1"]


async def test_list_ends_on_an_empty_page(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty page ends the list even if it carries a cursor."""
    route = respx_router.get(f"polls/{POLL_ID}/responses").mock(
        side_effect=by_start(
            {
                None: {
                    "last": "x1",
                    "limit": 10,
                    "responses": [_item("responses", "x1")],
                },
                "x1": {"last": "x1-again", "limit": 10, "responses": None},
            }
        )
    )

    ids = [r.id async for r in client.polls.list_responses(POLL_ID)]

    assert ids == ["x1"]
    assert route.call_count == 2


async def test_list_iterates_again_from_the_start(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A paginator iterated twice starts over: no cursor is written into it."""
    route = respx_router.get(f"polls/{POLL_ID}/results").mock(
        side_effect=by_start(_pages("results"))
    )
    paginator = client.polls.list_results(POLL_ID, question=1)

    first = [r.id async for r in paginator]
    second = [r.id async for r in paginator]

    assert first == second == ["a1", "a2", "b1", "c1"]
    assert starts_of(route) == [None, "a2", "b1"] * 2
    assert all(c.request.url.params["question"] == "1" for c in route.calls)


# --- models ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "payload"),
    [
        (Poll, POLL),
        (PollQuestion, QUESTION),
        (PollOption, OPTION),
        (PollResponse, with_ms(RESPONSE, "sent_at")),
        (PollResult, RESULT),
        (PollSession, with_ms(POLL_SESSION, "started_at", "stopped_at")),
    ],
)
def test_round_trip(cls: type[Any], payload: dict[str, Any]) -> None:
    """unstructure then structure gives an equal model; every key survives."""
    assert_round_trip(cls, payload)


def test_round_trip_writes_the_poll_back_exactly() -> None:
    """The §6.12 poll (plus unknown keys) is written back key for key."""
    assert unstructure(structure(POLL, Poll)) == POLL


async def test_missing_id_is_a_decode_error(
    client: HMSClient, respx_router: respx.MockRouter
) -> None:
    """A poll without its id is a ResponseDecodeError, not a KeyError."""
    respx_router.get(f"polls/{POLL_ID}").respond(json={"title": "x"})

    with pytest.raises(ResponseDecodeError):
        await client.polls.retrieve(POLL_ID)
