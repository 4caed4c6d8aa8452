"""The converter's wire rules: timestamps, unknown fields and enum values, nulls."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hms_async._serde import (
    EMPTY,
    format_datetime,
    parse_datetime,
    parser,
    structure,
    unstructure,
)
from hms_async.models import Region, Room, Session, StorageType

ROOM: dict[str, Any] = {
    "id": "631a05390e6ffae22efa610b",
    "name": "physics-class-7b",
    "enabled": True,
    "description": "Evening physics batch",
    "customer_id": "627cdddff2e4e30487862ad1",
    "customer": "627cdddff2e4e30487862ad1",
    "app_id": "62510797903d857ab8ec3ba5",
    "recording_source_template": False,
    "enabled_source_template": False,
    "recording_info": {
        "enabled": True,
        "upload_info": {
            "type": "s3",
            "location": "my-recordings-bucket",
            "prefix": "hms/627cdddff2e4e30487862ad1",
            "options": {"region": "ap-south-1", "endpoint": "custom"},
        },
    },
    "template_id": "63188115d11d6db790c73c60",
    "template": "new-template-1662550293",
    "region": "in",
    "large_room": False,
    "size": 500,
    "max_duration_seconds": 10000,
    "polls": ["655bffeecd34739a72637305"],
    "webhook": {
        "url": "https://example.com/hms/webhook",
        "headers": {"x-my-secret": "s3cr3t"},
    },
    "created_at": "2022-09-08T15:07:37.83Z",
    "updated_at": "2022-09-08T15:07:37.83Z",
    "brand_new_field": {"nested": [1, 2]},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2022-10-04T12:10:28.939011796Z",
            dt.datetime(2022, 10, 4, 12, 10, 28, 939011, dt.UTC),
        ),
        ("2022-09-08T15:07:37.83Z", dt.datetime(2022, 9, 8, 15, 7, 37, 830000, dt.UTC)),
        ("2023-03-14T15:54:18Z", dt.datetime(2023, 3, 14, 15, 54, 18, tzinfo=dt.UTC)),
        (
            "2023-03-14T15:54:18.1+05:30",
            dt.datetime(2023, 3, 14, 10, 24, 18, 100000, dt.UTC),
        ),
        ("2023-03-14T15:54:18", dt.datetime(2023, 3, 14, 15, 54, 18, tzinfo=dt.UTC)),
    ],
)
def test_timestamps(text: str, expected: dt.datetime) -> None:
    """0 to 9 fraction digits parse to aware datetimes (nanoseconds truncated)."""
    parsed = parse_datetime(text)

    assert parsed == expected
    assert parsed is not None
    assert parsed.tzinfo is not None


@pytest.mark.parametrize(
    "text",
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", "0001-01-01T00:00:00+00:00"],
)
def test_zero_time_is_none(text: str) -> None:
    """The Go zero time means not set."""
    assert parse_datetime(text) is None
    assert structure({"id": "r", "updated_at": text}, Room).updated_at is None


def test_format_datetime_is_utc_z() -> None:
    """Datetimes are written UTC, milliseconds, with Z; naive ones taken as UTC."""
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert format_datetime(dt.datetime(2022, 9, 8, 20, 37, 37, 830000, ist)) == (
        "2022-09-08T15:07:37.830Z"
    )
    assert format_datetime(dt.datetime(2022, 9, 8)) == "2022-09-08T00:00:00.000Z"


def test_unknown_fields_kept_and_written_back() -> None:
    """Unknown keys, top-level and nested, survive structure and unstructure."""
    room = structure(ROOM, Room)

    assert room.extra_fields == {
        "customer": "627cdddff2e4e30487862ad1",
        "brand_new_field": {"nested": [1, 2]},
    }
    assert room.recording_info is not None
    assert room.recording_info.upload_info is not None
    options = room.recording_info.upload_info.options
    assert options is not None
    assert options.region == "ap-south-1"
    assert options.extra_fields == {"endpoint": "custom"}
    out = unstructure(room)
    assert out["brand_new_field"] == {"nested": [1, 2]}
    assert out["recording_info"]["upload_info"]["options"]["endpoint"] == "custom"
    assert set(out) == set(ROOM)
    assert structure(out, Room) == room


def test_round_trip_equals_input() -> None:
    """A full room written back equals its JSON (timestamps in API form)."""
    out = unstructure(structure(ROOM, Room))

    expected = {
        **ROOM,
        "created_at": "2022-09-08T15:07:37.830Z",
        "updated_at": "2022-09-08T15:07:37.830Z",
    }
    assert out == expected


def test_known_room_no_extras_shares_empty() -> None:
    """A payload with only known keys gets the shared empty mapping."""
    room = structure({"id": "r"}, Room)

    assert room.extra_fields is EMPTY


def test_unknown_enum_value_kept_as_string() -> None:
    """An enum value the SDK does not know stays a plain string and is written back."""
    room = structure(
        {
            "id": "r",
            "region": "ap",
            "recording_info": {"upload_info": {"type": "r2", "location": "b"}},
        },
        Room,
    )

    assert room.region == "ap"
    assert type(room.region) is str
    assert room.recording_info is not None
    assert room.recording_info.upload_info is not None
    assert room.recording_info.upload_info.type == "r2"
    assert unstructure(room)["region"] == "ap"


def test_known_enum_value_is_member() -> None:
    """Known values become enum members; they are written back as strings."""
    room = structure(
        {
            "id": "r",
            "region": "eu",
            "recording_info": {"upload_info": {"type": "gs", "location": "b"}},
        },
        Room,
    )

    assert room.region is Region.EU
    assert room.recording_info is not None
    assert room.recording_info.upload_info is not None
    assert room.recording_info.upload_info.type is StorageType.GS
    out = unstructure(room)
    assert out["region"] == "eu"
    assert type(out["region"]) is str


def test_null_lists_and_maps_are_empty() -> None:
    """null where a list or a map is expected gives [] or {}."""
    room = structure(
        {"id": "r", "polls": None, "webhook": {"url": "u", "headers": None}}, Room
    )
    session = structure({"id": "s", "peers": None}, Session)

    assert room.polls == []
    assert room.webhook is not None
    assert room.webhook.headers == {}
    assert session.peers == {}


def test_missing_optional_fields_are_defaults() -> None:
    """Only the id is required."""
    room = parser(Room)({"id": "r"})

    assert room.name is None
    assert room.polls == []
    assert room.created_at is None


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"id": "r", "polls": "x"},
        {"id": "r", "webhook": "x"},
        {"id": "r", "created_at": "yesterday"},
        "room",
    ],
)
def test_wrong_shapes_raise_plain_errors(body: Any) -> None:
    """Wrong shapes raise KeyError/TypeError/ValueError for the requester to wrap."""
    with pytest.raises((KeyError, TypeError, ValueError)):
        structure(body, Room)


def test_unstructure_drops_none() -> None:
    """Fields that are None are not written."""
    assert unstructure(Room(id="r", name="n")) == {"id": "r", "name": "n", "polls": []}
