"""The one cattrs converter, and the functions the package structures and
unstructures through.

The wire rules live in ``_wire`` (timestamps in ``_timestamps``). Each model
is structured by code generated for it (``_codegen``: the hot path of a long
list), checked at its first use against the public path
(``_wire.plain_structure``, no generated code); if the two differ, that model
takes the public path for good. ``_fastpaths.force_public(True)`` then
``_codegen.forget()`` (or ``HMS_ASYNC_PUBLIC_PATHS=1`` before the import) put
every model on the public path.

``converter.structure(data, Room)`` and the nested hooks all go through the
generated hook; ``parser()`` and ``list_parser()`` hand out the hook and its
whole-list version.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from . import _codegen
from ._timestamps import format_datetime, format_model_datetime, parse_datetime
from ._wire import EMPTY, json_key, plain_structure

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

_T = typing.TypeVar("_T")

converter = cattrs.Converter()


def fast_path_name(cls: type) -> str:
    """The name of the generated structuring of ``cls`` in ``_fastpaths``."""
    return f"structure:{cls.__module__}.{cls.__qualname__}"


def _compile_structure(cls: type) -> Callable[..., Any]:
    """The converter's structuring hook of a model: generated code, checked
    against the public path at first use (see ``_codegen.compile_structure``)."""
    hook_of = converter.get_structure_hook
    public: Callable[..., Any] = plain_structure(cls, hook_of)
    return _codegen.compile_structure(cls, hook_of, public, fast_path_name(cls))


def generic_parser(cls: type[_T]) -> Callable[[Any], _T]:
    """The unspecialised generated structuring function of ``cls`` (the
    reference the tests compare the specialised code with)."""
    return _codegen.generic_parser(cls, converter.get_structure_hook)


def _unstructure_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, dt.datetime):
        return format_model_datetime(value)
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
converter.register_unstructure_hook(dt.datetime, format_model_datetime)


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
    many = _codegen.whole_list(item)
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
