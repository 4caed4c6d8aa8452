"""What a call sends: its path, its query and its JSON body, encoded once.

* paths are endpoint templates filled with percent-encoded ids
  (``path()``), so an id can never reach another endpoint;
* query values are encoded the API's way (booleans ``true``/``false``,
  lists as repeated keys, datetimes RFC 3339), ``None`` is never sent;
* a JSON body is built of the arguments that were passed (``body()``):
  models through the converter, enums as their values, mappings and lists
  deeply (``wire()``), so every service sends the same JSON for the same
  value.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Collection, Mapping
from typing import Any, Final
from urllib.parse import quote, quote_plus

__all__ = ["Body", "body", "encode_query", "path", "query_string", "wire"]

_PLAIN_SEGMENT: Final = re.compile(r"[\w.~-]*[^\W.][\w.~-]*", re.ASCII)
"""A segment ``quote`` leaves as it is and not only dots."""
_SLOT: Final = re.compile(r"\{(\w+)\}")
_ROUTES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
"""Each template's pieces and slot names, split once (templates are the
services' literals: a few dozen)."""
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})
"""Types a body value of which is already JSON (a ``StrEnum`` is not one)."""


def path(template: str, *ids: str) -> str:
    """Fill a path template's ``{name}`` slots with ``ids``, in order, each
    percent-encoded completely: ``path("rooms/{room_id}", room_id)``.

    ``/``, ``?``, ``#`` and ``%`` are encoded, and an id of only dots is
    encoded too, so no id can climb out of its endpoint. The template is the
    endpoint's name (tracing names spans by it), the ids its values.

    Raises:
        ValueError: An id is empty (named by its slot: "room_id must not be
            empty").
        TypeError: An id is not a string, or the ids do not fill the slots.
    """
    route = _ROUTES.get(template)
    if route is None:
        route = _ROUTES[template] = _route(template)
    pieces, names = route
    if len(ids) != len(names):
        raise TypeError(f"{template!r} takes {len(names)} ids, got {len(ids)}")
    filled = pieces[0]
    for index, segment in enumerate(ids):
        if not (type(segment) is str and _PLAIN_SEGMENT.fullmatch(segment)):
            segment = _encoded(names[index], segment)  # else quote() changes nothing
        filled += segment + pieces[index + 1]
    return filled


def _route(template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A template's literal pieces around its slots, and the slots' names."""
    parts = _SLOT.split(template)
    return tuple(parts[0::2]), tuple(parts[1::2])


def _encoded(name: str, segment: object) -> str:
    if not isinstance(segment, str):
        raise TypeError(f"{name} must be a string, got {type(segment).__name__}")
    if not segment:
        raise ValueError(f"{name} must not be empty")
    encoded = quote(segment, safe="")
    return encoded.replace(".", "%2E") if set(encoded) == {"."} else encoded


def _query_value(value: object) -> str | list[str]:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        from ._serde import format_datetime  # models, and cattrs, on first use

        return format_datetime(value)
    if isinstance(value, list | tuple):
        return [v for item in value for v in [_query_value(item)] if isinstance(v, str)]
    return str(value)


def encode_query(params: Mapping[str, Any] | None) -> dict[str, str | list[str]]:
    """Encode query parameters the API's way; ``None`` values are dropped."""
    if not params:
        return {}
    return {k: _query_value(v) for k, v in params.items() if v is not None}


def _quote_plus(text: str) -> str:
    # ASCII letters and digits are what quote_plus() leaves alone: skip it.
    return text if text.isascii() and text.isalnum() else quote_plus(text)


def query_string(query: Mapping[str, str | list[str]]) -> str:
    """An encoded query as ``urlencode`` writes its pairs, lists as repeated keys."""
    return "&".join(
        f"{_quote_plus(k)}={_quote_plus(item)}"
        for k, v in query.items()
        for item in (v if isinstance(v, list) else (v,))
    )


def wire(value: Any) -> Any:
    """A body value as JSON: models through the converter, enums as their
    values, mappings and lists deeply; anything else as it is."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {k: wire(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [wire(v) for v in value]
    if hasattr(type(value), "__attrs_attrs__"):  # a model (what attrs.has() tests)
        from ._serde import unstructure  # models, and cattrs, on first use

        return unstructure(value)
    return value


class Body(dict[str, Any]):
    """A JSON body that remembers every field its method takes (``takes``),
    passed or not: ``extra_body`` may not set one of those."""

    __slots__ = ("takes",)

    takes: Collection[str]


def body(**fields: Any) -> Body:
    """A JSON body of the arguments that were passed (`None` means not passed)."""
    sent = Body()
    sent.takes = fields.keys()
    for key, value in fields.items():
        if value is not None:
            sent[key] = wire(value)
    return sent
