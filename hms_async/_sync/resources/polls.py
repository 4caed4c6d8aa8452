# Generated from hms_async/resources/polls.py by scripts/unasync.py: do not edit.
# Change the async source, then run `python scripts/unasync.py`.
"""`hms.polls`: polls and quizzes, with questions, options, responses, results.

100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/overview>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from hms_async._call_options import RequestOptions
from hms_async._encoding import body
from hms_async._pagination import POLL
from hms_async._parsers import ignore, model
from hms_async._sync._pagination import SyncPaginator
from hms_async._sync.resources._base import Resource
from hms_async.models.polls import (
    Poll,
    PollAnswer,
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
from hms_async.resources._base import check_ints, check_limit
from hms_async.resources.polls import (
    _OPTION,
    AttachmentArg,
    OptionArg,
    QuestionArg,
    _index,
    _indexes,
    _not_empty,
)

__all__ = ["PollsResource"]


class PollsResource(Resource):
    """Polls and quizzes, with their questions, options, responses and results.

    Reach it as `hms.polls`. Link a poll to a room with
    `hms.rooms.update(room_id, polls=[poll.id])`; a poll whose `start` is
    `auto` then starts with each session. Questions and options are addressed
    by their 1-based index, and deleting one moves the later ones down. The
    read paths of the sub-lists are documented inconsistently by 100ms, so
    check them against the live API before relying on them.

    Ids are checked before anything is sent: an empty one raises `ValueError`.
    The errors any call can raise (401, 429, 5xx, no answer) are listed in
    `hms_async.errors`; each method lists the answers particular to it.
    """

    def create(
        self,
        *,
        title: str | None = None,
        duration: int | None = None,
        anonymous: bool | None = None,
        mode: PollMode | str | None = None,
        type: PollType | str | None = None,
        start: PollStart | str | None = None,
        questions: Sequence[QuestionArg] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> Poll:
        """Create a poll or quiz.

        Not retried once sent: a repeat would create a second poll.

        Args:
            title: The poll's title.
            duration: How long it runs, in whole seconds; 0 runs it until it is
                stopped or the session ends.
            anonymous: `True` stores no peer or user ids with the answers.
            mode: What identifies a voter: `userid` (the API's default) or
                `peerid` (a [PollMode][hms_async.models.PollMode] or the string).
            type: `poll` (the default) or `quiz` (answers are scored).
            start: `auto` (the default: starts with the session of a linked room)
                or `manual`.
            questions: The questions, [PollQuestion][hms_async.models.PollQuestion]s
                or mappings: `text`, `type` (`single-choice`, `multiple-choice`,
                `short-answer`, `long-answer`), `options`, `answer` (for quizzes),
                `skippable`, `once`, `weight`, `duration`, `answer_min_len`,
                `answer_max_len`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The poll, with its `id`.

        Raises:
            TypeError: `duration` is not an int.
            BadRequestError: The API refused the body.

        Example:
            ```python
            poll = hms.polls.create(
                title="Lunch?",
                questions=[
                    {
                        "text": "Pizza or salad?",
                        "type": "single-choice",
                        "options": [{"text": "Pizza"}, {"text": "Salad"}],
                    }
                ],
            )
            hms.rooms.update(room.id, polls=[poll.id])
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/create-polls-via-api>
        """
        check_ints(duration=duration)
        payload = body(
            title=title,
            duration=duration,
            anonymous=anonymous,
            mode=mode,
            type=type,
            start=start,
            questions=questions,
        )
        return self._requester.request(
            "POST",
            "polls",
            json=payload,
            parse=model(Poll),
            options=request_options,
        )

    def update(
        self,
        poll_id: str,
        *,
        title: str | None = None,
        duration: int | None = None,
        anonymous: bool | None = None,
        mode: PollMode | str | None = None,
        type: PollType | str | None = None,
        start: PollStart | str | None = None,
        questions: Sequence[QuestionArg] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> Poll:
        """Rewrite a poll: fields not passed go back to their defaults on the server.

        Sending the same poll twice is harmless, so the call is retried like a GET.

        Args:
            poll_id: The poll's id.
            title: The poll's title.
            duration: How long it runs, in whole seconds; 0 runs it until it is
                stopped or the session ends.
            anonymous: `True` stores no peer or user ids with the answers.
            mode: What identifies a voter: `userid` (the API's default) or
                `peerid` (a [PollMode][hms_async.models.PollMode] or the string).
            type: `poll` (the default) or `quiz` (answers are scored).
            start: `auto` (the default: starts with the session of a linked room)
                or `manual`.
            questions: The questions, [PollQuestion][hms_async.models.PollQuestion]s
                or mappings: `text`, `type` (`single-choice`, `multiple-choice`,
                `short-answer`, `long-answer`), `options`, `answer` (for quizzes),
                `skippable`, `once`, `weight`, `duration`, `answer_min_len`,
                `answer_max_len`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The poll as stored.

        Raises:
            ValueError: No field is passed, or `poll_id` is empty; nothing is
                sent.
            TypeError: `duration` is not an int.
            NotFoundError: No poll has this id.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/update-polls-via-api>
        """
        check_ints(duration=duration)
        payload = body(
            title=title,
            duration=duration,
            anonymous=anonymous,
            mode=mode,
            type=type,
            start=start,
            questions=questions,
        )
        return self._requester.request(
            "POST",
            "polls/{poll_id}",
            poll_id,
            json=_not_empty(payload, "update"),
            parse=model(Poll),
            idempotent=True,
            options=request_options,
        )

    def retrieve(self, poll_id: str, **request_options: Unpack[RequestOptions]) -> Poll:
        """Get a poll with its questions, options and answers.

        Args:
            poll_id: The poll's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The poll.

        Raises:
            NotFoundError: No poll has this id.
            ValueError: `poll_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-via-api>
        """
        return self._requester.request(
            "GET",
            "polls/{poll_id}",
            poll_id,
            parse=model(Poll),
            options=request_options,
        )

    def update_question(
        self,
        poll_id: str,
        question_id: int,
        *,
        text: str | None = None,
        format: str | None = None,
        attachment: Sequence[AttachmentArg] | None = None,
        skippable: bool | None = None,
        duration: int | None = None,
        once: bool | None = None,
        weight: int | None = None,
        answer_min_len: int | None = None,
        answer_max_len: int | None = None,
        type: PollQuestionType | str | None = None,
        answer: PollAnswer | Mapping[str, Any] | None = None,
        options: Sequence[OptionArg] | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> PollQuestion:
        """Rewrite one question of a poll; fields not passed go back to their defaults.

        The body is the whole question, its `index` included, as the API's
        docs send it.

        Retried like a GET: rewriting the same question twice is harmless.

        Args:
            poll_id: The poll's id.
            question_id: The question's 1-based index.
            text: The question.
            format: The text's format (the API's default is `"text"`).
            attachment: Files shown with the question:
                [PollAttachment][hms_async.models.PollAttachment]s or
                `{"type": mime, "url": ...}`.
            skippable: Whether it may be left unanswered (the API's default is
                `True`).
            duration: How long it may be answered, in whole seconds.
            once: `True` means an answer cannot be changed (default `False`).
            weight: Its weight in a quiz score (default 1).
            answer_min_len: The shortest answer accepted (short and long
                answers).
            answer_max_len: The longest answer accepted.
            type: `single-choice`, `multiple-choice`, `short-answer` or
                `long-answer`.
            answer: The correct answer of a quiz question (a
                [PollAnswer][hms_async.models.PollAnswer] or its JSON): `options`
                (1-based indexes) or `text`, and `hidden`, `case`, `trim`.
            options: The choices: [PollOption][hms_async.models.PollOption]s or
                `{"text": ..., "weight": ...}`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The question as stored.

        Raises:
            ValueError: `question_id` is below 1, no field is passed, or
                `poll_id` is empty; nothing is sent.
            TypeError: `question_id`, `duration`, `weight`, `answer_min_len` or
                `answer_max_len` is not an int.
            NotFoundError: No poll has this id, or it has no such question.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/update-polls-question-via-api>
        """
        question = _index("question_id", question_id)
        check_ints(
            duration=duration,
            weight=weight,
            answer_min_len=answer_min_len,
            answer_max_len=answer_max_len,
        )
        payload = body(
            index=question_id,
            text=text,
            format=format,
            attachment=attachment,
            skippable=skippable,
            duration=duration,
            once=once,
            weight=weight,
            answer_min_len=answer_min_len,
            answer_max_len=answer_max_len,
            type=type,
            answer=answer,
            options=options,
        )
        return self._requester.request(
            "POST",
            "polls/{poll_id}/questions/{question_id}",
            poll_id,
            question,
            json=_not_empty(payload, "update_question", index=True),
            parse=model(PollQuestion),
            idempotent=True,
            options=request_options,
        )

    def delete_question(
        self, poll_id: str, question_id: int, **request_options: Unpack[RequestOptions]
    ) -> None:
        """Delete one question of a poll; the questions after it move down by one.

        Never retried: a repeated delete would remove the next question.

        Args:
            poll_id: The poll's id.
            question_id: The question's 1-based index.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Raises:
            ValueError: `question_id` is below 1, or `poll_id` is empty; nothing
                is sent.
            TypeError: `question_id` is not an int.
            NotFoundError: No poll has this id, or it has no such question.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/delete-polls-question-via-api>
        """
        question = _index("question_id", question_id)
        self._requester.request(
            "DELETE",
            "polls/{poll_id}/questions/{question_id}",
            poll_id,
            question,
            parse=ignore,
            options=request_options,
        )

    def update_option(
        self,
        poll_id: str,
        question_id: int,
        option_id: int,
        *,
        text: str | None = None,
        weight: int | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> PollOption:
        """Rewrite one option of a question (the body is `{index, text, weight}`).

        Retried like a GET: rewriting the same option twice is harmless.

        Args:
            poll_id: The poll's id.
            question_id: The question's 1-based index.
            option_id: The option's 1-based index.
            text: The option's text.
            weight: Its weight in a quiz score.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The option as stored.

        Raises:
            ValueError: An index is below 1, neither `text` nor `weight` is
                passed, or `poll_id` is empty; nothing is sent.
            TypeError: An index or `weight` is not an int.
            NotFoundError: No such poll, question or option.
            BadRequestError: The API refused the body.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/update-polls-question-option-via-api>
        """
        indexes = _indexes(question_id, option_id)
        check_ints(weight=weight)
        payload = body(index=option_id, text=text, weight=weight)
        return self._requester.request(
            "POST",
            _OPTION,
            poll_id,
            *indexes,
            json=_not_empty(payload, "update_option", index=True),
            parse=model(PollOption),
            idempotent=True,
            options=request_options,
        )

    def delete_option(
        self,
        poll_id: str,
        question_id: int,
        option_id: int,
        **request_options: Unpack[RequestOptions],
    ) -> None:
        """Delete one option of a question; the options after it move down by one.

        Never retried: a repeated delete would remove the next option.

        Args:
            poll_id: The poll's id.
            question_id: The question's 1-based index.
            option_id: The option's 1-based index.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Raises:
            ValueError: An index is below 1, or `poll_id` is empty; nothing is
                sent.
            TypeError: An index is not an int.
            NotFoundError: No such poll, question or option.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/delete-polls-question-option-via-api>
        """
        indexes = _indexes(question_id, option_id)
        self._requester.request(
            "DELETE",
            _OPTION,
            poll_id,
            *indexes,
            parse=ignore,
            options=request_options,
        )

    def list_sessions(
        self,
        poll_id: str,
        *,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[PollSession]:
        """List the room sessions the poll ran in, with their totals, lazily.

        Args:
            poll_id: The poll's id.
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of poll sessions:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100, or `poll_id` is empty
                (raised at the call).
            TypeError: `limit` is not an int (raised at the call).
            NotFoundError: No poll has this id (raised when the first page is fetched or iterated).

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-sessions-via-api>
        """
        check_limit(limit)
        return self._list(
            "polls/{poll_id}/sessions",
            PollSession,
            {"limit": limit},
            poll_id,
            start=start,
            style=POLL,
            options=request_options,
        )

    def list_responses(
        self,
        poll_id: str,
        *,
        all: bool | None = None,
        question: int | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[PollResponse]:
        """List the answers given to a poll, lazily.

        Args:
            poll_id: The poll's id.
            all: `True` also returns answers that were later replaced by an
                update (the API's default is `False`: the latest answers only).
            question: Only the answers to this question (its 1-based index).
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of responses:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100, `question` is below 1 or
                `poll_id` is empty (raised at the call).
            TypeError: `limit` or `question` is not an int (raised at the call).
            NotFoundError: No poll has this id (raised when the first page is fetched or iterated).

        Example:
            ```python
            for response in hms.polls.list_responses(poll.id, question=1):
                print(response.question, response.text)
            ```

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-responses-via-api>
        """
        check_limit(limit)
        if question is not None:
            _index("question", question)
        params = {"all": all, "question": question, "limit": limit}
        return self._list(
            "polls/{poll_id}/responses",
            PollResponse,
            params,
            poll_id,
            start=start,
            style=POLL,
            options=request_options,
        )

    def retrieve_response(
        self, poll_id: str, response_id: str, **request_options: Unpack[RequestOptions]
    ) -> PollResponse:
        """Get one response to a poll.

        Args:
            poll_id: The poll's id.
            response_id: The response's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The response.

        Raises:
            NotFoundError: No such poll or response.
            ValueError: `poll_id` or `response_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-response-via-api>
        """
        return self._requester.request(
            "GET",
            "polls/{poll_id}/responses/{response_id}",
            poll_id,
            response_id,
            parse=model(PollResponse),
            options=request_options,
        )

    def list_results(
        self,
        poll_id: str,
        *,
        question: int | None = None,
        limit: int = 100,
        start: str | None = None,
        **request_options: Unpack[RequestOptions],
    ) -> SyncPaginator[PollResult]:
        """List per-participant quiz scores, lazily.

        Args:
            poll_id: The poll's id.
            question: Only the results for this question (its 1-based index).
            limit: The page size, 10 to 100.
            start: Resume after a page: pass a page's `next_cursor`.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            A lazy [SyncPaginator][hms_async.SyncPaginator] of results:
                call its `first_page()` for the first page, iterate it for every one.

        Raises:
            ValueError: `limit` is outside 10 to 100, `question` is below 1 or
                `poll_id` is empty (raised at the call).
            TypeError: `limit` or `question` is not an int (raised at the call).
            NotFoundError: No poll has this id (raised when the first page is fetched or iterated).

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-results-via-api>
        """
        check_limit(limit)
        if question is not None:
            _index("question", question)
        params = {"question": question, "limit": limit}
        return self._list(
            "polls/{poll_id}/results",
            PollResult,
            params,
            poll_id,
            start=start,
            style=POLL,
            options=request_options,
        )

    def retrieve_result(
        self, poll_id: str, result_id: str, **request_options: Unpack[RequestOptions]
    ) -> PollResult:
        """Get one result of a poll.

        Args:
            poll_id: The poll's id.
            result_id: The result's id.
            **request_options: The per-call options (`extra_headers`, `extra_query`,
                `extra_body`, `timeout`; see
                [RequestOptions][hms_async.RequestOptions]).

        Returns:
            The result.

        Raises:
            NotFoundError: No such poll or result.
            ValueError: `poll_id` or `result_id` is empty; nothing is sent.

        100ms API reference: <https://www.100ms.live/docs/server-side/v2/api-reference/polls/get-polls-result-via-api>
        """
        return self._requester.request(
            "GET",
            "polls/{poll_id}/results/{result_id}",
            poll_id,
            result_id,
            parse=model(PollResult),
            options=request_options,
        )
