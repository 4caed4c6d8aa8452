"""The generated structuring functions' guard and their tracebacks.

Each generated function is checked on the first dict it serves against the
public path; a difference sends that model to the public path for good, with
one DEBUG line. Generated source is in ``linecache``, so tracebacks show it.
"""

from __future__ import annotations

import datetime as dt
import enum
import linecache
import logging
import traceback
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs
import pytest

from hms_async import _codegen, _fastpaths, _serde
from hms_async._serde import EMPTY, list_parser, structure
from hms_async.models import Room

LOGGER = "hms_async"


class Kind(enum.StrEnum):
    """A test enum."""

    NEAR = "near"
    FAR = "far"


# One model per test that makes its check fail: a fast path turned off stays
# off for the process, so no other test may share its model.


@attrs.define(kw_only=True)
class Spot:
    """Nested in the models below: an alias, an open enum, a timestamp."""

    x: int
    kind: Kind | str | None = None
    at: dt.datetime | None = None
    max_speed: float | None = attrs.field(default=None, metadata={"json": "maxSpeed"})
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WrongValue:
    """Its shape code is made to drop unknown keys."""

    id: str
    origin: Spot | None = None
    spots: list[Spot] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WrongError:
    """Its shape code is made to raise where the public path does not."""

    id: str
    spots: list[Spot] = attrs.field(factory=list)
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class WrongGeneric:
    """Its generic code is made to return enum values as strings."""

    id: str
    kind: Kind | str | None = None
    extra_fields: Mapping[str, Any] = attrs.field(default=EMPTY, repr=False)


@attrs.define(kw_only=True)
class Blip:
    """Its shape code is made wrong; ``WrongNested`` nests it."""

    x: int
    at: dt.datetime | None = None


@attrs.define(kw_only=True)
class WrongNested:
    """Generated after ``Blip`` fell back: ``Blip`` is not inlined."""

    id: str
    origin: Blip | None = None


@pytest.fixture(name="records")
def _records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """The records of the ``hms_async`` logger, DEBUG included."""
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    return caplog


def _fallbacks(records: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in records.records if r.name == LOGGER]


def _fallback(cls: type, reason: str) -> str:
    """The one DEBUG line of a model whose generated code failed its check."""
    name = _serde.fast_path_name(cls)
    return f"fast path {name!r} off, the public path is used from now on: {reason}"


Built = list[tuple[type, tuple[str, ...]]]


def _spoil_shapes(
    monkeypatch: pytest.MonkeyPatch,
    cls: type,
    spoil: Callable[[Callable[..., Any]], Callable[..., Any]],
) -> Built:
    """Shape functions of ``cls`` generated wrong by ``spoil``; every shape
    generated (any model) recorded."""
    built: Built = []
    real = _codegen._compile_shape

    def compile_shape(
        model: _codegen._Model,
        keys: tuple[str, ...],
        sample: dict[str, Any],
        gen: _codegen._Codegen,
    ) -> Callable[..., Any]:
        built.append((model.cls, keys))
        fn = real(model, keys, sample, gen)
        return spoil(fn) if model.cls is cls else fn

    monkeypatch.setattr(_codegen, "_compile_shape", compile_shape)
    return built


def test_a_wrong_value_falls_back_to_the_public_path(
    monkeypatch: pytest.MonkeyPatch, records: pytest.LogCaptureFixture
) -> None:
    """Shape code that loses ``extra_fields``: the first dict already gets the
    right model, the model never generates again, one DEBUG line says so."""

    def drop_extras(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrong(d: Any) -> Any:
            model = fn(d)
            model.extra_fields = EMPTY
            return model

        return wrong

    built = _spoil_shapes(monkeypatch, WrongValue, drop_extras)
    first = {"id": "a", "origin": {"x": 1, "kind": "far"}, "future": 1}
    items = [{"id": f"t{i}", "spots": [{"x": i}], "new": i} for i in range(3)]
    items.append({"spots": None, "id": "t3", "new": None})

    one = structure(first, WrongValue)
    again = structure({**first, "id": "b"}, WrongValue)
    listed = list_parser(_serde.parser(WrongValue))(items)

    assert one == WrongValue(
        id="a", origin=Spot(x=1, kind=Kind.FAR), extra_fields={"future": 1}
    )
    assert one.origin is not None
    assert one.origin.kind is Kind.FAR
    assert again.extra_fields == {"future": 1}
    assert [room.extra_fields for room in listed] == [{"new": i} for i in range(3)] + [
        {"new": None}
    ]
    assert listed[0].spots == [Spot(x=0)]
    assert [keys for cls, keys in built if cls is WrongValue] == [tuple(first)]
    assert (
        _serde.fast_path_name(WrongValue) == "structure:tests.test_codegen.WrongValue"
    )
    assert not _fastpaths.enabled(_serde.fast_path_name(WrongValue))
    assert _fallbacks(records) == [
        _fallback(WrongValue, "the generated code built another value")
    ]


def test_a_wrong_exception_falls_back_to_the_public_path(
    monkeypatch: pytest.MonkeyPatch, records: pytest.LogCaptureFixture
) -> None:
    """Shape code that raises where the public path builds a model."""

    def broken(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrong(d: Any) -> Any:
            raise TypeError("generated code gone wrong")

        return wrong

    _spoil_shapes(monkeypatch, WrongError, broken)

    listed = list_parser(_serde.parser(WrongError))([{"id": "a"}, {"id": "b"}])

    assert listed == [WrongError(id="a"), WrongError(id="b")]
    assert _fallbacks(records) == [
        _fallback(
            WrongError, "the generated code raised TypeError, the public path did not"
        )
    ]


def test_wrong_generic_code_falls_back_and_types_are_compared(
    monkeypatch: pytest.MonkeyPatch, records: pytest.LogCaptureFixture
) -> None:
    """The generic code is checked too; an enum member turned into its string
    compares equal, but is not the same: the check sees it."""
    real = _codegen._compile_generic

    def compile_generic(model: _codegen._Model, gen: _codegen._Codegen) -> Any:
        fn = real(model, gen)
        if model.cls is not WrongGeneric:
            return fn

        def wrong(d: Any, _type: Any = None) -> Any:
            obj = fn(d)
            obj.kind = str(obj.kind)
            return obj

        return wrong

    monkeypatch.setattr(_codegen, "_compile_generic", compile_generic)
    over = {"id": "x", "kind": "near", **{f"k{i}": i for i in range(40)}}

    model = structure(over, WrongGeneric)  # too many keys: the generic code

    assert model.kind is Kind.NEAR
    with pytest.raises(TypeError, match="expected a JSON object for WrongGeneric"):
        structure("not an object", WrongGeneric)
    assert _fallbacks(records) == [
        _fallback(WrongGeneric, "the generated code built another value")
    ]


def test_a_model_whose_code_fell_back_is_not_inlined(
    monkeypatch: pytest.MonkeyPatch, records: pytest.LogCaptureFixture
) -> None:
    """A parent generated after its nested model fell back calls the nested
    model's hook (now the public path) instead of building it inline."""

    def shifted(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrong(d: Any) -> Any:
            model = fn(d)
            model.x += 1
            return model

        return wrong

    _spoil_shapes(monkeypatch, Blip, shifted)
    blip = structure({"x": 1}, Blip)

    parent = structure({"id": "p", "origin": {"x": 2, "at": None}}, WrongNested)

    assert blip == Blip(x=1)
    assert parent == WrongNested(id="p", origin=Blip(x=2))
    name = "<hms_async generated structure WrongNested of 2 keys>"
    assert "".join(linecache.getlines(name)).count("_new(") == 1  # no Blip inline
    assert _fallbacks(records) == [
        _fallback(Blip, "the generated code built another value")
    ]


def test_agreeing_code_is_kept_and_checked_once(
    monkeypatch: pytest.MonkeyPatch, records: pytest.LogCaptureFixture
) -> None:
    """Right code: the generic code and each shape generated and checked once
    (an exception of the same type agrees), no log, the generated results."""
    built = _spoil_shapes(monkeypatch, object, lambda fn: fn)
    checks: list[object] = []
    real = _codegen._disagreement

    def counting(fast: Any, public: Any, d: Any) -> str | None:
        checks.append(fast)
        return real(fast, public, d)

    monkeypatch.setattr(_codegen, "_disagreement", counting)
    hook = cast(Callable[[Any], Room], _serde._compile_structure(Room))
    many = list_parser(hook)
    try:
        with pytest.raises(TypeError, match="expected a JSON object for Room"):
            hook("not an object")  # both raise TypeError: the generic code is kept
        rooms = many([{"id": f"r{i}", "name": "n"} for i in range(50)])
        alone = [hook({"name": "n", "id": f"r{i}"}) for i in range(50)]
    finally:
        del _codegen._LISTS[hook]
        del _codegen._NESTED[hook]

    assert [keys for cls, keys in built if cls is Room] == [("id", "name")]
    assert len(checks) == 2  # the generic code, the one shape
    assert rooms == alone == [Room(id=f"r{i}", name="n") for i in range(50)]
    assert _fallbacks(records) == []


def test_forced_public_paths_generate_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """``force_public(True)`` and ``forget()``: the converter's own hooks take the
    public path, and generate again once let go."""
    generated: list[str] = []
    real = _codegen._exec

    def spy(lines: list[str], name: str, namespace: dict[str, Any], label: str) -> Any:
        generated.append(label)
        return real(lines, name, namespace, label)

    monkeypatch.setattr(_codegen, "_exec", spy)
    data = {"id": "r", "name": "n", "region": "eu"}
    _fastpaths.force_public(True)
    _codegen.forget()
    try:
        public = structure(data, Room)
        listed = list_parser(_serde.parser(Room))([data, data])
    finally:
        _fastpaths.force_public(False)
        _codegen.forget()
    assert generated == []
    fast = structure(data, Room)

    assert public == fast == listed[0] == listed[1]
    assert generated == ["structure Room of 3 keys"]


def test_a_traceback_shows_the_generated_line() -> None:
    """A structuring error's traceback shows the generated line that raised."""
    with pytest.raises(TypeError) as caught:
        structure({"id": "r", "polls": "not a list"}, Room)

    text = "".join(traceback.format_exception(caught.value))
    frame = next(
        f
        for f in traceback.extract_tb(caught.value.__traceback__)
        if f.filename.startswith("<hms_async generated structure Room")
    )
    assert frame.line is not None
    assert "o.polls = " in frame.line
    assert "_as_list(" in frame.line
    assert frame.line in text
    assert frame.lineno is not None
    assert linecache.getline(frame.filename, frame.lineno).strip() == frame.line


def test_the_same_source_keeps_one_file_name() -> None:
    """A label names one source; other source under it gets a numbered name."""
    first = _codegen._register("structure Test", "def f():\n    return 1\n")
    again = _codegen._register("structure Test", "def f():\n    return 1\n")
    other = _codegen._register("structure Test", "def f():\n    return 2\n")

    assert first == again == "<hms_async generated structure Test>"
    assert other == "<hms_async generated structure Test #2>"
    assert linecache.getline(other, 2) == "    return 2\n"
