"""The one JSON body encoder: what every service sends for a value."""

from __future__ import annotations

import types

import orjson

from hms_async._encoding import body, wire
from hms_async.models import Region, RoomWebhook
from hms_async.models.recordings import TranscriptionMode
from hms_async.models.templates import TemplateTranscription


def test_body_drops_none_and_encodes_each_value() -> None:
    """Models through the converter, enums as values, containers deeply."""
    sent = body(
        name="physics",
        size=3,
        ratio=0.5,
        active=False,
        gone=None,
        region=Region.EU,
        webhook=RoomWebhook(url="https://example.com/hook", headers={"k": "v"}),
        transcriptions=types.MappingProxyType(
            {"notes": TemplateTranscription(modes=[TranscriptionMode.LIVE])}
        ),
        pair=(Region.IN, {"inner": [TranscriptionMode.RECORDED, None]}),
    )

    assert sent == {
        "name": "physics",
        "size": 3,
        "ratio": 0.5,
        "active": False,
        "region": "eu",
        "webhook": {"url": "https://example.com/hook", "headers": {"k": "v"}},
        "transcriptions": {"notes": {"modes": ["live"]}},
        "pair": ["in", {"inner": ["recorded", None]}],
    }
    assert type(sent["region"]) is str  # not the enum: the same JSON either way
    assert orjson.dumps(sent) == (
        b'{"name":"physics","size":3,"ratio":0.5,"active":false,"region":"eu",'
        b'"webhook":{"url":"https://example.com/hook","headers":{"k":"v"}},'
        b'"transcriptions":{"notes":{"modes":["live"]}},'
        b'"pair":["in",{"inner":["recorded",null]}]}'
    )


def test_wire_leaves_json_as_it_is() -> None:
    """Plain JSON values come back equal; scalars come back the same object."""
    text = "x" * 40
    assert wire(text) is text
    assert wire({"a": [1, 2.5, None, True]}) == {"a": [1, 2.5, None, True]}
