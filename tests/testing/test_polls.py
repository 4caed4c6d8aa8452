"""Polls and quizzes: questions, options, answers, sessions and results."""

from __future__ import annotations

from typing import Any

import pytest

from ._helpers import client, create_room, make_fake

pytestmark = pytest.mark.anyio

QUIZ: dict[str, Any] = {
    "title": "Quick check",
    "type": "quiz",
    "start": "auto",
    "questions": [
        {
            "text": "2 + 2 = ?",
            "type": "single-choice",
            "weight": 2,
            "answer": {"options": [2]},
            "options": [{"text": "3"}, {"text": "4"}],
        },
        {"text": "Name?", "type": "short-answer"},
    ],
}


async def test_create_fills_indexes_and_defaults() -> None:
    """Questions and options get 1-based indexes and documented defaults."""
    async with client(make_fake()) as http:
        poll = (await http.post("polls", json=QUIZ)).json()
        read = (await http.get(f"polls/{poll['id']}")).json()

    assert read == poll
    assert [q["index"] for q in poll["questions"]] == [1, 2]
    assert [o["index"] for o in poll["questions"][0]["options"]] == [1, 2]
    assert poll["mode"] == "userid"
    assert poll["questions"][1]["skippable"] is True


async def test_question_and_option_edits_reindex() -> None:
    """Deleting a question or an option re-indexes the later ones (204)."""
    async with client(make_fake()) as http:
        poll = (await http.post("polls", json=QUIZ)).json()
        base = f"polls/{poll['id']}/questions"
        added = await http.post(f"{base}/3", json={"text": "third"})
        gone = await http.delete(f"{base}/1")
        option = await http.post(f"{base}/2/options/1", json={"text": "x"})
        missing = await http.delete(f"{base}/9")
        read = (await http.get(f"polls/{poll['id']}")).json()

    assert added.json()["index"] == 3
    assert gone.status_code == 204
    assert [q["text"] for q in read["questions"]] == ["Name?", "third"]
    assert [q["index"] for q in read["questions"]] == [1, 2]
    assert option.json() == {"index": 1, "text": "x", "weight": 1}
    assert missing.status_code == 404


async def test_answers_make_responses_results_and_sessions() -> None:
    """Answers show up as responses, quiz results and the poll's session."""
    fake = make_fake()
    async with client(fake) as http:
        poll = (await http.post("polls", json=QUIZ)).json()
        room = await create_room(http, name="class", polls=[poll["id"]])
        right = fake.join(room["id"], role="guest", user_id="u1")
        wrong = fake.join(room["id"], role="guest", user_id="u2")
        fake.answer_poll(poll["id"], right.id, question=1, options=[2])
        fake.answer_poll(poll["id"], wrong.id, question=1, options=[1])
        responses = (await http.get(f"polls/{poll['id']}/responses")).json()
        results = (await http.get(f"polls/{poll['id']}/results")).json()
        sessions = (await http.get(f"polls/{poll['id']}/sessions")).json()
        one = await http.get(
            f"polls/{poll['id']}/results/{results['results'][0]['id']}"
        )

    assert set(responses) == {"last", "limit", "responses"}
    assert [r["user_id"] for r in responses["responses"]] == ["u1", "u2"]
    assert {r["user_id"]: r["score"] for r in results["results"]} == {
        "u1": 200,
        "u2": 0,
    }
    assert sessions["responses"][0]["total_responses"] == 2
    assert sessions["responses"][0]["unique_participants"] == 2
    assert one.json() == results["results"][0]


async def test_updated_answers_hide_originals_unless_all() -> None:
    """A changed answer supersedes the original; all=true shows both."""
    fake = make_fake()
    async with client(fake) as http:
        poll = (await http.post("polls", json=QUIZ)).json()
        room = await create_room(http, name="class")
        peer = fake.join(room["id"], role="guest")
        first = fake.answer_poll(poll["id"], peer.id, question=1, options=[1])
        second = fake.answer_poll(poll["id"], peer.id, question=1, options=[2])
        latest = (await http.get(f"polls/{poll['id']}/responses")).json()["responses"]
        every = await http.get(f"polls/{poll['id']}/responses", params={"all": "true"})

    assert [r["id"] for r in latest] == [second["id"]]
    assert second["original_response"] == first["id"]
    assert len(every.json()["responses"]) == 2


async def test_responses_paginate_style_c() -> None:
    """Poll sub-lists page with start=last and an empty last at the end."""
    fake = make_fake()
    async with client(fake) as http:
        poll = (await http.post("polls", json=QUIZ)).json()
        room = await create_room(http, name="class")
        for _ in range(12):
            peer = fake.join(room["id"], role="guest")
            fake.answer_poll(poll["id"], peer.id, question=2, text="Ann")
        first = (await http.get(f"polls/{poll['id']}/responses")).json()
        second = await http.get(
            f"polls/{poll['id']}/responses", params={"start": first["last"]}
        )

    assert len(first["responses"]) == 10
    assert first["last"] == first["responses"][-1]["id"]
    assert len(second.json()["responses"]) == 2
    assert second.json()["last"] == ""


async def test_invalid_poll_bodies_are_400() -> None:
    """Unknown poll type or question type is a 400; unknown poll id a 404."""
    async with client(make_fake()) as http:
        bad_type = await http.post("polls", json={"type": "survey"})
        bad_question = await http.post("polls", json={"questions": [{"type": "essay"}]})
        missing = await http.get("polls/" + "0" * 24)
        bad_link = await http.post("rooms", json={"polls": ["0" * 24]})

    assert bad_type.status_code == 400
    assert bad_question.status_code == 400
    assert missing.status_code == 404
    assert bad_link.status_code == 400
