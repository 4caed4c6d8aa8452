"""The converter's wire rules (timestamps, unknown fields and enum values, nulls)
and its per-key-order ("shape") cache."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hms_async import (
    ResponseDecodeError,
    _codegen,
    _fastpaths,
    _parsers,
    _serde,
    _status,
    models,
)
from hms_async._serde import (
    EMPTY,
    format_datetime,
    from_dict,
    json_key,
    list_parser,
    parse_datetime,
    parser,
    structure,
    to_dict,
    unstructure,
)
from hms_async.models import (
    RecordingInfo,
    Region,
    Room,
    RoomWebhook,
    Session,
    StorageType,
    Transcription,
    TranscriptionOutputMode,
    TranscriptionSummary,
    UploadInfo,
    UploadOptions,
)

from .helpers import no_fallback

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


@pytest.fixture(autouse=True)
def _checks_never_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated function that fails its check fails the test."""
    monkeypatch.setattr(_fastpaths, "disable", no_fallback)


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


# --- the per-key-order ("shape") cache -----------------------------------------

T = TypeVar("T")

ZERO_TIME = "0001-01-01T00:00:00Z"


def _room_json(**changes: Any) -> dict[str, Any]:
    """ROOM as ``unstructure`` writes it back (timestamps in API form)."""
    stamp = "2022-09-08T15:07:37.830Z"
    return {**ROOM, "created_at": stamp, "updated_at": stamp, **changes}


def _reorder(data: Mapping[Any, Any], order: Sequence[Any]) -> dict[Any, Any]:
    """``data`` with its keys in ``order`` (the same keys, nothing else)."""
    assert sorted(map(str, order)) == sorted(map(str, data))
    return {key: data[key] for key in order}


def _orders(keys: Sequence[str]) -> list[tuple[str, ...]]:
    """Every rotation of ``keys`` and of its reverse: distinct orders, each key moved."""
    back = list(reversed(keys))
    rotations = [(*keys[i:], *keys[:i]) for i in range(len(keys))]
    return rotations + [(*back[i:], *back[:i]) for i in range(len(back))]


@contextlib.contextmanager
def _fresh(
    cls: type[T],
) -> Iterator[tuple[Callable[[Any], T], Callable[[list[Any]], list[T]]]]:
    """A single-item and a whole-list parser of ``cls`` with a shape cache of their own.

    The converter's own hook of a model is shared by the whole test session, so
    its cache may already be full; these start empty, as in a fresh process.
    """
    one = cast(Callable[[Any], T], _serde._compile_structure(cls))
    many = list_parser(one)
    assert many is _codegen._LISTS[one]  # the generated list version, not a loop
    try:
        yield one, many
    finally:
        del _codegen._LISTS[one]


Compiled = list[tuple[type, tuple[str, ...]]]


@pytest.fixture(name="compiled")
def _compiled(monkeypatch: pytest.MonkeyPatch) -> Compiled:
    """Every shape function generated during the test, as (model, key order)."""
    seen: Compiled = []
    real = _codegen._compile_shape

    def counting(
        model: _codegen._Model,
        keys: tuple[str, ...],
        sample: dict[str, Any],
        gen: _codegen._Codegen,
    ) -> Callable[[dict[str, Any]], Any]:
        seen.append((model.cls, keys))
        return real(model, keys, sample, gen)

    monkeypatch.setattr(_codegen, "_compile_shape", counting)
    return seen


def _shapes(compiled: Compiled, cls: type) -> list[tuple[str, ...]]:
    return [keys for model, keys in compiled if model is cls]


def test_mixed_key_orders_in_one_list() -> None:
    """Alternating orders, runs of one order, and same-length key sets all parse right.

    Every order has the same keys (or as many), so a shape function reused for
    the wrong order would put values in the wrong fields.
    """
    keys = list(ROOM)
    a, b, c = keys, keys[::-1], keys[1:] + keys[:1]
    renamed = {("other_new_field" if k == "brand_new_field" else k): k for k in keys}
    pattern = ["a", "b", "a", "b", "a", "a", "a", "b", "b", "c", "a", "d", "c", "d"]
    items: list[dict[str, Any]] = []
    expected: list[dict[str, Any]] = []
    for i, which in enumerate(pattern):
        data = {**ROOM, "id": f"room-{i}", "name": f"name-{i}", "size": i}
        if which == "d":  # the same number of keys, one of them another
            items.append({new: data[old] for new, old in renamed.items()})
            out = _room_json(id=f"room-{i}", name=f"name-{i}", size=i)
            out["other_new_field"] = out.pop("brand_new_field")
            expected.append(out)
            continue
        items.append(_reorder(data, {"a": a, "b": b, "c": c}[which]))
        expected.append(_room_json(id=f"room-{i}", name=f"name-{i}", size=i))

    with _fresh(Room) as (_, many), _fresh(Room) as (one, _):
        listed = many(items)
        alone = [one(item) for item in items]

    assert listed == alone
    assert [unstructure(room) for room in listed] == expected
    assert [room.size for room in listed] == list(range(len(pattern)))
    assert listed[11].extra_fields == {
        "customer": ROOM["customer"],
        "other_new_field": ROOM["brand_new_field"],
    }


def test_each_key_set_compiled_once(compiled: Compiled) -> None:
    """A list alternating two orders of one key set, then runs of another set,
    compiles two shape functions, once each (a shape reads its keys by name,
    so one function serves every order of its keys)."""
    a = {"id": "r", "name": "n", "size": 1}
    b = _reorder(a, ["size", "id", "name"])
    c = {"name": "n", "id": "r"}
    items = [a, b] * 50 + [c] * 10 + [a] * 10

    with _fresh(Room) as (one, many):
        first = many(items)
        again = many(items)
        alone = [one(item) for item in items]

    assert _shapes(compiled, Room) == [tuple(a), tuple(c)]
    assert first == again == alone
    assert first[0] == first[1] == Room(id="r", name="n", size=1)
    assert first[100] == Room(id="r", name="n")


def test_more_shapes_than_the_cache_holds(compiled: Compiled) -> None:
    """Beyond 16 orders every item still parses right; the cache stops at 16.

    Every order of one key set shares one function, so a list of them
    compiles one and needs no lookup per item. One by one, the first 16
    orders are remembered; after that a new key set takes the generic code
    (nothing more is generated) and still parses right.
    """
    orders = _orders(list(ROOM))
    assert len(orders) > 2 * _codegen._MAX_SHAPES
    assert _codegen._MAX_SHAPES == 16
    items = [_reorder({**ROOM, "id": f"r{i}"}, o) for i, o in enumerate(orders)]
    expected = [_room_json(id=f"r{i}") for i in range(len(orders))]
    fewer = {k: v for k, v in ROOM.items() if k != "description"}

    with _fresh(Room) as (one, many):
        listed = many(items)
        assert _shapes(compiled, Room) == orders[:1]
        alone = [one(item) for item in items]
        relisted = many(items[::-1])[::-1]
        late = [one(fewer), *many([fewer, items[0], fewer])]
        assert _shapes(compiled, Room) == orders[:1]

    assert [unstructure(room) for room in listed] == expected
    assert listed == alone == relisted
    assert all(room.recording_info == listed[0].recording_info for room in listed)
    without = {k: v for k, v in _room_json().items() if k != "description"}
    assert unstructure(late[0]) == unstructure(late[1]) == without
    assert late[2] == listed[0]
    assert late[3] == late[0]


def test_specialised_and_generic_code_agree() -> None:
    """The same items through cached shapes and through the generic code are equal."""
    items = [
        {"id": "a", "created_at": ZERO_TIME, "polls": None, "x": 1},
        {"region": "eu", "id": "b", "updated_at": "2023-03-14T15:54:18.1+05:30"},
        {"webhook": {"headers": None, "url": "u"}, "id": "c", "region": "mars"},
        {"id": "d", "recording_info": {"upload_info": {"location": "l", "type": "gs"}}},
        {"created_at": "2022-10-04T12:10:28.939011796Z", "id": "e", "size": None},
    ]

    with _fresh(Room) as (_, specialised), _fresh(Room) as (full, generic):
        for i in range(_codegen._MAX_SHAPES):  # fill its cache with other orders
            full({"id": "filler", f"filler-{i}": i})
        assert specialised(items) == generic(items) == [full(d) for d in items]
        rooms = generic(items)

    assert rooms[0].created_at is None
    assert rooms[0].polls == []
    assert rooms[1].region is Region.EU
    assert rooms[1].updated_at == dt.datetime(2023, 3, 14, 10, 24, 18, 100000, dt.UTC)
    assert rooms[2].region == "mars"
    assert rooms[4].created_at == dt.datetime(2022, 10, 4, 12, 10, 28, 939011, dt.UTC)


def test_missing_and_unknown_keys_in_any_order() -> None:
    """Missing keys get the model's defaults, unknown ones are kept and written back."""
    items: list[dict[str, Any]] = [
        {"id": "a"},
        {"name": "b-room", "future": 1, "id": "b", "polls": None},
        {
            "created_at": ZERO_TIME,
            "id": "c",
            "region": "mars",
            "webhook": {"headers": None, "x": [1], "url": "u"},
        },
        {
            "id": "d",
            "extra_fields": {"k": "v"},
            "updated_at": "2023-03-14T15:54:18Z",
            "size": 0,
            "enabled": False,
            "gone": None,
        },
        {"id": "e"},
    ]

    with _fresh(Room) as (one, many):
        listed = many(items)
        alone = [one(item) for item in items]

    assert listed == alone
    assert listed == [
        Room(id="a"),
        Room(id="b", name="b-room", extra_fields={"future": 1}),
        Room(
            id="c", region="mars", webhook=RoomWebhook(url="u", extra_fields={"x": [1]})
        ),
        Room(
            id="d",
            enabled=False,
            size=0,
            updated_at=dt.datetime(2023, 3, 14, 15, 54, 18, tzinfo=dt.UTC),
            extra_fields={"extra_fields": {"k": "v"}, "gone": None},
        ),
        Room(id="e"),
    ]
    assert listed[0].extra_fields is EMPTY
    listed[0].polls.append("p")  # each item has a list of its own, same shape or not
    assert listed[4].polls == alone[0].polls == []
    assert [unstructure(room) for room in listed] == [
        {"id": "a", "polls": ["p"]},
        {"id": "b", "name": "b-room", "future": 1, "polls": []},
        {
            "id": "c",
            "region": "mars",
            "webhook": {"url": "u", "headers": {}, "x": [1]},
            "polls": [],
        },
        {
            "id": "d",
            "enabled": False,
            "size": 0,
            "updated_at": "2023-03-14T15:54:18.000Z",
            "extra_fields": {"k": "v"},
            "gone": None,
            "polls": [],
        },
        {"id": "e", "polls": []},
    ]


def test_too_many_keys_take_the_generic_code(compiled: Compiled) -> None:
    """A object with 32 keys more than the model has fields gets no shape of its own
    (a response stuffed with unknown keys must not generate huge functions)."""
    limit = len(attrs.fields(Room)) - 1 + 32  # its fields, extra_fields aside
    at_limit = {"id": "a", **{f"k{i}": i for i in range(limit - 1)}}
    over = {"id": "b", **{f"k{i}": i for i in range(limit)}}

    with _fresh(Room) as (one, many):
        listed = many([at_limit, over, over])
        assert listed == [one(at_limit), one(over), one(over)]

    assert _shapes(compiled, Room) == [tuple(at_limit)]
    assert listed[2].extra_fields == {f"k{i}": i for i in range(limit)}
    assert unstructure(listed[1]) == {**over, "polls": []}


@pytest.mark.parametrize("bad", [None, "room", 7, [], [["id", "r"]]])
@pytest.mark.parametrize("position", [0, 1, 3])
def test_non_object_item_is_type_error(bad: Any, position: int) -> None:
    """A list item that is not an object raises the single parser's TypeError."""
    items: list[Any] = [{"id": "a"}, {"name": "n", "id": "b"}, {"id": "c"}]
    items.insert(position, bad)

    with _fresh(Room) as (one, many):
        with pytest.raises(TypeError, match="expected a JSON object for Room") as info:
            many(items)
        with pytest.raises(TypeError) as alone:
            one(bad)

    assert str(info.value) == str(alone.value)


def test_non_string_keys_take_the_generic_code(compiled: Compiled) -> None:
    """Non-string keys are kept as they are; no shape is generated for them.

    ``(1,)`` equals ``(True,)``, so consecutive items with these keys share a
    lookup; each must still keep its own key.
    """
    items: list[dict[Any, Any]] = [
        {"id": "a", "name": "n"},
        {"id": "b", 1: "x"},
        {"id": "c", True: "y"},
        {"id": "d", "name": "m"},
        {"webhook": {"url": "u", 5: "z"}, "id": "e"},
    ]

    with _fresh(Room) as (one, many):
        listed = many(items)
        assert listed == [one(item) for item in items]

    assert _shapes(compiled, Room) == [("id", "name"), ("webhook", "id")]
    extras: list[Mapping[Any, Any]] = [room.extra_fields for room in listed]
    assert [type(k) for k in extras[1]] == [int]
    assert [type(k) for k in extras[2]] == [bool]
    assert extras[2] == {True: "y"}
    assert listed[3] == Room(id="d", name="m")
    assert listed[4].webhook is not None
    webhook_extras: Mapping[Any, Any] = listed[4].webhook.extra_fields
    assert webhook_extras == {5: "z"}
    assert listed[4].webhook.url == "u"
    assert unstructure(listed[1]) == {1: "x", "id": "b", "polls": []}


@pytest.mark.parametrize(
    ("items", "key"),
    [
        ([{"id": "a"}, {"name": "no id"}], "id"),
        ([{"name": "x"}, {"name": "y"}], "id"),
        ([{"id": "a"}, {1: "non-string key, no id"}], "id"),
        ([{"id": "a"}, {"id": "b", "webhook": {"headers": {}}}], "url"),
    ],
)
def test_missing_required_key(items: list[Any], key: str) -> None:
    """A missing required key raises the single parser's KeyError, which the
    requester turns into ResponseDecodeError."""
    with _fresh(Room) as (one, many):
        with pytest.raises(KeyError) as info:
            many(items)
        with pytest.raises(KeyError) as alone:
            one(items[-1])
    assert info.value.args == alone.value.args == (key,)

    response = httpx.Response(200, json={"data": items})
    with pytest.raises(ResponseDecodeError, match=r"expected shape \(KeyError"):
        _status.parse(response, _status.load(response), _parsers.model_list(Room))


class Kind(enum.StrEnum):
    """A test enum."""

    NEAR = "near"
    FAR = "far"


@attrs.define(kw_only=True)
class Point:
    """A small nested test model: an alias, an open enum, a timestamp."""

    x: int
    y: int | None = None
    kind: Kind | str | None = None
    at: dt.datetime | None = None
    max_speed: float | None = attrs.field(default=None, metadata={"json": "maxSpeed"})
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Track:
    """A test model nesting ``Point`` alone, in a list and in a map."""

    id: str
    origin: Point | None = None
    points: list[Point] = attrs.field(factory=list)
    by_name: dict[str, Point] = attrs.field(factory=dict)
    tags: list[str] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


def test_nested_models_in_varying_key_orders() -> None:
    """Nested models, lists and maps of them, each item in its own key order."""
    at = "2023-03-14T15:54:18Z"
    items: list[dict[str, Any]] = [
        {
            "id": "t1",
            "origin": {"x": 1, "y": 2},
            "points": [
                {"x": 1, "kind": "near"},
                {"kind": "far", "x": 2},
                {"x": 3, "kind": "near"},
                {"maxSpeed": 1.5, "x": 4, "future": True, "at": at},
                {"at": ZERO_TIME, "kind": "sideways", "x": 5},
            ],
            "by_name": {"p": {"y": 5, "x": 6}, "q": {"x": 7, "y": 8}},
            "tags": ["a"],
        },
        {
            "points": [{"kind": "far", "x": 2}, {"x": 1, "kind": "near"}],
            "tags": None,
            "id": "t2",
            "origin": {"y": 2, "x": 1, "max_speed": 9.0, "maxSpeed": 3.0},
        },
        {"by_name": None, "points": None, "origin": None, "id": "t3", "more": {}},
    ]
    time = dt.datetime(2023, 3, 14, 15, 54, 18, tzinfo=dt.UTC)
    expected = [
        Track(
            id="t1",
            origin=Point(x=1, y=2),
            points=[
                Point(x=1, kind=Kind.NEAR),
                Point(x=2, kind=Kind.FAR),
                Point(x=3, kind=Kind.NEAR),
                Point(x=4, max_speed=1.5, at=time, extra_fields={"future": True}),
                Point(x=5, kind="sideways"),
            ],
            by_name={"p": Point(x=6, y=5), "q": Point(x=7, y=8)},
            tags=["a"],
        ),
        Track(
            id="t2",
            origin=Point(x=1, y=2, max_speed=3.0, extra_fields={"max_speed": 9.0}),
            points=[Point(x=2, kind=Kind.FAR), Point(x=1, kind=Kind.NEAR)],
        ),
        Track(id="t3", extra_fields={"more": {}}),
    ]

    with _fresh(Track) as (one, many):
        listed = many(items)
        alone = [one(item) for item in items]

    assert listed == alone == expected
    assert listed[0].points[0].kind is Kind.NEAR
    assert unstructure(listed[1]) == {
        "id": "t2",
        "origin": {"x": 1, "y": 2, "maxSpeed": 3.0, "max_speed": 9.0},
        "points": [{"x": 2, "kind": "far"}, {"x": 1, "kind": "near"}],
        "by_name": {},
        "tags": [],
    }
    assert unstructure(listed[0])["points"][3] == {
        "x": 4,
        "at": "2023-03-14T15:54:18.000Z",
        "maxSpeed": 1.5,
        "future": True,
    }
    assert [structure(unstructure(track), Track) for track in listed] == expected


_MODELS = sorted(
    (
        obj
        for obj in (getattr(models, name) for name in models.__all__)
        # WebhookEvent, AnalyticsEvent, PollAttachment: a hook of their own
        if attrs.has(obj) and parser(obj) in _codegen._LISTS
    ),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("cls", _MODELS, ids=lambda cls: cls.__name__)
def test_missing_keys_get_each_models_defaults(cls: type[Any]) -> None:
    """Every model, from only its required keys, equals the model built from them,
    through a cached shape and through the generic code alike."""
    required = [f for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    data = {json_key(f): "x" for f in required}
    built = cls(**{f.alias: "x" for f in required})

    with _fresh(cls) as (one, _), _fresh(cls) as (full, _):
        for i in range(_codegen._MAX_SHAPES):
            full({**data, f"filler-{i}": i})
        assert one(data) == built
        assert full(data) == built
    assert parser(cls)(data) == built
    assert unstructure(parser(cls)(data)) == unstructure(built)


def test_nullable_list_fields_keep_none() -> None:
    """A ``list[...] | None`` field missing or null stays None, so a stored
    ``to_dict`` comes back equal and sends no list it did not have."""
    wanted = Transcription(enabled=True, summary=TranscriptionSummary(enabled=True))
    stored = to_dict(wanted)

    assert stored == {"enabled": True, "summary": {"enabled": True}}
    assert from_dict(stored, Transcription) == wanted
    assert to_dict(from_dict(stored, Transcription)) == stored
    nulls = structure(
        {
            "output_modes": None,
            "custom_vocabulary": None,
            "summary": {"sections": None},
        },
        Transcription,
    )
    assert nulls == Transcription(summary=TranscriptionSummary())
    lists = structure(
        {"output_modes": ["txt", "vtt"], "custom_vocabulary": []}, Transcription
    )
    assert lists.output_modes == [TranscriptionOutputMode.TXT, "vtt"]
    assert lists.custom_vocabulary == []
    with pytest.raises(TypeError, match="expected a JSON array"):
        structure({"custom_vocabulary": "100ms"}, Transcription)


# --- property: any key order, any subset of optional keys, any unknown keys ----

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)
_UNKNOWN_KEYS = st.sampled_from(
    ["customer", "brand_new_field", "extra_fields", "Id", "id ", "ü"]
) | st.text(max_size=6)
_TIMES = [
    "2022-09-08T15:07:37.830Z",
    "2024-02-29T23:59:59.999Z",
    "2023-03-14T15:54:18.000Z",
    ZERO_TIME,
]


def _objects(
    cls: type,
    required: Mapping[str, st.SearchStrategy[Any]],
    optional: Mapping[str, st.SearchStrategy[Any]],
) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object for ``cls``: its required keys, some optional and unknown
    ones, in any order.

    The inner strategies are built here once, not at every draw (building
    and validating them again took half of the property's time).
    """
    known = {json_key(f) for f in attrs.fields(cls)} - {"extra_fields"}
    chosen = (
        st.lists(st.sampled_from(sorted(optional)), unique=True)
        if optional
        else st.just([])
    )
    unknown = st.dictionaries(
        _UNKNOWN_KEYS.filter(lambda k: k not in known), _JSON, max_size=3
    )

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        keys = draw(chosen)
        data = {key: draw(required[key]) for key in required}
        data |= {key: draw(optional[key]) for key in keys}
        data |= draw(unknown)
        return _reorder(data, draw(st.permutations(list(data))))

    return build()


_TEXT = st.text(max_size=8)
_WEBHOOK = _objects(
    RoomWebhook,
    {"url": _TEXT, "headers": st.dictionaries(_TEXT, _TEXT, max_size=2)},
    {},
)
_UPLOAD_INFO = _objects(
    UploadInfo,
    {
        "type": st.sampled_from([*StorageType, "r2"]).map(str),
        "location": _TEXT,
    },
    {"prefix": _TEXT, "options": _objects(UploadOptions, {}, {"region": _TEXT})},
)
_RECORDING_INFO = _objects(
    RecordingInfo, {}, {"enabled": st.booleans(), "upload_info": _UPLOAD_INFO}
)
_ROOM_OPTIONAL: Mapping[str, st.SearchStrategy[Any]] = {
    "name": _TEXT | st.none(),
    "enabled": st.booleans() | st.none(),
    "description": _TEXT,
    "customer_id": _TEXT,
    "app_id": _TEXT,
    "template_id": _TEXT,
    "template": _TEXT,
    "region": st.sampled_from([*Region, "ap-unknown"]).map(str) | st.none(),
    "large_room": st.booleans(),
    "size": st.integers(),
    "max_duration_seconds": st.integers() | st.none(),
    "recording_source_template": st.booleans(),
    "enabled_source_template": st.booleans(),
    "recording_info": _RECORDING_INFO | st.none(),
    "polls": st.lists(_TEXT, max_size=3) | st.none(),
    "webhook": _WEBHOOK,
    "key": _TEXT,
    "created_at": st.sampled_from(_TIMES) | st.none(),
    "updated_at": st.sampled_from(_TIMES),
}
_ROOM_KEYS = frozenset({"id", *_ROOM_OPTIONAL})


_ROOMS = st.lists(_objects(Room, {"id": _TEXT}, _ROOM_OPTIONAL), min_size=1, max_size=4)


@st.composite
def _room_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to four room objects, repeated in any pattern with ids of their own."""
    bases = draw(_ROOMS)
    picks = draw(st.lists(st.integers(0, len(bases) - 1), min_size=1, max_size=12))
    return [{**bases[b], "id": f"{b}-{n}"} for n, b in enumerate(picks)]


def _room_out(given: Mapping[str, Any]) -> dict[str, Any]:
    """What ``unstructure`` gives for a room parsed from ``given``."""
    out = {
        key: value
        for key, value in given.items()
        if key not in _ROOM_KEYS or value not in (None, ZERO_TIME)
    }
    out.setdefault("polls", [])
    return out


@settings(max_examples=200, deadline=None)
@given(items=_room_lists())
def test_any_key_order_list_equals_single(items: list[dict[str, Any]]) -> None:
    """list_parser equals the single parser, specialised or generic, for any
    key orders, optional-key subsets and unknown keys (nested ones included);
    unstructure gives back every key given, null and zero-time known ones aside."""
    with _fresh(Room) as (one, many), _fresh(Room) as (full, generic):
        for i in range(_codegen._MAX_SHAPES):
            full({"id": "filler", f"filler-{i}": i})
        listed = many(items)
        assert listed == [one(item) for item in items]
        assert listed == generic(items)
        assert listed == [full(item) for item in items]

    assert listed == [parser(Room)(item) for item in items]
    for item, room in zip(items, listed, strict=True):
        assert unstructure(room) == _room_out(item)
        assert room.extra_fields == {
            k: v for k, v in item.items() if k not in _ROOM_KEYS
        }
