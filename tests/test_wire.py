"""The public path of structuring (``_wire.plain_structure``, no generated code),
forced for every model: it gives what the generated code gives.

Each check runs the same input through the generated code and, forced with
``_fastpaths.force_public(True)``, through the public path, while generating
code fails the test: equal models (``extra_fields`` included), equal JSON
written back, exceptions of the same type and message.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import logging
import os
import pkgutil
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

import attrs
import pytest

from hms_async import HMSClient, Page, _codegen, _fastpaths, models
from hms_async._serde import (
    EMPTY,
    from_dict,
    list_parser,
    parser,
    structure,
    to_dict,
    unstructure,
)
from hms_async.models import (
    Region,
    Role,
    Room,
    Session,
    Template,
    TemplateDestinations,
    TemplatePlugins,
    TemplateSettings,
    Transcription,
    WebhookEvent,
)
from hms_async.testing import FakeHMS

from .helpers import no_fallback
from .payloads_templates import (
    DESTINATIONS,
    GUEST_ROLE,
    HOST_ROLE,
    PLUGINS,
    RECORDING_CONFIGS,
    SETTINGS,
    TEMPLATE,
)

ZERO_TIME = "0001-01-01T00:00:00Z"
ROOM: dict[str, Any] = {
    "id": "631a05390e6ffae22efa610b",
    "name": "physics-class-7b",
    "enabled": True,
    "customer_id": "627cdddff2e4e30487862ad1",
    "recording_info": {
        "enabled": True,
        "upload_info": {
            "type": "s3",
            "location": "my-recordings-bucket",
            "options": {"region": "ap-south-1", "endpoint": "custom"},
        },
    },
    "region": "in",
    "polls": ["655bffeecd34739a72637305"],
    "webhook": {"url": "https://example.com/hook", "headers": {"x-secret": "s"}},
    "created_at": "2022-10-04T12:10:28.939011796Z",
    "updated_at": ZERO_TIME,
    "brand_new_field": {"nested": [1, 2]},
}


def _no_exec(*args: object) -> Any:
    raise AssertionError("code was generated on the public path")


@contextlib.contextmanager
def _public_paths() -> Iterator[None]:
    """Every model on the public path; generating code fails the test."""
    was_forced = not _fastpaths.enabled("no fast path has this name")
    _fastpaths.force_public(True)
    _codegen.forget()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_codegen, "_exec", _no_exec)
            yield
    finally:
        _fastpaths.force_public(was_forced)
        _codegen.forget()


@contextlib.contextmanager
def _fast_paths() -> Iterator[None]:
    """Every model on generated code, compiled and checked afresh; a check that
    fails (the guard would hide the difference) fails the test."""
    _codegen.forget()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_fastpaths, "disable", no_fallback)
        yield


def _both(read: Callable[[], Any]) -> tuple[Any, Any]:
    """``read()`` on the generated code, then on the public path."""
    with _fast_paths():
        fast = read()
    with _public_paths():
        public = read()
    return fast, public


def _outcome(read: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", read()
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _written(value: Any) -> Any:
    """The JSON ``value`` (a model, or a list or map of them) is written back as."""
    if isinstance(value, list):
        return [_written(x) for x in value]
    if isinstance(value, Mapping):
        return {k: _written(x) for k, x in value.items()}
    return to_dict(value)


def _exact(value: Any) -> Any:
    """``value`` with every type spelled out, maps in their order: equal only if
    equal and of the same types (an enum member equals its string)."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return type(value), [(f.name, _exact(getattr(value, f.name))) for f in fields]
    if isinstance(value, list | tuple):
        return type(value), [_exact(x) for x in value]
    if isinstance(value, Mapping):
        return type(value), [(k, _exact(x)) for k, x in value.items()]
    return type(value), value


# --- every model family, as the fake serves it ------------------------------------


async def _setup(fake: FakeHMS, hms: HMSClient) -> dict[str, str]:
    """One of everything: rooms, codes, peers, a finished recording, streams, a
    key, a template, a quiz with an answer, a SIP trunk and call."""
    poll = await hms.polls.create(
        title="Quiz",
        type="quiz",
        questions=[
            {
                "text": "2 + 2?",
                "type": "single-choice",
                "options": [{"text": "4"}, {"text": "5"}],
                "answer": {"options": [1]},
            }
        ],
    )
    room = await hms.rooms.create(name="physics", polls=[poll.id])
    await hms.room_codes.create(room.id)
    ada = fake.join(room.id, role="host", user_id="ada", name="Ada")
    fake.join(room.id, role="guest", user_id="bob", name="Bob")
    fake.answer_poll(poll.id, ada.id, question=1, options=[1])
    session = await hms.sessions.retrieve_active(room.id)
    recording = await hms.recordings.start(room.id)
    fake.advance(recording.id, to="completed")
    live = await hms.live_streams.start(room.id)
    fake.advance(live.id, to="running")
    external = await hms.external_streams.start(
        room.id, rtmp_urls=["rtmp://example.com/live/key"]
    )
    await hms.stream_keys.create(room.id)
    template = await hms.templates.create(name="webinar", roles={"speaker": {}})
    trunk = await hms.sip.create_trunk(
        username="u", password="p", address="sip.example.com", from_="+15550100"
    )
    replay = await hms.analytics.replay_webhooks(room_id=room.id)
    return {
        "room": room.id,
        "poll": poll.id,
        "peer": ada.id,
        "session": session.id,
        "recording": recording.id,
        "live": live.id,
        "external": external.id,
        "template": template.id,
        "trunk": trunk.id,
        "replay": replay.workflow_id,
    }


async def _reads(fake: FakeHMS, hms: HMSClient, ids: dict[str, str]) -> list[Any]:
    """Every read of the services (the same answers each time), and the webhooks."""
    room = ids["room"]
    poll = ids["poll"]
    reads: list[Awaitable[Any]] = [
        hms.rooms.retrieve(room),
        hms.rooms.list(limit=10),
        hms.room_codes.list(room),
        hms.active_rooms.retrieve(room),
        hms.active_rooms.list_peers(room),
        hms.active_rooms.retrieve_peer(room, ids["peer"]),
        hms.sessions.retrieve(ids["session"]),
        hms.sessions.list(room_id=room),
        hms.recordings.retrieve(ids["recording"]),
        hms.recordings.list(room_id=room),
        hms.recording_assets.list(room_id=room),
        hms.live_streams.retrieve(ids["live"]),
        hms.live_streams.list(room_id=room),
        hms.external_streams.retrieve(ids["external"]),
        hms.stream_keys.retrieve(room),
        hms.templates.retrieve(ids["template"]),
        hms.templates.retrieve(fake.default_template_id),
        hms.templates.retrieve_settings(fake.default_template_id),
        hms.templates.retrieve_destinations(fake.default_template_id),
        hms.templates.retrieve_recordings(fake.default_template_id),
        hms.polls.retrieve(poll),
        hms.polls.list_responses(poll),
        hms.polls.list_results(poll),
        hms.polls.list_sessions(poll),
        hms.analytics.list_events(room_id=room),
        hms.analytics.retrieve_peer_stats(
            peer_id=ids["peer"], session_id=ids["session"]
        ),
        hms.analytics.list_webhook_events(room_id=room),
        hms.analytics.retrieve_replay(ids["replay"]),
        hms.sip.update_trunk(  # the same update each time: the same answer
            ids["trunk"],
            username="u",
            password="p",
            address="sip.example.com",
            from_="+15550100",
        ),
    ]
    out = [await read for read in reads]
    events = [structure(event, WebhookEvent) for event in fake.webhook_events]
    return [*out, events]


def _flat(values: Any) -> list[Any]:
    """Every model in ``values`` (pages, lists and maps opened up)."""
    if isinstance(values, Page):
        return _flat(values.data)
    if isinstance(values, Mapping):
        return _flat(list(values.values()))
    if isinstance(values, list):
        return [model for item in values for model in _flat(item)]
    return [values]


async def test_every_service_reads_the_same_on_the_public_path(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every family the fake serves (rooms to SIP, typed webhooks included)
    comes out equal on both paths, writes back the same JSON, and round-trips;
    no generated function fails its check on this data."""
    fake = FakeHMS(seed="public-path")
    async with fake.client(max_retries=0) as hms:
        ids = await _setup(fake, hms)
        with caplog.at_level(logging.DEBUG, logger="hms_async"), _fast_paths():
            fast = await _reads(fake, hms, ids)
        with _public_paths():
            public = await _reads(fake, hms, ids)
            restored = [from_dict(to_dict(m), type(m)) for m in _flat(public)]

    assert [r.message for r in caplog.records if "fast path" in r.message] == []
    assert public == fast
    assert _exact(public) == _exact(fast)
    assert [_written(_flat(x)) for x in public] == [_written(_flat(x)) for x in fast]
    assert _exact(restored) == _exact(_flat(fast))
    families = {type(m).__module__.rsplit(".", 1)[-1] for m in _flat(public)}
    modules = pkgutil.iter_modules(models.__path__)
    assert families == {m.name for m in modules if not m.name.startswith("_")}


TEMPLATES: list[tuple[Any, type[Any]]] = [
    (TEMPLATE, Template),
    (HOST_ROLE, Role),
    (GUEST_ROLE, Role),
    (SETTINGS, TemplateSettings),
    (DESTINATIONS, TemplateDestinations),
    (RECORDING_CONFIGS[0], models.RecordingConfig),
    (PLUGINS, TemplatePlugins),
    (ROOM, Room),
]


@pytest.mark.parametrize(
    ("payload", "cls"), TEMPLATES, ids=[cls.__name__ for _, cls in TEMPLATES]
)
def test_documented_payloads_round_trip_the_same(
    payload: dict[str, Any], cls: type[Any]
) -> None:
    """The reference's template payloads (camelCase) and a full room: equal
    models, the same JSON written back, equal again when read back."""
    fast, public = _both(lambda: structure(copy.deepcopy(payload), cls))
    written = _both(lambda: unstructure(structure(copy.deepcopy(payload), cls)))

    assert public == fast
    assert _exact(public) == _exact(fast)
    assert written[1] == written[0]
    with _public_paths():
        assert structure(written[1], cls) == public


def test_a_page_of_rooms_in_mixed_key_orders() -> None:
    """A page of rooms, key orders and key sets mixed, null items in a list field."""
    keys = list(ROOM)
    items = [
        {key: {**ROOM, "id": f"r{i}"}[key] for key in (keys if i % 3 else keys[::-1])}
        for i in range(12)
    ]
    items += [{"id": "bare"}, {"id": "nulls", "polls": None, "webhook": None}]

    fast, public = _both(lambda: list_parser(parser(Room))(items))

    assert _exact(public) == _exact(fast)
    assert [room.id for room in public] == [f"r{i}" for i in range(12)] + [
        "bare",
        "nulls",
    ]
    assert public[-1].polls == []


# --- the wire rules, on the public path ------------------------------------------


def test_wire_rules_hold_on_the_public_path() -> None:
    """Zero time, nanoseconds, open enums, unknown keys, nulls, nullable lists."""
    with _public_paths():
        room = structure(ROOM, Room)
        bare = structure({"id": "r", "region": "mars", "polls": None}, Room)
        session = structure({"id": "s", "peers": None}, Session)
        transcription = structure({"output_modes": None}, Transcription)
        written = unstructure(room)

    assert room.updated_at is None
    assert room.created_at == dt.datetime(2022, 10, 4, 12, 10, 28, 939011, dt.UTC)
    assert room.region is Region.IN
    assert bare.region == "mars"
    assert type(bare.region) is str
    assert bare.polls == []
    assert bare.extra_fields is EMPTY
    assert session.peers == {}
    assert transcription.output_modes is None
    assert room.extra_fields == {"brand_new_field": {"nested": [1, 2]}}
    assert room.recording_info is not None
    assert room.recording_info.upload_info is not None
    options = room.recording_info.upload_info.options
    assert options is not None
    assert options.extra_fields == {"endpoint": "custom"}
    assert written["brand_new_field"] == {"nested": [1, 2]}
    assert written["created_at"] == "2022-10-04T12:10:28.939011Z"
    assert "updated_at" not in written


BAD: list[tuple[Any, type[Any]]] = [
    ({}, Room),
    ({"name": "no id"}, Room),
    ("room", Room),
    (None, Room),
    ({"id": "r", "polls": "x"}, Room),
    ({"id": "r", "webhook": "x"}, Room),
    ({"id": "r", "webhook": {"headers": {}}}, Room),
    ({"id": "r", "created_at": "yesterday"}, Room),
    ({"id": "r", "created_at": 7}, Room),
    ({"id": "r", "region": ["unhashable"]}, Room),
    ({"id": "r", "recording_info": {"upload_info": 3}}, Room),
    ({"id": "s", "peers": []}, Session),
    ({"custom_vocabulary": "100ms"}, Transcription),
    ({**TEMPLATE, "roles": []}, Template),
    ({"id": "e", "type": "peer.join.success", "data": []}, WebhookEvent),
]


@pytest.mark.parametrize(("payload", "cls"), BAD)
def test_bad_input_raises_the_same_on_both_paths(payload: Any, cls: type[Any]) -> None:
    """Missing keys, wrong JSON types, bad timestamps: the same exception type
    and message, alone and in a list."""
    alone = _both(lambda: _outcome(lambda: structure(copy.deepcopy(payload), cls)))
    listed = _both(
        lambda: _outcome(lambda: list_parser(parser(cls))([{"id": "x"}, payload]))
    )

    assert alone[0][0] in {"KeyError", "TypeError", "ValueError"}
    assert alone[1] == alone[0]
    assert listed[1] == listed[0]


def test_the_environment_variable_forces_the_public_path() -> None:
    """``HMS_ASYNC_PUBLIC_PATHS=1`` at import: no code generated, same models."""
    expected = to_dict(structure(ROOM, Room))
    probe = (
        "import linecache\n"
        "from hms_async._serde import list_parser, parser, to_dict\n"
        "from hms_async.models import Room\n"
        f"rooms = list_parser(parser(Room))([{ROOM!r}, {{'id': 'b'}}])\n"
        f"print(to_dict(rooms[0]) == {expected!r}, rooms[1].id)\n"
        "print(sum('hms_async generated' in name for name in linecache.cache))\n"
    )
    env = {**os.environ, "HMS_ASYNC_PUBLIC_PATHS": "1"}
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout

    assert out.splitlines() == ["True b", "0"]
