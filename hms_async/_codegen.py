"""Generated structuring functions: the fast path of a long list.

Turning JSON into models is the hot path of a long list, so this module
generates, once per model and per key set ("shape"), a structuring function
that reads each key straight out of the dict (see :func:`compile_structure`).
It applies the rules of ``_wire`` and nothing else.

Every generated function is checked where it is used: the first dict it
serves is also structured by the public path (``_wire.plain_structure``), and
if the two differ the model takes the public path for good (one DEBUG line,
through ``_fastpaths``). The check runs when a function is generated, never
per item. The generated source is registered in ``linecache``, so a
traceback through it shows its lines.
"""

from __future__ import annotations

import datetime as dt
import linecache
import operator
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

import attrs

from . import _fastpaths
from ._timestamps import ZERO_TIME_PREFIX, parse_datetime
from ._wire import (
    EMPTY,
    PASSTHROUGH,
    HookOf,
    Model,
    as_list,
    as_map,
    extras,
    not_object,
    open_enum,
    strip_optional,
)

__all__ = ["compile_structure", "forget", "generic_parser", "whole_list"]

_MAX_SHAPES: Final = 16
"""Key orders remembered per model; a dict of another order then uses the generic code."""
_MAX_DEPTH: Final = 4
"""How deep nested models are built inline in their parent's code."""
_BY_KEY: Final = 2
"""Nested objects with up to this many keys are read key by key, in any order."""
_DEFAULT: Final[Any] = object()

_T = typing.TypeVar("_T")
Structure = Callable[..., Any]
ListOf = Callable[[list[Any]], list[Any]]


class _Model(Model):
    """What the generated code needs to know of one attrs class."""

    def __init__(self, cls: type) -> None:
        super().__init__(cls)
        self.max_keys = len(self.fields) + 32

    def fits(self, d: dict[Any, Any], keys: tuple[Any, ...]) -> bool:
        """Whether a shape function can be generated for these keys."""
        return (
            len(keys) <= self.max_keys
            and self.required <= d.keys()
            and all(type(k) is str for k in keys)
        )


class _Compiled(NamedTuple):
    """A generated structuring hook's model, its whole-list version for a list
    field (where ``null`` items stay ``None``), and how to drop its code."""

    model: _Model
    nullable_list: ListOf
    forget: Callable[[], None]
    name: str
    """Its fast path's name in ``_fastpaths``."""


_LISTS: dict[Structure, ListOf] = {}
"""The generated structuring functions' whole-list versions."""
_NESTED: dict[Structure, _Compiled] = {}
_GENERIC: dict[type, Structure] = {}


class _Codegen:
    """Turns one field type into a Python expression over the name ``v``.

    ``specialise=False`` gives the reference code the specialised code is
    tested against: nested models through their generic functions, lists of
    models one hook call per item.
    """

    def __init__(self, hook_of: HookOf, specialise: bool = True) -> None:
        self.namespace: dict[str, Any] = {
            "_dt": parse_datetime,
            "_iso": dt.datetime.fromisoformat,
            "_as_list": as_list,
            "_as_map": as_map,
            "_extras": extras,
            "_not_object": not_object,
            "_new": object.__new__,
            "_EMPTY": EMPTY,
        }
        self.hook_of = hook_of
        self.specialise = specialise
        self._names: dict[int, str] = {}

    def bind(self, value: object) -> str:
        """A name for ``value`` in the generated code's namespace (one per object)."""
        name = self._names.get(id(value))
        if name is None:
            name = self._names[id(value)] = f"_g{len(self._names) + 1}"
            self.namespace[name] = value
        return name

    def hook(self, tp: Any) -> Structure:
        """The structuring hook of a nested type."""
        hook = self.hook_of(tp)
        if self.specialise or hook not in _LISTS:
            return hook
        return generic_parser(tp, self.hook_of)

    def nested(self, tp: Any) -> _Compiled | None:
        """The compiled hook of a model type structured by this module."""
        if not (isinstance(tp, type) and attrs.has(tp)):
            return None
        return _NESTED.get(self.hook_of(tp))

    def expr(self, tp: Any, v: str) -> str:
        """The expression that reads the JSON value named ``v`` as ``tp``."""
        stripped = strip_optional(tp)
        nullable, tp = stripped is not tp, stripped
        if tp in PASSTHROUGH:
            return v
        if tp is dt.datetime:
            # The API's zero time "0001-01-01T00:00:00Z" goes straight to
            # None, its usual "...Z" straight to fromisoformat (aware UTC);
            # other offsets, strings before "1" (years 0xxx, the other zero
            # times among them, and the empty string) and wrong types take
            # _dt, which gives the same for what it shares with the fast
            # path. No slices: a slice builds a string per field.
            return (
                f"(None if {v} == '{ZERO_TIME_PREFIX}Z' else _iso({v}) "
                f"if type({v}) is str and {v} >= '1' and {v}[-1] == 'Z' "
                f"else None if {v} is None else _dt({v}))"
            )
        if (enum_cls := open_enum(tp)) is not None:
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
        nested = self.nested(strip_optional(item)) if self.specialise else None
        if nested is not None:  # the model's whole-list code, nulls kept
            return f"{self.bind(nested.nullable_list)}(_as_list({v}))"
        inner = self.expr(item, "x")
        if inner == "x":
            return f"({v} if type({v}) is list else _as_list({v}))"
        return f"[{inner} for x in _as_list({v})]"


def whole_list(hook: Callable[..., Any]) -> ListOf | None:
    """The whole-list version of a hook of :func:`compile_structure`, else ``None``."""
    return _LISTS.get(hook)


def forget() -> None:
    """Drop every generated function: each model compiles (and checks) again at
    its next use, and takes the public path if ``_fastpaths`` says so."""
    for compiled in list(_NESTED.values()):
        compiled.forget()


def generic_parser(cls: type[_T], hook_of: HookOf) -> Callable[[Any], _T]:
    """The unspecialised structuring function of ``cls``: one ``d.get`` per field,
    nested models the same way. Gives what the specialised code gives, errors
    included; it is the reference the tests compare the specialised code with.
    """
    fn = _GENERIC.get(cls)
    if fn is None:
        gen = _Codegen(hook_of, specialise=False)
        fn = _GENERIC[cls] = _compile_generic(_Model(cls), gen)
    return typing.cast(Callable[[Any], _T], fn)


def compile_structure(
    cls: type, hook_of: HookOf, public: Structure, name: str
) -> Structure:
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

    Each generated function (the generic one, each shape's) is checked on the
    first dict it gets against ``public``: equal models, or exceptions of the
    same type. If they differ, or ``_fastpaths.enabled(name)`` is false, the
    model uses ``public`` from then on, and generates nothing more.

    Args:
        cls: An attrs model.
        hook_of: The converter's ``get_structure_hook``, for nested types.
        public: The public path of ``cls`` (``_wire.plain_structure``).
        name: The fast path's name for ``_fastpaths``.

    Returns:
        The converter's hook (a function of the data and an ignored type).
    """
    model = _Model(cls)
    gen = _Codegen(hook_of)
    shapes: dict[tuple[str, ...], Structure] = {}
    by_set: dict[frozenset[str], Structure] = {}
    generic: Structure  # the generic code, first_use until it is first used

    def use_public() -> Structure:
        nonlocal generic
        if generic is not public:
            generic = public
            shapes.clear()
            by_set.clear()
        return public

    def checked(build: Callable[[], Structure], d: Any) -> Structure:
        # The function ``build`` generates, if it may be used and gives on
        # ``d`` what the public path gives; the public path otherwise.
        if not _fastpaths.enabled(name):
            return use_public()
        fn = build()
        reason = _disagreement(fn, public, d)
        if reason is None:
            return fn
        _fastpaths.disable(name, reason)
        return use_public()

    def first_use(d: Any, _type: Any = None) -> Any:
        nonlocal generic
        if generic is first_use:  # else a caller kept this function: pass on
            generic = checked(lambda: _compile_generic(model, gen), d)
        return generic(d)

    generic = first_use

    def compile_shape(d: dict[Any, Any], keys: tuple[Any, ...]) -> Structure:
        if generic is public or len(shapes) >= _MAX_SHAPES or not model.fits(d, keys):
            return generic
        # A shape's code reads keys by name: one function serves every order.
        fn = by_set.get(key_set := frozenset(keys))
        if fn is None:
            fn = checked(lambda: _compile_shape(model, keys, d, gen), d)
            by_set[key_set] = fn
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

    def drop() -> None:
        nonlocal generic
        generic = first_use
        shapes.clear()
        by_set.clear()

    _LISTS[structure] = structure_list
    _NESTED[structure] = _Compiled(
        model, lambda items: structure_list(items, True), drop, name
    )
    return structure


def _disagreement(fast: Structure, public: Structure, d: Any) -> str | None:
    """How ``fast(d)`` and ``public(d)`` differ, or ``None``: equal results, or
    exceptions of one type. Names types only: the data may hold secrets."""
    fast_ok, got = _outcome(fast, d)
    public_ok, wanted = _outcome(public, d)
    if fast_ok and public_ok:
        return None if _same(got, wanted) else "the generated code built another value"
    if not fast_ok and not public_ok:
        if got is wanted:
            return None
        return (
            f"the generated code raised {got.__name__}, "
            f"the public path {wanted.__name__}"
        )
    if fast_ok:
        return f"the public path raised {wanted.__name__}, the generated code did not"
    return f"the generated code raised {got.__name__}, the public path did not"


def _same(a: Any, b: Any) -> bool:
    """Equal (attrs equality, ``extra_fields`` included) and of the same types
    all the way down: an enum member is not its string, though they compare equal."""
    if type(a) is not type(b):
        return False
    if attrs.has(type(a)):
        fields = attrs.fields(type(a))
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in fields)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    return a is b or bool(a == b)


def _outcome(fn: Structure, d: Any) -> tuple[bool, Any]:
    """``(True, fn(d))``, or ``(False, the exception's type)``."""
    try:
        return True, fn(d)
    except Exception as exc:  # compared, never swallowed: the caller raises again
        return False, type(exc)


def _compile_generic(model: _Model, gen: _Codegen) -> Structure:
    # Bypass __init__: keyword-argument binding for twenty fields costs more
    # than the attribute stores themselves (models have no validators; the
    # check against the public path, which calls __init__, would see one).
    cls_name = gen.bind(model.cls)
    lines = [
        "def generic(d, _type=None):",
        f"    if type(d) is not dict: _not_object(d, {cls_name})",
        f"    o = _new({cls_name})",
        "    get = d.get",
    ]
    for field in model.fields:
        key = field.key
        raw = f"d[{key!r}]" if field.required else f"get({key!r})"
        expr = gen.expr(field.type, "v")
        if expr == "v":
            lines.append(f"    o.{field.name} = {raw}")
        else:
            lines += [f"    v = {raw}", f"    o.{field.name} = {expr}"]
    if model.has_extras:
        lines.append(f"    o.extra_fields = _extras(d, {gen.bind(model.known)})")
    lines.append("    return o")
    return _exec(lines, "generic", gen.namespace, f"structure {model.cls.__qualname__}")


def _compile_shape(
    model: _Model, keys: tuple[str, ...], sample: dict[str, Any], gen: _Codegen
) -> Structure:
    """The function for dicts with ``keys`` in this order; ``sample`` is one of them."""
    values = [f"v{i}" for i in range(len(keys))]
    body = _read(values, keys, gen) + _build(
        model, keys, values, "d", "o", sample, gen, 0
    )
    lines = ["def shape(d):", *(f"    {line}" for line in body), "    return o"]
    label = f"structure {model.cls.__qualname__} of {len(keys)} keys"
    return _exec(lines, "shape", gen.namespace, label)


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
    for name, _, key, _, tp in model.fields:
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
    nested = gen.nested(strip_optional(tp)) if depth < _MAX_DEPTH else None
    if (
        nested is None
        or type(sample) is not dict
        or not _fastpaths.enabled(nested.name)  # its own code failed its check
    ):
        return [f"{attr} = {gen.expr(tp, value)}"]
    inner, keys = nested.model, tuple(sample)
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


def _exec(
    lines: list[str], name: str, namespace: dict[str, Any], label: str
) -> Structure:
    """Run the generated source; ``label`` names it in tracebacks."""
    source = "\n".join(lines) + "\n"
    code = compile(source, _register(label, source), "exec")
    scope: dict[str, Any] = {}
    exec(code, namespace, scope)  # noqa: S102
    fn: Structure = scope[name]
    return fn


def _register(label: str, source: str) -> str:
    """A file name for ``source`` whose lines ``linecache`` serves (as attrs and
    cattrs do), so a traceback shows them; the same source keeps one name."""
    entry_lines = source.splitlines(keepends=True)
    number = 1
    while True:
        suffix = f" #{number}" if number > 1 else ""
        filename = f"<hms_async generated {label}{suffix}>"
        entry = (len(source), None, entry_lines, filename)
        if linecache.cache.setdefault(filename, entry) == entry:
            return filename
        number += 1
