"""The one cattrs converter, and the wire-format rules of every model.

Models are plain attrs classes. Turning JSON into them is the hot path of a
long list, so this module generates, once per class, a structuring function
that reads each key straight out of the dict (see ``_compile_structure``);
it is registered on the converter as a hook factory, so
``converter.structure(data, Room)`` and the nested hooks all go through it.

Wire rules, in one place:

* A field's JSON key is its name, or ``metadata={"json": "camelName"}``.
* Keys the model does not know are kept in ``extra_fields`` and written back
  by ``unstructure``: responses drift ahead of any SDK.
* Timestamps are RFC 3339 strings with 0 to 9 fraction digits; the Go zero
  time ``0001-01-01T00:00:00Z`` means "not set" and becomes ``None``.
* A field typed ``SomeStrEnum | str`` keeps values the enum does not know as
  plain strings.
* ``null`` where a list or map is expected becomes an empty list or map; a
  field typed ``list[...] | None`` or ``dict[...] | None`` keeps ``None``
  (null or missing: its default, and nothing written back).
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import cattrs

__all__ = [
    "EMPTY",
    "converter",
    "format_datetime",
    "from_dict",
    "json_key",
    "list_parser",
    "parse_datetime",
    "parser",
    "structure",
    "to_dict",
    "unstructure",
]

EMPTY: Final[Mapping[str, Any]] = types.MappingProxyType({})
_ZERO_TIME_PREFIX: Final = "0001-01-01T00:00:00"
_PASSTHROUGH: Final = frozenset({str, int, float, bool, object, Any})
_DEFAULT: Final[Any] = object()

_T = typing.TypeVar("_T")

converter = cattrs.Converter()


def json_key(field: attrs.Attribute[Any]) -> str:
    """The JSON key of a model field."""
    key: str = field.metadata.get("json", field.name)
    return key


def parse_datetime(value: object) -> dt.datetime | None:
    """Parse an API timestamp into an aware datetime; the zero time is ``None``."""
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(f"expected a timestamp string, got {type(value).__name__}")
    if value.startswith(_ZERO_TIME_PREFIX):
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed


def format_datetime(value: dt.datetime, timespec: str = "milliseconds") -> str:
    """Format a datetime the way the API does (UTC, ``Z``, milliseconds).

    Naive datetimes are taken as UTC. Models are written back with
    microseconds when they have them, so a round trip loses nothing Python keeps.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.astimezone(dt.UTC).isoformat(timespec=timespec)
    return text.replace("+00:00", "Z")


def _format_model_datetime(value: dt.datetime) -> str:
    # Milliseconds when that loses nothing, microseconds otherwise.
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return format_datetime(value, spec)


def _not_object(value: object, cls: type) -> typing.NoReturn:
    raise TypeError(f"expected a JSON object for {cls.__name__}, got {value!r:.40}")


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    if type(value) is not list:
        raise TypeError(f"expected a JSON array, got {type(value).__name__}")
    return value


def _as_map(value: object) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return value


def _extras(data: dict[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    if data.keys() <= known:
        return EMPTY
    return {k: v for k, v in data.items() if k not in known}


# --- type inspection -----------------------------------------------------------


def _strip_optional(tp: Any) -> Any:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return tp


def _open_enum(tp: Any) -> type[enum.Enum] | None:
    """The enum of an ``SomeEnum | str`` annotation, else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or str not in args:
        return None
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    return enums[0] if len(enums) == 1 and len(args) == 2 else None


class _Codegen:
    """Turns one field type into a Python expression over the name ``v``.

    ``specialise=False`` gives the reference code the specialised code is
    tested against: nested models through their generic functions, lists of
    models one hook call per item.
    """

    def __init__(self, specialise: bool = True) -> None:
        self.namespace: dict[str, Any] = {
            "_dt": parse_datetime,
            "_iso": dt.datetime.fromisoformat,
            "_as_list": _as_list,
            "_as_map": _as_map,
            "_extras": _extras,
            "_not_object": _not_object,
            "_new": object.__new__,
            "_EMPTY": EMPTY,
        }
        self.specialise = specialise
        self._names: dict[int, str] = {}

    def bind(self, value: object) -> str:
        """A name for ``value`` in the generated code's namespace (one per object)."""
        name = self._names.get(id(value))
        if name is None:
            name = self._names[id(value)] = f"_g{len(self._names) + 1}"
            self.namespace[name] = value
        return name

    def hook(self, tp: Any) -> Callable[..., Any]:
        """The structuring hook of a nested type."""
        hook = converter.get_structure_hook(tp)
        if self.specialise or hook not in _LISTS:
            return hook
        return generic_parser(tp)

    def expr(self, tp: Any, v: str) -> str:
        stripped = _strip_optional(tp)
        nullable, tp = stripped is not tp, stripped
        if tp in _PASSTHROUGH:
            return v
        if tp is dt.datetime:
            # The API's zero time "0001-01-01T00:00:00Z" goes straight to
            # None, its usual "...Z" straight to fromisoformat (aware UTC);
            # other offsets, strings before "1" (years 0xxx, the other zero
            # times among them, and the empty string) and wrong types take
            # _dt, which gives the same for what it shares with the fast
            # path. No slices: a slice builds a string per field.
            return (
                f"(None if {v} == '{_ZERO_TIME_PREFIX}Z' else _iso({v}) "
                f"if type({v}) is str and {v} >= '1' and {v}[-1] == 'Z' "
                f"else None if {v} is None else _dt({v}))"
            )
        if (enum_cls := _open_enum(tp)) is not None:
            members = self.bind(enum_cls._value2member_map_)
            return f"{members}.get({v}, {v})"
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is list:
            code = self._list(args[0], v)
            return f"(None if {v} is None else {code})" if nullable else code
        if origin in (dict, Mapping, typing.Mapping):
            inner = self.expr(args[1], "x")
            if inner == "x":
                code = f"_as_map({v})"
            else:
                code = f"{{k: {inner} for k, x in _as_map({v}).items()}}"
            return f"(None if {v} is None else {code})" if nullable else code
        return f"(None if {v} is None else {self.bind(self.hook(tp))}({v}))"

    def _list(self, item: Any, v: str) -> str:
        nested = _nested(_strip_optional(item)) if self.specialise else None
        if nested is not None:  # the model's whole-list code, nulls kept
            return f"{self.bind(nested[1])}(_as_list({v}))"
        inner = self.expr(item, "x")
        if inner == "x":
            return f"({v} if type({v}) is list else _as_list({v}))"
        return f"[{inner} for x in _as_list({v})]"


_MAX_SHAPES: Final = 16
"""Key orders remembered per model; a dict of another order then uses the generic code."""
_MAX_DEPTH: Final = 4
"""How deep nested models are built inline in their parent's code."""
_BY_KEY: Final = 2
"""Nested objects with up to this many keys are read key by key, in any order."""


_LISTS: dict[Callable[..., Any], Callable[[list[Any]], list[Any]]] = {}
"""The generated structuring functions' whole-list versions."""
_NESTED: dict[Callable[..., Any], tuple[_Model, Callable[[list[Any]], list[Any]]]] = {}
"""Per generated structuring function: its model, and its whole-list version
for a list field (where ``null`` items stay ``None``)."""
_GENERIC: dict[type, Callable[..., Any]] = {}


class _Model:
    """What the generated code needs to know of one attrs class."""

    def __init__(self, cls: type) -> None:
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.fields: list[_Field] = [
            (f.name, json_key(f), f.default is attrs.NOTHING, hints[f.name])
            for f in attrs.fields(cls)
            if f.name != "extra_fields"
        ]
        self.has_extras = "extra_fields" in attrs.fields_dict(cls)
        self.known = frozenset(key for _, key, _, _ in self.fields)
        self.required = frozenset(key for _, key, req, _ in self.fields if req)
        self.max_keys = len(self.fields) + 32

    def fits(self, d: dict[Any, Any], keys: tuple[Any, ...]) -> bool:
        """Whether a shape function can be generated for these keys."""
        return (
            len(keys) <= self.max_keys
            and self.required <= d.keys()
            and all(type(k) is str for k in keys)
        )


def _nested(tp: Any) -> tuple[_Model, Callable[[list[Any]], list[Any]]] | None:
    """The model and nullable list code of a model type structured by this module."""
    if not (isinstance(tp, type) and attrs.has(tp)):
        return None
    return _NESTED.get(converter.get_structure_hook(tp))


def generic_parser(cls: type[_T]) -> Callable[[Any], _T]:
    """The unspecialised structuring function of ``cls``: one ``d.get`` per field,
    nested models the same way. Gives what the specialised code gives, errors
    included; it is the reference the tests compare the specialised code with.
    """
    fn = _GENERIC.get(cls)
    if fn is None:
        fn = _GENERIC[cls] = _compile_generic(_Model(cls), _Codegen(specialise=False))
    return typing.cast(Callable[[Any], _T], fn)


def _compile_structure(cls: type) -> Callable[[Any, Any], Any]:
    """The structuring function of ``cls``: specialised per key set, generic otherwise.

    Items of one list nearly always arrive with the same keys, so for each
    such key set ("shape") a function is generated once that reads all of
    them in one C call (``operator.itemgetter``), knows which keys are
    missing (``None``, as ``d.get`` would give) and which are unknown
    (``extra_fields``), and does no lookup per field. A single dict finds its
    function by its key order (up to ``_MAX_SHAPES`` orders are remembered);
    in a list, a dict with as many keys as the previous one's shape is given
    to the same function, which raises ``KeyError`` at once if one of its keys
    is missing (the dict then takes the long way). A nested model that the
    first dict of a shape has as an object is built inline in the same
    function, behind one check that its keys come in the same order (else
    its own hook runs), so it costs what its fields cost; a list of models
    goes through the model's whole-list code. Any other dict (a required key
    missing, more than ``_MAX_SHAPES`` orders) goes through the generic code,
    which behaves the same.
    """
    model = _Model(cls)
    gen = _Codegen()
    generic = _compile_generic(model, gen)
    shapes: dict[tuple[str, ...], Callable[[dict[str, Any]], Any]] = {}
    by_set: dict[frozenset[str], Callable[[dict[str, Any]], Any]] = {}

    def compile_shape(d: dict[Any, Any], keys: tuple[Any, ...]) -> Callable[..., Any]:
        if len(shapes) >= _MAX_SHAPES or not model.fits(d, keys):
            return generic
        # A shape's code reads keys by name: one function serves every order.
        fn = by_set.get(key_set := frozenset(keys))
        if fn is None:
            fn = by_set[key_set] = _compile_shape(model, keys, d, gen)
        shapes[keys] = fn
        return fn

    def structure(d: Any, _type: Any = None) -> Any:
        if type(d) is not dict:
            return generic(d)
        keys = tuple(d)
        fn = shapes.get(keys) or compile_shape(d, keys)
        return fn(d)

    def structure_list(items: list[Any], nulls: bool = False) -> list[Any]:
        # A shape's function reads its keys by name, so it fits every dict
        # with as many keys that has all of them: the same key set, in any
        # order. A page's items nearly always share theirs, so each item
        # costs a length check; a dict with other keys of the same count
        # fails with KeyError at its first read (structuring has no side
        # effects), and then goes the long way, which raises what the
        # generic code raises if the KeyError was the data's own.
        out: list[Any] = []
        append = out.append
        size = -1
        fn = generic
        for d in items:
            if type(d) is dict and len(d) == size:
                try:
                    append(fn(d))
                    continue
                except KeyError:
                    pass
            if type(d) is not dict:
                append(None if nulls and d is None else generic(d))
                continue
            keys = tuple(d)
            fn = shapes.get(keys) or compile_shape(d, keys)
            size = len(keys)
            append(fn(d))
        return out

    _LISTS[structure] = structure_list
    _NESTED[structure] = (model, lambda items: structure_list(items, True))
    return structure


_Field = tuple[str, str, bool, Any]
"""A field's attribute name, JSON key, whether it is required, and its type."""


def _compile_generic(model: _Model, gen: _Codegen) -> Callable[[Any], Any]:
    # Bypass __init__: keyword-argument binding for twenty fields costs more
    # than the attribute stores themselves (models have no validators).
    cls_name = gen.bind(model.cls)
    lines = [
        "def generic(d, _type=None):",
        f"    if type(d) is not dict: _not_object(d, {cls_name})",
        f"    o = _new({cls_name})",
        "    get = d.get",
    ]
    for name, key, required, tp in model.fields:
        raw = f"d[{key!r}]" if required else f"get({key!r})"
        expr = gen.expr(tp, "v")
        if expr == "v":
            lines.append(f"    o.{name} = {raw}")
        else:
            lines += [f"    v = {raw}", f"    o.{name} = {expr}"]
    if model.has_extras:
        lines.append(f"    o.extra_fields = _extras(d, {gen.bind(model.known)})")
    lines.append("    return o")
    return _exec(lines, "generic", gen.namespace)


def _compile_shape(
    model: _Model, keys: tuple[str, ...], sample: dict[str, Any], gen: _Codegen
) -> Callable[[dict[str, Any]], Any]:
    """The function for dicts with ``keys`` in this order; ``sample`` is one of them."""
    values = [f"v{i}" for i in range(len(keys))]
    body = _read(values, keys, gen) + _build(
        model, keys, values, "d", "o", sample, gen, 0
    )
    lines = ["def shape(d):", *(f"    {line}" for line in body), "    return o"]
    return _exec(lines, "shape", gen.namespace)


def _read(values: list[str], keys: tuple[str, ...], gen: _Codegen) -> list[str]:
    """Lines that read ``keys`` of ``d`` into ``values`` by name (in one C call
    for two or more): ``KeyError`` if one is missing, whatever the order."""
    if len(keys) < 2:
        return [f"{v} = d[{k!r}]" for v, k in zip(values, keys, strict=True)]
    getter = gen.bind(operator.itemgetter(*keys))
    return [f"({''.join(f'{v}, ' for v in values)}) = {getter}(d)"]


def _unpack(values: list[str], source: str) -> list[str]:
    return (
        [f"({''.join(f'{v}, ' for v in values)}) = {source}.values()"] if values else []
    )


def _build(
    model: _Model,
    keys: tuple[str, ...],
    values: list[str],
    source: str,
    target: str,
    sample: dict[str, Any],
    gen: _Codegen,
    depth: int,
) -> list[str]:
    """Lines that store in ``target`` a ``model`` built from ``values``, the names
    holding the values of ``keys`` of the dict named ``source``."""
    position = {key: i for i, key in enumerate(keys)}
    lines = [f"{target} = _new({gen.bind(model.cls)})"]
    for name, key, _, tp in model.fields:
        if key not in position:  # what the generic code makes of d.get(key): None
            lines.append(f"{target}.{name} = {_missing(gen.expr(tp, 'v'), gen)}")
            continue
        value = values[position[key]]
        lines += _build_field(f"{target}.{name}", tp, value, sample[key], gen, depth)
    if model.has_extras:
        extra = [
            f"{k!r}: {values[i]}" for i, k in enumerate(keys) if k not in model.known
        ]
        if len(extra) > 1:  # in the dict's own order, which may not be keys'
            code = f"_extras({source}, {gen.bind(model.known)})"
        else:
            code = f"{{{extra[0]}}}" if extra else "_EMPTY"
        lines.append(f"{target}.extra_fields = {code}")
    return lines


def _build_field(
    attr: str, tp: Any, value: str, sample: Any, gen: _Codegen, depth: int
) -> list[str]:
    """Lines that store one field; a nested model inline when ``sample`` allows."""
    nested = _nested(_strip_optional(tp)) if depth < _MAX_DEPTH else None
    if nested is None or type(sample) is not dict:
        return [f"{attr} = {gen.expr(tp, value)}"]
    inner, keys = nested[0], tuple(sample)
    if not inner.fits(sample, keys):
        return [f"{attr} = {gen.expr(tp, value)}"]
    values = [f"{value}_{j}" for j in range(len(keys))]
    built = _build(inner, keys, values, value, f"{value}_o", sample, gen, depth + 1)
    if len(keys) <= _BY_KEY:
        # A small object: its keys checked and read one by one (any order)
        # cost less than a tuple of them built and compared.
        check = " and ".join(
            [f"len({value}) == {len(keys)}"] + [f"{k!r} in {value}" for k in keys]
        )
        built = [
            f"{v} = {value}[{k!r}]" for v, k in zip(values, keys, strict=True)
        ] + built
    else:
        check = f"tuple({value}) == {gen.bind(keys)}"
        built = _unpack(values, value) + built
    return [
        f"if type({value}) is dict and {check}:",
        *(f"    {line}" for line in built),
        f"    {attr} = {value}_o",
        "else:",
        f"    {attr} = {gen.expr(tp, value)}",
    ]


def _missing(expr: str, gen: _Codegen) -> str:
    """``expr`` for ``v = None``: a constant when it is one, else the expression."""
    try:
        value = eval(expr, gen.namespace, {"v": None})  # noqa: S307 - generated code
    except Exception:  # the expression raises the same at run time
        value = _DEFAULT
    if value is None:
        return "None"
    if value == [] and type(value) is list:
        return "[]"
    if value == {} and type(value) is dict:
        return "{}"
    return f"(lambda v: {expr})(None)"


def _exec(lines: list[str], name: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    scope: dict[str, Any] = {}
    exec("\n".join(lines), namespace, scope)  # noqa: S102
    fn: Callable[..., Any] = scope[name]
    return fn


def _unstructure_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, dt.datetime):
        return _format_model_datetime(value)
    if isinstance(value, list | tuple):
        return [_unstructure_value(x) for x in value]
    if isinstance(value, Mapping):
        return {k: _unstructure_value(x) for k, x in value.items()}
    return converter.unstructure(value)


def _compile_unstructure(cls: type) -> Callable[[Any], dict[str, Any]]:
    fields = [
        (f.name, json_key(f)) for f in attrs.fields(cls) if f.name != "extra_fields"
    ]
    has_extras = "extra_fields" in attrs.fields_dict(cls)

    def unstructure_model(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = dict(obj.extra_fields) if has_extras else {}
        for name, key in fields:
            value = getattr(obj, name)
            if value is not None:
                out[key] = _unstructure_value(value)
        return out

    return unstructure_model


converter.register_structure_hook_factory(attrs.has, _compile_structure)
converter.register_unstructure_hook_factory(attrs.has, _compile_unstructure)
converter.register_structure_hook(dt.datetime, lambda v, _: parse_datetime(v))
converter.register_unstructure_hook(dt.datetime, _format_model_datetime)


def parser(cls: type[_T]) -> Callable[[Any], _T]:
    """A one-argument function that structures decoded JSON into ``cls``."""
    hook = converter.get_structure_hook(cls)
    if attrs.has(cls):  # the generated hooks take the type as an optional argument
        return typing.cast(Callable[[Any], _T], hook)
    return lambda data: typing.cast(_T, hook(data, cls))


def list_parser(item: Callable[[Any], _T]) -> Callable[[list[Any]], list[_T]]:
    """A function that structures every element of a JSON array with ``item``.

    For a parser of ``parser()``, the generated whole-list version (the same
    results and errors as ``[item(x) for x in items]``, with less dispatch).
    """
    many = _LISTS.get(item)
    if many is not None:
        return many
    return lambda items: [item(x) for x in items]


def structure(data: Any, cls: type[_T]) -> _T:
    """Structure decoded JSON into ``cls`` through the one converter."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Turn a model back into JSON-ready data, unknown fields included."""
    return converter.unstructure(obj)


def to_dict(model: Any) -> dict[str, Any]:
    """A model as the API's JSON (a dict): unknown fields kept, `None` left out.

    Template objects come out camelCase, as the API spells them; datetimes
    as RFC 3339 strings. Store it, and read it back with `from_dict()`.

    Args:
        model: A model from `hms_async.models` (e.g. a
            [Room][hms_async.models.Room]).

    Returns:
        The JSON-ready dict.

    Raises:
        TypeError: `model` is not a model.

    Example:
        ```python
        saved = to_dict(room)
        assert from_dict(saved, Room) == room
        ```
    """
    data = converter.unstructure(model)
    if not isinstance(data, dict):
        raise TypeError(f"to_dict() takes a model, got {type(model).__name__}")
    return data


def from_dict(data: Mapping[str, Any], cls: type[_T]) -> _T:
    """Build a model from the API's JSON, e.g. a stored `to_dict()` result.

    Args:
        data: The JSON object, as the API sends it.
        cls: The model class to build, e.g. `Room`.

    Returns:
        The model; fields it does not name are kept in `extra_fields`.

    Raises:
        KeyError: A required field (such as `id`) is missing.
        TypeError: A value has the wrong JSON type (an object where a list
            belongs, ...).
        ValueError: A value cannot be read, e.g. a malformed timestamp.
    """
    return converter.structure(dict(data), cls)
