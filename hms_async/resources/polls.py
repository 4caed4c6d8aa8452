"""``hms.polls``: polls and quizzes, their questions, options, responses and results (§2.11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._pagination import POLL, AsyncPaginator
from .._requester import ignore, model, path
from ..models.polls import (
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
from ._base import Resource, body, check_limit

__all__ = ["PollsResource"]

QuestionArg = PollQuestion | Mapping[str, Any]
AttachmentArg = PollAttachment | Mapping[str, Any]
OptionArg = PollOption | Mapping[str, Any]


def _index(name: str, value: int) -> str:
    """A 1-based question/option index as a path segment; refuses anything below 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be 1 or more (indexes are 1-based), got {value}")
    return str(value)


def _not_empty(payload: dict[str, Any], method: str) -> dict[str, Any]:
    if not payload:
        raise ValueError(f"{method}() needs at least one field: it rewrites the object")
    return payload


class PollsResource(Resource):
    """Polls and quizzes. Link a poll to a room with ``rooms.update(polls=[...])``."""

    async def create(
        self,
        *,
        title: str | None = None,
        duration: int | None = None,
        anonymous: bool | None = None,
        mode: PollMode | str | None = None,
        type: PollType | str | None = None,
        start: PollStart | str | None = None,
        questions: Sequence[QuestionArg] | None = None,
    ) -> Poll:
        """Create a poll or quiz; ``duration`` 0 runs it until it is stopped."""
        payload = body(
            title=title,
            duration=duration,
            anonymous=anonymous,
            mode=mode,
            type=type,
            start=start,
            questions=questions,
        )
        return await self._requester.request(
            "POST", "polls", json=payload, parse=model(Poll)
        )

    async def update(
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
    ) -> Poll:
        """Rewrite a poll: fields not passed go back to their defaults on the server."""
        payload = body(
            title=title,
            duration=duration,
            anonymous=anonymous,
            mode=mode,
            type=type,
            start=start,
            questions=questions,
        )
        return await self._requester.request(
            "POST",
            path("polls", poll_id),
            json=_not_empty(payload, "update"),
            parse=model(Poll),
            idempotent=True,
        )

    async def retrieve(self, poll_id: str) -> Poll:
        """Get a poll with its questions, options and answers."""
        return await self._requester.request(
            "GET", path("polls", poll_id), parse=model(Poll)
        )

    async def update_question(
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
    ) -> PollQuestion:
        """Rewrite the question at 1-based ``question_id`` (fields not passed reset)."""
        question = _index("question_id", question_id)
        payload = body(
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
        return await self._requester.request(
            "POST",
            path("polls", poll_id, "questions", question),
            json=_not_empty(payload, "update_question"),
            parse=model(PollQuestion),
            idempotent=True,
        )

    async def delete_question(self, poll_id: str, question_id: int) -> None:
        """Delete a question; the questions after it move down by one index.

        Never retried: a repeated delete would remove the next question.
        """
        question = _index("question_id", question_id)
        await self._requester.request(
            "DELETE", path("polls", poll_id, "questions", question), parse=ignore
        )

    async def update_option(
        self,
        poll_id: str,
        question_id: int,
        option_id: int,
        *,
        text: str | None = None,
        weight: int | None = None,
    ) -> PollOption:
        """Rewrite the option at 1-based ``option_id`` of a question."""
        segments = self._option_path(poll_id, question_id, option_id)
        payload = body(text=text, weight=weight)
        return await self._requester.request(
            "POST",
            segments,
            json=_not_empty(payload, "update_option"),
            parse=model(PollOption),
            idempotent=True,
        )

    async def delete_option(
        self, poll_id: str, question_id: int, option_id: int
    ) -> None:
        """Delete an option; the options after it move down by one index.

        Never retried: a repeated delete would remove the next option.
        """
        segments = self._option_path(poll_id, question_id, option_id)
        await self._requester.request("DELETE", segments, parse=ignore)

    @staticmethod
    def _option_path(poll_id: str, question_id: int, option_id: int) -> str:
        question = _index("question_id", question_id)
        option = _index("option_id", option_id)
        return path("polls", poll_id, "questions", question, "options", option)

    def list_sessions(
        self, poll_id: str, *, limit: int = 100, start: str | None = None
    ) -> AsyncPaginator[PollSession]:
        """List the room sessions the poll ran in, with their totals, lazily."""
        check_limit(limit)
        return self._list(
            path("polls", poll_id, "sessions"),
            PollSession,
            {"limit": limit},
            start=start,
            style=POLL,
        )

    def list_responses(
        self,
        poll_id: str,
        *,
        all: bool | None = None,
        question: int | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[PollResponse]:
        """List responses, lazily; ``all=True`` adds answers later replaced by an update."""
        check_limit(limit)
        if question is not None:
            _index("question", question)
        params = {"all": all, "question": question, "limit": limit}
        return self._list(
            path("polls", poll_id, "responses"),
            PollResponse,
            params,
            start=start,
            style=POLL,
        )

    async def retrieve_response(self, poll_id: str, response_id: str) -> PollResponse:
        """Get one response."""
        return await self._requester.request(
            "GET",
            path("polls", poll_id, "responses", response_id),
            parse=model(PollResponse),
        )

    def list_results(
        self,
        poll_id: str,
        *,
        question: int | None = None,
        limit: int = 100,
        start: str | None = None,
    ) -> AsyncPaginator[PollResult]:
        """List per-participant quiz scores, lazily; ``question`` filters by index."""
        check_limit(limit)
        if question is not None:
            _index("question", question)
        params = {"question": question, "limit": limit}
        return self._list(
            path("polls", poll_id, "results"),
            PollResult,
            params,
            start=start,
            style=POLL,
        )

    async def retrieve_result(self, poll_id: str, result_id: str) -> PollResult:
        """Get one result."""
        return await self._requester.request(
            "GET",
            path("polls", poll_id, "results", result_id),
            parse=model(PollResult),
        )
