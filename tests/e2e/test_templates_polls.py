"""End to end: templates with roles, settings, destinations and recordings; polls."""

from __future__ import annotations

from typing import Any

import pytest

from hms_async import NotFoundError
from hms_async.models import Region, TemplateRtmpDestination

from ._support import Env, bounded

QUIZ: list[dict[str, Any]] = [
    {
        "text": "2 + 2?",
        "type": "single-choice",
        "options": [{"text": "4"}, {"text": "5"}, {"text": "22"}],
        "answer": {"options": [1]},
    },
    {"text": "Any comment?", "type": "short-answer"},
]


@bounded
async def test_templates_list_over_pages(env: Env) -> None:
    """Eleven new templates and the default one list as 10 + 2."""
    hms = env.hms
    made = [(await hms.templates.create(name=f"tpl-{n:02d}")).id for n in range(11)]

    pages = [p async for p in hms.templates.list(limit=10).pages()]

    ids = [t.id for p in pages for t in p.data]
    assert [len(p.data) for p in pages] == [10, 2]
    assert sorted(ids) == sorted([*made, env.fake.default_template_id])
    assert env.starts("/templates") == [None, pages[0].last]
    with pytest.raises(ValueError, match="limit"):
        await hms.templates.list(limit=1)


@bounded
async def test_template_roles_settings_destinations_recordings(env: Env) -> None:
    """A template's roles, settings, destinations and recording configs change and stick."""
    hms, fake = env.hms, env.fake
    template = await hms.templates.create(
        name="webinar", roles={"speaker": {}, "listener": {}}
    )

    speaker = await hms.templates.update_role(
        template.id, "speaker", priority=1, max_peer_count=2
    )
    await hms.templates.delete_role(template.id, "listener")
    settings = await hms.templates.update_settings(template.id, region=Region.EU)
    destinations = await hms.templates.update_destinations(
        template.id,
        rtmp_destinations={
            "yt": TemplateRtmpDestination(
                name="yt", rtmp_urls=["rtmp://a.rtmp.youtube.com/live2/k"]
            )
        },
    )
    configs = await hms.templates.update_recordings(
        template.id, [{"name": "main", "role": "speaker"}]
    )
    again = await hms.templates.retrieve(template.id)
    role = await hms.templates.retrieve_role(template.id, "speaker")
    stored = await hms.templates.retrieve_destinations(template.id)
    room = await hms.rooms.create(name="webinar-room", template_id=template.id)
    codes = await hms.room_codes.create(room.id)

    assert (speaker.priority, speaker.max_peer_count) == (1, 2)
    assert sorted(again.roles) == ["speaker"]
    assert (role.priority, role.max_peer_count) == (1, 2)
    assert settings.region == Region.EU
    assert (await hms.templates.retrieve_settings(template.id)).region == Region.EU
    assert sorted(destinations.rtmp_destinations or {}) == ["yt"]
    assert stored.rtmp_destinations is not None
    assert stored.rtmp_destinations["yt"].rtmp_urls == [
        "rtmp://a.rtmp.youtube.com/live2/k"
    ]
    assert [(c.name, c.role) for c in configs] == [("main", "speaker")]
    assert [
        (c.name, c.role) for c in await hms.templates.retrieve_recordings(template.id)
    ] == [("main", "speaker")]
    assert [c.role for c in codes] == ["speaker"]
    with pytest.raises(NotFoundError):
        await hms.templates.retrieve_role(template.id, "listener")
    fake.join(room.id, role="speaker")
    fake.join(room.id, role="speaker")
    with pytest.raises(ValueError, match="role not allowed"):
        fake.join(room.id, role="speaker")
    with pytest.raises(ValueError, match="configs"):
        await hms.templates.update_recordings(template.id, [])


@bounded
async def test_quiz_answers_responses_results_and_sessions(env: Env) -> None:
    """A quiz linked to a room collects a dozen answers, listed page by page."""
    hms, fake = env.hms, env.fake
    poll = await hms.polls.create(title="Quiz", type="quiz", questions=QUIZ)
    room = await hms.rooms.create(name="quiz-room", polls=[poll.id])
    peers = [fake.join(room.id, role="guest", user_id=f"p{n:02d}") for n in range(12)]
    for n, peer in enumerate(peers):
        fake.answer_poll(poll.id, peer.id, question=1, options=[1 if n % 3 else 2])

    pages = [p async for p in hms.polls.list_responses(poll.id, limit=10).pages()]
    responses = [r for p in pages for r in p.data]
    results = [r async for r in hms.polls.list_results(poll.id, limit=10)]
    sessions = [s async for s in hms.polls.list_sessions(poll.id)]
    one = await hms.polls.retrieve_response(poll.id, responses[5].id)
    result = await hms.polls.retrieve_result(poll.id, results[0].id)

    assert [len(p.data) for p in pages] == [10, 2]
    assert {r.peer_id for r in responses} == {p.id for p in peers}
    assert all(r.question == 1 for r in responses)
    assert one.id == responses[5].id
    assert one.session_id == peers[0].session_id
    assert len(results) == 12
    assert result.id == results[0].id
    assert sorted(r.score or 0 for r in results).count(0) == 4
    assert [(s.session_id, s.total_responses) for s in sessions] == [
        (peers[0].session_id, 12)
    ]


@bounded
async def test_poll_questions_and_options_are_edited(env: Env) -> None:
    """Options and questions are rewritten and deleted; the poll reflects each step."""
    hms = env.hms
    poll = await hms.polls.create(title="Lunch", type="poll", questions=QUIZ[:1])

    option = await hms.polls.update_option(poll.id, 1, 3, text="four")
    await hms.polls.delete_option(poll.id, 1, 2)
    trimmed = await hms.polls.retrieve(poll.id)
    await hms.polls.update_question(
        poll.id, 1, text="Two plus two?", type="single-choice", options=[{"text": "4"}]
    )
    rewritten = await hms.polls.retrieve(poll.id)
    await hms.polls.delete_question(poll.id, 1)
    empty = await hms.polls.retrieve(poll.id)
    renamed = await hms.polls.update(  # a rewrite: what is not sent is reset
        poll.id, title="Lunch quiz", questions=QUIZ[1:]
    )

    assert option.text == "four"
    assert [o.text for o in trimmed.questions[0].options] == ["4", "four"]
    assert [q.text for q in rewritten.questions] == ["Two plus two?"]
    assert [o.text for o in rewritten.questions[0].options] == ["4"]
    assert empty.questions == []
    assert renamed.title == "Lunch quiz"
    assert [q.text for q in renamed.questions] == ["Any comment?"]
    with pytest.raises(ValueError, match="limit"):
        await hms.polls.list_responses(poll.id, limit=1000)
