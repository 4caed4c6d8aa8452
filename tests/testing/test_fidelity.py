"""Request shapes the docs describe, sent by the SDK and honoured by the fake."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from hms_async import BadRequestError
from hms_async._pagination import CURSOR, PAGE_NUMBER, POLL
from hms_async._serde import structure, unstructure
from hms_async.models import (
    HlsRecordingConfig,
    PublishParams,
    Role,
    SubscribeParams,
    TemplateTranscription,
    Transcription,
    TranscriptionMode,
)
from hms_async.testing import FakeHMS

pytestmark = pytest.mark.anyio

QUIZ: dict[str, Any] = {
    "title": "q",
    "questions": [
        {"text": "pick", "type": "single-choice", "options": [{"text": "a"}]}
    ],
}


async def test_live_stream_transcription_modes_reach_the_fake() -> None:
    """Transcription(modes=[...]) asks a live stream for captions; recordings refuse live."""
    fake = FakeHMS()
    async with fake.client(max_retries=0) as hms:
        room = await hms.rooms.create(name="live")
        captions = Transcription(modes=[TranscriptionMode.LIVE, "recorded"])
        await hms.live_streams.start(room.id, transcription=captions)
        sent = fake.requests[-1].json
        with pytest.raises(BadRequestError, match="transcription"):
            await hms.recordings.start(room.id, transcription=captions)

    assert sent == {"transcription": {"modes": ["live", "recorded"]}}


async def test_update_question_sends_the_whole_question_with_its_index() -> None:
    """The body carries index; the fake rewrites the question from it."""
    fake = FakeHMS()
    async with fake.client() as hms:
        poll = await hms.polls.create(**QUIZ)
        question = await hms.polls.update_question(
            poll.id, 1, text="again", options=[{"text": "b"}, {"text": "c"}]
        )
        sent = fake.requests[-1].json
        stored = await hms.polls.retrieve(poll.id)

    assert sent == {
        "index": 1,
        "text": "again",
        "options": [{"text": "b"}, {"text": "c"}],
    }
    assert question.index == 1
    assert stored.questions[0].text == "again"
    assert stored.questions[0].type == "single-choice"  # rewritten: the default
    assert [o.text for o in stored.questions[0].options] == ["b", "c"]


async def test_update_option_sends_index_text_and_weight() -> None:
    """update_option posts {index, text, weight}, as the docs' request does."""
    fake = FakeHMS()
    async with fake.client() as hms:
        poll = await hms.polls.create(**QUIZ)
        option = await hms.polls.update_option(poll.id, 1, 1, text="z", weight=3)
        sent = fake.requests[-1].json

    assert sent == {"index": 1, "text": "z", "weight": 3}
    assert (option.index, option.text, option.weight) == (1, "z", 3)


async def test_the_fake_refuses_a_body_index_other_than_the_path() -> None:
    """A rewrite whose body index disagrees with the path is a 400."""
    fake = FakeHMS()
    async with fake.client() as hms, fake.http_client() as http:
        poll = await hms.polls.create(**QUIZ)
        base = f"polls/{poll.id}/questions/1"
        question = await http.post(base, json={"index": 2, "text": "x"})
        option = await http.post(f"{base}/options/1", json={"index": "1"})

    assert question.status_code == 400
    assert "index must be 1" in question.json()["details"][0]
    assert option.status_code == 400


def test_unset_list_fields_of_request_models_are_not_sent() -> None:
    """Unset lists are absent from the JSON; an explicit [] is kept both ways."""
    role = Role(
        name="viewer",
        publish_params=PublishParams(),
        subscribe_params=SubscribeParams(max_subs_bit_rate=100),
    )
    hls = HlsRecordingConfig(hls_vod=True)
    transcription = TemplateTranscription(name="t", role="r")
    explicit = structure({"allowed": [], "subscribeToRoles": []}, PublishParams)

    assert unstructure(role)["publishParams"] == {}
    assert unstructure(role)["subscribeParams"] == {"maxSubsBitRate": 100}
    assert unstructure(hls) == {"hlsVod": True}  # no layers: all of them
    assert unstructure(transcription) == {"name": "t", "role": "r"}
    assert explicit.allowed == []
    assert unstructure(explicit) == {"allowed": [], "subscribeToRoles": []}


async def test_get_modify_post_of_a_template_changes_only_what_changed() -> None:
    """A template read, changed in one field and written back sends the rest as read."""
    fake = FakeHMS()
    async with fake.client() as hms, fake.http_client() as http:
        read = (await http.get(f"templates/{fake.default_template_id}")).json()
        template = await hms.templates.retrieve(fake.default_template_id)
        assert template.settings is not None
        roles = dict(template.roles)
        roles["guest"] = attrs.evolve(roles["guest"], priority=3)
        await hms.templates.update(
            template.id,
            roles=roles,
            settings=template.settings,
            destinations=template.destinations,
        )
        sent = fake.requests[-1].json

    read["roles"]["guest"]["priority"] = 3
    assert sent["roles"] == _without_nulls(read["roles"])
    assert sent["settings"] == _without_nulls(read["settings"])
    assert sent["destinations"] == _without_nulls(read["destinations"])


def _without_nulls(value: Any) -> Any:
    """JSON as the SDK writes it: a null field and a missing one are the same."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def test_page_envelopes_keep_unknown_keys() -> None:
    """Keys beside limit/data/last (and the other styles' own) land in extra_fields."""
    cursor = CURSOR.parse(
        {"limit": 10, "data": [], "last": "", "error": {"code": 0}}, dict
    )
    numbered = PAGE_NUMBER.parse(
        {"events": [], "pagination": {}, "summary": {"total_events": 0}}, dict
    )
    poll = POLL.parse({"limit": 10, "responses": [], "last": ""}, dict)

    assert cursor.extra_fields == {"error": {"code": 0}}
    assert numbered.extra_fields == {"summary": {"total_events": 0}}
    assert poll.extra_fields == {}
    assert "extra_fields" not in repr(cursor)
