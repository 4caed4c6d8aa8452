"""How a service says what its answer holds: a model, a list of them, nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["as_json", "first", "ignore", "model", "model_list"]

R = TypeVar("R")

_PARSERS: dict[object, Callable[[Any], Any]] = {}
"""The parsers of ``model`` and ``model_list``, built once per model (and key).

Services ask for them at call time, when every model module, and so every
hook a module registers for its own models, is loaded."""


def model(cls: type[R]) -> Callable[[Any], R]:
    """A parser that structures the body into ``cls``."""
    parse = _PARSERS.get(cls)
    if parse is None:
        from ._serde import parser

        parse = _PARSERS[cls] = parser(cls)
    return parse


def model_list(cls: type[R], key: str | None = "data") -> Callable[[Any], list[R]]:
    """A parser for a list of ``cls`` (under ``key``, or the body itself)."""
    parse = _PARSERS.get((cls, key))
    if parse is None:
        parse = _PARSERS[(cls, key)] = _list_of(cls, key)
    return parse


def _list_of(cls: type[R], key: str | None) -> Callable[[Any], list[R]]:
    from ._serde import list_parser

    many = list_parser(model(cls))

    def parse(body: Any) -> list[R]:
        items = body if key is None else body[key]
        if items is None:
            return []
        if type(items) is not list:
            raise TypeError(f"expected a JSON array, got {type(items).__name__}")
        return many(items)

    return parse


def first(
    items: Callable[[Any], list[R]], missing: Callable[[], Exception]
) -> Callable[[Any], R]:
    """A parser for the first of the items ``items`` parses; ``missing()``
    is raised when there is none (a lookup through a list)."""

    def parse(body: Any) -> R:
        found = items(body)
        if not found:
            raise missing()
        return found[0]

    return parse


def ignore(_body: Any) -> None:
    """A parser for calls whose response carries nothing of use."""


def as_json(body: Any) -> Any:
    """A parser that returns the decoded JSON as it is."""
    return body
