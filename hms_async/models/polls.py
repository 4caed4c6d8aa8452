"""Polls and quizzes (`/polls`): the poll, its questions, and who answered what."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from .._serde import EMPTY, converter, parser

__all__ = [
    "Poll",
    "PollAnswer",
    "PollAttachment",
    "PollMode",
    "PollOption",
    "PollQuestion",
    "PollQuestionType",
    "PollResponse",
    "PollResult",
    "PollSession",
    "PollStart",
    "PollType",
]


class PollType(enum.StrEnum):
    """Whether answers are scored (`quiz`) or not (`poll`)."""

    POLL = "poll"
    QUIZ = "quiz"


class PollMode(enum.StrEnum):
    """What identifies a voter: the user id (default) or the peer id."""

    USERID = "userid"
    PEERID = "peerid"


class PollStart(enum.StrEnum):
    """When a poll linked to a room starts: with the session, or on demand."""

    AUTO = "auto"
    MANUAL = "manual"


class PollQuestionType(enum.StrEnum):
    """The kind of answer a question takes."""

    SINGLE_CHOICE = "single-choice"
    MULTIPLE_CHOICE = "multiple-choice"
    SHORT_ANSWER = "short-answer"
    LONG_ANSWER = "long-answer"


@attrs.define(kw_only=True)
class PollAttachment:
    """A file shown with a question (a bare URL string from the API becomes `url`)."""

    type: str | None = None
    url: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollOption:
    """One choice of a question; `index` is its 1-based position."""

    index: int | None = None
    text: str | None = None
    weight: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollAnswer:
    """The correct answer of a quiz question.

    `options` are 1-based option indexes; `case=False` compares text
    answers ignoring case; `hidden` hides the answer while the poll runs.
    """

    hidden: bool | None = None
    options: list[int] = attrs.field(factory=list)
    text: str | None = None
    case: bool | None = None
    trim: bool | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollQuestion:
    """One question of a poll.

    Attributes:
        index: Its 1-based position, which addresses it in the API.
        text: The question.
        type: `single-choice`, `multiple-choice`, `short-answer` or
            `long-answer`.
        options: The choices, each with its own 1-based `index`.
        answer: The correct answer, for quizzes.
        skippable: Whether it may be left unanswered.
        once: Whether an answer is final.
        weight: Its weight in a quiz score.
        duration: How long it may be answered, in seconds.
    """

    index: int | None = None
    text: str | None = None
    format: str | None = None
    attachment: list[PollAttachment] = attrs.field(factory=list)
    skippable: bool | None = None
    duration: int | None = None
    once: bool | None = None
    weight: int | None = None
    answer_min_len: int | None = None
    answer_max_len: int | None = None
    type: PollQuestionType | str | None = None
    answer: PollAnswer | None = None
    options: list[PollOption] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Poll:
    """A poll or quiz, with its questions.

    Attributes:
        id: The poll's id; link it to rooms with `hms.rooms.update(polls=...)`.
        title: Its title.
        duration: How long it runs, in seconds; 0 until stopped.
        anonymous: Whether answers are stored without peer or user ids.
        mode: What identifies a voter: `userid` or `peerid`.
        type: `poll` or `quiz` (scored).
        start: `auto` (with the session of a linked room) or `manual`.
        questions: Its questions, in order.
    """

    id: str
    title: str | None = None
    duration: int | None = None
    anonymous: bool | None = None
    mode: PollMode | str | None = None
    type: PollType | str | None = None
    start: PollStart | str | None = None
    questions: list[PollQuestion] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollSession:
    """One run of a poll in a room session, with its totals."""

    id: str
    poll_id: str | None = None
    session_id: str | None = None
    started_at: dt.datetime | None = None
    stopped_at: dt.datetime | None = None
    total_responses: int | None = None
    unique_participants: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollResponse:
    """One peer's answer to one question; `question` is the 1-based index.

    The docs do not show how chosen options are sent; whatever the API adds
    (such as `options`) is kept in `extra_fields`.
    """

    id: str
    poll_id: str | None = None
    session_id: str | None = None
    question: int | None = None
    duration: int | None = None
    skipped: bool | None = None
    text: str | None = None
    update: bool | None = None
    original_response: str | None = None
    retries: int | None = None
    sent_at: dt.datetime | None = None
    peer_id: str | None = None
    user_id: str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class PollResult:
    """A participant's quiz score for a question."""

    id: str
    poll_id: str | None = None
    session_id: str | None = None
    question: int | None = None
    duration: int | None = None
    peer_id: str | None = None
    user_id: str | None = None
    score: int | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


def _structure_attachment(value: Any, _type: Any = None) -> PollAttachment:
    # The field table documents "list of URLs", the examples use objects: take both.
    if type(value) is str:
        return PollAttachment(url=value)
    return _compiled_attachment(value)


_compiled_attachment = parser(PollAttachment)
converter.register_structure_hook_func(
    lambda tp: tp is PollAttachment, _structure_attachment
)
