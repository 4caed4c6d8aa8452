"""Polls and quizzes: body normalisation, answers, sessions and results."""

from __future__ import annotations

import copy
from typing import Any

from ._http import ApiError, bad_request, not_found
from ._state import JSON, State
from ._validate import opt_bool, opt_int, opt_str

__all__ = ["answer", "build_option", "build_poll", "build_question"]

QUESTION_TYPES = ("single-choice", "multiple-choice", "short-answer", "long-answer")
_CHOICES: dict[str, tuple[str, ...]] = {
    "mode": ("userid", "peerid"),
    "type": ("poll", "quiz"),
    "start": ("auto", "manual"),
}


def _choice(body: JSON, name: str) -> str:
    value = opt_str(body, name) or _CHOICES[name][0]
    if value not in _CHOICES[name]:
        raise bad_request(f"Invalid body param: {name} must be one of {_CHOICES[name]}")
    return value


def build_poll(body: JSON, poll_id: str) -> JSON:
    """Return a full poll object from a create/update body."""
    questions: Any = body.get("questions") or []
    if not isinstance(questions, list):
        raise bad_request("Invalid body param: questions must be a list")
    duration = opt_int(body, "duration") or 0
    if duration < 0:
        raise bad_request("Invalid body param: duration must not be negative")
    return {
        "id": poll_id,
        "title": opt_str(body, "title") or "",
        "duration": duration,
        "anonymous": bool(opt_bool(body, "anonymous")),
        "mode": _choice(body, "mode"),
        "type": _choice(body, "type"),
        "start": _choice(body, "start"),
        "questions": [build_question(q, i) for i, q in enumerate(questions, 1)],
    }


def build_question(body: Any, index: int) -> JSON:
    """Return a full question object at 1-based ``index``."""
    if not isinstance(body, dict):
        raise bad_request("Invalid body param: a question must be an object")
    kind = opt_str(body, "type") or "single-choice"
    if kind not in QUESTION_TYPES:
        raise bad_request(f"Invalid body param: question type {kind}")
    options: Any = body.get("options") or []
    if not isinstance(options, list):
        raise bad_request("Invalid body param: options must be a list")
    question: JSON = {
        "index": index,
        "text": opt_str(body, "text") or "",
        "format": opt_str(body, "format") or "text",
        "attachment": copy.deepcopy(body.get("attachment") or []),
        "skippable": body.get("skippable", True) is not False,
        "duration": opt_int(body, "duration") or 0,
        "once": bool(opt_bool(body, "once")),
        "weight": opt_int(body, "weight") or 1,
        "type": kind,
        "answer": copy.deepcopy(body.get("answer") or {}),
        "options": [build_option(o, i) for i, o in enumerate(options, 1)],
    }
    for bound in ("answer_min_len", "answer_max_len"):
        if opt_int(body, bound) is not None:
            question[bound] = body[bound]
    return question


def build_option(body: Any, index: int) -> JSON:
    """Return a full option object at 1-based ``index``."""
    if not isinstance(body, dict):
        raise bad_request("Invalid body param: an option must be an object")
    return {
        "index": index,
        "text": opt_str(body, "text") or "",
        "weight": opt_int(body, "weight") or 1,
    }


def _is_correct(question: JSON, options: list[int], text: str) -> bool:
    expected = question.get("answer") or {}
    if question["type"] in ("single-choice", "multiple-choice"):
        return sorted(options) == sorted(expected.get("options") or [])
    wanted, given = str(expected.get("text", "")), text
    if expected.get("trim", True):
        wanted, given = wanted.strip(), given.strip()
    if not expected.get("case", False):
        wanted, given = wanted.casefold(), given.casefold()
    return bool(wanted) and wanted == given


def answer(
    state: State,
    poll_id: str,
    peer_id: str,
    question_index: int,
    options: list[int],
    text: str,
    duration: int,
) -> JSON:
    """Record a connected peer's answer; update the poll session and results."""
    poll = state.polls.get(poll_id)
    if poll is None:
        raise not_found("poll")
    peer = state.peers.get(peer_id)
    if peer is None:
        raise not_found("peer")
    if not 1 <= question_index <= len(poll["questions"]):
        raise not_found("question")
    question = poll["questions"][question_index - 1]
    session_id = state.active_sessions[state.peer_rooms[peer_id]]
    previous = _previous(state, poll_id, session_id, peer_id, question_index)
    if previous is not None and question["once"]:
        raise ApiError(
            400, "response cannot be updated", ["question allows one answer"]
        )
    response = _response(
        state, poll, peer, session_id, question_index, options, text, duration
    )
    if previous is not None:
        previous["_superseded"] = True
        response.update(update=True, original_response=previous["id"])
    state.poll_responses[response["id"]] = response
    _touch_session(state, poll_id, session_id)
    _score(state, poll, question, response, _is_correct(question, options, text))
    return response


def _previous(
    state: State, poll_id: str, session_id: str, peer_id: str, question: int
) -> JSON | None:
    for response in state.poll_responses.values():
        if (
            response["poll_id"] == poll_id
            and response["session_id"] == session_id
            and response["_peer"] == peer_id
            and response["question"] == question
            and not response.get("_superseded")
        ):
            return response
    return None


def _response(
    state: State,
    poll: JSON,
    peer: JSON,
    session_id: str,
    question: int,
    options: list[int],
    text: str,
    duration: int,
) -> JSON:
    anonymous = poll["anonymous"]
    return {
        "id": state.ids.object_id(),
        "poll_id": poll["id"],
        "session_id": session_id,
        "duration": duration,
        "question": question,
        "skipped": not options and not text,
        "text": text,
        "options": list(options),
        "update": False,
        "original_response": "",
        "retries": 0,
        "sent_at": state.clock.stamp(),
        "peer_id": "" if anonymous else peer["id"],
        "user_id": "" if anonymous else peer["user_id"],
        "_peer": peer["id"],
        "_user": peer["user_id"],
    }


def _touch_session(state: State, poll_id: str, session_id: str) -> None:
    key = f"{poll_id}:{session_id}"
    if key not in state.poll_sessions:
        state.poll_sessions[key] = {
            "id": state.ids.object_id(),
            "poll_id": poll_id,
            "session_id": session_id,
            "started_at": state.clock.stamp(),
            "stopped_at": None,
            "total_responses": 0,
            "unique_participants": 0,
        }
    record = state.poll_sessions[key]
    mine = [
        r
        for r in state.poll_responses.values()
        if r["poll_id"] == poll_id and r["session_id"] == session_id
    ]
    record["total_responses"] = len(mine)
    record["unique_participants"] = len({r["_user"] for r in mine})


def _score(
    state: State, poll: JSON, question: JSON, response: JSON, correct: bool
) -> None:
    key = (poll["id"], response["session_id"], response["_peer"], question["index"])
    for result in state.poll_results.values():
        if result["_key"] == key:
            break
    else:
        result = {"id": state.ids.object_id(), "_key": key}
        state.poll_results[result["id"]] = result
    result.update(
        poll_id=poll["id"],
        session_id=response["session_id"],
        question=question["index"],
        duration=response["duration"],
        peer_id=response["peer_id"],
        user_id=response["user_id"],
        score=question["weight"] * 100 if correct and poll["type"] == "quiz" else 0,
    )


def public(item: JSON) -> JSON:
    """Return a stored poll item without its internal keys."""
    return {k: v for k, v in item.items() if not k.startswith("_")}
