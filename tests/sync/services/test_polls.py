# Generated from tests/services/test_polls.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""hms.polls: exact requests, parsing of the §6.12 examples, poll sub-list pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from hms_async import SyncHMSClient
from hms_async._serde import structure
from hms_async.errors import ResponseDecodeError, ServerError
from hms_async.models.polls import (
    PollAnswer,
    PollAttachment,
    PollMode,
    PollOption,
    PollQuestion,
    PollQuestionType,
    PollResult,
    PollSession,
    PollStart,
    PollType,
)
from tests.helpers import assert_api_request
from tests.services.test_polls import (
    LISTS,
    OPTION,
    PEER_ID,
    POLL,
    POLL_ID,
    POLL_SESSION,
    QUESTION,
    RESPONSE,
    RESPONSES_PAGE,
    RESULT,
    RESULTS_PAGE,
    _item,
    _pages,
    _question_model,
    by_start,
    starts_of,
)


def test_create_sends_fields_and_parses_poll(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """create() posts the arguments (models and mappings) and parses the poll."""
    route = respx_router.post("polls").respond(json=POLL)

    poll = client.polls.create(
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


def test_create_is_not_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A create that got a 503 is not sent again (it could make two polls)."""
    route = respx_router.post("polls").respond(503, json={"message": "busy"})

    with pytest.raises(ServerError):
        client.polls.create(title="x")

    assert route.call_count == 1


def test_update_rewrites_and_is_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update() posts to the poll and, being a rewrite, is retried on a 503."""
    route = respx_router.post(f"polls/{POLL_ID}").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=POLL)]
    )

    poll = client.polls.update(
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


def test_update_without_fields_is_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty rewrite would reset the poll: refused before any request."""
    route = respx_router.post(f"polls/{POLL_ID}").respond(json=POLL)

    with pytest.raises(ValueError, match="at least one field"):
        client.polls.update(POLL_ID)

    assert not route.called


def test_retrieve_parses_poll(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve() GETs the poll and keeps the unknown fields."""
    route = respx_router.get(f"polls/{POLL_ID}").respond(json=POLL)

    poll = client.polls.retrieve(POLL_ID)

    assert_api_request(route.calls.last.request, "GET", f"polls/{POLL_ID}")
    assert poll.duration == 120
    assert poll.anonymous is False
    assert poll.questions[0].answer_max_len == 1024
    assert poll.questions[0].options[1].extra_fields == {"color": "green"}


def test_unknown_enum_values_and_url_attachments_are_kept(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """New enum values stay strings; an attachment given as a bare URL is read too."""
    question = {**QUESTION, "type": "rating", "attachment": ["https://x.test/a.png"]}
    respx_router.get(f"polls/{POLL_ID}").respond(
        json={**POLL, "type": "survey", "questions": [question]}
    )

    poll = client.polls.retrieve(POLL_ID)

    assert poll.type == "survey"
    assert poll.questions[0].type == "rating"
    assert poll.questions[0].attachment == [PollAttachment(url="https://x.test/a.png")]


def test_update_question_posts_to_its_index(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_question() posts the whole question, index included; retried on 503."""
    route = respx_router.post(f"polls/{POLL_ID}/questions/2").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=QUESTION)]
    )

    question = client.polls.update_question(
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


def test_delete_question_sends_delete_once(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """delete_question() sends DELETE and accepts the empty 204."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/1").respond(204)

    client.polls.delete_question(POLL_ID, 1)

    assert_api_request(
        route.calls.last.request, "DELETE", f"polls/{POLL_ID}/questions/1"
    )


def test_delete_question_is_never_retried(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A failed delete is not repeated: the next question now has that index."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/1").respond(503)

    with pytest.raises(ServerError):
        client.polls.delete_question(POLL_ID, 1)

    assert route.call_count == 1


def test_update_option_posts_to_its_index(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """update_option() posts index, text and weight and parses the option."""
    route = respx_router.post(f"polls/{POLL_ID}/questions/1/options/2").respond(
        json=OPTION
    )

    option = client.polls.update_option(POLL_ID, 1, 2, text="4", weight=1)

    assert_api_request(
        route.calls.last.request,
        "POST",
        f"polls/{POLL_ID}/questions/1/options/2",
        json_body={"index": 2, "text": "4", "weight": 1},
    )
    assert option == PollOption(
        index=2, text="4", weight=1, extra_fields={"color": "green"}
    )


def test_delete_option_sends_delete_once(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """delete_option() sends DELETE, accepts the 204, and is never retried."""
    route = respx_router.delete(f"polls/{POLL_ID}/questions/3/options/1").mock(
        side_effect=[httpx.Response(204), httpx.Response(503)]
    )

    client.polls.delete_option(POLL_ID, 3, 1)
    assert_api_request(
        route.calls.last.request, "DELETE", f"polls/{POLL_ID}/questions/3/options/1"
    )
    with pytest.raises(ServerError):
        client.polls.delete_option(POLL_ID, 3, 1)
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
def test_indexes_below_one_are_refused(
    client: SyncHMSClient,
    respx_router: respx.MockRouter,
    call: Callable[[SyncHMSClient], Any],
    name: str,
) -> None:
    """Question and option ids are 1-based: 0 or less never reaches the API."""
    route = respx_router.route(url__regex=r".*").respond(204)

    with pytest.raises(ValueError, match=f"{name} must be 1 or more"):
        call(client)

    assert not route.called


def test_a_bool_index_is_a_type_error(client: SyncHMSClient) -> None:
    """True is not the question index 1."""
    with pytest.raises(TypeError, match="question_id must be an int"):
        client.polls.delete_question(POLL_ID, True)


def test_update_question_without_fields_is_refused(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """An empty question rewrite is refused before any request."""
    route = respx_router.route(url__regex=r".*").respond(json=QUESTION)

    with pytest.raises(ValueError, match="at least one field"):
        client.polls.update_question(POLL_ID, 1)
    with pytest.raises(ValueError, match="at least one field"):
        client.polls.update_option(POLL_ID, 1, 1)

    assert not route.called


@pytest.mark.parametrize("key", ["responses", "sessions"])
def test_list_sessions_accepts_both_envelope_keys(
    client: SyncHMSClient, respx_router: respx.MockRouter, key: str
) -> None:
    """The sessions list is read under "responses" (the docs) or "sessions"."""
    route = respx_router.get(f"polls/{POLL_ID}/sessions").respond(
        json={"last": "", "limit": 10, key: [POLL_SESSION]}
    )

    page = client.polls.list_sessions(POLL_ID).first_page()

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


def test_list_responses_sends_filters_and_parses(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list_responses() sends all/question/limit and parses the §6.12 response."""
    route = respx_router.get(f"polls/{POLL_ID}/responses").respond(json=RESPONSES_PAGE)

    page = client.polls.list_responses(
        POLL_ID, all=True, question=1, limit=50
    ).first_page()

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


def test_retrieve_response(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """retrieve_response() GETs one response by id."""
    route = respx_router.get(f"polls/{POLL_ID}/responses/r%2F1").respond(json=RESPONSE)

    response = client.polls.retrieve_response(POLL_ID, "r/1")

    assert route.calls.last.request.url.raw_path == (
        f"/v2/polls/{POLL_ID}/responses/r%2F1".encode()
    )
    assert_api_request(
        route.calls.last.request, "GET", f"polls/{POLL_ID}/responses/r/1"
    )
    assert response.user_id == "user1"
    assert response.duration == 500


def test_list_results_sends_filters_and_parses(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """list_results() sends question/limit and parses the §6.12 result."""
    route = respx_router.get(f"polls/{POLL_ID}/results").respond(json=RESULTS_PAGE)

    page = client.polls.list_results(POLL_ID, question=2).first_page()

    assert_api_request(
        route.calls.last.request,
        "GET",
        f"polls/{POLL_ID}/results",
        params={"question": "2", "limit": "100"},
    )
    assert page.data[0].score == 200
    assert page.data[0].duration == 5000
    assert page.data[0].extra_fields == {"rank": 1}


def test_retrieve_result(client: SyncHMSClient, respx_router: respx.MockRouter) -> None:
    """retrieve_result() GETs one result by id."""
    route = respx_router.get(f"polls/{POLL_ID}/results/{RESULT['id']}").respond(
        json=RESULT
    )

    result = client.polls.retrieve_result(POLL_ID, str(RESULT["id"]))

    assert_api_request(
        route.calls.last.request, "GET", f"polls/{POLL_ID}/results/{RESULT['id']}"
    )
    assert result == structure(RESULT, PollResult)
    assert result.question == 1


@pytest.mark.parametrize(("method", "_segment"), LISTS)
@pytest.mark.parametrize("limit", [9, 101, 0])
def test_list_limits_are_refused(
    client: SyncHMSClient,
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
def test_question_filter_below_one_is_refused(
    client: SyncHMSClient, method: str
) -> None:
    """The question filter is a 1-based index."""
    with pytest.raises(ValueError, match="question must be 1 or more"):
        getattr(client.polls, method)(POLL_ID, question=0)


@pytest.mark.parametrize(("method", "segment"), LISTS)
def test_lists_walk_every_page(
    client: SyncHMSClient, respx_router: respx.MockRouter, method: str, segment: str
) -> None:
    """for follows last -> start over three pages and stops on an empty last."""
    route = respx_router.get(f"polls/{POLL_ID}/{segment}").mock(
        side_effect=by_start(_pages(segment))
    )

    ids = [item.id for item in getattr(client.polls, method)(POLL_ID)]

    assert ids == ["a1", "a2", "b1", "c1"]
    assert starts_of(route) == [None, "a2", "b1"]
    assert all(
        c.request.url.params["limit"] == "100" for c in route.calls
    )  # every page keeps the caller's arguments


@pytest.mark.parametrize(("method", "segment"), LISTS)
def test_lists_resume_from_a_cursor(
    client: SyncHMSClient, respx_router: respx.MockRouter, method: str, segment: str
) -> None:
    """start= resumes after a saved cursor; pages() exposes the next cursor."""
    route = respx_router.get(f"polls/{POLL_ID}/{segment}").mock(
        side_effect=by_start(_pages(segment))
    )
    paginator = getattr(client.polls, method)(POLL_ID, start="a2")

    pages = [page for page in paginator.pages()]

    assert [p.next_cursor for p in pages] == ["b1", None]
    assert [i.id for p in pages for i in p.data] == ["b1", "c1"]
    assert starts_of(route) == ["a2", "b1"]


def test_list_ends_on_an_empty_page(
    client: SyncHMSClient, respx_router: respx.MockRouter
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

    ids = [r.id for r in client.polls.list_responses(POLL_ID)]

    assert ids == ["x1"]
    assert route.call_count == 2


def test_list_iterates_again_from_the_start(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A paginator iterated twice starts over: no cursor is written into it."""
    route = respx_router.get(f"polls/{POLL_ID}/results").mock(
        side_effect=by_start(_pages("results"))
    )
    paginator = client.polls.list_results(POLL_ID, question=1)

    first = [r.id for r in paginator]
    second = [r.id for r in paginator]

    assert first == second == ["a1", "a2", "b1", "c1"]
    assert starts_of(route) == [None, "a2", "b1"] * 2
    assert all(c.request.url.params["question"] == "1" for c in route.calls)


def test_missing_id_is_a_decode_error(
    client: SyncHMSClient, respx_router: respx.MockRouter
) -> None:
    """A poll without its id is a ResponseDecodeError, not a KeyError."""
    respx_router.get(f"polls/{POLL_ID}").respond(json={"title": "x"})

    with pytest.raises(ResponseDecodeError):
        client.polls.retrieve(POLL_ID)
