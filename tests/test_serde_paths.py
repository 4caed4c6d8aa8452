"""Every decoding path agrees on every model: a property over hypothesis payloads.

The specialised code (one function per key set, nested models built inline,
lists of models through their whole-list code, which reuses a function for
every dict of as many keys) must give what the generic code
(``generic_parser``: one ``d.get`` per field, nested models the same way)
gives for the same input, and so must the public path (``plain_structure``,
no generated code): equal models, equal ``extra_fields`` in the same
order, or an exception of the same type with the same message. Payloads have
missing, unknown, ``null`` and wrongly typed keys, at every level of nesting,
and lists mix them with reordered, renamed and grown copies.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hms_async import _codegen, _fastpaths, _serde, models
from hms_async._serde import converter, generic_parser, json_key, list_parser
from hms_async._wire import plain_structure

from .helpers import no_fallback

_MODELS = sorted(
    (
        obj
        for obj in (getattr(models, name) for name in models.__all__)
        # WebhookEvent, AnalyticsEvent, PollAttachment: a hook of their own
        if attrs.has(obj) and _serde.parser(obj) in _codegen._LISTS
    ),
    key=lambda cls: cls.__name__,
)
_WRONG = st.sampled_from([0, 1.5, True, "x", "", [], [1, None], {}, {"a": 1}])
"""Values of the wrong type for most fields (and of the right one for some)."""
_TIMES = st.sampled_from(
    [
        "2022-06-29T03:34:30.194311023Z",
        "2022-09-08T15:07:37.83Z",
        "2023-03-14T15:54:18.1+05:30",
        "2023-03-14T15:54:18",
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00.000+00:00",
        "not a time Z",
        "2023-13-14T15:54:18Z",
    ]
)
_KEYS = st.text(max_size=4)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(_KEYS, inner, max_size=2)
    ),
    max_leaves=4,
)
_MAX_DEPTH = 3


@pytest.fixture(autouse=True)
def _checks_never_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated function that fails its check fails the test."""
    monkeypatch.setattr(_fastpaths, "disable", no_fallback)


@functools.cache
def _value(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """A value of ``tp`` as JSON, or null, or one of the wrong type.

    Cached, like ``_hints``: building and validating the strategy tree again
    at each draw took most of the property's time.
    """
    return st.one_of(_valid(tp, depth), st.none(), _WRONG)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _valid(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_valid(a, depth) for a in args if a is not type(None)))
    if tp is str:
        return st.text(max_size=4)
    if tp is bool:
        return st.booleans()
    if tp in (int, float):
        return st.integers(-3, 3)
    if tp is dt.datetime:
        return _TIMES
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from([m.value for m in tp] + ["not-a-member"])
    if origin is list:
        return st.lists(_value(args[0], depth), max_size=3)
    if origin in (dict, Mapping):
        return st.dictionaries(_KEYS, _value(args[1], depth), max_size=2)
    if attrs.has(tp):
        return _objects(tp, depth + 1) if depth < _MAX_DEPTH else st.just({})
    return _JSON


@st.composite
def _objects(draw: st.DrawFn, cls: type, depth: int = 0) -> dict[str, Any]:
    """A JSON object for ``cls``: each key missing or present (valid, null or
    wrong), unknown keys, in any order."""
    hints = _hints(cls)
    data: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name == "extra_fields":
            continue
        required = field.default is attrs.NOTHING
        if draw(st.integers(0, 9)) < (9 if required else 5):
            data[json_key(field)] = draw(_value(hints[field.name], depth))
    data |= draw(st.dictionaries(_KEYS, _JSON, max_size=2))
    return {key: data[key] for key in draw(st.permutations(list(data)))}


def _outcome(parse: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", parse()
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _reversed(data: dict[str, Any]) -> dict[str, Any]:
    return dict(reversed(data.items()))


def _renamed(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with as many keys, its last one swapped for an unknown key."""
    if not data:
        return data
    *rest, (_, value) = data.items()
    return {**dict(rest), "\x00unknown": value}


def _agree(cls: type, first: dict[str, Any], second: dict[str, Any]) -> None:
    reference: Callable[[Any], Any] = generic_parser(cls)
    public: Callable[[Any], Any] = plain_structure(cls, converter.get_structure_hook)
    # A fresh specialised function, as in a new process: ``first`` decides
    # its shape code (and which nested models are inlined), ``second`` may
    # share the top-level key order but not the nested ones.
    specialised = cast(Callable[[Any], Any], _serde._compile_structure(cls))
    many = list_parser(specialised)
    try:
        for data in (first, second, first):
            expected = _outcome(lambda: reference(data))  # noqa: B023
            assert _outcome(lambda: specialised(data)) == expected  # noqa: B023
            assert _outcome(lambda: _serde.parser(cls)(data)) == expected  # noqa: B023
            assert _outcome(lambda: public(data)) == expected  # noqa: B023
            if expected[0] == "ok":
                extras = specialised(data).extra_fields
                assert list(expected[1].extra_fields.items()) == list(extras.items())
        # A list: the same keys in another order share the first one's code;
        # a dict with as many keys but another one, or with one key more,
        # takes the long way.
        batch = [first, second, _reversed(first), _renamed(first), first]
        batch += [{**first, "\x00more": None}, first]
        both = _outcome(lambda: [reference(x) for x in batch])
        listed = _outcome(lambda: many(batch))
        assert listed == both
        if both[0] == "ok":
            assert [list(x.extra_fields.items()) for x in listed[1]] == [
                list(x.extra_fields.items()) for x in both[1]
            ]
    finally:
        del _codegen._LISTS[specialised]
        del _codegen._NESTED[specialised]


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_specialised_and_generic_paths_agree(data: st.DataObject) -> None:
    """Any model, any two payloads: same models, extras, error types and messages."""
    cls = data.draw(st.sampled_from(_MODELS))
    first = data.draw(_objects(cls))
    second = data.draw(st.one_of(_objects(cls), st.just(first)))
    if data.draw(st.booleans()):  # the same top-level keys, nested ones may differ
        second = {key: second.get(key, first[key]) for key in first}
    _agree(cls, first, second)


@pytest.mark.parametrize("cls", _MODELS, ids=lambda cls: cls.__name__)
def test_every_model_agrees_on_full_payloads(cls: type) -> None:
    """Each model with every field present and nested objects filled, one
    example each, so no model is left out of the property above."""

    @settings(max_examples=3, deadline=None, database=None)
    @given(first=_objects(cls), second=_objects(cls))
    def check(first: dict[str, Any], second: dict[str, Any]) -> None:
        _agree(cls, first, second)

    check()


def test_nested_models_are_built_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A room's recording_info (and what it nests) is built by the room's own
    shape function; a recording_info whose keys come in another order parses
    the same (small objects are read key by key, larger ones checked for their
    key order and otherwise given to the nested hook)."""
    sources: list[str] = []
    real = _codegen._exec

    def spy(lines: list[str], name: str, namespace: dict[str, Any], label: str) -> Any:
        if label.startswith("structure Room of "):  # not the nested models' own
            sources.append("\n".join(lines))
        return real(lines, name, namespace, label)

    monkeypatch.setattr(_codegen, "_exec", spy)
    info = {"enabled": True, "upload_info": {"type": "s3", "location": "b"}}
    room = {"id": "r", "recording_info": info}
    other = {"id": "r", "recording_info": dict(reversed(info.items()))}
    specialised = cast(Callable[[Any], Any], _serde._compile_structure(models.Room))
    try:
        first = specialised(room)
        second = specialised(other)
    finally:
        del _codegen._LISTS[specialised]
        del _codegen._NESTED[specialised]

    [shape] = sources  # one key set: one shape function
    assert shape.startswith("def shape(d):")
    assert shape.count("_new(") == 3  # Room, RecordingInfo, UploadInfo
    assert shape.count(") is dict and ") == 2  # one key check per nested object
    expected = models.RecordingInfo(
        enabled=True, upload_info=models.UploadInfo(type="s3", location="b")
    )
    assert first.recording_info == second.recording_info == expected
    assert first == second == generic_parser(models.Room)(room)
