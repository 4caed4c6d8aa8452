"""Routes: polls and quizzes (§2.11)."""

from __future__ import annotations

from ._http import bad_request, not_found
from ._pagination import page_c
from ._polls import build_option, build_poll, build_question, public
from ._router import Call, Reply, Router
from ._state import JSON

__all__ = ["router"]

router = Router()


def _poll(call: Call) -> JSON:
    poll = call.state.polls.get(call.params["poll_id"])
    if poll is None:
        raise not_found("poll")
    return poll


def _index(call: Call, name: str, items: list[JSON], *, allow_new: bool) -> int:
    raw = call.params[name]
    top = len(items) + (1 if allow_new else 0)
    if not raw.isdigit() or not 1 <= int(raw) <= top:
        raise not_found(name.replace("_id", ""))
    return int(raw)


def _rewrite_body(call: Call, index: int) -> JSON:
    """The body of a question/option rewrite: its ``index``, when sent, is the path's."""
    body = call.obj()
    sent = body.get("index")
    if sent is not None and (
        isinstance(sent, bool) or not isinstance(sent, int) or sent != index
    ):
        raise bad_request(f"Invalid body param: index must be {index}, as in the path")
    return body


@router.route("POST", "/polls")
def _create(call: Call) -> JSON:
    poll = build_poll(call.obj(), call.state.ids.object_id())
    call.state.polls[poll["id"]] = poll
    return poll


@router.route("POST", "/polls/{poll_id}")
def _update(call: Call) -> JSON:
    poll = build_poll(call.obj(), _poll(call)["id"])
    call.state.polls[poll["id"]] = poll
    return poll


@router.route("GET", "/polls/{poll_id}")
def _get(call: Call) -> JSON:
    return _poll(call)


@router.route("POST", "/polls/{poll_id}/questions/{question_id}")
def _put_question(call: Call) -> JSON:
    questions: list[JSON] = _poll(call)["questions"]
    index = _index(call, "question_id", questions, allow_new=True)
    question = build_question(_rewrite_body(call, index), index)
    if index > len(questions):
        questions.append(question)
    else:
        questions[index - 1] = question
    return question


@router.route("DELETE", "/polls/{poll_id}/questions/{question_id}")
def _delete_question(call: Call) -> Reply:
    questions: list[JSON] = _poll(call)["questions"]
    del questions[_index(call, "question_id", questions, allow_new=False) - 1]
    for number, question in enumerate(questions, 1):
        question["index"] = number
    return Reply(204, None)


def _options(call: Call) -> list[JSON]:
    questions: list[JSON] = _poll(call)["questions"]
    question = questions[_index(call, "question_id", questions, allow_new=False) - 1]
    options: list[JSON] = question["options"]
    return options


@router.route("POST", "/polls/{poll_id}/questions/{question_id}/options/{option_id}")
def _put_option(call: Call) -> JSON:
    options = _options(call)
    index = _index(call, "option_id", options, allow_new=True)
    option = build_option(_rewrite_body(call, index), index)
    if index > len(options):
        options.append(option)
    else:
        options[index - 1] = option
    return option


@router.route("DELETE", "/polls/{poll_id}/questions/{question_id}/options/{option_id}")
def _delete_option(call: Call) -> Reply:
    options = _options(call)
    del options[_index(call, "option_id", options, allow_new=False) - 1]
    for number, option in enumerate(options, 1):
        option["index"] = number
    return Reply(204, None)


@router.route("GET", "/polls/{poll_id}/sessions")
def _sessions(call: Call) -> JSON:
    poll = _poll(call)
    items = [s for s in call.state.poll_sessions.values() if s["poll_id"] == poll["id"]]
    return page_c(call, items, "responses")


def _by_question(call: Call, items: list[JSON]) -> list[JSON]:
    question = call.q("question")
    if question:
        number = call.q_int("question", 1, 1, 10_000)
        items = [i for i in items if i["question"] == number]
    return items


@router.route("GET", "/polls/{poll_id}/responses")
def _responses(call: Call) -> JSON:
    poll = _poll(call)
    items = [
        r for r in call.state.poll_responses.values() if r["poll_id"] == poll["id"]
    ]
    if not call.q_bool("all"):
        items = [r for r in items if not r.get("_superseded")]
    page = page_c(call, _by_question(call, items), "responses")
    page["responses"] = [public(r) for r in page["responses"]]
    return page


@router.route("GET", "/polls/{poll_id}/responses/{response_id}")
def _response(call: Call) -> JSON:
    poll = _poll(call)
    found = call.state.poll_responses.get(call.params["response_id"])
    if found is None or found["poll_id"] != poll["id"]:
        raise not_found("response")
    return public(found)


@router.route("GET", "/polls/{poll_id}/results")
def _results(call: Call) -> JSON:
    poll = _poll(call)
    items = [r for r in call.state.poll_results.values() if r["poll_id"] == poll["id"]]
    page = page_c(call, _by_question(call, items), "results")
    page["results"] = [public(r) for r in page["results"]]
    return page


@router.route("GET", "/polls/{poll_id}/results/{result_id}")
def _result(call: Call) -> JSON:
    poll = _poll(call)
    found = call.state.poll_results.get(call.params["result_id"])
    if found is None or found["poll_id"] != poll["id"]:
        raise not_found("result")
    return public(found)
