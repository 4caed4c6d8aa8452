"""What every service shares: the requester, paginated lists, argument checks."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, TypeVar

from .._call_options import extras
from .._encoding import path
from .._pagination import CURSOR, AsyncPaginator, Cursor, Page, PageStyle
from .._parsers import first, model
from .._requester import Requester
from ..errors import NotFoundError

__all__ = [
    "Resource",
    "check_int",
    "check_ints",
    "check_length",
    "check_limit",
    "check_range",
]

T = TypeVar("T")


def check_range(name: str, value: int | float | None, low: float, high: float) -> None:
    """Refuse a number outside `[low, high]` before any request is sent.

    For arguments that take fractions (a temperature, a scale); whole-number
    arguments use `check_int`, which also refuses floats.
    """
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value!r}")


def check_int(
    name: str, value: int | None, low: float = -math.inf, high: float = math.inf
) -> None:
    """Refuse anything but an `int` in `[low, high]` (`bool` and `10.5` too)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if high == math.inf:
        if value < low:
            raise ValueError(f"{name} must be {low:g} or more, got {value}")
        return
    check_range(name, value, low, high)


def check_ints(**values: int | None) -> None:
    """:func:`check_int` without a range, for each keyword argument given."""
    for name, value in values.items():
        check_int(name, value)


def check_length(name: str, value: object, high: int, what: str) -> None:
    """Refuse a list or string longer than `high` (`what` names its items)."""
    if isinstance(value, list | tuple | str) and len(value) > high:
        raise ValueError(f"{name} may hold at most {high} {what}, got {len(value)}")


def check_limit(limit: int | None, low: int = 10, high: int = 100) -> None:
    """Refuse a page size the endpoint does not allow (an `int` in range)."""
    check_int("limit", limit, low, high)


class Resource:
    """Base class of the services: holds the client's requester."""

    def __init__(self, requester: Requester) -> None:
        self._requester = requester

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def _lookup(
        self,
        template: str,
        item: type[T],
        params: Mapping[str, Any],
        missing: str,
        *,
        options: Mapping[str, Any],
    ) -> T:
        """The first item of one page of the list ``template``: a lookup.

        Raises:
            NotFoundError: The page is empty (``missing`` is its message).
        """

        def not_found() -> NotFoundError:
            return NotFoundError(
                status_code=404, message=missing, method="GET", path=template
            )

        parse_item = model(item)
        item_found: T = await self._requester.request(
            "GET",
            template,
            params=params,
            parse=first(lambda page: CURSOR.parse(page, parse_item).data, not_found),
            options=options,
        )
        return item_found

    def _list(
        self,
        template: str,
        item: type[T],
        params: Mapping[str, Any],
        *ids: str,
        start: Cursor | None = None,
        style: PageStyle = CURSOR,
        options: Mapping[str, Any] | None = None,
    ) -> AsyncPaginator[T]:
        """A lazy list of ``template`` (filled with ``ids``), checked now:
        its ids, and the per-call ``options`` it keeps for every page."""
        requester = self._requester
        if ids:
            path(template, *ids)
        if options:
            where = f"GET {template}"
            taken = {**params, style.cursor_param: start}
            extras(options, "GET", where, taken, None)

        async def fetch(query: Mapping[str, Any], parse: Any) -> Page[T]:
            page: Page[T] = await requester.request(
                "GET", template, *ids, params=query, parse=parse, options=options
            )
            return page

        return AsyncPaginator(
            fetch,
            params=params,
            style=style,
            item=model(item),
            start=start,
        )
