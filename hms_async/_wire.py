"""The wire rules of every model, and the plain structuring that applies them.

Rules, in one place:

* A field's JSON key is its name, or ``metadata={"json": "camelName"}``.
* Keys the model does not know are kept in ``extra_fields`` and written back
  by ``unstructure``: responses drift ahead of any SDK.
* Timestamps are RFC 3339 strings; the zero time is ``None``
  (see ``_timestamps``).
* A field typed ``SomeStrEnum | str`` keeps values the enum does not know as
  plain strings.
* ``null`` where a list or map is expected becomes an empty list or map; a
  field typed ``list[...] | None`` or ``dict[...] | None`` keeps ``None``
  (null or missing: its default, and nothing written back).
* A missing required key is ``KeyError``, a value of the wrong JSON type
  ``TypeError``, an unreadable one ``ValueError``; nothing else is checked
  (a ``str`` field takes what it is given).

:func:`plain_structure` applies them with closures and the model's own
``__init__``: the public path. ``_codegen`` generates faster code for the
same rules; ``_serde`` checks one against the other at first use.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

import attrs

from ._timestamps import parse_datetime

__all__ = [
    "EMPTY",
    "PASSTHROUGH",
    "Field",
    "HookOf",
    "Model",
    "as_list",
    "as_map",
    "extras",
    "json_key",
    "not_object",
    "open_enum",
    "plain_structure",
    "strip_optional",
]

EMPTY: Final[Mapping[str, Any]] = types.MappingProxyType({})
PASSTHROUGH: Final = frozenset({str, int, float, bool, object, Any})
"""Types whose JSON value is kept as it is."""

HookOf = Callable[[Any], Callable[..., Any]]
"""The converter's structuring hook of a type (``get_structure_hook``)."""

_T = typing.TypeVar("_T")


def json_key(field: attrs.Attribute[Any]) -> str:
    """The JSON key of a model field.

    Args:
        field: One of ``attrs.fields(SomeModel)``.

    Returns:
        ``metadata["json"]`` if the field has it, else its name.

    Example:
        ```python
        json_key(attrs.fields(Role).publish_params)  # "publishParams"
        ```
    """
    key: str = field.metadata.get("json", field.name)
    return key


def not_object(value: object, cls: type) -> typing.NoReturn:
    """Raise the ``TypeError`` of a model given something other than an object."""
    raise TypeError(f"expected a JSON object for {cls.__name__}, got {value!r:.40}")


def as_list(value: object) -> list[Any]:
    """A JSON array as it is; ``null`` is ``[]``, anything else a ``TypeError``."""
    if value is None:
        return []
    if type(value) is not list:
        raise TypeError(f"expected a JSON array, got {type(value).__name__}")
    return value


def as_map(value: object) -> dict[str, Any]:
    """A JSON object as it is; ``null`` is ``{}``, anything else a ``TypeError``."""
    if value is None:
        return {}
    if type(value) is not dict:
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return value


def extras(data: dict[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    """The keys of ``data`` a model does not know, in their order (or ``EMPTY``)."""
    if data.keys() <= known:
        return EMPTY
    return {k: v for k, v in data.items() if k not in known}


def strip_optional(tp: Any) -> Any:
    """``tp`` without ``None`` among its union members."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return tp


def open_enum(tp: Any) -> type[enum.Enum] | None:
    """The enum of an ``SomeEnum | str`` annotation, else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or str not in args:
        return None
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    return enums[0] if len(enums) == 1 and len(args) == 2 else None


class Field(NamedTuple):
    """One field of a model, as the wire rules see it."""

    name: str
    alias: str
    """Its ``__init__`` argument."""
    key: str
    """Its JSON key."""
    required: bool
    type: Any


class Model:
    """The fields of one attrs class, ``extra_fields`` aside."""

    def __init__(self, cls: type) -> None:
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.fields = [
            Field(
                f.name, f.alias, json_key(f), f.default is attrs.NOTHING, hints[f.name]
            )
            for f in attrs.fields(cls)
            if f.name != "extra_fields"
        ]
        self.has_extras = "extra_fields" in attrs.fields_dict(cls)
        self.known = frozenset(f.key for f in self.fields)
        self.required = frozenset(f.key for f in self.fields if f.required)


Reader = Callable[[Any], Any]
"""Turns one JSON value into a field's value."""


def plain_structure(cls: type[_T], hook_of: HookOf) -> Callable[..., _T]:
    """The public path: a structuring function for ``cls`` with no generated code.

    Reads each field with ``d[key]`` (required) or ``d.get(key)``, in the
    class's field order, applies the wire rules and calls ``cls(**values)``.
    Nested types go through their converter hooks, resolved at first use.

    Args:
        cls: An attrs model.
        hook_of: The converter's ``get_structure_hook``.

    Returns:
        A function of the decoded JSON (and an ignored type, as a cattrs hook).

    Example:
        ```python
        room = plain_structure(Room, converter.get_structure_hook)({"id": "r"})
        ```
    """
    model = Model(cls)
    plan: list[tuple[str, str, bool, Reader | None]] | None = None

    def structure(d: Any, _type: Any = None) -> _T:
        nonlocal plan
        if type(d) is not dict:
            not_object(d, cls)
        if plan is None:
            plan = [
                (f.alias, f.key, f.required, reader(f.type, hook_of))
                for f in model.fields
            ]
        values: dict[str, Any] = {}
        for alias, key, required, read in plan:
            value = d[key] if required else d.get(key)
            values[alias] = value if read is None else read(value)
        if model.has_extras:
            values["extra_fields"] = extras(d, model.known)
        return cls(**values)

    return structure


def reader(tp: Any, hook_of: HookOf) -> Reader | None:
    """How a value of ``tp`` is read; ``None`` when it is kept as it is."""
    stripped = strip_optional(tp)
    nullable, tp = stripped is not tp, stripped
    if tp in PASSTHROUGH:
        return None
    if tp is dt.datetime:
        return parse_datetime
    if (enum_cls := open_enum(tp)) is not None:
        members = enum_cls._value2member_map_
        return lambda v: members.get(v, v)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list:
        return _list_reader(reader(args[0], hook_of), nullable)
    if origin in (dict, Mapping, typing.Mapping):
        return _map_reader(reader(args[1], hook_of), nullable)
    hook = hook_of(tp)
    return lambda v: None if v is None else hook(v)


def _list_reader(item: Reader | None, nullable: bool) -> Reader:
    def read(v: Any) -> Any:
        if nullable and v is None:
            return None
        items = as_list(v)
        return items if item is None else [item(x) for x in items]

    return read


def _map_reader(value: Reader | None, nullable: bool) -> Reader:
    def read(v: Any) -> Any:
        if nullable and v is None:
            return None
        items = as_map(v)
        return items if value is None else {k: value(x) for k, x in items.items()}

    return read
